package dev.ddllint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The GitLab Code Quality report: valid against the properties GitLab reads (src/test/resources/gitlab/, see its
 * README), one issue per finding with a fingerprint that is unique and survives lines moving.
 */
class GitlabReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        try (InputStream in = GitlabReportTest.class.getResourceAsStream(
                "/gitlab/code-quality-report.schema.json")) {
            assertThat(in).as("the Code Quality schema on the test class path").isNotNull();
            schema = registry.getSchema(in);
        }
    }

    private static List<String> violations(String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    @Test
    void reportWithFindingsIsValid() {
        assertThat(violations(GitlabReport.render(ReportFixtures.sample(), ReportOptions.DEFAULT))).isEmpty();
    }

    @Test
    void emptyReportIsAnEmptyArray() throws Exception {
        String json = GitlabReport.render(ReportFixtures.synthetic(List.of()), ReportOptions.DEFAULT);
        assertThat(violations(json)).isEmpty();
        assertThat(JSON.readTree(json).isArray()).isTrue();
        assertThat(JSON.readTree(json).size()).isZero();
    }

    @Test
    void schemaCatchesInvalidOutput() throws Exception {
        JsonNode tree = JSON.readTree(GitlabReport.render(ReportFixtures.sample(), ReportOptions.DEFAULT));
        ((ObjectNode) tree.get(0)).put("severity", "error");
        ((ObjectNode) tree.get(0).at("/location/lines")).put("begin", 0);
        ((ObjectNode) tree.get(1)).remove("fingerprint");
        assertThat(violations(JSON.writeValueAsString(tree))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void issuesCarryRuleSeverityLocationHelpAndDocs() throws Exception {
        AnalysisReport report = ReportFixtures.sample();
        JsonNode issues = JSON.readTree(GitlabReport.render(report, ReportOptions.DEFAULT));
        assertThat(issues.size()).isEqualTo(report.findings().size());
        JsonNode error = find(issues, "column-type-change");
        assertThat(error.get("severity").asText()).isEqualTo("critical");
        assertThat(error.get("description").asText()).contains("amount");
        assertThat(error.at("/location/path").asText()).isEqualTo("db/migration/V2__changes.sql");
        assertThat(error.at("/location/lines/begin").asInt()).isEqualTo(2);
        assertThat(error.at("/location/lines/end").asInt()).isEqualTo(3);
        assertThat(error.at("/content/body").asText()).contains(ReportOptions.DEFAULT.ruleUrl("column-type-change"));
        assertThat(find(issues, "table-rebuild").get("severity").asText()).isEqualTo("major");
    }

    @Test
    void fingerprintsAreUniqueAndSurviveLinesAddedAbove() throws Exception {
        // The same statement twice in one file: two issues, two fingerprints (GitLab keeps one per fingerprint).
        String twice = ReportFixtures.CHANGES + "ALTER TABLE orders\n  MODIFY COLUMN amount BIGINT NOT NULL;\n";
        AnalysisReport report = ReportFixtures.analyze("mysql:8.0.28", "db/migration/V1__create.sql",
                ReportFixtures.CREATE, "db/migration/V2__changes.sql", twice);
        JsonNode issues = JSON.readTree(GitlabReport.render(report, ReportOptions.DEFAULT));
        Set<String> fingerprints = new HashSet<>();
        issues.forEach(i -> fingerprints.add(i.get("fingerprint").asText()));
        assertThat(fingerprints).hasSize(issues.size());

        String before = find(JSON.readTree(GitlabReport.render(ReportFixtures.sample(), ReportOptions.DEFAULT)),
                "column-type-change").get("fingerprint").asText();
        AnalysisReport moved = ReportFixtures.analyze("mysql:8.0.28", "db/migration/V1__create.sql",
                ReportFixtures.CREATE, "db/migration/V2__changes.sql", "\n\n\n" + ReportFixtures.CHANGES);
        assertThat(find(JSON.readTree(GitlabReport.render(moved, ReportOptions.DEFAULT)), "column-type-change")
                .get("fingerprint").asText()).isEqualTo(before);
    }

    @Test
    void problemsOfTheFileSitOnLineOneAndPathsAreRelative() throws Exception {
        List<Finding> findings = List.of(new Finding("invalid-encoding", Severity.WARNING, "./db/V1__x.sql", 0, 0,
                0, 0, "not UTF-8", "save it as UTF-8", ""));
        String json = GitlabReport.render(ReportFixtures.synthetic(findings), ReportOptions.DEFAULT);
        assertThat(violations(json)).isEmpty();
        JsonNode issue = JSON.readTree(json).get(0);
        assertThat(issue.at("/location/path").asText()).isEqualTo("db/V1__x.sql");
        assertThat(issue.at("/location/lines/begin").asInt()).isEqualTo(1);
    }

    private static JsonNode find(JsonNode issues, String rule) {
        List<JsonNode> matching = new ArrayList<>();
        issues.forEach(i -> {
            if (i.get("check_name").asText().equals(rule)) {
                matching.add(i);
            }
        });
        assertThat(matching).as("issues for %s", rule).hasSize(1);
        return matching.get(0);
    }
}
