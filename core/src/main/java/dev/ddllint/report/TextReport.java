package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import dev.ddllint.rules.Snippet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report for people, as a compiler writes it: per finding its position, severity, rule and message, the
 * statement in the author's text with the clauses marked, the verdict, the findings folded into it, the help (each
 * help text in full once per run, then referred to) and the rule's page; then a summary per rule and per file.
 */
public final class TextReport {

    private static final String NOTE = "       = ";

    private TextReport() {
    }

    public static String render(AnalysisReport report) {
        return render(report, ReportOptions.DEFAULT);
    }

    public static String render(AnalysisReport report, ReportOptions options) {
        StringBuilder out = new StringBuilder();
        Stream stream = new Stream(report, options, out);
        Map<String, String> verdictAt = verdicts(report.files());
        report.files().forEach(stream::file);
        stream.findings(report.findings(), verdictAt);
        stream.end();
        return out.toString();
    }

    /** Opens a streaming text report on {@code out}; {@code header} gives the target and the rules. */
    public static StreamingReport stream(AnalysisReport header, ReportOptions options, java.io.Writer out) {
        return new StreamingReport() {
            private final StringBuilder buffer = new StringBuilder();
            private final Stream stream = new Stream(header, options, buffer);

            @Override
            public void accept(FileReport file, List<Finding> findings) {
                stream.file(file);
                stream.findings(findings, verdicts(List.of(file)));
                flush();
            }

            @Override
            public void finish() {
                stream.end();
                flush();
            }

            private void flush() {
                try {
                    out.append(buffer);
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot write the text report", e);
                }
                buffer.setLength(0);
            }
        };
    }

    /**
     * The text report as the files come: each finding's block at once; the counts for the summaries (per rule, per
     * file, the last line) and the statements a server checked ({@code ddl-lint verify}) until the end.
     */
    private static final class Stream {
        private final AnalysisReport header;
        private final ReportOptions options;
        private final StringBuilder out;
        private final TerminalStyle style;
        private final Set<String> helpShown = new HashSet<>();
        private final Map<String, EnumMap<Severity, Integer>> byRule = new LinkedHashMap<>();
        private final Map<String, Integer> folded = new HashMap<>();
        private final Map<String, EnumMap<Severity, Integer>> byFile = new LinkedHashMap<>();
        private final long[] counts = new long[Severity.values().length];
        private final List<FileReport> checked = new ArrayList<>();
        private boolean anyShown;
        private int files;
        private int statements;

        Stream(AnalysisReport header, ReportOptions options, StringBuilder out) {
            this.header = header;
            this.options = options;
            this.out = out;
            this.style = TerminalStyle.of(options);
            header.rules().forEach(r -> byRule.put(r.id(), new EnumMap<>(Severity.class)));
        }

        void file(FileReport file) {
            files++;
            statements += file.statements().size();
            List<StatementReport> onServer = file.statements().stream().filter(s -> s.server() != null).toList();
            if (!onServer.isEmpty()) {
                checked.add(new FileReport(file.path(), onServer));
            }
        }

        /** Every finding of the run comes here; the shown ones ({@code quiet}: errors only) are written. */
        void findings(List<Finding> findings, Map<String, String> verdictAt) {
            findings.forEach(f -> counts[f.severity().ordinal()]++);
            shown(findings, options).forEach(f -> finding(f, verdictAt));
        }

        private void finding(Finding f, Map<String, String> verdictAt) {
            anyShown = true;
            out.append(style.bold(f.path() + ':' + f.line() + ':' + f.column() + ':')).append(' ')
                    .append(style.severity(f.severity(), f.severity().id() + '[' + f.rule() + ']')).append(' ')
                    .append(f.message()).append('\n');
            excerpt(f, style).forEach(line -> out.append(line).append('\n'));
            // Findings on the file (encoding, unterminated quotes) have no excerpt and are not about a statement.
            String verdict = f.excerpt().isEmpty() ? "" : verdictAt.getOrDefault(f.path() + ":" + f.line() + ":"
                    + f.column(), "");
            if (!verdict.isEmpty()) {
                out.append(style.gutter(NOTE)).append("verdict: ").append(verdict).append('\n');
            }
            for (Finding also : f.folded()) {
                out.append(style.gutter(NOTE)).append("also").append(also.rule().equals(f.rule()) ? ""
                        : " " + style.severity(also.severity(), also.severity().id() + '[' + also.rule() + ']'))
                        .append(": ").append(also.message()).append('\n');
            }
            Set<String> helps = new LinkedHashSet<>();
            f.withAllFolded().forEach(g -> {
                if (g.help() != null && !g.help().isBlank() && helps.add(g.help())) {
                    String which = g.rule().equals(f.rule()) ? "" : " [" + g.rule() + "]";
                    out.append(style.gutter(NOTE)).append("help").append(which).append(": ")
                            .append(helpShown.add(g.help()) ? g.help() : "see above, [" + g.rule() + "]")
                            .append('\n');
                }
            });
            String docs = f.withAllFolded().map(Finding::rule).distinct().map(id -> url(header, options, id))
                    .collect(Collectors.joining(", "));
            out.append(style.gutter(NOTE)).append("docs: ").append(docs).append("\n\n");
            byRule.computeIfAbsent(f.rule(), id -> new EnumMap<>(Severity.class)).merge(f.severity(), 1,
                    Integer::sum);
            byFile.computeIfAbsent(f.path(), p -> new EnumMap<>(Severity.class)).merge(f.severity(), 1,
                    Integer::sum);
            f.folded().forEach(g -> folded.merge(g.rule(), 1, Integer::sum));
        }

        void end() {
            summary();
            ServerChecksText.append(header.with(checked, List.of()), options, style, out);
            long errors = counts[Severity.ERROR.ordinal()];
            long warnings = counts[Severity.WARNING.ordinal()];
            out.append(String.format("ddl-lint: %d file%s, %d statement%s checked for %s: %d error%s, %d warning%s, "
                            + "%d info%n", files, plural(files), statements, plural(statements),
                    header.target().displayName(), errors, plural(errors), warnings, plural(warnings),
                    counts[Severity.INFO.ordinal()]));
        }

        /** Per rule (in catalogue order) and per file: how many findings, and how many were folded into others. */
        private void summary() {
            if (!anyShown) {
                return;
            }
            int width = byRule.keySet().stream().filter(id -> !byRule.get(id).isEmpty() || folded.containsKey(id))
                    .mapToInt(String::length).max().orElse(0);
            out.append(style.bold("summary by rule:")).append('\n');
            byRule.forEach((id, counts) -> {
                if (counts.isEmpty() && !folded.containsKey(id)) {
                    return;
                }
                String count = counts.isEmpty() ? "" : counts(counts);
                if (folded.containsKey(id)) {
                    count += (count.isEmpty() ? "" : "; ") + "+" + folded.get(id) + " folded into other findings";
                }
                out.append("  ").append(String.format("%-" + width + "s", id)).append("  ").append(count)
                        .append('\n');
            });
            out.append(style.bold("summary by file:")).append('\n');
            byFile.forEach((path, counts) -> out.append("  ").append(path).append(": ").append(counts(counts))
                    .append('\n'));
            out.append('\n');
        }
    }

    /** The findings a report shows: all, or with {@code quiet} the errors only. */
    static List<Finding> shown(AnalysisReport report, ReportOptions options) {
        return shown(report.findings(), options);
    }

    static List<Finding> shown(List<Finding> findings, ReportOptions options) {
        return options.quiet() ? findings.stream().filter(f -> f.severity() == Severity.ERROR).toList() : findings;
    }

    /** A rule's page, the rule's own for a custom rule that names one. */
    static String url(AnalysisReport report, ReportOptions options, String ruleId) {
        return report.rule(ruleId).map(options::ruleUrl).orElseGet(() -> options.ruleUrl(ruleId));
    }

    /**
     * The verdict line of a finding: the verdict of the statement at its position. Several statements share a
     * position (OPTIMIZE TABLE a, b; DDL strings in one SET): the line is left out when their verdicts differ, as
     * the message states the verdict anyway.
     */
    private static Map<String, String> verdicts(List<FileReport> files) {
        Map<String, String> verdictAt = new HashMap<>();
        for (FileReport f : files) {
            for (StatementReport s : f.statements()) {
                String verdict = s.verdict() == null ? "" : s.verdict().effective().toString();
                verdictAt.merge(f.path() + ":" + s.source().line() + ":" + s.source().column(), verdict,
                        (a, b) -> a.equals(b) ? a : "");
            }
        }
        return verdictAt;
    }

    private static List<String> excerpt(Finding f, TerminalStyle style) {
        Snippet snippet = f.snippet();
        if (snippet == null) {
            return f.excerpt().isEmpty() ? List.of()
                    : List.of(style.gutter(String.format("%6d |", f.line())) + " " + f.excerpt());
        }
        List<Snippet.Range> primary = new ArrayList<>(snippet.marks());
        List<Snippet.Range> secondary = new ArrayList<>();
        for (Finding also : f.folded()) {
            if (also.snippet() != null) {
                (also.rule().equals(f.rule()) ? primary : secondary).addAll(also.snippet().marks());
            }
        }
        return Excerpt.render(snippet, primary, secondary, f.severity(), style);
    }

    private static String counts(EnumMap<Severity, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((severity, n) -> parts.add(n + " " + (severity == Severity.INFO ? "info"
                : severity.id() + plural(n))));
        return String.join(", ", parts);
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
