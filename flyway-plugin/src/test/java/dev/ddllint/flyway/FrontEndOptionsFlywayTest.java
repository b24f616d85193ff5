package dev.ddllint.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.kb.TargetServer;
import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import dev.ddllint.run.FrontEndOption;
import dev.ddllint.run.RunOverrides;
import dev.ddllint.testing.TestServers;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/** The callback's spelling of the options every front end shares (docs/configuration.md, "Front-end options"). */
class FrontEndOptionsFlywayTest {

    private static DdlLintOptions options(Map<String, String> builder) {
        return DdlLintOptions.resolve(Map.of("builder", builder));
    }

    @Test
    void everySharedOptionIsAKeyInEverySource() {
        for (FrontEndOption o : FrontEndOption.values()) {
            if (o.flywayKey() == null) {
                continue;
            }
            assertThat(DdlLintOptions.KEYS).contains(o.flywayKey());
            // Flyway's own configuration binds it (flyway.plugins.ddllint.<key>).
            assertThat(OptionLayers.flywayValues(Flyway.configure().configuration(Map.of(
                    DdlLintConfigurationExtension.PREFIX + o.flywayKey(), "x")))).containsKey(o.flywayKey());
        }
    }

    @Test
    void theInputLimitsAreOptions() {
        DdlLintOptions o = options(Map.of("maxFindingsPerRule", "3", "maxFileSize", "1MiB",
                "maxStatementSize", "64k"));
        RunOverrides r = MigrationGate.overrides(o, null);
        assertThat(r.maxFindingsPerRule()).isEqualTo(3);
        assertThat(r.maxFileSize()).isEqualTo(1L << 20);
        assertThat(r.maxStatementSize()).isEqualTo(64L << 10);
        assertThat(MigrationGate.overrides(options(Map.of()), null).maxFindingsPerRule()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> options(Map.of("maxFindingsPerRule", "-1")))
                .hasMessageContaining("maxFindingsPerRule").hasMessageContaining("must be between 1");
    }

    @Test
    void theKeysBecomeTheSameOverridesAsInEveryFrontEnd() {
        DdlLintOptions o = options(Map.of("target", "mysql:8.0.35", "failOn", "warning",
                "lockWaitTimeoutSetByRunner", "true"));
        RunOverrides r = MigrationGate.overrides(o, SessionLockWaitTimeout.runnerSetsIt(o));
        assertThat(r.target()).isEqualTo(TargetServer.parse("mysql:8.0.35"));
        assertThat(r.failOn()).isEqualTo(Severity.WARNING);
        assertThat(r.lockWaitTimeoutSetByRunner()).isTrue();
        DdlLintOptions never = options(Map.of("failOn", "never", "lockWaitTimeoutSetByRunner", "false"));
        assertThat(MigrationGate.overrides(never, SessionLockWaitTimeout.runnerSetsIt(never)).failOn())
                .isEqualTo(Severity.OFF);
        assertThat(SessionLockWaitTimeout.runnerSetsIt(never)).isFalse();
    }

    @Test
    void theCallbackIsTheRunnerWhileItSetsTheTimeoutElseTheFileDecides() {
        assertThat(SessionLockWaitTimeout.runnerSetsIt(DdlLintOptions.defaults())).isTrue();
        assertThat(SessionLockWaitTimeout.runnerSetsIt(options(Map.of("lockWaitTimeout", "off")))).isNull();
        assertThat(SessionLockWaitTimeout.runnerSetsIt(options(Map.of("mode", "audit")))).isNull();
        assertThat(SessionLockWaitTimeout.runnerSetsIt(options(Map.of("lockWaitTimeout", "off",
                "lockWaitTimeoutSetByRunner", "true")))).isTrue();
        assertThat(SessionLockWaitTimeout.runnerSetsIt(options(Map.of("lockWaitTimeoutSetByRunner", "false"))))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void ddlLintYmlOnTheClasspathIsHonoured(TestServers.Server server, @TempDir Path dir) throws Exception {
        Path resources = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(resources.resolve("ddl-lint.yml"), "lockWaitTimeoutSetByRunner: true\n");
        List<PendingMigrations.Pending> pending = List.of(new PendingMigrations.Pending("2", "add", "V2__add.sql",
                "SQL", null, "ALTER TABLE t ADD COLUMN c INT;\n", "test"));
        PlaceholderSettings placeholders = new PlaceholderSettings(true, "${", "}", ":", Map.of(), null,
                "flyway_schema_history");
        DdlLintOptions noTimeout = options(Map.of("lockWaitTimeout", "off"));
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fo");
             URLClassLoader withYml = new URLClassLoader(new URL[]{resources.toUri().toURL()}, null);
             URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            db.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            try (Connection c = db.connect()) {
                MigrationGate.Result without = MigrationGate.check(c, pending, noTimeout, placeholders, empty,
                        SessionLockWaitTimeout.runnerSetsIt(noTimeout));
                assertThat(without.report().findings()).extracting(Finding::rule)
                        .contains("missing-lock-wait-timeout");
                MigrationGate.Result with = MigrationGate.check(c, pending, noTimeout, placeholders, withYml,
                        SessionLockWaitTimeout.runnerSetsIt(noTimeout));
                assertThat(with.configSource()).isEqualTo("classpath:ddl-lint.yml");
                assertThat(with.report().findings()).extracting(Finding::rule)
                        .doesNotContain("missing-lock-wait-timeout");
            }
        }
    }
}
