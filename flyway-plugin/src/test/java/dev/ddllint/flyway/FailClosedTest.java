package dev.ddllint.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddllint.live.MetadataLockCheck;
import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.live.ServerFacts;
import dev.ddllint.live.TableStatistics;
import dev.ddllint.model.TableName;
import dev.ddllint.testing.TestServers;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The callback's side paths fail closed: options, lock check, session timeout; live checks need only reads. */
class FailClosedTest {

    @Test
    void optionsThatCannotBeReadStopMigrateInsteadOfBeingDropped() {
        Configuration broken = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Configuration.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("extension lookup broke");
                });
        assertThatThrownBy(() -> OptionLayers.flywayValues(broken)).isInstanceOf(FlywayException.class)
                .hasMessageContaining("could not read its settings flyway.plugins.ddllint.*")
                .hasMessageContaining("extension lookup broke")
                .hasMessageContaining("migrate stops");
    }

    @Test
    void aLockCheckThatFailsStopsMigrateInBlockModeAndOnlyWarnsWhenToldSo() throws Exception {
        Connection dead = deadConnection();
        DdlLintOptions block = DdlLintOptions.resolve(Map.of("builder", Map.of()));
        Set<TableName> tables = Set.of(new TableName(null, "account"));
        assertThatThrownBy(() -> LockGuard.guard(dead, block, null, "app", tables, true, null, d -> { }))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("cannot see who holds the tables")
                .hasMessageContaining("fails closed")
                .hasMessageNotContaining("\tat ").hasMessageNotContaining("hunter2");
        for (Map<String, String> goesOn : List.of(Map.of("lockCheck", "warn"), Map.of("failClosed", "false"),
                Map.of("mode", "audit"))) {
            DdlLintOptions o = DdlLintOptions.resolve(Map.of("builder", goesOn));
            assertThatCode(() -> LockGuard.guard(dead, o, null, "app", tables, true, null, d -> { }))
                    .as("%s", goesOn).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void aSessionTimeoutThatCannotBeSetStopsMigrateBeforeTheMigration(TestServers.Server server,
                                                                     @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fc");
             Connection physical = db.connect()) {
            Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE t (id INT PRIMARY KEY);\n");
            Connection refusing = refusingLockWaitTimeout(physical);
            assertThatThrownBy(() -> Flyway.configure().dataSource(DdlLintCallbackTest.singleConnection(refusing))
                    .locations("filesystem:" + dir).callbacks(DdlLintCallback.builder().build()).load().migrate())
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("could not SET SESSION lock_wait_timeout = 5")
                    .hasMessageContaining("refused by the test");
            assertThat(FlywayHistory.versions(db)).doesNotContain("1");
            // Audit mode stops nothing: it warns and goes on.
            Flyway.configure().dataSource(DdlLintCallbackTest.singleConnection(refusing)).locations("filesystem:" + dir)
                    .callbacks(DdlLintCallback.builder().mode(DdlLintOptions.Mode.AUDIT).lockWaitTimeout(5).build())
                    .load().migrate();
            assertThat(FlywayHistory.versions(db)).contains("1");
        }
    }

    /**
     * A user with SELECT and PROCESS only runs every live check, sees another session's lock, and its password
     * appears in no output or message, error paths included.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void readPrivilegesAreEnoughAndThePasswordIsNeverShown(TestServers.Server server, @TempDir Path dir)
            throws Exception {
        String user = "ddl13a_ro_" + Long.toHexString(System.nanoTime() & 0xffffff);
        String password = "Pw-" + UUID.randomUUID();
        StringBuffer captured = new StringBuffer();
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fc")) {
            db.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'",
                    "GRANT SELECT, PROCESS ON *.* TO '" + user + "'@'%'");
            try {
                Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE account (id INT PRIMARY KEY, "
                        + "v INT);\nINSERT INTO account VALUES (1, 1);\n");
                Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + dir).load()
                        .migrate();
                Files.writeString(dir.resolve("V2__widen.sql"), "ALTER TABLE account MODIFY COLUMN v VARCHAR(20), ALGORITHM=COPY, LOCK=SHARED;\n");
                String url = db.jdbcUrl().replaceAll("user=[^&]*&password=[^&]*&?", "");
                LogFactory.setLogCreator(c -> (Log) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[]{Log.class}, (p, m, a) -> {
                            if (a != null) {
                                for (Object o : a) {
                                    captured.append(o).append('\n');
                                }
                            }
                            return m.getReturnType() == boolean.class ? Boolean.TRUE : null;
                        }));
                // The gate reads facts, definitions, statistics as the read-only user and stops the unsafe change
                // (LOCK=SHARED: without it MariaDB 11.2+ copies online, which the gate rightly lets through).
                Throwable stopped = org.assertj.core.api.Assertions.catchThrowable(() -> Flyway.configure()
                        .dataSource(url, user, password).locations("filesystem:" + dir)
                        .callbacks(DdlLintCallback.builder().build()).load().migrate());
                assertThat(stopped).isInstanceOf(FlywayException.class);
                assertThat(stackText(stopped)).doesNotContain(password);
                assertThat(stopped).hasMessageContaining("V2__widen.sql:1:1");
                try (Connection ro = DriverManager.getConnection(url, user, password);
                     Connection holder = db.connect()) {
                    ServerFacts facts = ServerFacts.read(ro);
                    assertThat(facts.describe()).doesNotContain(password);
                    Set<TableName> tables = Set.of(new TableName(null, "account"));
                    assertThat(TableStatistics.read(ro, db.name(), tables)).isNotEmpty();
                    holder.setAutoCommit(false);
                    try (Statement s = holder.createStatement()) {
                        s.executeQuery("SELECT COUNT(*) FROM account").close();
                    }
                    MetadataLockCheck.Result viaLocks = MetadataLockCheck.check(ro, db.name(), tables,
                            Duration.ZERO);
                    MetadataLockCheck.Result viaTrx = MetadataLockCheck.check(ro, db.name(), tables,
                            Duration.ZERO, false);
                    holder.rollback();
                    long id = holder.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).getId();
                    if (viaLocks.metadataLocksVisible()) {
                        assertThat(viaLocks.holders()).extracting(MetadataLockCheck.Holder::connectionId)
                                .contains(id);
                    }
                    // Measured: MariaDB 11.8 lists no INNODB_TRX row for a transaction that has only read
                    // (10.11 and MySQL 9.7 do), so without performance_schema such a reader is not visible there.
                    if (!server.name().equals("mariadb11")) {
                        assertThat(viaTrx.holders()).extracting(MetadataLockCheck.Holder::connectionId)
                                .contains(id);
                    }
                }
                // Error paths: wrong password, dead port, unknown database.
                for (String[] bad : new String[][]{{url, password + "x"},
                        {url.replaceFirst("//[^/]+/", "//127.0.0.1:1/"), password},
                        {url.replaceFirst("(//[^/]+/)[^?]*", "$1ddl13a_no_such_db"), password}}) {
                    assertThatThrownBy(() -> Flyway.configure().dataSource(bad[0], user, bad[1])
                            .connectRetries(0).locations("filesystem:" + dir)
                            .callbacks(DdlLintCallback.builder().build()).load().migrate())
                            .satisfies(e -> assertThat(stackText(e)).doesNotContain(password));
                }
            } finally {
                LogFactory.setLogCreator(null);
                db.execute("DROP USER '" + user + "'@'%'");
            }
        }
        String output = captured.toString();
        assertThat(output).isNotEmpty().doesNotContain(password);
    }

    private static String stackText(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t).append('\n');
        }
        return b.toString();
    }

    /** A connection on which every call fails, as when the server went away. */
    private static Connection deadConnection() {
        return (Connection) Proxy.newProxyInstance(FailClosedTest.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    throw new SQLException("Communications link failure (password=hunter2)");
                });
    }

    /** The physical connection, never closed, whose statements refuse {@code SET SESSION lock_wait_timeout}. */
    private static Connection refusingLockWaitTimeout(Connection physical) {
        return (Connection) Proxy.newProxyInstance(FailClosedTest.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    Object r = invoke(method, physical, args);
                    if (r instanceof Statement s && method.getName().equals("createStatement")) {
                        return Proxy.newProxyInstance(FailClosedTest.class.getClassLoader(),
                                new Class<?>[]{Statement.class}, (p2, m2, a2) -> {
                                    if (m2.getName().equals("execute") && a2 != null && a2.length == 1
                                            && String.valueOf(a2[0]).startsWith("SET SESSION lock_wait_timeout")) {
                                        throw new SQLException("refused by the test");
                                    }
                                    return invoke(m2, s, a2);
                                });
                    }
                    return r;
                });
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
