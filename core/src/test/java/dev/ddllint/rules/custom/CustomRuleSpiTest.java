package dev.ddllint.rules.custom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.report.JsonReport;
import dev.ddllint.report.ReportOptions;
import dev.ddllint.report.SarifReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.RuleCatalog;
import dev.ddllint.rules.Severity;
import dev.ddllint.run.LintFailure;
import dev.ddllint.run.LintResult;
import dev.ddllint.run.LintRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Custom rules through the one core path: a class loader whose META-INF/services lists StatementRule classes, given
 * to {@link LintRun} as the CLI, the Maven plugin and the Flyway callback give theirs.
 */
class CustomRuleSpiTest {

    @TempDir
    Path dir;

    private static final List<SourceFile> TRUNCATE = List.of(new SourceFile("V1__purge.sql",
            "SET SESSION lock_wait_timeout = 5;\nTRUNCATE TABLE sessions;\n".getBytes(StandardCharsets.UTF_8)));

    /** A class loader that lists the classes as services, as a rule jar does. */
    private URLClassLoader services(String... classes) throws IOException {
        Path root = Files.createDirectories(dir.resolve("jar-" + classes.length + "-" + System.nanoTime()));
        Path file = Files.createDirectories(root.resolve("META-INF/services"))
                .resolve("dev.ddllint.rules.StatementRule");
        Files.writeString(file, "# a team's rules\n" + String.join("\n", classes) + "\n");
        return new URLClassLoader(new URL[]{root.toUri().toURL()}, getClass().getClassLoader());
    }

    private LintResult check(ClassLoader loader, String config) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project-" + System.nanoTime()));
        if (config != null) {
            Files.writeString(project.resolve("ddl-lint.yml"), config);
        }
        return LintRun.builder().configFolders(List.of(project)).customRules(loader, "the test's rules").load()
                .check(TRUNCATE);
    }

    @Test
    void aCustomRuleRunsAfterTheBuiltInOnesAndIsReported() throws Exception {
        try (URLClassLoader loader = services(NoTruncate.class.getName())) {
            LintResult result = check(loader, null);
            assertThat(result.report().findings()).extracting(Finding::rule, Finding::severity, Finding::line)
                    .contains(org.assertj.core.groups.Tuple.tuple("team-no-truncate", Severity.ERROR, 2));
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.report().rules()).extracting(r -> r.id()).endsWith("team-no-truncate");
        }
    }

    @Test
    void withoutTheServiceFileOnlyTheBuiltInRulesRun() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            assertThat(check(loader, null).report().findings()).extracting(Finding::rule)
                    .doesNotContain("team-no-truncate");
        }
    }

    @Test
    void ddlLintYmlAndIgnoreCommentsTreatItAsAnyRule() throws Exception {
        try (URLClassLoader loader = services(NoTruncate.class.getName())) {
            assertThat(check(loader, "rules:\n  team-no-truncate: warning\n").report().findings())
                    .filteredOn(f -> f.rule().equals("team-no-truncate")).extracting(Finding::severity)
                    .containsExactly(Severity.WARNING);
            assertThat(check(loader, "rules:\n  team-no-truncate: off\n").report().findings())
                    .extracting(Finding::rule).doesNotContain("team-no-truncate");
            LintResult ignored = LintRun.builder().configFolders(List.of(dir)).customRules(loader, "x").load()
                    .check(List.of(new SourceFile("V2.sql", ("-- ddl-lint:ignore-file team-no-truncate test "
                            + "fixtures only\nTRUNCATE TABLE sessions;\n").getBytes(StandardCharsets.UTF_8))));
            assertThat(ignored.report().findings()).filteredOn(f -> f.rule().equals("team-no-truncate"))
                    .singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.INFO);
                        assertThat(f.message()).contains("allowed by the ddl-lint:ignore-file comment at line 1");
                    });
        }
        // Without the rule, its id in ddl-lint.yml is a typo like any other.
        assertThatThrownBy(() -> check(getClass().getClassLoader(), "rules:\n  team-no-truncate: warning\n"))
                .isInstanceOf(LintFailure.class).hasMessageContaining("unknown rule 'team-no-truncate'");
    }

    @Test
    void anIdTakenByABuiltInRuleIsAnError() throws Exception {
        try (URLClassLoader loader = services(SameIdAsBuiltin.class.getName())) {
            assertThatThrownBy(() -> check(loader, null)).isInstanceOf(LintFailure.class)
                    .hasMessageContaining("custom rule " + SameIdAsBuiltin.class.getName())
                    .hasMessageContaining("has the id 'column-type-change', which a built-in rule has already")
                    .hasMessageContaining("(custom rules from the test's rules)");
        }
    }

    @Test
    void twoCustomRulesWithOneIdAreAnError() {
        assertThatThrownBy(() -> RuleCatalog.of(List.of(new NoTruncate(), new NoTruncate())))
                .isInstanceOf(RuleCatalog.CustomRuleException.class)
                .hasMessageContaining("has the id 'team-no-truncate', which " + NoTruncate.class.getName());
    }

    @Test
    void aListedClassThatCannotBeLoadedIsAnErrorNamingIt() throws Exception {
        try (URLClassLoader loader = services("com.example.NoSuchRule")) {
            assertThatThrownBy(() -> check(loader, null)).isInstanceOf(LintFailure.class)
                    .hasMessageContaining("com.example.NoSuchRule");
        }
    }

    @Test
    void reportsLinkTheCustomRulesOwnPage() throws Exception {
        try (URLClassLoader loader = services(NoTruncate.class.getName())) {
            AnalysisReport report = check(loader, null).report();
            JsonNode json = JsonReport.toTree(report, ReportOptions.DEFAULT);
            assertThat(json.get("findings").findValuesAsText("docsUrl"))
                    .contains("https://wiki.example.com/rules/team-no-truncate");
            JsonNode rules = SarifReport.toTree(report, ReportOptions.DEFAULT).at("/runs/0/tool/driver/rules");
            assertThat(rules.findValuesAsText("helpUri"))
                    .contains("https://wiki.example.com/rules/team-no-truncate",
                            ReportOptions.DEFAULT.ruleUrl("column-type-change"));
            JsonNode result = SarifReport.toTree(report, ReportOptions.DEFAULT).at("/runs/0/results").get(0);
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(
                    result.get("ruleId").asText());
        }
    }
}
