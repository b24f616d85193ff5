package dev.ddllint.rules;

import dev.ddllint.kb.ServerFlavor;
import dev.ddllint.kb.TargetServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerRangeTest {

    @Test
    void includesItsFlavorFromItsVersionOn() {
        ServerRange range = ServerRange.of(ServerFlavor.MYSQL, "8.0.29");
        assertThat(range.includes(TargetServer.parse("mysql:8.0.29"))).isTrue();
        assertThat(range.includes(TargetServer.parse("mysql:8.0"))).isTrue();
        assertThat(range.includes(TargetServer.parse("mysql:8.0.28"))).isFalse();
        assertThat(range.includes(TargetServer.parse("mariadb:11.8"))).isFalse();
        assertThat(range).hasToString("MySQL 8.0.29+");
    }

    @Test
    void allIncludesEveryServer() {
        assertThat(ServerRange.ALL.includes(TargetServer.parse("mariadb:10.11"))).isTrue();
        assertThat(ServerRange.ALL.includes(TargetServer.DEFAULT)).isTrue();
        assertThat(ServerRange.ALL.isAll()).isTrue();
    }

    @Test
    void aVersionNeedsAFlavor() {
        assertThatThrownBy(() -> ServerRange.of(null, "8.0.29")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ruleIdsAreKebabCaseAndNameTheirClass() {
        assertThatThrownBy(() -> RuleInfo.of("Bad_Id", Severity.ERROR, Category.SCRIPT, Risk.HYGIENE, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RuleInfo.of("row-log-may-overflow", Severity.ERROR, Category.ESTIMATE, Risk.DATA, "x").className())
                .isEqualTo("dev.ddllint.rules.RowLogMayOverflow");
    }
}
