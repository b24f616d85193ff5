package dev.ddllint.flyway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.flyway.FlywayHistory;
import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real Flyway (each version in {@code ddllint.it.flywayVersions}, in a class loader of its own with the shipped,
 * shaded callback jar) against each real server, every test in a scratch database of its own.
 */
class FlywayEndToEndIT {

    private static final Map<String, IsolatedApp> APPS = new HashMap<>();

    static List<String> flywayVersions() {
        return List.of(System.getProperty("ddllint.it.flywayVersions", "10,11,12").split(","));
    }

    static List<Arguments> matrix() {
        List<Arguments> m = new ArrayList<>();
        for (String v : flywayVersions()) {
            for (TestServers.Server s : TestServers.all()) {
                m.add(Arguments.of(v.trim(), s));
            }
        }
        return m;
    }

    @BeforeAll
    static void javaVersion() {
        String required = System.getProperty("ddllint.it.requireJava");
        if (required != null) {
            assertThat(Runtime.version().feature()).as("this execution's JVM")
                    .isGreaterThanOrEqualTo(Integer.parseInt(required));
        }
    }

    @AfterAll
    static void closeApps() throws Exception {
        for (IsolatedApp a : APPS.values()) {
            a.close();
        }
        APPS.clear();
    }

    private static synchronized IsolatedApp app(String flyway) throws Exception {
        IsolatedApp app = APPS.get(flyway);
        if (app == null) {
            app = IsolatedApp.shaded(flyway, false);
            assertThat(app.flywayVersion()).as("Flyway actually loaded").startsWith(flyway + ".");
            APPS.put(flyway, app);
        }
        return app;
    }

    /** flyway.conf-style properties: URL, locations, the callback registered by class name, plus extras. */
    private static Map<String, String> conf(ScratchDatabase db, String locations, String... keyValues) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("flyway.url", db.jdbcUrl());
        p.put("flyway.locations", locations);
        p.put("flyway.callbacks", "dev.ddllint.flyway.DdlLintCallback");
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static Map<String, String> options(String... keyValues) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            o.put(keyValues[i], keyValues[i + 1]);
        }
        return o;
    }


    /** The lock_wait_timeout that V4 of db/safe saw on the connection Flyway ran it on. */
    private static long probedLockWaitTimeout(ScratchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seconds FROM lock_wait_probe")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static String columnType(ScratchDatabase db, String table, String column) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                     + db.name() + "' AND TABLE_NAME = '" + table + "' AND COLUMN_NAME = '" + column + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long connectionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void write(Path dir, String name, String sql) throws Exception {
        Files.writeString(dir.resolve(name), sql, StandardCharsets.UTF_8);
    }

    private static String describe(Map<String, String> r) {
        return r.containsKey("error") ? r.get("error") + ": " + r.get("message") + "\nlog:\n" + r.get("log")
                : "executed " + r.get("executed") + "\nlog:\n" + r.get("log");
    }

    // ------------------------------------------------------------------------------------------------ safe set

    @ParameterizedTest(name = "Flyway {0} on {1}")
    @MethodSource("matrix")
    void safeSetMigrates(String flyway, TestServers.Server server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw")) {
            Map<String, String> r = app(flyway).migrate(conf(db, "classpath:db/safe",
                    "flyway.plugins.ddllint.lockWaitTimeout", "7"), null);
            assertThat(r).as(describe(r)).doesNotContainKey("error").containsEntry("executed", "4");
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2", "3", "4");
            assertThat(r.get("log")).contains("ddl-lint: 3 pending SQL migrations checked for "
                    + server.target().displayName())
                    .contains("V2 \"Java step\"", "is a Java-based or other non-SQL migration: ddl-lint does not "
                            + "analyse it")
                    .contains("lockWaitTimeout=7 s")
                    .contains("innodb_online_alter_log_max_size", "lock_wait_timeout");
            // The callback set lock_wait_timeout on the connection Flyway ran V4 on (flyway.plugins.ddllint.*).
            assertThat(probedLockWaitTimeout(db)).isEqualTo(7L);
        }
    }

    // ------------------------------------------------------------------------------------- V3 stops before it runs

    @ParameterizedTest(name = "Flyway {0} on {1}")
    @MethodSource("matrix")
    void unsafeV3StopsMigrateWithV1AndV2Applied(String flyway, TestServers.Server server, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw")) {
            write(dir, "V1__create_account.sql", "CREATE TABLE account (id INT NOT NULL PRIMARY KEY, "
                    + "amount INT NOT NULL) ENGINE=InnoDB;\nINSERT INTO account VALUES (1, 10), (2, 20);\n");
            write(dir, "V2__add_note.sql", "ALTER TABLE account ADD COLUMN note VARCHAR(20) NULL;\n");
            Map<String, String> builder = options("lockCheck", "off");
            Map<String, String> first = app(flyway).migrate(conf(db, "filesystem:" + dir,
                    "flyway.callbacks", ""), builder);
            assertThat(first).as(describe(first)).containsEntry("executed", "2");

            write(dir, "V3__widen_amount.sql", "-- money grows\nALTER TABLE account MODIFY COLUMN amount BIGINT "
                    + "NOT NULL;\n");
            Map<String, String> r = app(flyway).migrate(conf(db, "filesystem:" + dir, "flyway.callbacks", ""),
                    builder);
            if (copiesOnline(server)) {
                // MariaDB 11.2+ copies the table while writes go on: a warning, and migrate runs.
                assertThat(r).as(describe(r)).containsEntry("executed", "1");
                assertThat(r.get("log")).contains("V3__widen_amount.sql:2:1: warning[column-type-change]")
                        .contains("COPY, LOCK=NONE");
                return;
            }
            assertThat(r).as(describe(r)).containsKey("error");
            assertThat(r.get("error")).startsWith("org.flywaydb.core.api.FlywayException")
                    .doesNotContain("BlockStatement");
            assertThat(r.get("message"))
                    .contains("ddl-lint stopped migrate before it ran anything")
                    .contains("V3__widen_amount.sql:2:1: error[column-type-change]")
                    .contains("changes the data type of column `amount`")
                    .contains("2 | ALTER TABLE account MODIFY COLUMN amount BIGINT NOT NULL")
                    .contains("= help: add a new column with the new definition")
                    .contains("= table `" + db.name() + "`.`account`: ~")
                    .contains("Nothing of these migrations was applied");
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");
            assertThat(columnType(db, "account", "amount")).isEqualToIgnoringCase("int");
            assertThat(columnType(db, "account", "note")).isEqualToIgnoringCase("varchar");

            // The team decides the copy is harmless here and says why, next to the statement: V3 then runs.
            write(dir, "V3__widen_amount.sql", "-- money grows\n-- ddl-lint:ignore column-type-change account has "
                    + "two rows: the copy takes milliseconds\nALTER TABLE account MODIFY COLUMN amount BIGINT "
                    + "NOT NULL;\n");
            Map<String, String> allowed = app(flyway).migrate(conf(db, "filesystem:" + dir, "flyway.callbacks", ""),
                    builder);
            assertThat(allowed).as(describe(allowed)).doesNotContainKey("error").containsEntry("executed", "1");
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2", "3");
            assertThat(columnType(db, "account", "amount")).isEqualToIgnoringCase("bigint");
        }
    }

    // ------------------------------------------------------------------------------------------- placeholders

    @ParameterizedTest(name = "Flyway {0} on {1}")
    @MethodSource("matrix")
    void placeholdersAreReplacedAsFlywayDoes(String flyway, TestServers.Server server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw")) {
            String[] ph = {"flyway.placeholders.table", "ledger", "flyway.placeholders.amountType", "BIGINT"};
            Map<String, String> first = app(flyway).migrate(conf(db, "classpath:db/ph", concat(ph,
                    "flyway.target", "2", "flyway.plugins.ddllint.lockCheck", "off")), null);
            assertThat(first).as(describe(first)).containsEntry("executed", "2");

            Map<String, String> r = app(flyway).migrate(conf(db, "classpath:db/ph", concat(ph,
                    "flyway.plugins.ddllint.lockCheck", "off")), null);
            if (copiesOnline(server)) {
                // MariaDB 11.2+ copies the table while writes go on: a warning, and migrate runs.
                assertThat(r).as(describe(r)).containsEntry("executed", "1");
                assertThat(r.get("log")).contains("V3__amount_type.sql:2:1: warning[column-type-change]");
                return;
            }
            assertThat(r).as(describe(r)).containsKey("error");
            assertThat(r.get("error")).startsWith("org.flywaydb.core.api.FlywayException");
            assertThat(r.get("message"))
                    .contains("V3__amount_type.sql:2:1: error[column-type-change]")
                    .contains("2 | ALTER TABLE ledger MODIFY COLUMN amount BIGINT NOT NULL")
                    .contains("= table `" + db.name() + "`.`ledger`: ~");
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");

            // The same script with amountType=INT keeps the column's type (known from the live table): it runs.
            Map<String, String> same = app(flyway).migrate(conf(db, "classpath:db/ph",
                    "flyway.placeholders.table", "ledger", "flyway.placeholders.amountType", "INT"), null);
            assertThat(same).as(describe(same)).containsEntry("executed", "1");
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2", "3");
        }
    }

    /** MariaDB 11.2+ copies a table while writes go on (a type change is then a warning, not an error). */
    private static boolean copiesOnline(TestServers.Server server) {
        return server.target().flavor() == dev.ddllint.kb.ServerFlavor.MARIADB
                && server.target().version().atLeast(11, 2, 0);
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    // -------------------------------------------------------------------------------------- metadata lock guard

    @ParameterizedTest(name = "Flyway {0} on {1}")
    @MethodSource("matrix")
    void openTransactionOnTheTableIsReportedNotWaitedOn(String flyway, TestServers.Server server,
                                                        @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw")) {
            write(dir, "V1__create_account.sql", "CREATE TABLE account (id INT NOT NULL PRIMARY KEY, "
                    + "amount INT NOT NULL) ENGINE=InnoDB;\nINSERT INTO account VALUES (1, 10);\n");
            assertThat(app(flyway).migrate(conf(db, "filesystem:" + dir), null)).containsEntry("executed", "1");
            write(dir, "V2__index_amount.sql", "ALTER TABLE account ADD INDEX ix_amount (amount);\n");

            try (Connection holder = db.connect()) {
                holder.setAutoCommit(false);
                try (Statement s = holder.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT * FROM account")) {
                    rs.next();
                }
                long holderId = connectionId(holder);

                long t0 = System.nanoTime();
                Map<String, String> blocked = app(flyway).migrate(conf(db, "filesystem:" + dir,
                        "flyway.plugins.ddllint.longTransactionSeconds", "0"), null);
                long blockMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertThat(blocked).as(describe(blocked)).containsKey("error");
                assertThat(blocked.get("error")).startsWith("org.flywaydb.core.api.FlywayException");
                assertThat(blocked.get("message"))
                        .contains("another session holds a table that V2__index_amount.sql changes")
                        .contains("connection " + holderId, "SHARED_READ metadata lock on `" + db.name()
                                + "`.`account`", "transaction open for", "KILL " + holderId);
                assertThat(blockMillis).as("reported at once, not waited on").isLessThan(15_000);

                t0 = System.nanoTime();
                Map<String, String> waited = app(flyway).migrate(conf(db, "filesystem:" + dir,
                        "flyway.plugins.ddllint.longTransactionSeconds", "0",
                        "flyway.plugins.ddllint.lockCheck", "wait",
                        "flyway.plugins.ddllint.lockCheckWaitSeconds", "2",
                        "flyway.plugins.ddllint.lockCheckIntervalSeconds", "1"), null);
                long waitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertThat(waited).as(describe(waited)).containsKey("error");
                assertThat(waited.get("message")).contains("still so after waiting", "connection " + holderId);
                assertThat(waitMillis).as("the bounded wait").isBetween(1_500L, 15_000L);
                assertThat(FlywayHistory.versions(db)).containsExactly("1");
                holder.commit();
            }
            Map<String, String> free = app(flyway).migrate(conf(db, "filesystem:" + dir,
                    "flyway.plugins.ddllint.longTransactionSeconds", "0"), null);
            assertThat(free).as(describe(free)).containsEntry("executed", "1");
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");
        }
    }

    /** The matrix for the Flyway versions that have optional dependencies (13: Jackson 3). */
    static List<Arguments> matrixWithOptional() {
        return matrix().stream().filter(a -> IsolatedApp.hasOptional((String) a.get()[0])).toList();
    }

    @ParameterizedTest(name = "Flyway {0} on {1}", allowZeroInvocations = true)
    @MethodSource("matrixWithOptional")
    void withoutFlywaysOptionalJacksonTheBuilderStillConfiguresTheCallback(String flyway,
                                                                          TestServers.Server server)
            throws Exception {
        // Flyway 13 binds flyway.plugins.* properties only with its optional jackson-databind; code does not need it.
        try (IsolatedApp bare = IsolatedApp.shadedWithoutOptional(flyway);
             ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw")) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("flyway.url", db.jdbcUrl());
            p.put("flyway.locations", "classpath:db/safe");
            Map<String, String> r = bare.migrate(p, options("lockWaitTimeout", "9"));
            assertThat(r).as(describe(r)).containsEntry("executed", "4");
            assertThat(probedLockWaitTimeout(db)).isEqualTo(9L);
        }
    }

    // -------------------------------------------------------------------------------------------------- audit

    @ParameterizedTest(name = "Flyway {0} on {1}")
    @MethodSource("matrix")
    void auditModeLetsTheMigrationThroughAndLogsTheFindings(String flyway, TestServers.Server server,
                                                            @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw")) {
            write(dir, "V1__create_account.sql", "CREATE TABLE account (id INT NOT NULL PRIMARY KEY, "
                    + "amount INT NOT NULL) ENGINE=InnoDB;\nINSERT INTO account VALUES (1, 10);\n");
            assertThat(app(flyway).migrate(conf(db, "filesystem:" + dir), null)).containsEntry("executed", "1");
            write(dir, "V2__widen_amount.sql", "ALTER TABLE account MODIFY COLUMN amount BIGINT NOT NULL;\n");
            Map<String, String> r = app(flyway).migrate(conf(db, "filesystem:" + dir,
                    "flyway.plugins.ddllint.mode", "audit"), null);
            assertThat(r).as(describe(r)).containsEntry("executed", "1");
            assertThat(r.get("log")).contains(copiesOnline(server) ? "V2__widen_amount.sql:1:1: warning[column-type-change]"
                    : "audit mode: migrate goes on")
                    .contains("V2__widen_amount.sql:1:1: " + (copiesOnline(server) ? "warning" : "error")
                            + "[column-type-change]");
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");
            assertThat(columnType(db, "account", "amount")).isEqualToIgnoringCase("bigint");
        }
    }
}
