package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

/**
 * One line a finding, as compilers and editors' problem matchers read it:
 * {@code file:line:col: severity[rule] message}, the message with those of the findings folded into it; then the
 * summary line.
 */
public final class CompactReport {

    private CompactReport() {
    }

    public static String render(AnalysisReport report, ReportOptions options) {
        StringBuilder out = new StringBuilder();
        for (Finding f : TextReport.shown(report, options)) {
            out.append(f.path()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
                    .append(f.severity().id()).append('[').append(f.rule()).append("] ")
                    .append(f.fullMessage().replaceAll("\\s*\\R\\s*", " ")).append('\n');
        }
        out.append(String.format("ddl-lint: %d error(s), %d warning(s), %d info in %d file(s)%n",
                report.count(Severity.ERROR), report.count(Severity.WARNING), report.count(Severity.INFO),
                report.files().size()));
        return out.toString();
    }
}
