package dev.ddllint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.BaselineFingerprint;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitLab Code Quality ({@code artifacts:reports:codequality}): a JSON array with one issue per finding, the subset
 * of the Code Climate spec GitLab reads — {@code description}, {@code check_name}, {@code fingerprint},
 * {@code severity} and {@code location.path} / {@code location.lines.begin} — plus Code Climate's {@code type},
 * {@code categories} and {@code content.body} (the help and the rule's page).
 *
 * <p>GitLab compares merge requests by fingerprint and shows only the first issue of a fingerprint, so it is the
 * statement fingerprint (rule + path + statement text, not the line, as SARIF's) made unique by counting repeats.
 * Severities: error → {@code critical}, warning → {@code major}, info → {@code info}.
 *
 * <p>With {@code ddl-lint verify}: each disagreement of the scratch server is an issue of its own
 * ({@code check_name} {@code server-disagreement}, severity {@code blocker}, the body with how to file it and the
 * reproducer); a finding of a checked statement says the server's answer in its body. Code Quality shows issues
 * only, so a confirmed statement without findings shows nothing here.
 */
public final class GitlabReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GitlabReport() {
    }

    public static String render(AnalysisReport report, ReportOptions options) {
        return JsonReport.text(toTree(report, options), "GitLab Code Quality");
    }

    public static ArrayNode toTree(AnalysisReport report, ReportOptions options) {
        ArrayNode issues = MAPPER.createArrayNode();
        List<String> statementFingerprints = BaselineFingerprint.of(report);
        Map<String, Integer> repeats = new HashMap<>();
        Map<String, ServerChecks.Checked> checkAt = new HashMap<>();
        List<ServerChecks.Checked> checks = ServerChecks.of(report);
        checks.forEach(c -> checkAt.putIfAbsent(c.path() + ":" + c.line() + ":" + c.column(), c));
        for (ServerChecks.Checked c : checks) {
            if (c.disagreement()) {
                issues.add(disagreement(c, options));
            }
        }
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            if (f.severity() == Severity.OFF) {
                continue;
            }
            String identity = f.rule() + "\n" + f.path() + "\n" + statementFingerprints.get(i);
            int repeat = repeats.merge(identity, 1, Integer::sum);
            ObjectNode issue = issues.addObject();
            issue.put("type", "issue");
            issue.put("check_name", f.rule());
            issue.put("description", f.fullMessage());
            String url = options.ruleUrl(f.rule());
            ServerChecks.Checked server = checkAt.get(f.path() + ":" + f.line() + ":" + f.column());
            issue.putObject("content").put("body", (f.help() == null || f.help().isBlank() ? ""
                    : f.help().strip() + "\n\n") + (server == null ? "" : "Verified: " + server.summary() + "\n\n")
                    + "Rule: " + url);
            issue.putArray("categories").add("Bug Risk").add("Performance");
            issue.put("fingerprint", BaselineFingerprint.hash(identity + (repeat == 1 ? "" : "\n#" + repeat)));
            issue.put("severity", severity(f.severity()));
            ObjectNode location = issue.putObject("location");
            location.put("path", path(f.path()));
            // GitLab needs a line; a problem of the whole file sits on line 1.
            int begin = Math.max(1, f.line());
            location.putObject("lines").put("begin", begin).put("end", Math.max(begin, f.endLine()));
        }
        return issues;
    }

    /** A disagreement of the scratch server: a blocker whose body says how to file it, with the reproducer. */
    private static ObjectNode disagreement(ServerChecks.Checked c, ReportOptions options) {
        ObjectNode issue = MAPPER.createObjectNode();
        issue.put("type", "issue");
        issue.put("check_name", ServerChecks.RULE);
        issue.put("description", c.summary());
        issue.putObject("content").put("body", c.fullText() + "\nVerify: " + ServerChecks.docsUrl(options));
        issue.putArray("categories").add("Bug Risk");
        issue.put("fingerprint", BaselineFingerprint.hash(ServerChecks.RULE + "\n" + c.path() + "\n"
                + BaselineFingerprint.normalize(c.statement().source().rawText())));
        issue.put("severity", "blocker");
        ObjectNode location = issue.putObject("location");
        location.put("path", path(c.path()));
        int begin = Math.max(1, c.line());
        location.putObject("lines").put("begin", begin).put("end", begin);
        return issue;
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "critical";
            case WARNING -> "major";
            default -> "info";
        };
    }

    /**
     * Relative to the repository as GitLab wants it: no leading {@code ./}. The path already has {@code /} between
     * folders; a backslash is part of a file's name and stays.
     */
    static String path(String path) {
        String p = path;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }
}
