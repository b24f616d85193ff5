package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.verify.Agreement;
import dev.ddllint.verify.ServerCheck;

import java.util.EnumMap;
import java.util.Map;

/**
 * The text report's part for {@code ddl-lint verify}: per statement the scratch server's answer beside the static
 * verdict; for a disagreement the refusals, how to file it and the reproducer. Quiet shows only what is not
 * confirmed.
 */
final class ServerChecksText {

    private static final String NOTE = "       = ";

    private ServerChecksText() {
    }

    /** Appends the section; nothing when no statement was checked on a server. */
    static void append(AnalysisReport report, ReportOptions options, TerminalStyle style, StringBuilder out) {
        Map<Agreement.Outcome, Integer> counts = new EnumMap<>(Agreement.Outcome.class);
        String server = null;
        StringBuilder lines = new StringBuilder();
        for (FileReport f : report.files()) {
            for (StatementReport s : f.statements()) {
                ServerCheck c = s.server();
                if (c == null) {
                    continue;
                }
                server = c.server();
                counts.merge(c.outcome(), 1, Integer::sum);
                if (options.quiet() && c.outcome() == Agreement.Outcome.CONFIRMED) {
                    continue;
                }
                String outcome = c.disagreement() ? style.bold(c.outcome().name()) : c.outcome().name();
                lines.append(f.path()).append(':').append(s.source().line()).append(": ").append(outcome)
                        .append("  server: ").append(c.answer() == null ? "-" : c.answer())
                        .append("; ddl-lint: ").append(s.verdict() == null ? "-" : s.verdict().natural())
                        .append('\n');
                c.details().forEach(d -> lines.append(style.gutter(NOTE)).append(d).append('\n'));
                if (c.measured() != null) {
                    lines.append(style.gutter(NOTE)).append(c.measured().describe()).append('\n');
                }
                if (c.disagreement()) {
                    c.refusals().forEach(r -> lines.append(style.gutter(NOTE)).append("refused ").append(r)
                            .append('\n'));
                    lines.append(style.gutter(NOTE)).append(c.howToFile()).append('\n');
                    c.reproducer().lines().forEach(l -> lines.append("         ").append(l).append('\n'));
                }
            }
        }
        if (server == null) {
            return;
        }
        out.append("server verification on ").append(server).append(":\n").append(lines);
        int checked = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.append("ddl-lint verify: ").append(checked).append(checked == 1 ? " statement" : " statements")
                .append(" checked on ").append(server);
        String sep = ": ";
        for (Map.Entry<Agreement.Outcome, Integer> e : counts.entrySet()) {
            out.append(sep).append(e.getValue()).append(' ').append(e.getKey());
            sep = ", ";
        }
        out.append("\n\n");
    }
}
