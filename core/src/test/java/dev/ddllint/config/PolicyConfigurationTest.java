package dev.ddllint.config;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy: block of ddl-lint.yml, and the policy rules reading it. */
class PolicyConfigurationTest {

    @Test
    void readsCharsetsAndMaxIndexes() throws Exception {
        Configuration c = ConfigurationLoader.parse("policy:\n  charsets: [UTF8MB4, latin1]\n  maxIndexes: 3\n",
                "ddl-lint.yml");
        assertThat(c.policy().charsets()).containsExactlyInAnyOrder("utf8mb4", "latin1");
        assertThat(c.policy().maxIndexes()).isEqualTo(3);
        assertThat(Configuration.DEFAULT.policy()).isEqualTo(PolicySettings.DEFAULT);
    }

    @Test
    void badValuesNameTheFileAndLine() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("policy:\n  maxIndex: 3\n", "ddl-lint.yml"))
                .hasMessageContaining("ddl-lint.yml:2").hasMessageContaining("policy.maxIndex");
        assertThatThrownBy(() -> ConfigurationLoader.parse("policy:\n  charsets: utf8mb4\n", "ddl-lint.yml"))
                .hasMessageContaining("ddl-lint.yml:2").hasMessageContaining("a list");
        assertThatThrownBy(() -> ConfigurationLoader.parse("policy:\n  maxIndexes: 0\n", "ddl-lint.yml"))
                .hasMessageContaining("ddl-lint.yml:2").hasMessageContaining("between 1 and 64");
        assertThatThrownBy(() -> ConfigurationLoader.parse("policy:\n  charsets: []\n", "ddl-lint.yml"))
                .hasMessageContaining("at least one");
    }

    @Test
    void theRulesFollowThePolicy() throws Exception {
        String sql = "CREATE TABLE t (id BIGINT PRIMARY KEY, a INT, b INT, KEY (a), KEY (b)) DEFAULT CHARSET=latin1;";
        Configuration team = ConfigurationLoader.parse("policy: {charsets: [latin1], maxIndexes: 2}", "ddl-lint.yml");
        assertThat(rules(Configuration.DEFAULT, sql)).contains("charset-not-allowed").doesNotContain(
                "too-many-indexes");
        assertThat(rules(team, sql)).contains("too-many-indexes").doesNotContain("charset-not-allowed");
    }

    private static List<String> rules(Configuration c, String sql) {
        AnalysisReport r = new Analyzer(c).analyze(List.of(new SourceFile("V1.sql",
                sql.getBytes(StandardCharsets.UTF_8))));
        return r.findings().stream().map(f -> f.rule()).toList();
    }
}
