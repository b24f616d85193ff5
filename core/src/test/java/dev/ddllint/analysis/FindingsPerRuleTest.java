package dev.ddllint.analysis;

import dev.ddllint.config.Configuration;
import dev.ddllint.config.ConfigurationLoader;
import dev.ddllint.config.InputLimits;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.report.ReportFormat;
import dev.ddllint.report.ReportOptions;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code maxFindingsPerRule}: a file with a million findings of one rule makes a small report that fails as the
 * million would; the rest of the file's findings are untouched.
 */
class FindingsPerRuleTest {

    private static final Configuration MYSQL = Configuration.DEFAULT.withTarget(TargetServer.parse("mysql:8.4"));

    private static AnalysisReport analyze(Configuration config, String... files) {
        List<SourceFile> sources = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            sources.add(new SourceFile("V" + (i + 1) + "__f.sql", files[i].getBytes(StandardCharsets.UTF_8)));
        }
        return new Analyzer(config).analyze(sources);
    }

    private static List<Finding> of(AnalysisReport r, String rule, String path) {
        return r.findings().stream().filter(f -> f.rule().equals(rule) && f.path().equals(path)).toList();
    }

    @Test
    void aMillionUnresolvedPlaceholdersGiveASmallReportThatStillFails() {
        // Two lines of SQL, then a million lines of one placeholder each: the script of a broken generator.
        StringBuilder sql = new StringBuilder("ALTER TABLE t ADD COLUMN c INT;\n-- values\n");
        for (int i = 0; i < 1_000_000; i++) {
            sql.append("${p").append(i % 7).append("}\n");
        }
        sql.append(";\n");
        AnalysisReport r = analyze(MYSQL, sql.toString(), "ALTER TABLE u ADD COLUMN ${q} INT;\n");

        List<Finding> placeholders = of(r, "unresolved-placeholder", "V1__f.sql");
        assertThat(placeholders).hasSize(InputLimits.DEFAULT_MAX_FINDINGS_PER_RULE + 1);
        assertThat(placeholders.subList(0, 100)).allSatisfy(f -> assertThat(f.message()).contains("${p"));
        assertThat(placeholders.get(99).line()).isEqualTo(102);
        Finding summary = placeholders.get(100);
        assertThat(summary.severity()).isEqualTo(Severity.ERROR);
        assertThat(summary.line()).isEqualTo(103);
        assertThat(summary.message()).contains("999,900 more unresolved-placeholder findings")
                .contains("maxFindingsPerRule: 100").contains("to line 1000002");
        // The other file's findings are its own: the limit is per file.
        assertThat(of(r, "unresolved-placeholder", "V2__f.sql")).hasSize(1);
        assertThat(r.fails(Severity.ERROR)).isTrue();
        String json = ReportFormat.JSON.render(r, ReportOptions.DEFAULT);
        assertThat(json.length()).isLessThan(200_000);
    }

    @Test
    void theSummaryHasTheHighestSeverityOfWhatItLeftOut() {
        // The first two are allowed by an ignore comment (info); the third, left out, is an error.
        String sql = "SET SESSION lock_wait_timeout = 5;\n"
                + "-- ddl-lint:ignore column-type-change small table\nALTER TABLE t1 MODIFY a BIGINT;\n"
                + "-- ddl-lint:ignore column-type-change small table\nALTER TABLE t2 MODIFY b BIGINT;\n"
                + "ALTER TABLE t3 MODIFY c BIGINT;\n";
        AnalysisReport capped = analyze(MYSQL.withLimits(InputLimits.DEFAULT.withMaxFindingsPerRule(2)), sql);
        AnalysisReport all = analyze(MYSQL, sql);
        List<Finding> all3 = of(all, "column-type-change", "V1__f.sql");
        assertThat(all3).extracting(Finding::severity).containsExactly(Severity.INFO, Severity.INFO,
                Severity.ERROR);
        List<Finding> two = of(capped, "column-type-change", "V1__f.sql");
        assertThat(two).hasSize(3);
        assertThat(two.get(2).severity()).isEqualTo(Severity.ERROR);
        assertThat(two.get(2).line()).isEqualTo(6);
        assertThat(two.get(2).message()).startsWith("1 more column-type-change finding in this file is not listed");
        assertThat(capped.fails(Severity.ERROR)).isEqualTo(all.fails(Severity.ERROR)).isTrue();
    }

    @Test
    void underTheLimitNothingChanges() {
        String sql = "ALTER TABLE t ADD COLUMN ${a} INT;\nALTER TABLE t ADD COLUMN ${b} INT;\n";
        AnalysisReport r = analyze(MYSQL.withLimits(InputLimits.DEFAULT.withMaxFindingsPerRule(2)), sql);
        assertThat(of(r, "unresolved-placeholder", "V1__f.sql")).extracting(Finding::line).containsExactly(1, 2);
    }

    @Test
    void theLimitIsAKeyOfTheConfigurationFile() throws Exception {
        Configuration c = ConfigurationLoader.parse("maxFindingsPerRule: 5\nmaxFileSize: 1MiB\n"
                + "maxStatementSize: 64k\n", "x.yml");
        assertThat(c.limits()).isEqualTo(new InputLimits(5, 1 << 20, 64 << 10));
        assertThat(Configuration.DEFAULT.limits()).isEqualTo(InputLimits.DEFAULT);
        assertThat(c.withTarget(TargetServer.parse("mysql:8.0")).limits()).isEqualTo(c.limits());
        assertThatThrownBy(() -> ConfigurationLoader.parse("maxFindingsPerRule: 0\n", "x.yml"))
                .hasMessageContaining("x.yml:1: maxFindingsPerRule: must be between 1");
        assertThatThrownBy(() -> ConfigurationLoader.parse("maxFileSize: 12\n", "x.yml"))
                .hasMessageContaining("x.yml:1: maxFileSize: '12' must be a size of at least 1KiB");
    }
}
