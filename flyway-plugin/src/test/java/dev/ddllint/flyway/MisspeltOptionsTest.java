package dev.ddllint.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;

class MisspeltOptionsTest {

    @Test
    void aSystemPropertyCloseToAnOptionIsAnErrorNamingTheOption() {
        assertThatThrownBy(() -> MisspeltOptions.rejectSystemProperties(List.of("java.version", "ddllint.mdoe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown ddl-lint system property -Dddllint.mdoe: did you mean -Dddllint.mode?");
        assertThatThrownBy(() -> MisspeltOptions.rejectSystemProperties(List.of("ddllint.lockChek")))
                .hasMessageContaining("did you mean -Dddllint.lockCheck?");
    }

    @Test
    void anEnvironmentVariableCloseToAnOptionIsAnErrorNamingTheVariable() {
        assertThatThrownBy(() -> MisspeltOptions.rejectEnvironmentVariables(List.of("DDLLINT_FAIL_CLOSD")))
                .hasMessage("unknown ddl-lint environment variable DDLLINT_FAIL_CLOSD: did you mean "
                        + "DDLLINT_FAIL_CLOSED?");
    }

    @Test
    void optionsAndUnrelatedKeysUnderThePrefixPass() {
        assertThatCode(() -> MisspeltOptions.rejectSystemProperties(List.of("ddllint.mode", "ddllint.lock-check",
                "ddllint.repoRoot", "ddllint.it.lib", "ddllint.corpus"))).doesNotThrowAnyException();
        assertThatCode(() -> MisspeltOptions.rejectEnvironmentVariables(List.of("DDLLINT_LOCK_WAIT_TIMEOUT",
                "DDLLINT_MYSQL_URL"))).doesNotThrowAnyException();
        assertThat(MisspeltOptions.distance("mdoe", "mode")).isEqualTo(2);
    }
}
