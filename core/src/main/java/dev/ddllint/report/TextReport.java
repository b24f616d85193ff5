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
        Map<String, StatementReport> byPosition = new HashMap<>();
        for (FileReport f : report.files()) {
            for (StatementReport s : f.statements()) {
                byPosition.put(f.path() + ":" + s.source().line() + ":" + s.source().column(), s);
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
            StatementReport s = byPosition.get(f.path() + ":" + f.line() + ":" + f.column());
            if (s != null && s.verdict() != null) {
                out.append("       = verdict: ").append(s.verdict().effective()).append('\n');
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
