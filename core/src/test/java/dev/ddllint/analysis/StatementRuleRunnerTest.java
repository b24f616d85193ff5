package dev.ddllint.analysis;

import dev.ddllint.config.Configuration;
import dev.ddllint.config.ConfigurationLoader;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules' metadata at work: supersession, and demotion of data-risk findings on new tables. */
class StatementRuleRunnerTest {

    private static final String TABLE =
            "CREATE TABLE IF NOT EXISTS orders (id INT PRIMARY KEY, amount INT NOT NULL);\n";

    private static List<String> rules(String yaml, String sql) throws Exception {
        Configuration config = yaml.isEmpty() ? Configuration.DEFAULT
                : ConfigurationLoader.parse(yaml, "ddl-lint.yml");
        return analyze(config, sql).stream().filter(f -> f.severity() != Severity.INFO).map(Finding::rule).toList();
    }

    private static List<Finding> analyze(Configuration config, String sql) {
        return new Analyzer(config).analyze(List.of(new SourceFile("V1__m.sql",
                sql.getBytes(StandardCharsets.UTF_8)))).findings();
    }

    @Test
    void aSupersedingRuleReportsTheStatementAlone() throws Exception {
        assertThat(rules("", TABLE + "ALTER TABLE orders MODIFY amount BIGINT NOT NULL;"))
                .contains("column-type-change").doesNotContain("blocking-alter");
    }

    @Test
    void aSupersedingRuleTurnedOffStillSupersedes() throws Exception {
        assertThat(rules("rules:\n  column-type-change: off\n", TABLE
                + "ALTER TABLE orders MODIFY amount BIGINT NOT NULL;"))
                .doesNotContain("column-type-change", "blocking-alter");
    }

    @Test
    void aSupersededRuleReportsWhereNoSupersedingRuleDoes() throws Exception {
        assertThat(rules("", TABLE + "ALTER TABLE orders ADD FULLTEXT INDEX ft (amount);"))
                .contains("blocking-alter");
    }

    @Test
    void dataRiskFindingsAreInfoOnANewTable() throws Exception {
        String sql = "CREATE TABLE fresh (id INT PRIMARY KEY, amount INT NOT NULL);\n"
                + "ALTER TABLE fresh MODIFY amount BIGINT NOT NULL;";
        assertThat(rules("", sql)).doesNotContain("column-type-change");
        assertThat(analyze(Configuration.DEFAULT, sql)).filteredOn(f -> f.rule().equals("column-type-change")).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.INFO);
    }
}
