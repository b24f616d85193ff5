package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub-flavoured Markdown for a CI job summary ({@code $GITHUB_STEP_SUMMARY}) or a pull-request comment: the
 * counts, one table row per migration with its verdicts and findings, then one row per finding with a link to the
 * rule's page. At most {@value #MAX_CHARS} characters (a GitHub comment holds 65,536): findings that do not fit are
 * counted in a last line that points to the full reports. With {@code ddl-lint verify}, a section with the scratch
 * server's answer per statement and, per disagreement, how to file it with the reproducer.
 */
public final class MarkdownReport {

    public static final int MAX_CHARS = 60_000;
    private static final int MAX_MESSAGE = 400;

    private MarkdownReport() {
    }

    public static String render(AnalysisReport report, ReportOptions options) {
        return render(report, options, MAX_CHARS);
    }

    static String render(AnalysisReport report, ReportOptions options, int maxChars) {
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        StringBuilder out = new StringBuilder();
        out.append("### ddl-lint: ").append(errors > 0 ? "unsafe migrations" : warnings > 0 ? "warnings" : "safe")
                .append(" for ").append(report.target().displayName()).append("\n\n")
                .append(report.files().size()).append(" migration").append(plural(report.files().size())).append(", ")
                .append(report.statementCount()).append(" statement").append(plural(report.statementCount()))
                .append(": **").append(errors).append(" error").append(plural(errors)).append("**, ")
                .append(warnings).append(" warning").append(plural(warnings)).append(", ")
                .append(report.count(Severity.INFO)).append(" info\n\n");
        StringBuilder files = new StringBuilder("| Migration | Verdicts | Findings |\n|---|---|---|\n");
        for (FileReport f : report.files()) {
            Map<HtmlReport.Category, Integer> verdicts = new EnumMap<>(HtmlReport.Category.class);
            for (StatementReport s : f.statements()) {
                if (s.verdict() != null) {
                    verdicts.merge(HtmlReport.Category.of(s.verdict().effective()), 1, Integer::sum);
                }
            }
            StringBuilder v = new StringBuilder();
            verdicts.forEach((c, n) -> v.append(v.isEmpty() ? "" : ", ").append(c.label).append(" ×").append(n));
            Map<Severity, Integer> counts = new LinkedHashMap<>();
            report.findings().stream().filter(x -> x.path().equals(f.path()))
                    .forEach(x -> counts.merge(x.severity(), 1, Integer::sum));
            StringBuilder c = new StringBuilder();
            counts.forEach((s, n) -> c.append(c.isEmpty() ? "" : ", ").append(n).append(' ').append(s.id()));
            files.append("| `").append(cell(f.path())).append("` | ").append(v.isEmpty() ? "no ALTER" : v)
                    .append(" | ").append(c.isEmpty() ? "none" : c).append(" |\n");
        }
        if (out.length() + files.length() < maxChars / 2) {
            out.append(files).append('\n');
        }
        verification(out, ServerChecks.of(report), options, maxChars);
        if (report.findings().isEmpty()) {
            return out.toString();
        }
        out.append("| Severity | Where | Rule | Message |\n|---|---|---|---|\n");
        int shown = 0;
        for (Finding f : report.findings()) {
            String row = "| " + (f.severity() == Severity.ERROR ? "**error**" : f.severity().id()) + " | `"
                    + cell(f.path()) + ":" + f.line() + "` | [" + f.rule() + "](" + options.ruleUrl(f.rule())
                    + ") | " + cell(shorten(f.fullMessage(), MAX_MESSAGE)) + " |\n";
            // Room for the last line, whatever the count.
            if (out.length() + row.length() + 200 > maxChars) {
                break;
            }
            out.append(row);
            shown++;
        }
        int rest = report.findings().size() - shown;
        if (rest > 0) {
            out.append("\n… and ").append(rest).append(" more finding").append(plural(rest))
                    .append(" not shown here (size limit); the SARIF, JSON and HTML reports list them all.\n");
        }
        return out.toString();
    }

    /**
     * With {@code ddl-lint verify}: the server's answer per statement (disagreements first, so the size limit drops
     * confirmed rows before them), then per disagreement how to file it and the reproducer in a folded block.
     */
    private static void verification(StringBuilder out, List<ServerChecks.Checked> checks, ReportOptions options,
                                     int maxChars) {
        if (checks.isEmpty()) {
            return;
        }
        long disagreements = ServerChecks.disagreements(checks);
        out.append("#### Server verification").append(disagreements > 0 ? ": **" + disagreements + " disagreement"
                + plural(disagreements) + "**" : "").append("\n\n").append(ServerChecks.total(checks))
                .append(" ([verify](").append(ServerChecks.docsUrl(options)).append("))\n\n")
                .append("| Where | Outcome | Server accepted | Server refused | ddl-lint |\n|---|---|---|---|---|\n");
        List<ServerChecks.Checked> ordered = new ArrayList<>(checks);
        ordered.sort(Comparator.comparing(c -> !c.disagreement()));
        int shown = 0;
        for (ServerChecks.Checked c : ordered) {
            String row = "| `" + cell(c.path()) + ":" + c.line() + "` | " + (c.disagreement() ? "**"
                    + c.check().outcome() + "**" : c.check().outcome().name()) + " | " + cell(c.answer()) + " | "
                    + cell(c.refusedRungs().isEmpty() ? "-" : String.join("; ", c.refusedRungs())) + " | "
                    + cell(c.staticVerdict()) + " |\n";
            if (out.length() + row.length() + 400 > maxChars / 2) {
                break;
            }
            out.append(row);
            shown++;
        }
        if (shown < checks.size()) {
            out.append("\n… and ").append(checks.size() - shown).append(" more checked statement")
                    .append(plural(checks.size() - shown)).append(" not shown here (size limit).\n");
        }
        out.append('\n');
        for (ServerChecks.Checked c : ordered) {
            if (!c.disagreement()) {
                break;
            }
            String block = "<details><summary><b>" + c.check().outcome() + "</b> (" + ServerChecks.RULE + ") at <code>" + html(c.path()) + ":"
                    + c.line() + "</code>: how to file it</summary>\n\n" + String.join("\n\n", c.check().details())
                    + "\n\n" + c.check().howToFile() + "\n\n```sql\n" + c.reproducer().replace("```", "` ` `")
                    + "```\n\n</details>\n\n";
            if (out.length() + block.length() + 400 > maxChars / 2) {
                out.append("Reproducers not shown here (size limit): the text and JSON reports carry them.\n\n");
                break;
            }
            out.append(block);
        }
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A table cell: no line breaks, pipes escaped. */
    private static String cell(String s) {
        return s.replace("\r", "").replace("\n", " ").replace("|", "\\|");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
