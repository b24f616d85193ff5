package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.util.HashMap;
import java.util.Map;

/** The report for people: one block per finding (position, statement, verdict, message, help), then a summary. */
public final class TextReport {

    private TextReport() {
    }

    public static String render(AnalysisReport report) {
        // The verdict line of a finding: the verdict of the statement at its position. Several statements share a
        // position (OPTIMIZE TABLE a, b; DDL strings in one SET): the line is left out when their verdicts differ,
        // as the message states the verdict anyway.
        Map<String, String> verdictAt = new HashMap<>();
        for (FileReport f : report.files()) {
            for (StatementReport s : f.statements()) {
                String verdict = s.verdict() == null ? "" : s.verdict().effective().toString();
                verdictAt.merge(f.path() + ":" + s.source().line() + ":" + s.source().column(), verdict,
                        (a, b) -> a.equals(b) ? a : "");
            }
        }
        StringBuilder out = new StringBuilder();
        for (Finding f : report.findings()) {
            out.append(f.path()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
                    .append(f.severity().id()).append('[').append(f.rule()).append("] ").append(f.message())
                    .append('\n');
            if (!f.excerpt().isEmpty()) {
                out.append(String.format("%6d | %s%n", f.line(), f.excerpt()));
            }
            // Findings on the file (encoding, unterminated quotes) have no excerpt and are not about a statement.
            String verdict = f.excerpt().isEmpty() ? "" : verdictAt.getOrDefault(f.path() + ":" + f.line() + ":"
                    + f.column(), "");
            if (!verdict.isEmpty()) {
                out.append("       = verdict: ").append(verdict).append('\n');
            }
            out.append("       = help: ").append(f.help()).append("\n\n");
        }
        out.append(String.format("ddl-lint: %d file%s, %d statement%s checked for %s: %d error%s, %d warning%s, "
                        + "%d info%n", report.files().size(), plural(report.files().size()), report.statementCount(),
                plural(report.statementCount()), report.target().displayName(), report.count(Severity.ERROR),
                plural(report.count(Severity.ERROR)), report.count(Severity.WARNING),
                plural(report.count(Severity.WARNING)), report.count(Severity.INFO)));
        return out.toString();
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
