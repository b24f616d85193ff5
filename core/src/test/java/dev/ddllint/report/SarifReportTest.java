package dev.ddllint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.rules.BuiltinRules;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The SARIF report: valid against the SARIF 2.1.0 JSON schema (src/test/resources/sarif/, see its README for where
 * it comes from), and carrying what GitHub code scanning uses.
 */
class SarifReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                b -> b.schemaRegistryConfig(config));
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertThat(in).as("the SARIF 2.1.0 schema on the test class path").isNotNull();
            schema = registry.getSchema(in);
        }
    }

    private static List<String> violations(String sarif) {
        List<Error> errors = schema.validate(sarif, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    @Test
    void reportWithFindingsIsValidSarif210() {
        String sarif = SarifReport.render(ReportFixtures.sample(), ReportOptions.DEFAULT);
        assertThat(violations(sarif)).isEmpty();
    }

    @Test
    void emptyReportIsValidSarif210() {
        String sarif = SarifReport.render(ReportFixtures.synthetic(List.of()), ReportOptions.DEFAULT);
        assertThat(violations(sarif)).isEmpty();
    }

    @Test
    void awkwardPathsAndProblemsWithoutColumnsAreValidSarif210() {
        List<Finding> findings = List.of(
                new Finding("malformed-script", Severity.ERROR, "db/my migrations/V1__a b#c.sql", 3, 0, 3, 0,
                        "unterminated string", "close it", ""),
                new Finding("invalid-encoding", Severity.WARNING, "/abs/path/V2__x.sql", 1, 1, 1, 1,
                        "not UTF-8", "save as UTF-8", ""),
                new Finding("table-rebuild", Severity.INFO, "db/V3.sql", 0, 0, 0, 0, "x", "", ""));
        String sarif = SarifReport.render(ReportFixtures.synthetic(findings), ReportOptions.DEFAULT);
        assertThat(violations(sarif)).isEmpty();
    }

    @Test
    void schemaCatchesInvalidOutput() throws Exception {
        // The validator is not a no-op: a wrong level and a region starting at line 0 are rejected.
        JsonNode tree = JSON.readTree(SarifReport.render(ReportFixtures.sample(), ReportOptions.DEFAULT));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/runs/0/results/0")).put("level", "fatal");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/runs/0/results/0/locations/0/physicalLocation"
                + "/region")).put("startLine", 0);
        assertThat(violations(JSON.writeValueAsString(tree))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void driverListsEveryRuleWithHelpAndHelpUri() throws Exception {
        JsonNode run = JSON.readTree(SarifReport.render(ReportFixtures.sample(), ReportOptions.DEFAULT))
                .at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        List<RuleInfo> all = BuiltinRules.all();
        assertThat(rules.size()).isEqualTo(all.size());
        for (int i = 0; i < all.size(); i++) {
            RuleInfo info = all.get(i);
            JsonNode rule = rules.get(i);
            assertThat(rule.get("id").asText()).isEqualTo(info.id());
            assertThat(rule.at("/shortDescription/text").asText()).isEqualTo(info.summary());
            assertThat(rule.at("/fullDescription/text").asText()).startsWith(info.summary());
            assertThat(rule.at("/help/text").asText()).contains(info.summary()).contains("ddl-lint:baseline");
            assertThat(rule.get("helpUri").asText())
                    .isEqualTo(ReportOptions.DEFAULT_DOCS_BASE_URL + "docs/rules/" + info.id() + ".md");
            assertThat(rule.at("/defaultConfiguration/level").asText())
                    .isEqualTo(SarifReport.level(info.defaultSeverity()));
        }
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("ddl-lint");
        assertThat(run.at("/properties/target").asText()).isEqualTo("mysql:8.0.28");
    }

    @Test
    void resultsCarryRuleLevelMessageRegionAndFingerprint() throws Exception {
        AnalysisReport report = ReportFixtures.sample();
        JsonNode run = JSON.readTree(SarifReport.render(report, ReportOptions.DEFAULT)).at("/runs/0");
        JsonNode results = run.get("results");
        assertThat(results.size()).isEqualTo(report.findings().size());

        JsonNode error = find(results, "column-type-change");
        assertThat(error.get("level").asText()).isEqualTo("error");
        assertThat(run.at("/tool/driver/rules/" + error.get("ruleIndex").asInt() + "/id").asText())
                .isEqualTo("column-type-change");
        assertThat(error.at("/message/text").asText()).contains("amount").contains("Help: ");
        JsonNode location = error.at("/locations/0/physicalLocation");
        assertThat(location.at("/artifactLocation/uri").asText()).isEqualTo("db/migration/V2__changes.sql");
        // The statement spans "ALTER TABLE orders" (line 2, column 1) to the ';' before it, line 3.
        JsonNode region = location.get("region");
        assertThat(region.get("startLine").asInt()).isEqualTo(2);
        assertThat(region.get("startColumn").asInt()).isEqualTo(1);
        assertThat(region.get("endLine").asInt()).isEqualTo(3);
        // SARIF's endColumn is one past the last character: "  MODIFY COLUMN amount BIGINT NOT NULL" has 38.
        assertThat(region.get("endColumn").asInt()).isEqualTo(39);
        assertThat(error.at("/partialFingerprints/" + SarifReport.FINGERPRINT_KEY.replace("/", "~1")).asText())
                .matches("[0-9a-f]{16}");

        JsonNode warning = find(results, "table-rebuild");
        assertThat(warning.get("level").asText()).isEqualTo("warning");
        assertThat(warning.at("/locations/0/physicalLocation/region/snippet/text").asText())
                .isEqualTo("ALTER TABLE t ADD COLUMN c INT AFTER a");
    }

    @Test
    void fingerprintsSurviveLinesAddedAboveButNotAChangedStatement() throws Exception {
        String before = fingerprint(ReportFixtures.sample(), "column-type-change");
        AnalysisReport moved = ReportFixtures.analyze("mysql:8.0.28", "db/migration/V1__create.sql",
                ReportFixtures.CREATE, "db/migration/V2__changes.sql",
                "SET SESSION lock_wait_timeout = 5;\n\n\n" + ReportFixtures.CHANGES.replace("  MODIFY", "    MODIFY"));
        assertThat(fingerprint(moved, "column-type-change")).isEqualTo(before);
        AnalysisReport changed = ReportFixtures.analyze("mysql:8.0.28", "db/migration/V1__create.sql",
                ReportFixtures.CREATE, "db/migration/V2__changes.sql",
                ReportFixtures.CHANGES.replace("BIGINT NOT NULL", "BIGINT NULL"));
        assertThat(fingerprint(changed, "column-type-change")).isNotEqualTo(before);
    }

    @Test
    void docsBaseUrlIsConfigurable() throws Exception {
        JsonNode run = JSON.readTree(SarifReport.render(ReportFixtures.sample(),
                new ReportOptions("https://docs.example.com/ddl-lint"))).at("/runs/0");
        assertThat(run.at("/tool/driver/rules/0/helpUri").asText())
                .startsWith("https://docs.example.com/ddl-lint/docs/rules/");
        assertThatThrownBy(() -> new ReportOptions("docs/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute");
    }

    @Test
    void pathsBecomeUriReferences() {
        assertThat(SarifReport.uri("db/migration/V1__a.sql")).isEqualTo("db/migration/V1__a.sql");
        assertThat(SarifReport.uri("db/my migrations/V1 a.sql")).isEqualTo("db/my%20migrations/V1%20a.sql");
        assertThat(SarifReport.uri("/abs/V1.sql")).isEqualTo("file:///abs/V1.sql");
    }

    private static String fingerprint(AnalysisReport report, String rule) throws Exception {
        JsonNode results = JSON.readTree(SarifReport.render(report, ReportOptions.DEFAULT)).at("/runs/0/results");
        return find(results, rule).get("partialFingerprints").get(SarifReport.FINGERPRINT_KEY).asText();
    }

    private static JsonNode find(JsonNode results, String rule) {
        List<JsonNode> matching = new ArrayList<>();
        results.forEach(r -> {
            if (r.get("ruleId").asText().equals(rule)) {
                matching.add(r);
            }
        });
        assertThat(matching).as("results for %s", rule).hasSize(1);
        return matching.get(0);
    }
}
