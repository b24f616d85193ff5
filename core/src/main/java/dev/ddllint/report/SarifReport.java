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

        run.put("columnKind", "unicodeCodePoints");
        run.putObject("properties").put("target", report.target().toString());

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
        return root;
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
