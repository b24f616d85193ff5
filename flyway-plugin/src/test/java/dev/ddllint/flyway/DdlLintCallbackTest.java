package dev.ddllint.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.testing.TestServers;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** The callback in process, with the Flyway it is compiled against, on each real server. */
class DdlLintCallbackTest {



    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static FluentConfiguration flyway(ScratchDatabase db, Path dir) {
        return Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + dir);
    }

    @Test
    void flywayPluginPropertiesReachTheCallback() {
        FluentConfiguration c = Flyway.configure().configuration(Map.of(
                "flyway.plugins.ddllint.mode", "audit", "flyway.plugins.ddllint.lockWaitTimeout", "3"));
        assertThat(OptionLayers.flywayValues(c)).containsExactlyInAnyOrderEntriesOf(Map.of("mode", "audit",
                "lockWaitTimeout", "3"));
        // A misspelt key is not silently ignored: Flyway itself rejects it.
        assertThatThrownBy(() -> Flyway.configure().configuration(Map.of("flyway.plugins.ddllint.mdoe", "audit")))
                .isInstanceOf(FlywayException.class).hasMessageContaining("flyway.plugins.ddllint.mdoe");
        DdlLintConfigurationExtension ext = new DdlLintConfigurationExtension();
        assertThat(ext.getConfigurationParameterFromEnvironmentVariable("FLYWAY_PLUGINS_DDLLINT_LOCK_CHECK"))
                .isEqualTo("flyway.plugins.ddllint.lockCheck");
        assertThat(ext.getConfigurationParameterFromEnvironmentVariable("FLYWAY_URL")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void lockWaitTimeoutIsSetForEachMigrationAndPutBackOnAPooledConnection(TestServers.Server server)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw");
             Connection physical = db.connect()) {
            try (Statement s = physical.createStatement()) {
                s.execute("SET SESSION lock_wait_timeout = 77");
            }
            Flyway.configure().dataSource(singleConnection(physical)).locations("classpath:db/safe")
                    .callbacks(DdlLintCallback.builder().lockWaitTimeout(4).build()).load().migrate();
            assertThat(scalar(physical, "SELECT seconds FROM lock_wait_probe")).isEqualTo(4L);
            // As a pool hands the connection back to the application: as it was before.
            assertThat(scalar(physical, "SELECT @@SESSION.lock_wait_timeout")).isEqualTo(77L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void failsClosedWhenItCannotCheckUnlessToldOtherwise(TestServers.Server server, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw")) {
            Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE t (id INT PRIMARY KEY);\n");
            String missing = dir.resolve("no-such-ddl-lint.yml").toString();
            assertThatThrownBy(() -> flyway(db, dir).callbacks(DdlLintCallback.builder().configFile(missing)
                    .build()).load().migrate())
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("ddl-lint could not check the pending migrations")
                    .hasMessageContaining("no-such-ddl-lint.yml")
                    .hasMessageContaining("fails closed");
            assertThat(FlywayHistory.versions(db)).isEmpty();

            flyway(db, dir).callbacks(DdlLintCallback.builder().configFile(missing).failClosed(false).build())
                    .load().migrate();
            assertThat(FlywayHistory.versions(db)).containsExactly("1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void ddlLintYmlDecidesWhatStops(TestServers.Server server, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw")) {
            Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE t (id INT PRIMARY KEY, v INT);\n");
            flyway(db, dir).callbacks(DdlLintCallback.builder().build()).load().migrate();
            Files.writeString(dir.resolve("V2__widen.sql"), "ALTER TABLE t MODIFY COLUMN v BIGINT;\n");
            Path yml = dir.resolve("ddl-lint.yml");
            Files.writeString(yml, "rules:\n  column-type-change: warning\n");
            flyway(db, dir).callbacks(DdlLintCallback.builder().configFile(yml).build()).load().migrate();
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");

            Files.writeString(dir.resolve("V3__widen_again.sql"), "ALTER TABLE t MODIFY COLUMN id BIGINT;\n");
            assertThatThrownBy(() -> flyway(db, dir).callbacks(DdlLintCallback.builder().configFile(yml)
                    .failOn("warning").build()).load().migrate())
                    .hasMessageContaining("V3__widen_again.sql:1:1: warning[column-type-change]");
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void aLockTakenWhileEarlierMigrationsRunStopsTheMigrationThatNeedsIt(TestServers.Server server,
                                                                       @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw")) {
            Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE account (id INT PRIMARY KEY, v INT);\n"
                    + "INSERT INTO account VALUES (1, 1);\n");
            flyway(db, dir).load().migrate();
            Files.writeString(dir.resolve("V2__slow.sql"), "DO SLEEP(3);\n");
            Files.writeString(dir.resolve("V3__index.sql"), "ALTER TABLE account ADD INDEX ix_v (v);\n");
            try (Connection holder = db.connect()) {
                holder.setAutoCommit(false);
                CompletableFuture<Void> grab = CompletableFuture.runAsync(() -> {
                    // Only once V2 runs (after beforeMigrate's check), however slow the machine.
                    try (Connection probe = db.connect()) {
                        long deadline = System.nanoTime() + 30_000_000_000L;
                        while (scalar(probe, "SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                                + "WHERE INFO LIKE 'DO SLEEP(3)%'") == 0 && System.nanoTime() < deadline) {
                            Thread.sleep(50);
                        }
                        scalar(holder, "SELECT COUNT(*) FROM account");
                    } catch (InterruptedException | SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                long id = scalar(holder, "SELECT CONNECTION_ID()");
                assertThatThrownBy(() -> flyway(db, dir).callbacks(DdlLintCallback.builder()
                        .longTransaction(java.time.Duration.ZERO).build()).load().migrate())
                        .isInstanceOf(FlywayException.class)
                        .hasMessageContaining("ddl-lint stopped migrate before V3__index.sql")
                        .hasMessageContaining("connection " + id);
                grab.get(10, TimeUnit.SECONDS);
                holder.rollback();
            }
            // V2 ran; V3 never started, so Flyway recorded nothing for it (no failed row to repair).
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void modeOffDoesNothing(TestServers.Server server, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw")) {
            Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE t (id INT PRIMARY KEY, v INT);\n"
                    + "ALTER TABLE t MODIFY COLUMN v BIGINT;\n");
            Files.writeString(dir.resolve("V2__probe.sql"), "CREATE TABLE probe (s BIGINT);\n"
                    + "INSERT INTO probe SELECT @@SESSION.lock_wait_timeout;\n");
            flyway(db, dir).callbacks(DdlLintCallback.builder().mode(DdlLintOptions.Mode.OFF).build()).load()
                    .migrate();
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");
            try (Connection c = db.connect()) {
                assertThat(scalar(c, "SELECT s FROM probe")).isNotEqualTo(5L);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void theCallbackCostsNoMoreLoginsThanAnyBeforeMigrateCallback(TestServers.Server server, @TempDir Path dir)
            throws Exception {
        // Flyway opens a connection for each event a callback supports (here BEFORE_MIGRATE). ddl-lint reads the
        // pending list on that one, and asks for AFTER_MIGRATE only with something to put back: no more logins.
        Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE t (id INT PRIMARY KEY, v INT);\n");
        Files.writeString(dir.resolve("V2__add.sql"), "ALTER TABLE t ADD COLUMN w INT;\n");
        try (ScratchDatabase plain = ScratchDatabase.create(server, "ddl_lint_fw");
             ScratchDatabase checked = ScratchDatabase.create(server, "ddl_lint_fw")) {
            java.util.concurrent.atomic.AtomicInteger plainLogins = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger checkedLogins = new java.util.concurrent.atomic.AtomicInteger();
            for (int run = 0; run < 2; run++) { // two pending, then nothing pending
                Flyway.configure().dataSource(counting(plain.jdbcUrl(), plainLogins))
                        .locations("filesystem:" + dir).callbacks(BEFORE_MIGRATE_ONLY).load().migrate();
                Flyway.configure().dataSource(counting(checked.jdbcUrl(), checkedLogins))
                        .locations("filesystem:" + dir).callbacks(DdlLintCallback.builder().build()).load()
                        .migrate();
                assertThat(checkedLogins.get()).as("connections opened, run %d", run).isEqualTo(plainLogins.get());
            }
            assertThat(FlywayHistory.versions(checked)).containsExactly("1", "2");
        }
    }

    /** A callback that does nothing in BEFORE_MIGRATE, the least a gate before the first migration needs. */
    private static final org.flywaydb.core.api.callback.Callback BEFORE_MIGRATE_ONLY =
            new org.flywaydb.core.api.callback.Callback() {
                public boolean supports(org.flywaydb.core.api.callback.Event event,
                                        org.flywaydb.core.api.callback.Context context) {
                    return event == org.flywaydb.core.api.callback.Event.BEFORE_MIGRATE;
                }

                public boolean canHandleInTransaction(org.flywaydb.core.api.callback.Event event,
                                                      org.flywaydb.core.api.callback.Context context) {
                    return true;
                }

                public void handle(org.flywaydb.core.api.callback.Event event,
                                   org.flywaydb.core.api.callback.Context context) {
                }

                public String getCallbackName() {
                    return "before-migrate-only";
                }
            };

    /** A data source that opens a new connection each time, counting them. */
    private static DataSource counting(String url, java.util.concurrent.atomic.AtomicInteger opened) {
        return (DataSource) Proxy.newProxyInstance(DdlLintCallbackTest.class.getClassLoader(),
                new Class<?>[]{DataSource.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> {
                        opened.incrementAndGet();
                        yield java.sql.DriverManager.getConnection(url);
                    }
                    case "getLoginTimeout", "hashCode" -> method.getName().equals("hashCode")
                            ? System.identityHashCode(proxy) : 0;
                    case "isWrapperFor" -> false;
                    case "equals" -> proxy == args[0];
                    case "toString" -> "counting " + url;
                    case "getParentLogger" -> Logger.getGlobal();
                    default -> null;
                });
    }

    @Test
    void aBadOptionInFlywaysConfigurationStopsMigrateNamingIt() {
        FluentConfiguration c = Flyway.configure().configuration(Map.of("flyway.plugins.ddllint.lockCheck",
                "sometimes"));
        assertThatThrownBy(() -> new DdlLintCallback().options(c)).isInstanceOf(FlywayException.class)
                .hasMessage("ddl-lint option lockCheck (from Flyway configuration flyway.plugins.ddllint)="
                        + "'sometimes' is not one of [block, wait, warn, off]");
    }

    /** A data source that always hands out the same physical connection and never closes it, like a pool. */
    static DataSource singleConnection(Connection physical) {
        Connection shared = (Connection) Proxy.newProxyInstance(DdlLintCallbackTest.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new DataSource() {
            public Connection getConnection() {
                return shared;
            }

            public Connection getConnection(String user, String password) {
                return shared;
            }

            public PrintWriter getLogWriter() {
                return null;
            }

            public void setLogWriter(PrintWriter out) {
            }

            public void setLoginTimeout(int seconds) {
            }

            public int getLoginTimeout() {
                return 0;
            }

            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }
}
