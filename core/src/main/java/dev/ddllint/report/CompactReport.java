package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.util.List;

/**
 * One line a finding, as compilers and editors' problem matchers read it:
 * {@code file:line:col: severity[rule] message}, the message with those of the findings folded into it; then the
 * summary line. With {@code ddl-lint verify}: one line a checked statement ({@code info[server-check]} with the
 * server's answer; {@code error[server-disagreement]} with how to file it and the reproducer, folded onto the
 * line), then the verification's count.
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
        List<ServerChecks.Checked> checks = ServerChecks.of(report);
        for (ServerChecks.Checked c : checks) {
            if (options.quiet() && !c.disagreement()) {
                continue;
            }
            String text = c.disagreement() ? c.fullText() : c.summary();
            out.append(c.path()).append(':').append(c.line()).append(':').append(c.column()).append(": ")
                    .append(c.disagreement() ? "error[" + ServerChecks.RULE + "] " : "info[" + ServerChecks.CHECK
                            + "] ").append(text.strip().replaceAll("\\s*\\R\\s*", " ")).append('\n');
        }
        if (!checks.isEmpty()) {
            out.append("ddl-lint verify: ").append(ServerChecks.total(checks)).append('\n');
        }
        out.append(String.format("ddl-lint: %d error(s), %d warning(s), %d info in %d file(s)%n",
                report.count(Severity.ERROR), report.count(Severity.WARNING), report.count(Severity.INFO),
                report.files().size()));
        return out.toString();
    }
}
