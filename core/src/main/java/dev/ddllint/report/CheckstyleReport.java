package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle XML, the format Jenkins Warnings NG ({@code recordIssues tool: checkStyle(…)}) and many other tools
 * read: {@code <checkstyle>} with one {@code <file name>} per migration checked (clean files too, as Checkstyle
 * writes them) and one {@code <error line column severity message source>} per finding. {@code severity} is
 * {@code error}, {@code warning} or {@code info}; {@code source} is {@code ddl-lint.<rule-id>}, which Warnings NG
 * shows as the type; the message carries the help and the rule's page. With {@code ddl-lint verify}, each
 * statement the scratch server checked adds an entry: {@code ddl-lint.server-check} (severity info) with the
 * server's answer beside the verdict, or, for a disagreement, {@code ddl-lint.server-disagreement} (severity error)
 * with how to file it and the reproducer.
 */
public final class CheckstyleReport {

    /** The prefix of {@code source}: Checkstyle puts a check's class name there. */
    public static final String SOURCE_PREFIX = "ddl-lint.";

    private CheckstyleReport() {
    }

    public static String render(AnalysisReport report, ReportOptions options) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (FileReport file : report.files()) {
            byFile.put(file.path(), new ArrayList<>());
        }
        for (Finding f : report.findings()) {
            if (f.severity() != Severity.OFF) {
                byFile.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<checkstyle version=\"").append(JunitReport.attr(report.toolVersion())).append("\">\n");
        Map<String, List<ServerChecks.Checked>> checksByFile = new LinkedHashMap<>();
        ServerChecks.of(report).forEach(c -> checksByFile.computeIfAbsent(c.path(), k -> new ArrayList<>()).add(c));
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            List<ServerChecks.Checked> checks = checksByFile.getOrDefault(e.getKey(), List.of());
            if (e.getValue().isEmpty() && checks.isEmpty()) {
                out.append("  <file name=\"").append(JunitReport.attr(e.getKey())).append("\"/>\n");
                continue;
            }
            out.append("  <file name=\"").append(JunitReport.attr(e.getKey())).append("\">\n");
            for (Finding f : e.getValue()) {
                out.append("    <error line=\"").append(Math.max(0, f.line())).append('"');
                if (f.column() >= 1) {
                    out.append(" column=\"").append(f.column()).append('"');
                }
                String message = f.fullMessage() + (f.help() == null || f.help().isBlank() ? ""
                        : "\nHelp: " + f.help().strip()) + "\nRule: " + options.ruleUrl(f.rule());
                out.append(" severity=\"").append(severity(f.severity())).append("\" message=\"")
                        .append(JunitReport.attr(message)).append("\" source=\"")
                        .append(JunitReport.attr(SOURCE_PREFIX + f.rule())).append("\"/>\n");
            }
            for (ServerChecks.Checked c : checks) {
                out.append("    <error line=\"").append(Math.max(0, c.line())).append('"');
                if (c.column() >= 1) {
                    out.append(" column=\"").append(c.column()).append('"');
                }
                out.append(" severity=\"").append(c.disagreement() ? "error" : "info").append("\" message=\"")
                        .append(JunitReport.attr(c.fullText().strip() + "\nVerify: " + ServerChecks.docsUrl(options)))
                        .append("\" source=\"").append(JunitReport.attr(SOURCE_PREFIX + (c.disagreement()
                                ? ServerChecks.RULE : ServerChecks.CHECK))).append("\"/>\n");
            }
            out.append("  </file>\n");
        }
        out.append("</checkstyle>\n");
        return out.toString();
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "info";
        };
    }
}
