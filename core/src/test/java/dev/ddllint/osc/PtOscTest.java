package dev.ddllint.osc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddllint.estimate.ConnectionHint;
import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.model.Statement;
import dev.ddllint.parse.StatementParser;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** pt-online-schema-change's preconditions, command and run against the real MySQL (no load: see the Flyway test). */
class PtOscTest {

    private static final StatementParser PARSER = new StatementParser(10_000);

    @Test
    void optionsAreReadAndAnythingElseIsRefused() {
        OscOptions o = OscOptions.parse("--chunk-time=0.2 --alter-foreign-keys-method=rebuild_constraints "
                + "--preserve-triggers");
        assertThat(o.chunkTime()).isEqualTo(0.2);
        assertThat(o.alterForeignKeysMethod()).isEqualTo("rebuild_constraints");
        assertThat(o.preserveTriggers()).isTrue();
        assertThat(OscOptions.parse("").arguments()).containsExactly("--chunk-time=0.5", "--max-lag=1");
        assertThatThrownBy(() -> OscOptions.parse("--execute")).hasMessageContaining("--execute is not an option");
        assertThatThrownBy(() -> OscOptions.parse("--alter-foreign-keys-method=auto"))
                .hasMessageContaining("does not pass 'auto'");
        assertThatThrownBy(() -> OscOptions.parse("--chunk-time=abc")).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> OscOptions.parse("x;rm")).hasMessageContaining("'x;rm' is not an option");
    }

    @Test
    void preconditionsAreReadFromTheServerAndFailClosed() throws Exception {
        TestServers.Server mysql = mysql();
        try (ScratchDatabase db = ScratchDatabase.create(mysql, "ddl_lint_osc");
             Connection c = db.connect()) {
            db.execute("CREATE TABLE parent (id INT PRIMARY KEY, v INT)",
                    "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES "
                            + "parent (id))",
                    "CREATE TABLE nokey (a INT, b INT)",
                    "CREATE TABLE trig (id INT PRIMARY KEY, v INT)",
                    "CREATE TRIGGER trig_bi BEFORE INSERT ON trig FOR EACH ROW SET NEW.v = 1");
            String schema = db.name();
            OscOptions none = OscOptions.DEFAULT;

            OscPreconditions.Check plain = check(c, schema, "ALTER TABLE child ADD COLUMN note TEXT", none);
            assertThat(plain.blockers()).isEmpty();
            assertThat(plain.notes()).singleElement().asString().contains("recreated on the new table with a '_'");
            assertThat(plain.table()).isEqualTo("child");

            assertThat(check(c, schema, "ALTER TABLE nokey ADD COLUMN c INT", none).blockers())
                    .singleElement().asString().contains("no PRIMARY KEY and no UNIQUE key");
            assertThat(check(c, schema, "ALTER TABLE parent MODIFY v BIGINT", none).blockers())
                    .singleElement().asString().contains("foreign keys reference the table (" + schema
                            + ".child.").contains("--alter-foreign-keys-method=rebuild_constraints");
            assertThat(check(c, schema, "ALTER TABLE parent MODIFY v BIGINT",
                    OscOptions.parse("--alter-foreign-keys-method=rebuild_constraints")).blockers()).isEmpty();
            assertThat(check(c, schema, "ALTER TABLE parent MODIFY v BIGINT",
                    OscOptions.parse("--alter-foreign-keys-method=none")).blockers()).singleElement().asString()
                    .contains("would break");
            assertThat(check(c, schema, "ALTER TABLE trig ADD COLUMN w INT", none).blockers())
                    .singleElement().asString().contains("trig_bi").contains("--preserve-triggers");
            assertThat(check(c, schema, "ALTER TABLE trig ADD COLUMN w INT", OscOptions.parse("--preserve-triggers"))
                    .blockers()).isEmpty();
            assertThat(check(c, schema, "ALTER TABLE missing ADD COLUMN w INT", none).blockers())
                    .singleElement().asString().contains("does not exist");
            assertThat(check(c, schema, "ALTER TABLE parent ADD UNIQUE KEY uv (v)", none).blockers())
                    .anyMatch(b -> b.contains("INSERT IGNORE"));
            assertThat(check(c, schema, "ALTER TABLE parent RENAME COLUMN v TO w", none).blockers())
                    .anyMatch(b -> b.contains("renames a column"));
            assertThat(check(c, schema, "ALTER TABLE child DROP PRIMARY KEY", none).blockers())
                    .anyMatch(b -> b.contains("drops the PRIMARY KEY"));
            assertThat(check(c, schema, "ALTER TABLE parent RENAME TO parent2", none).blockers())
                    .anyMatch(b -> b.contains("RENAME TABLE"));
            assertThat(check(c, schema, "DROP TABLE parent", none).blockers()).singleElement().asString()
                    .contains("runs one ALTER TABLE");

            // A replica on MySQL 8.4+ with the pt-osc that cannot read its lag: refused, by version.
            assertThat(OscPreconditions.before("3.2.1", 3, 6)).isTrue();
            assertThat(OscPreconditions.before("3.6.0", 3, 6)).isFalse();
            assertThat(OscPreconditions.before(null, 3, 6)).isTrue();
        }
    }

    @Test
    void theCommandIsAnArgumentListWithoutThePassword() throws Exception {
        TestServers.Server mysql = mysql();
        try (ScratchDatabase db = ScratchDatabase.create(mysql, "ddl_lint_osc");
             Connection c = db.connect()) {
            db.execute("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(20))");
            Statement s = PARSER.parse("ALTER TABLE orders MODIFY note VARCHAR(200) NOT NULL DEFAULT 'it''s', "
                    + "ALGORITHM=COPY, LOCK=SHARED");
            // MySQL 9's default: pt-osc's row estimate would read 0 rows and copy the table in one locked chunk.
            try (java.sql.Statement set = c.createStatement()) {
                set.execute("SET SESSION explain_format = TREE");
            }
            OscPreconditions.Check check = OscPreconditions.check(c, db.name(), s, mysql.target(),
                    OscOptions.DEFAULT, "3.2.1");
            PtOscCommand printed = PtOscCommand.of("pt-online-schema-change", s, check,
                    new ConnectionHint("db1", 3306, null, "deploy"), OscOptions.DEFAULT, null, true);
            assertThat(printed.argv()).contains("--alter", "--execute", "--no-version-check", "--ask-pass",
                    "--recursion-method=none", "--set-vars=lock_wait_timeout=5,explain_format=TRADITIONAL",
                    "h=db1,P=3306,u=deploy,D=" + db.name() + ",t=orders");
            String alter = printed.argv().get(printed.argv().indexOf("--alter") + 1);
            assertThat(alter).startsWith("MODIFY note VARCHAR").endsWith("NOT NULL DEFAULT 'it''s'")
                    .doesNotContain("ALGORITHM").doesNotContain("LOCK");
            assertThat(printed.display()).contains("--alter '" + alter.replace("'", "'\\''") + "'")
                    .doesNotContain("password").doesNotContain("p=");
            try (java.sql.Statement set = c.createStatement()) {
                set.execute("SET SESSION explain_format = TRADITIONAL");
            }
            assertThat(PtOscCommand.of("pt-online-schema-change", s, OscPreconditions.check(c, db.name(), s,
                    mysql.target(), OscOptions.DEFAULT, "3.2.1"), ConnectionHint.UNKNOWN, OscOptions.DEFAULT, null,
                    true).argv()).contains("--set-vars=lock_wait_timeout=5");
            OscPreconditions.Check blocked = OscPreconditions.check(c, db.name(),
                    PARSER.parse("ALTER TABLE nothere ADD x INT"), mysql.target(), OscOptions.DEFAULT, "3.2.1");
            assertThatThrownBy(() -> PtOscCommand.of("pt-online-schema-change", s, blocked, ConnectionHint.UNKNOWN,
                    OscOptions.DEFAULT, null, true)).hasMessageContaining("must not run");
            assertThat(ShadowToolCommands.ghost(s, check, new ConnectionHint("db1", 3306, null, "deploy")))
                    .startsWith("gh-ost --host=db1 --port=3306 --user=deploy --ask-pass --database=" + db.name()
                            + " --table=orders --alter='MODIFY note");
            assertThat(ShadowToolCommands.spirit(s, check, new ConnectionHint("db1", 3306, null, "deploy")))
                    .startsWith("spirit --host=db1:3306 --username=deploy --password=\"$MYSQL_PWD\"");
        }
    }

    @Test
    void runsTheChangeWithAPasswordUserAndLeavesNothingBehind() throws Exception {
        TestServers.Server mysql = mysql();
        String executable = installedPtOsc();
        try (ScratchDatabase db = ScratchDatabase.create(mysql, "ddl_lint_osc");
             Connection c = db.connect()) {
            db.execute("CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, amount INT NOT NULL)",
                    "SET SESSION cte_max_recursion_depth = 10000",
                    "INSERT INTO orders (amount) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                            + "WHERE i < 5000) SELECT i FROM n");
            String before = checksum(c, "orders");
            String user = "ddl_lint_osc_" + UUID.randomUUID().toString().substring(0, 8);
            String password = "Pw#" + UUID.randomUUID().toString().substring(0, 12) + "\"q";
            db.execute("CREATE USER '" + user + "'@'%' IDENTIFIED WITH caching_sha2_password BY '"
                            + password.replace("\"", "\\\"") + "'",
                    "GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'%'",
                    "GRANT PROCESS, REPLICATION CLIENT ON *.* TO '" + user + "'@'%'");
            try {
                Statement s = PARSER.parse("ALTER TABLE orders MODIFY amount BIGINT NOT NULL");
                OscPreconditions.Check check = OscPreconditions.check(c, db.name(), s, mysql.target(),
                        OscOptions.DEFAULT, PtOscRunner.version(executable));
                ConnectionHint where = new ConnectionHint(ConnectionHint.fromJdbcUrl(mysql.jdbcUrl()).host(),
                        ConnectionHint.fromJdbcUrl(mysql.jdbcUrl()).port(), null, user);
                List<String> out = Collections.synchronizedList(new ArrayList<>());
                PtOscRunner.Result r = PtOscRunner.run(file -> PtOscCommand.of(executable, s, check, where,
                        OscOptions.DEFAULT, file, true), password, out::add, null);
                assertThat(r.succeeded()).as(String.join("\n", out)).isTrue();
                assertThat(String.join("\n", out)).contains("Successfully altered").doesNotContain(password);
                assertThat(columnType(c, "orders", "amount")).isEqualTo("bigint");
                assertThat(checksum(c, "orders")).isEqualTo(before);
                assertThat(leftovers(c, db.name())).isEmpty();
            } finally {
                db.execute("DROP USER '" + user + "'@'%'");
            }
        }
    }

    @Test
    void aFailedRunLeavesTheOriginalTableIntact() throws Exception {
        TestServers.Server mysql = mysql();
        String executable = installedPtOsc();
        try (ScratchDatabase db = ScratchDatabase.create(mysql, "ddl_lint_osc");
             Connection c = db.connect()) {
            db.execute("CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, amount INT NOT NULL)",
                    "INSERT INTO orders (amount) VALUES (1), (2), (3)");
            String before = checksum(c, "orders");
            // pt-osc alters its new table first: the duplicate column fails there, before any trigger exists.
            Statement s = PARSER.parse("ALTER TABLE orders ADD COLUMN amount INT");
            OscPreconditions.Check check = OscPreconditions.check(c, db.name(), s, mysql.target(),
                    OscOptions.DEFAULT, "3.2.1");
            ConnectionHint where = ConnectionHint.fromJdbcUrl(mysql.jdbcUrl());
            List<String> out = Collections.synchronizedList(new ArrayList<>());
            PtOscRunner.Result r = PtOscRunner.run(file -> PtOscCommand.of(executable, s, check, where,
                    OscOptions.DEFAULT, file, true), null, out::add,
                    new PtOscRunner.Cleanup(c, db.name(), "orders"));
            assertThat(r.succeeded()).isFalse();
            assertThat(r.exitCode()).isNotZero();
            assertThat(String.join("\n", r.tail())).contains("Duplicate column name");
            assertThat(checksum(c, "orders")).isEqualTo(before);
            assertThat(leftovers(c, db.name())).isEmpty();
        }
    }

    @Test
    void anInterruptedCopyLeavesTheOriginalTableIntactAndNoTriggers() throws Exception {
        TestServers.Server mysql = mysql();
        String executable = installedPtOsc();
        try (ScratchDatabase db = ScratchDatabase.create(mysql, "ddl_lint_osc");
             Connection c = db.connect()) {
            db.execute("CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, amount INT NOT NULL)",
                    "SET SESSION cte_max_recursion_depth = 1000000",
                    "INSERT INTO orders (amount) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                            + "WHERE i < 200000) SELECT i FROM n");
            String before = checksum(c, "orders");
            Statement s = PARSER.parse("ALTER TABLE orders MODIFY amount BIGINT NOT NULL");
            OscPreconditions.Check check = OscPreconditions.check(c, db.name(), s, mysql.target(),
                    OscOptions.DEFAULT, "3.2.1");
            ConnectionHint where = ConnectionHint.fromJdbcUrl(mysql.jdbcUrl());
            List<String> out = Collections.synchronizedList(new ArrayList<>());
            AtomicReference<PtOscRunner.Result> result = new AtomicReference<>();
            // Small chunks so the copy takes a few seconds; interrupted once it copies.
            OscOptions slow = OscOptions.parse("--chunk-time=0.01");
            Connection cleanup = db.connect();
            Thread run = new Thread(() -> {
                try {
                    result.set(PtOscRunner.run(file -> PtOscCommand.of(executable, s, check, where, slow, file,
                            true), null, out::add, new PtOscRunner.Cleanup(cleanup, db.name(), "orders")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            run.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (out.stream().noneMatch(l -> l.contains("Copying approximately")) && run.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(out).anyMatch(l -> l.contains("Copying approximately"));
            run.interrupt();
            run.join(90_000);
            assertThat(result.get()).isNotNull();
            assertThat(result.get().interrupted()).isTrue();
            assertThat(result.get().succeeded()).isFalse();
            assertThat(columnType(c, "orders", "amount")).isEqualTo("int");
            assertThat(checksum(c, "orders")).isEqualTo(before);
            assertThat(result.get().cleanedUp()).contains("table _orders_new").anyMatch(d -> d.startsWith("trigger"));
            assertThat(leftovers(c, db.name())).as(String.join("\n", out)).isEmpty();
            cleanup.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static OscPreconditions.Check check(Connection c, String schema, String sql, OscOptions options) {
        return OscPreconditions.check(c, schema, PARSER.parse(sql), mysqlTarget(), options, "3.2.1");
    }

    private static dev.ddllint.kb.TargetServer mysqlTarget() {
        return mysql().target();
    }

    static TestServers.Server mysql() {
        return TestServers.all().stream().filter(s -> s.name().equals("mysql")).findFirst()
                .orElseGet(() -> {
                    Assumptions.abort("no MySQL server (DDL_LINT_MYSQL_URL)");
                    return null;
                });
    }

    /** The installed pt-online-schema-change; skips without it (fails under CI=true, where .ci installs it). */
    static String installedPtOsc() {
        String executable = PtOscRunner.executable();
        if (PtOscRunner.version(executable) == null) {
            String why = executable + " is not installed (bash .ci/install-percona-toolkit.sh installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + " (CI=true: a failure)");
            }
            Assumptions.abort(why);
        }
        return executable;
    }

    /** Rows and their values (id, amount), independent of the column types (CHECKSUM TABLE is not). */
    static String checksum(Connection c, String table) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*), "
                + "SUM(CRC32(CONCAT_WS('|', id, amount))) FROM " + table)) {
            rs.next();
            return rs.getLong(1) + " rows, " + rs.getString(2);
        }
    }

    static String columnType(Connection c, String table, String column) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DATA_TYPE FROM "
                + "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table
                + "' AND COLUMN_NAME = '" + column + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** pt-osc's new or old tables and triggers still in the schema. */
    static List<String> leftovers(Connection c, String schema) throws SQLException {
        List<String> found = new ArrayList<>();
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT CONCAT('table ', TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + schema
                        + "' AND (TABLE_NAME LIKE '\\_%\\_new' OR TABLE_NAME LIKE '\\_%\\_old') UNION ALL "
                        + "SELECT CONCAT('trigger ', TRIGGER_NAME) FROM information_schema.TRIGGERS "
                        + "WHERE TRIGGER_SCHEMA = '" + schema + "' AND TRIGGER_NAME LIKE 'pt\\_osc\\_%'")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

}
