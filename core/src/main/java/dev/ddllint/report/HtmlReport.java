package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.BaselineFingerprint;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.estimate.RowLogEstimator;
import dev.ddllint.estimate.StatementEstimate;
import dev.ddllint.estimate.Units;
import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.Verdict;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page for people (no scripts, fonts or images from elsewhere, so it opens from a CI
 * artifact or a mail attachment). Per migration: a timeline with one segment per statement, coloured by what the
 * server does (INSTANT, INPLACE, INPLACE with a table rebuild, COPY), then one row per statement with its verdict,
 * its lock, the estimated duration against {@code estimate.maxDuration} and the row log against what the log holds,
 * and under it the statement's findings with their help and a link to the rule's page. With {@code ddl-lint
 * verify}, a row under each checked statement with the scratch server's answer ({@code data-outcome}) and, for a
 * disagreement, how to file it and the reproducer.
 *
 * <p>Each statement row carries {@code data-verdict} (the category) and the verdict text as the text report states
 * it, so tools and tests can read the page as well as people.
 */
public final class HtmlReport {

    /** The category of a statement: one colour in the timeline. */
    enum Category {
        INSTANT("INSTANT", "instant"),
        INPLACE("INPLACE", "inplace"),
        REBUILD("INPLACE rebuild", "rebuild"),
        COPY("COPY", "copy"),
        /** a statement the online-DDL verdict does not apply to (CREATE TABLE, SET, DML …) */
        NONE("no ALTER", "none");

        final String label;
        final String css;

        Category(String label, String css) {
            this.label = label;
            this.css = css;
        }

        static Category of(Verdict v) {
            if (v == null) {
                return NONE;
            }
            if (v.algorithm() == Algorithm.COPY) {
                return COPY;
            }
            if (v.rebuildsTable()) {
                return REBUILD;
            }
            return v.algorithm() == Algorithm.INSTANT ? INSTANT : INPLACE;
        }
    }

    private HtmlReport() {
    }

    public static String render(AnalysisReport report, ReportOptions options) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"ddl-lint ").append(esc(report.toolVersion()))
                .append("\">\n<title>ddl-lint report – ").append(esc(report.target().displayName()))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(out, report);
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        report.findings().forEach(f -> byFile.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f));
        int index = 0;
        List<String> seen = new ArrayList<>();
        for (FileReport file : report.files()) {
            seen.add(file.path());
            migration(out, ++index, file, byFile.getOrDefault(file.path(), List.of()), options);
        }
        // Findings about a path without a file report (none today): listed rather than lost.
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            if (!seen.contains(e.getKey())) {
                migration(out, ++index, new FileReport(e.getKey(), List.of()), e.getValue(), options);
            }
        }
        if (report.files().isEmpty() && report.findings().isEmpty()) {
            out.append("<p class=\"empty\">No migrations were checked.</p>\n");
        }
        out.append("<footer>ddl-lint ").append(esc(report.toolVersion())).append(" · verdicts for ")
                .append(esc(report.target().displayName())).append(" · rule pages under <a href=\"")
                .append(esc(options.docsBaseUrl())).append("\">").append(esc(options.docsBaseUrl()))
                .append("</a></footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, AnalysisReport report) {
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        long infos = report.count(Severity.INFO);
        out.append("<header>\n<h1>ddl-lint <span class=\"target\">").append(esc(report.target().displayName()))
                .append("</span></h1>\n<p class=\"summary\">")
                .append(count(report.files().size(), "migration")).append(", ")
                .append(count(report.statementCount(), "statement")).append(": ")
                .append("<span class=\"sev sev-error\">").append(count(errors, "error")).append("</span> ")
                .append("<span class=\"sev sev-warning\">").append(count(warnings, "warning")).append("</span> ")
                .append("<span class=\"sev sev-info\">").append(infos).append(" info</span></p>\n")
                .append("<p class=\"legend\">");
        for (Category c : Category.values()) {
            out.append("<span class=\"chip v-").append(c.css).append("\">").append(c.label).append("</span> ");
        }
        out.append("<span class=\"note\">segment width grows with the estimated duration</span></p>\n");
        List<ServerChecks.Checked> checks = ServerChecks.of(report);
        if (!checks.isEmpty()) {
            long disagreements = ServerChecks.disagreements(checks);
            out.append("<p class=\"verification").append(disagreements > 0 ? " sev-error" : "").append("\">verified: ")
                    .append(esc(ServerChecks.total(checks))).append("</p>\n");
        }
        out.append("</header>\n");
    }

    private static void migration(StringBuilder out, int index, FileReport file, List<Finding> findings,
                                  ReportOptions options) {
        // Findings belong to the first statement at their position; the rest are problems of the file.
        Map<String, Integer> firstAt = new LinkedHashMap<>();
        List<StatementReport> statements = file.statements();
        for (int i = 0; i < statements.size(); i++) {
            firstAt.putIfAbsent(position(statements.get(i)), i);
        }
        Map<Integer, List<Finding>> byStatement = new LinkedHashMap<>();
        List<Finding> ofFile = new ArrayList<>();
        for (Finding f : findings) {
            Integer i = firstAt.get(f.line() + ":" + f.column());
            if (i != null && !f.excerpt().isEmpty()) {
                byStatement.computeIfAbsent(i, k -> new ArrayList<>()).add(f);
            } else {
                ofFile.add(f);
            }
        }
        String id = "m" + index;
        Category worst = Category.NONE;
        for (StatementReport s : statements) {
            Category c = Category.of(verdict(s));
            if (c != Category.NONE && (worst == Category.NONE || c.ordinal() > worst.ordinal())) {
                worst = c;
            }
        }
        out.append("<section class=\"migration\" id=\"").append(id).append("\">\n<h2><span class=\"chip v-")
                .append(worst.css).append("\">").append(worst.label).append("</span> <code>").append(esc(file.path()))
                .append("</code> <span class=\"counts\">").append(count(statements.size(), "statement"))
                .append(severityCounts(findings)).append("</span></h2>\n");
        timeline(out, id, statements);
        if (!ofFile.isEmpty()) {
            out.append("<ul class=\"findings file-findings\">\n");
            ofFile.forEach(f -> finding(out, f, options));
            out.append("</ul>\n");
        }
        if (!statements.isEmpty()) {
            out.append("<table class=\"statements\">\n<thead><tr><th>line</th><th>statement</th><th>verdict</th>")
                    .append("<th>lock</th><th>estimated duration</th><th>row log</th></tr></thead>\n<tbody>\n");
            for (int i = 0; i < statements.size(); i++) {
                statement(out, id + "-s" + (i + 1), statements.get(i), byStatement.getOrDefault(i, List.of()),
                        options);
            }
            out.append("</tbody>\n</table>\n");
        }
        out.append("</section>\n");
    }

    private static void timeline(StringBuilder out, String id, List<StatementReport> statements) {
        out.append("<div class=\"timeline\" role=\"img\" aria-label=\"statements in order, coloured by verdict\">");
        for (int i = 0; i < statements.size(); i++) {
            StatementReport s = statements.get(i);
            Verdict v = verdict(s);
            Category c = Category.of(v);
            StatementEstimate e = s.estimate();
            // Width on a log scale of the estimated seconds: a two-hour copy stands out, an instant change stays
            // visible.
            double grow = 1 + (e != null && e.estimated() ? Math.min(12, 3 * Math.log10(1 + e.result().seconds()))
                    : 0);
            String title = "line " + s.source().line() + ": " + (v == null ? kind(s) : v.toString())
                    + (e != null && e.estimated() ? ", ~" + Units.seconds(e.result().seconds()) : "");
            out.append("<a class=\"seg v-").append(c.css).append("\" href=\"#").append(id).append("-s").append(i + 1)
                    .append("\" style=\"flex-grow:").append(String.format(Locale.ROOT, "%.2f", grow))
                    .append("\" title=\"").append(esc(title)).append("\">")
                    .append(c == Category.NONE ? "" : esc(c.label)).append("</a>");
        }
        out.append("</div>\n");
    }

    private static void statement(StringBuilder out, String id, StatementReport s, List<Finding> findings,
                                  ReportOptions options) {
        Verdict v = verdict(s);
        Category c = Category.of(v);
        out.append("<tr class=\"stmt\" id=\"").append(id).append("\" data-line=\"").append(s.source().line())
                .append("\" data-verdict=\"").append(c.css).append("\">");
        out.append("<td class=\"line\">").append(s.source().line()).append("</td>");
        out.append("<td class=\"sql\"><code>").append(esc(shorten(BaselineFingerprint.normalize(
                s.source().rawText()), 160))).append("</code>");
        if (s.context() != null) {
            out.append("<div class=\"context\">").append(esc(s.context())).append("</div>");
        }
        out.append("</td>");
        if (v == null) {
            out.append("<td class=\"verdict\"><span class=\"chip v-none\">").append(esc(kind(s)))
                    .append("</span></td><td></td><td></td><td></td></tr>\n");
        } else {
            out.append("<td class=\"verdict\"><span class=\"chip v-").append(c.css).append("\">").append(c.label)
                    .append("</span><div class=\"verdict-text\">").append(esc(v.toString())).append("</div></td>");
            out.append("<td class=\"lock\"><span class=\"chip lock-").append(v.lock().name().toLowerCase(Locale.ROOT))
                    .append("\">LOCK=").append(v.lock()).append("</span>")
                    .append(v.blocksWrites() ? "<div class=\"note\">writes wait</div>" : "").append("</td>");
            estimate(out, s.estimate());
            out.append("</tr>\n");
        }
        if (s.server() != null) {
            server(out, new ServerChecks.Checked(null, s, s.server()));
        }
        if (!findings.isEmpty()) {
            out.append("<tr class=\"finding-row\"><td></td><td colspan=\"5\"><ul class=\"findings\">\n");
            findings.forEach(f -> finding(out, f, options));
            out.append("</ul></td></tr>\n");
        }
    }

    /**
     * The scratch server's answer under the statement ({@code ddl-lint verify}): the outcome, the accepted and refused
     * rungs beside the verdict; for a disagreement, how to file it and the reproducer, open.
     */
    private static void server(StringBuilder out, ServerChecks.Checked c) {
        String outcome = c.check().outcome().name();
        out.append("<tr class=\"server-row\" data-outcome=\"").append(outcome).append("\" data-rule=\"")
                .append(c.disagreement() ? ServerChecks.RULE : ServerChecks.CHECK).append("\"><td></td><td colspan=\"5\">")
                .append("<div class=\"server").append(c.disagreement() ? " disagreement" : "").append("\">")
                .append("<span class=\"chip ").append(c.disagreement() ? "v-copy" : "v-instant").append("\">")
                .append(esc(outcome)).append("</span> <b>").append(esc(c.check().server())).append("</b> accepted ")
                .append("<code>").append(esc(c.answer())).append("</code>")
                .append(c.check().rebuilt() ? " (rebuilt the table)" : "");
        if (!c.refusedRungs().isEmpty()) {
            out.append(", refused <code>").append(esc(String.join("; ", c.refusedRungs()))).append("</code>");
        }
        out.append("; ddl-lint: ").append(esc(c.staticVerdict()));
        c.check().details().forEach(d -> out.append("<div class=\"note\">").append(esc(d)).append("</div>"));
        if (c.disagreement()) {
            out.append("<details open><summary>how to file it</summary><div>").append(esc(c.check().howToFile()))
                    .append("</div><pre>").append(esc(c.reproducer())).append("</pre>");
            c.check().refusals().forEach(r -> out.append("<div class=\"note\">refused ").append(esc(r))
                    .append("</div>"));
            out.append("</details>");
        }
        out.append("</div></td></tr>\n");
    }

    /** The duration and row-log cells: a bar against the limit, drawn so the limit sits at half the width. */
    private static void estimate(StringBuilder out, StatementEstimate e) {
        if (e == null || e.status() == StatementEstimate.Status.NOT_APPLICABLE) {
            out.append("<td class=\"est na\">no rebuild or index build</td><td class=\"est na\">no row log</td>");
            return;
        }
        if (!e.estimated()) {
            out.append("<td class=\"est unknown\" colspan=\"2\" title=\"").append(esc(e.skipReason() == null ? ""
                    : e.skipReason())).append("\">no statistics for ").append(esc(e.table() == null ? "the table"
                    : e.table())).append(": not estimated</td>");
            return;
        }
        RowLogEstimator.Result r = e.result();
        StatementEstimate.Limits limits = e.limits();
        double limit = limits == null ? Double.NaN : limits.maxDurationSeconds();
        out.append("<td class=\"est\">");
        bar(out, r.seconds(), limit, r.seconds() >= limit, "~" + Units.seconds(r.seconds()),
                Double.isNaN(limit) ? "" : "limit " + Units.seconds(limit));
        out.append("</td><td class=\"est\">");
        if (r.peakLogBytes() == null) {
            out.append(r.rowBytes() == null ? "<span class=\"note\">none: writes wait instead</span>"
                    : "<span class=\"note\">not estimated: write rate or record size unknown</span>");
        } else {
            double safety = limits == null ? 1 : limits.safetyFactor();
            double withSafety = r.peakLogBytes() * safety;
            bar(out, withSafety, r.ceiling(), Boolean.TRUE.equals(r.overflow()), Units.bytes(r.peakLogBytes())
                    + " × " + Units.factor(safety) + " = " + Units.bytes(withSafety), "holds " + Units.bytes(
                    r.ceiling()));
        }
        out.append("</td>");
    }

    private static void bar(StringBuilder out, double value, double limit, boolean over, String valueText,
                            String limitText) {
        double share = Double.isNaN(limit) || limit <= 0 ? 1 : Math.min(1, value / (2 * limit));
        out.append("<div class=\"bar").append(over ? " over" : "").append("\"><span class=\"fill\" style=\"width:")
                .append(String.format(Locale.ROOT, "%.1f", Math.max(1, share * 100))).append("%\"></span>")
                .append(Double.isNaN(limit) ? "" : "<span class=\"limit\"></span>").append("</div>")
                .append("<div class=\"bar-text\">").append(esc(valueText)).append(over ? " ≥ " : " < ")
                .append(esc(limitText)).append("</div>");
    }

    private static void finding(StringBuilder out, Finding f, ReportOptions options) {
        String url = options.ruleUrl(f.rule());
        out.append("<li class=\"finding sev-").append(f.severity().id()).append("\"><span class=\"sev sev-")
                .append(f.severity().id()).append("\">").append(f.severity().id()).append("</span> <a class=\"rule\" ")
                .append("href=\"").append(esc(url)).append("\">").append(esc(f.rule())).append("</a> <span class=\"pos\">")
                .append(esc(f.path())).append(':').append(f.line()).append("</span><div class=\"message\">")
                .append(esc(f.fullMessage())).append("</div>");
        if (f.help() != null && !f.help().isBlank()) {
            // Estimates add their working as further lines: folded, so the findings stay readable.
            String help = f.help().strip();
            int nl = help.indexOf('\n');
            out.append("<div class=\"help\"><b>help</b> ").append(esc(nl < 0 ? help : help.substring(0, nl)));
            if (nl >= 0) {
                out.append("<details><summary>details</summary><pre>").append(esc(help.substring(nl + 1)
                        .stripIndent())).append("</pre></details>");
            }
            out.append("</div>");
        }
        out.append("<a class=\"docs\" href=\"").append(esc(url)).append("\">rule documentation</a></li>\n");
    }

    private static Verdict verdict(StatementReport s) {
        return s.verdict() == null ? null : s.verdict().effective();
    }

    private static String kind(StatementReport s) {
        return s.statement().kind().name().replace('_', ' ');
    }

    private static String position(StatementReport s) {
        return s.source().line() + ":" + s.source().column();
    }

    private static String severityCounts(List<Finding> findings) {
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long infos = findings.stream().filter(f -> f.severity() == Severity.INFO).count();
        StringBuilder b = new StringBuilder();
        if (errors > 0) {
            b.append(" <span class=\"sev sev-error\">").append(count(errors, "error")).append("</span>");
        }
        if (warnings > 0) {
            b.append(" <span class=\"sev sev-warning\">").append(count(warnings, "warning")).append("</span>");
        }
        if (infos > 0) {
            b.append(" <span class=\"sev sev-info\">").append(infos).append(" info</span>");
        }
        return b.toString();
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Escapes text and attribute values; characters HTML cannot hold become U+FFFD. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean control = cp < 0x20 && cp != '\n' && cp != '\t' || cp == 0x7F
                            || cp >= 0xD800 && cp <= 0xDFFF;
                    if (control) {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    private static final String CSS = """
            :root { --instant:#2e7d32; --inplace:#1565c0; --rebuild:#ef6c00; --copy:#c62828; --none:#9e9e9e;
              --error:#c62828; --warning:#ef6c00; --info:#546e7a; --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; }
            * { box-sizing: border-box; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--fg);
              margin: 0 auto; padding: 16px 24px; max-width: 1280px; background: #fff; }
            h1 { font-size: 22px; margin: 0 0 4px; } h1 .target { color: var(--muted); font-weight: normal; }
            h2 { font-size: 16px; margin: 0 0 8px; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
            header { border-bottom: 1px solid var(--line); padding-bottom: 8px; margin-bottom: 16px; }
            p { margin: 4px 0; }
            code { font: 12.5px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
            .note { color: var(--muted); font-size: 12px; }
            .counts { color: var(--muted); font-weight: normal; font-size: 13px; }
            .chip { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px;
              font-weight: 600; white-space: nowrap; }
            .v-instant { background: var(--instant); } .v-inplace { background: var(--inplace); }
            .v-rebuild { background: var(--rebuild); } .v-copy { background: var(--copy); }
            .v-none { background: var(--none); }
            .lock-none { background: #fff; color: var(--instant); border: 1px solid var(--instant); }
            .lock-shared { background: #fff; color: var(--rebuild); border: 1px solid var(--rebuild); }
            .lock-exclusive { background: var(--copy); }
            .sev { font-weight: 600; } .sev-error { color: var(--error); } .sev-warning { color: var(--warning); }
            .sev-info { color: var(--info); }
            section.migration { border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px;
              margin-bottom: 16px; }
            .timeline { display: flex; gap: 2px; height: 22px; margin: 4px 0 10px; }
            .timeline .seg { flex: 1 1 0; min-width: 6px; border-radius: 3px; color: #fff; font-size: 11px;
              line-height: 22px; text-align: center; overflow: hidden; white-space: nowrap; text-decoration: none; }
            table.statements { border-collapse: collapse; width: 100%; }
            table.statements th { text-align: left; font-size: 12px; color: var(--muted); font-weight: 600;
              border-bottom: 1px solid var(--line); padding: 4px 6px; }
            table.statements td { border-bottom: 1px solid #eef1f4; padding: 5px 6px; vertical-align: top; }
            td.line { color: var(--muted); text-align: right; width: 3em; }
            td.sql code { word-break: break-word; } td.verdict { width: 13em; } td.lock { width: 9em; }
            td.est { width: 17em; font-size: 12px; } td.est.na, td.est.unknown { color: var(--muted); }
            .verdict-text { font-size: 11.5px; color: var(--muted); } .context { font-size: 12px; color: var(--muted); }
            .bar { position: relative; height: 8px; background: #eef1f4; border-radius: 4px; margin-top: 4px; }
            .bar .fill { position: absolute; left: 0; top: 0; bottom: 0; background: var(--inplace);
              border-radius: 4px; }
            .bar.over .fill { background: var(--copy); }
            .bar .limit { position: absolute; left: 50%; top: -3px; bottom: -3px; width: 2px; background: var(--fg); }
            .bar-text { font-size: 11.5px; color: var(--muted); }
            tr.finding-row td { border-bottom: 1px solid var(--line); padding-top: 0; }
            ul.findings { list-style: none; margin: 0; padding: 0; }
            li.finding { border-left: 4px solid var(--info); background: #f6f8fa; padding: 6px 10px; margin: 4px 0;
              border-radius: 0 4px 4px 0; }
            li.finding.sev-error { border-left-color: var(--error); background: #fdf2f2; }
            li.finding.sev-warning { border-left-color: var(--warning); background: #fff7ed; }
            .rule { font-weight: 600; } .pos { color: var(--muted); font-size: 12px; }
            .help { white-space: pre-wrap; font-size: 12.5px; margin-top: 2px; }
            .docs { font-size: 12px; }
            details summary { cursor: pointer; color: var(--muted); font-size: 12px; }
            details pre { margin: 2px 0 0; font: 11.5px/1.4 ui-monospace, "DejaVu Sans Mono", monospace;
              white-space: pre-wrap; }
            tr.server-row td { border-bottom: 1px solid var(--line); padding-top: 0; font-size: 12.5px; }
            .server.disagreement { border-left: 4px solid var(--error); background: #fdf2f2; padding: 6px 10px; }
            .server pre { white-space: pre-wrap; font: 11.5px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
            footer { color: var(--muted); font-size: 12px; margin-top: 12px; }
            """;
}
