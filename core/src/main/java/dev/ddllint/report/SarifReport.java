package dev.ddllint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.BaselineFingerprint;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.Severity;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer). One run; {@code tool.driver.rules} lists every
 * rule of the run, built-in ones first (so {@code ruleIndex} and {@code ruleId} stay stable across runs), each with
 * its page as {@code helpUri}; each result points at the
 * statement's region, with columns in Unicode code points and {@code endColumn} one past the last character as SARIF
 * wants; {@code partialFingerprints} carry the statement fingerprint (rule + path + statement text, not the line) so
 * code scanning keeps tracking an alert when lines move.
 */
public final class SarifReport {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The key of our entry in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "ddlLintStatement/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    public static String render(AnalysisReport report, ReportOptions options) {
        try {
            return MAPPER.writeValueAsString(toTree(report, options)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the SARIF report", e);
        }
    }

    public static ObjectNode toTree(AnalysisReport report, ReportOptions options) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "ddl-lint");
        driver.put("version", report.toolVersion());
        driver.put("informationUri", options.docsBaseUrl());
        ArrayNode rules = driver.putArray("rules");
        List<RuleInfo> all = report.rules();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleInfo info : all) {
            ruleIndex.put(info.id(), ruleIndex.size());
            rules.add(rule(info, options));
        }
        List<ServerChecks.Checked> checks = ServerChecks.of(report);
        if (!checks.isEmpty()) {
            // after the built-in rules, so their indexes stay what a run without verify gives
            ruleIndex.put(ServerChecks.RULE, ruleIndex.size());
            rules.add(disagreementRule(options));
        }

        run.put("columnKind", "unicodeCodePoints");
        ObjectNode runProperties = run.putObject("properties").put("target", report.target().toString());
        if (!checks.isEmpty()) {
            runProperties.putObject("verification").put("server", checks.get(0).check().server())
                    .put("checked", checks.size()).put("disagreements", ServerChecks.disagreements(checks))
                    .put("summary", ServerChecks.total(checks));
        }

        ArrayNode results = run.putArray("results");
        List<String> fingerprints = BaselineFingerprint.of(report);
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            ObjectNode result = results.addObject();
            result.put("ruleId", f.rule());
            Integer index = ruleIndex.get(f.rule());
            if (index != null) {
                result.put("ruleIndex", index);
            }
            result.put("level", level(f.severity()));
            String text = f.fullMessage() + (f.help() == null || f.help().isBlank() ? "" : ". Help: " + f.help());
            result.putObject("message").put("text", text);
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(f.path()));
            if (f.line() >= 1) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", f.line());
                if (f.column() >= 1) {
                    region.put("startColumn", f.column());
                }
                int endLine = Math.max(f.line(), f.endLine());
                region.put("endLine", endLine);
                if (f.endColumn() >= 1 && (endLine > f.line() || f.endColumn() >= f.column())) {
                    region.put("endColumn", f.endColumn() + 1);
                }
                if (endLine == f.line() && f.excerpt() != null && !f.excerpt().isEmpty()) {
                    // The excerpt is the statement's first line: the region's text only when it spans one line.
                    region.putObject("snippet").put("text", f.excerpt());
                }
            }
            result.putObject("partialFingerprints").put(FINGERPRINT_KEY,
                    BaselineFingerprint.hash(f.rule() + "\n" + f.path() + "\n" + fingerprints.get(i)));
            result.putObject("properties").put("severity", f.severity().id());
        }
        for (ServerChecks.Checked c : checks) {
            results.add(serverResult(c, ruleIndex.get(ServerChecks.RULE)));
        }
        return root;
    }

    /**
     * One result per statement the scratch server checked: a disagreement is a failure ({@code kind: fail}, level
     * error) whose message carries how to file it and the reproducer; any other outcome is a result of kind
     * {@code pass} (confirmed or conservative), {@code review} (unsettled) or {@code notApplicable} (not verified),
     * level {@code none} as SARIF wants for those kinds.
     */
    private static ObjectNode serverResult(ServerChecks.Checked c, int index) {
        ObjectNode result = MAPPER.createObjectNode();
        result.put("ruleId", ServerChecks.RULE);
        result.put("ruleIndex", index);
        result.put("kind", switch (c.check().outcome()) {
            case CONFIRMED, CONSERVATIVE, FALSE_REFUSAL -> "pass";
            case UNSETTLED -> "review";
            case NOT_VERIFIED -> "notApplicable";
            default -> "fail";
        });
        result.put("level", c.disagreement() ? "error" : "none");
        result.putObject("message").put("text", c.fullText());
        ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(c.path()));
        ObjectNode region = physical.putObject("region").put("startLine", c.line());
        if (c.column() >= 1) {
            region.put("startColumn", c.column());
        }
        result.putObject("partialFingerprints").put(FINGERPRINT_KEY, BaselineFingerprint.hash(ServerChecks.RULE
                + "\n" + c.path() + "\n" + BaselineFingerprint.normalize(c.statement().source().rawText())));
        ObjectNode properties = result.putObject("properties");
        properties.put("outcome", c.check().outcome().name()).put("server", c.check().server())
                .put("answer", c.check().answer()).put("rebuilt", c.check().rebuilt())
                .put("ddlLintVerdict", c.staticVerdict());
        c.check().refusals().forEach(properties.putArray("refusals")::add);
        if (c.check().reproducer() != null) {
            properties.put("reproducer", c.check().reproducer());
        }
        return result;
    }

    private static ObjectNode disagreementRule(ReportOptions options) {
        ObjectNode rule = MAPPER.createObjectNode();
        String url = ServerChecks.docsUrl(options);
        String summary = "The scratch server is less online than ddl-lint's verdict (ddl-lint verify)";
        rule.put("id", ServerChecks.RULE);
        rule.put("name", camel(ServerChecks.RULE));
        rule.putObject("shortDescription").put("text", summary);
        rule.putObject("fullDescription").put("text", summary + ": a stronger lock, a costlier algorithm, or a "
                + "refusal ddl-lint did not report. It is a knowledge-base error of ddl-lint; the result's message "
                + "says how to file it and carries the reproducer.");
        rule.putObject("help").put("text", summary + ". Trust the server's answer for this statement, and file "
                + "the reproducer at " + dev.ddllint.verify.ServerCheck.ISSUES + ". Details: " + url)
                .put("markdown", "**" + summary + ".**\n\nTrust the server's answer for this statement, and file the "
                        + "reproducer at " + dev.ddllint.verify.ServerCheck.ISSUES + ".\n\n[verify](" + url + ")");
        rule.put("helpUri", url);
        rule.putObject("defaultConfiguration").put("level", "error");
        ObjectNode properties = rule.putObject("properties");
        properties.putArray("tags").add("mysql").add("online-ddl").add("verify");
        properties.put("problem.severity", "error");
        return rule;
    }

    private static ObjectNode rule(RuleInfo info, ReportOptions options) {
        ObjectNode rule = MAPPER.createObjectNode();
        String url = options.ruleUrl(info);
        rule.put("id", info.id());
        rule.put("name", camel(info.id()));
        rule.putObject("shortDescription").put("text", info.summary());
        rule.putObject("fullDescription").put("text", info.summary() + ". Default severity: "
                + info.defaultSeverity().id() + ".");
        String help = info.summary() + ".\n\nEach finding's message says why the statement is not online on the "
                + "target server and how to run it safely. To accept it: fix the migration, change the rule's "
                + "severity in ddl-lint.yml (rules: {" + info.id() + ": warning}), or record it in a baseline "
                + "('mvn ddl-lint:baseline'). Details: " + url;
        rule.putObject("help").put("text", help).put("markdown", "**" + info.summary() + ".**\n\n"
                + "Each finding's message says why the statement is not online on the target server and how to run "
                + "it safely. To accept it: fix the migration, change the rule's severity in `ddl-lint.yml` "
                + "(`rules: {" + info.id() + ": warning}`), or record it in a baseline (`mvn ddl-lint:baseline`)."
                + "\n\n[Rule documentation](" + url + ")");
        rule.put("helpUri", url);
        rule.putObject("defaultConfiguration").put("level", level(info.defaultSeverity()));
        ObjectNode properties = rule.putObject("properties");
        properties.putArray("tags").add("mysql").add("online-ddl").add("migration");
        properties.put("problem.severity", switch (info.defaultSeverity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "recommendation";
        });
        return rule;
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
            case OFF -> "none";
        };
    }

    /**
     * A relative path stays relative (with characters a URI can't hold escaped); an absolute one becomes file:.
     * Paths come with {@code /} between folders (MigrationFiles turns a Windows separator into one), so a
     * backslash is part of a name, as Linux allows, and is escaped ({@code %5C}), not made a folder.
     */
    static String uri(String path) {
        String p = path;
        if (p.startsWith("/") || p.matches("^[A-Za-z]:/.*")) {
            return Path.of(path).toUri().toASCIIString();
        }
        try {
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            return p.replace(" ", "%20");
        }
    }

    private static String camel(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
