package dev.ddllint.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddllint.flyway.DdlLintOptions;
import dev.ddllint.run.FrontEndOption;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The starter's properties are the callback's options, one for one (docs/configuration.md "Front-end options"),
 * as the configuration metadata the build generates lists them; and a wrong name is reported with the right one.
 */
class SpringPropertiesTest {

    private static Set<String> metadataProperties() throws Exception {
        Path json = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"(ddl-lint\\.[a-z-]+)\"")
                .matcher(Files.readString(json, StandardCharsets.UTF_8));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyCallbackOptionIsAPropertyAndNothingElseIs() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (String key : DdlLintOptions.KEYS) {
            expected.add(SpringOptionNames.property(key));
        }
        assertThat(metadataProperties()).isEqualTo(expected);
        assertThat(SpringSettings.values(new DdlLintProperties())).isEmpty();
    }

    @Test
    void theSharedFrontEndOptionsKeepTheirFlywayKey() {
        for (FrontEndOption o : FrontEndOption.values()) {
            if (o.flywayKey() != null) {
                assertThat(SpringOptionNames.optionOf(SpringOptionNames.kebab(o.flywayKey())))
                        .as(o.key()).isEqualTo(o.flywayKey());
            }
        }
        assertThat(SpringOptionNames.property("lockWaitTimeoutSetByRunner"))
                .isEqualTo("ddl-lint.lock-wait-timeout-set-by-runner");
    }

    @Test
    void wrongNamesAreErrorsNamingTheRightProperty() {
        assertThatThrownBy(() -> SpringSettings.check("ddl-lint.mdoe", "application.yml"))
                .isInstanceOf(DdlLintSettingsException.class)
                .hasMessageContaining("Unknown property ddl-lint.mdoe (application.yml)")
                .hasMessageContaining("Did you mean ddl-lint.mode?");
        assertThatThrownBy(() -> SpringSettings.check("flyway.plugins.ddllint.lockCheck", "application.yml"))
                .hasMessageContaining("Set ddl-lint.lock-check instead");
        assertThatCode(() -> SpringSettings.check("ddl-lint.lock-check", "x")).doesNotThrowAnyException();
        assertThatCode(() -> SpringSettings.check("ddl-lint.lockCheck", "x")).doesNotThrowAnyException();
        assertThatCode(() -> SpringSettings.check("spring.flyway.locations", "x")).doesNotThrowAnyException();
    }
}
