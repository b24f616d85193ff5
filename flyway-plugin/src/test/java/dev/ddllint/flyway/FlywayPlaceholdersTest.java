package dev.ddllint.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Map;

class FlywayPlaceholdersTest {

    @Test
    void replacesEverywhereAsFlywayDoes() {
        FlywayPlaceholders p = new FlywayPlaceholders("${", "}", Map.of("table", "ledger",
                "flyway:defaultSchema", "app"));
        assertThat(p.isDefaultSyntax()).isTrue();
        assertThat(p.replace("-- ${table}\nALTER TABLE ${flyway:defaultSchema}.${table} ADD c INT; -- '${table}'"))
                .isEqualTo("-- ledger\nALTER TABLE app.ledger ADD c INT; -- 'ledger'");
    }

    @Test
    void looksNamesUpExactlyThenIgnoringCase() {
        FlywayPlaceholders p = new FlywayPlaceholders(null, null, Map.of("Table", "exact", "type", "BIGINT"));
        assertThat(p.replace("${Table} ${TABLE} ${TYPE}")).isEqualTo("exact exact BIGINT");
    }

    @Test
    void leavesUnknownAndUnterminatedOnesAsWritten() {
        FlywayPlaceholders p = new FlywayPlaceholders("${", "}", Map.of("a", "1"));
        assertThat(p.replace("${b} ${a} ${a")).isEqualTo("${b} 1 ${a");
        assertThat(p.replace("${\na}")).isEqualTo("${\na}");
    }

    @Test
    void customPrefixAndSuffix() {
        FlywayPlaceholders p = new FlywayPlaceholders("#[", "]", Map.of("table", "ledger"));
        assertThat(p.isDefaultSyntax()).isFalse();
        assertThat(p.replace("ALTER TABLE #[table] ADD c INT DEFAULT '${table}'"))
                .isEqualTo("ALTER TABLE ledger ADD c INT DEFAULT '${table}'");
    }

    @Test
    void literalDollarBracesMapToThemselves() {
        assertThat(FlywayPlaceholders.literalDollarBraces("SELECT '${a}', '${b:c}', '${ nope }'"))
                .containsExactly(Map.entry("a", "${a}"), Map.entry("b:c", "${b:c}"));
    }
}
