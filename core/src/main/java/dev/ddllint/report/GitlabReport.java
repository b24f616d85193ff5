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
            issue.putObject("content").put("body", (f.help() == null || f.help().isBlank() ? ""
                    : f.help().strip() + "\n\n") + "Rule: " + url);
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
