package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * One line a finding, as compilers and editors' problem matchers read it:
 * {@code file:line:col: severity[rule] message}, the message with those of the findings folded into it; then the
 * summary line. With {@code ddl-lint verify}: one line a checked statement ({@code info[server-check]} with the
 * server's answer; {@code error[server-disagreement]} with how to file it and the reproducer, folded onto the
 * line), then the verification's count (verify needs the whole run, so these come from {@link #render} only).
 */
public final class CompactReport {

    private CompactReport() {
    }

    public static String render(AnalysisReport report, ReportOptions options) {
        java.io.StringWriter out = new java.io.StringWriter();
        Stream stream = new Stream(options, out);
        stream.findings(report.findings());
        out.write(serverChecks(report, options));
        stream.files = report.files().size();
        stream.finish();
        return out.toString();
    }

    private static String serverChecks(AnalysisReport report, ReportOptions options) {
        StringBuilder out = new StringBuilder();
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
        return out.toString();
    }

    /** Opens a streaming compact report on {@code out}: a file's lines as it comes, the counts at the end. */
    public static StreamingReport stream(ReportOptions options, Writer out) {
        return new Stream(options, out);
    }

    private static final class Stream implements StreamingReport {
        private final ReportOptions options;
        private final Writer out;
        private final long[] counts = new long[Severity.values().length];
        private int files;

        Stream(ReportOptions options, Writer out) {
            this.options = options;
            this.out = out;
        }

        @Override
        public void accept(FileReport file, List<Finding> findings) {
            files++;
            findings(findings);
        }

        void findings(List<Finding> findings) {
            StringBuilder lines = new StringBuilder();
            findings.forEach(f -> counts[f.severity().ordinal()]++);
            for (Finding f : TextReport.shown(findings, options)) {
                lines.append(f.path()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
                        .append(f.severity().id()).append('[').append(f.rule()).append("] ")
                        .append(f.fullMessage().replaceAll("\\s*\\R\\s*", " ")).append('\n');
            }
            write(lines.toString());
        }

        @Override
        public void finish() {
            write(String.format("ddl-lint: %d error(s), %d warning(s), %d info in %d file(s)%n",
                    counts[Severity.ERROR.ordinal()], counts[Severity.WARNING.ordinal()],
                    counts[Severity.INFO.ordinal()], files));
        }

        private void write(String text) {
            try {
                out.write(text);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the compact report", e);
            }
        }
    }
}
