package dev.ddllint.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.flyway.load.LatencyPlot;
import dev.ddllint.flyway.load.LoadFigures;
import dev.ddllint.flyway.load.LoadTable;
import dev.ddllint.flyway.load.MigrationTimeline;
import dev.ddllint.flyway.load.WriteLoad;
import dev.ddllint.osc.PtOscRunner;
import dev.ddllint.testing.TestServers;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code -- ddl-lint:run-with pt-online-schema-change} through the Flyway callback, against the real MySQL, under
 * the write load of docs/under-load.md ({@link WriteLoad}): latencies printed and plotted, outcomes asserted.
 */
class PtOscFlywayTest {

    /** pt-osc copies this in chunks for several seconds on this machine. */
    private static final int LOAD_ROWS = 131_072;

    @Test
    void aBlockedChangeRunsThroughPtOscUnderWriteLoadWithoutStallingWriters(@TempDir Path dir) throws Exception {
        TestServers.Server mysql = mysql();
        installedPtOsc();
        try (ScratchDatabase db = ScratchDatabase.create(mysql, "ddl_lint_oscfw");
             Connection c = db.connect()) {
            // The same load as docs/under-load.md: 500 writes/s (inserts and updates) and readers on the table.
            LoadTable table = LoadTable.create(c, "load_t", LOAD_ROWS);
            // Without the comment the gate stops the change (it copies the table and blocks writes).
            Path v2 = dir.resolve("V2__widen_v.sql");
            Files.writeString(v2, "ALTER TABLE load_t MODIFY COLUMN v BIGINT NOT NULL DEFAULT 0;\n");
            assertThatThrownBy(() -> baselined(db, dir).callbacks(DdlLintCallback.builder().build()).load().migrate())
                    .isInstanceOf(FlywayException.class).hasMessageContaining("column-type-change");
            Files.writeString(v2, "SET SESSION lock_wait_timeout = 5;\n"
                    + "-- ddl-lint:run-with pt-online-schema-change --chunk-time=0.2\n"
                    + "ALTER TABLE load_t MODIFY COLUMN v BIGINT NOT NULL DEFAULT 0;\n");

            WriteLoad load = WriteLoad.on(db::connect, table).start();
            MigrationTimeline timeline = new MigrationTimeline(load);
            LoadFigures f;
            try {
                Thread.sleep(2000); // the writers at their rate before the migration
                baselined(db, dir).callbacks(DdlLintCallback.builder().build(), timeline).load().migrate();
                Thread.sleep(2000);
            } finally {
                f = load.stop();
            }
            LoadTable.Checksum after = table.checksum(c);
            String who = mysql.name() + " " + mysql.versionString();
            System.out.printf(Locale.ROOT, "[pt-osc under load] %s, %,d rows: %s%n", who, LOAD_ROWS, f.summary());
            for (LoadFigures.Span span : f.spans()) {
                System.out.printf(Locale.ROOT, "[pt-osc under load]   %s%n", f.summary(span));
            }
            System.out.printf(Locale.ROOT, "[pt-osc under load] table after %s; ledger %s; plot %s%n", after,
                    load.expected(), LatencyPlot.write(f, who + ": V2 run by pt-online-schema-change",
                            Path.of("target", "under-load", mysql.name() + "-pt-osc.png")).toAbsolutePath());

            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");
            assertThat(columnType(c, "load_t", "v")).isEqualTo("bigint");
            assertThat(f.writesFailed()).as("failed writes: %s", f.errorMessages()).isZero();
            assertThat(f.updatesMissingRow()).as("updates that found no row").isZero();
            // A stall of the table, not a slow machine: the longest time in which no write completed (under the
            // one-chunk copy of the explain_format bug it was 1.4-3.8 s). The latencies are printed and plotted.
            assertThat(f.longestWriteGapSeconds()).as("longest time without a completed write (s)").isLessThan(1.0);
            assertThat(f.writesOk()).as("the load ran").isGreaterThan(100);
            assertThat(after).as("the table holds every acknowledged write and nothing else")
                    .isEqualTo(load.expected());
            assertThat(leftovers(c, db.name())).isEmpty();
        }
    }

    @Test
    void aFailedPtOscRunFailsTheMigrationLeavesTheTableAndRecordsNoVersion(@TempDir Path dir) throws Exception {
        TestServers.Server mysql = mysql();
        installedPtOsc();
        try (ScratchDatabase db = ScratchDatabase.create(mysql, "ddl_lint_oscfw");
             Connection c = db.connect()) {
            Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY "
                    + "KEY, amount INT NOT NULL, note VARCHAR(40));\n"
                    + "INSERT INTO orders (amount) VALUES (1), (2), (3);\n");
            flyway(db, dir).load().migrate();
            String before = contents(c);
            // pt-osc alters its new table first: the duplicate column fails there.
            Files.writeString(dir.resolve("V2__dup.sql"), "SET SESSION lock_wait_timeout = 5;\n"
                    + "-- ddl-lint:run-with pt-online-schema-change\n"
                    + "ALTER TABLE orders ADD COLUMN note VARCHAR(80);\n");
            assertThatThrownBy(() -> flyway(db, dir).callbacks(DdlLintCallback.builder().build()).load().migrate())
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("V2__dup.sql:3: pt-online-schema-change did not alter")
                    .hasMessageContaining("the original table is unchanged")
                    .hasMessageContaining("Duplicate column name");
            assertThat(FlywayHistory.versions(db)).containsExactly("1");
            assertThat(contents(c)).isEqualTo(before);
            assertThat(leftovers(c, db.name())).isEmpty();
        }
    }

    @Test
    void preconditionsThatFailStopMigrateBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        TestServers.Server mysql = mysql();
        installedPtOsc();
        try (ScratchDatabase db = ScratchDatabase.create(mysql, "ddl_lint_oscfw")) {
            Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE nokey (a INT, b INT);\n"
                    + "INSERT INTO nokey VALUES (1, 1);\n");
            flyway(db, dir).load().migrate();
            Files.writeString(dir.resolve("V2__other.sql"), "CREATE TABLE other (id INT PRIMARY KEY);\n");
            Files.writeString(dir.resolve("V3__widen.sql"), "SET SESSION lock_wait_timeout = 5;\n"
                    + "-- ddl-lint:run-with pt-online-schema-change\n"
                    + "ALTER TABLE nokey MODIFY b BIGINT;\n");
            assertThatThrownBy(() -> flyway(db, dir).callbacks(DdlLintCallback.builder().build()).load().migrate())
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("V3__widen.sql:3: pt-online-schema-change cannot run it")
                    .hasMessageContaining("no PRIMARY KEY");
            assertThat(FlywayHistory.versions(db)).containsExactly("1");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static FluentConfiguration flyway(ScratchDatabase db, Path dir) {
        return Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + dir);
    }

    /** The table exists before Flyway's history: baseline at 1, then V2 runs. */
    private static FluentConfiguration baselined(ScratchDatabase db, Path dir) {
        return flyway(db, dir).baselineOnMigrate(true).baselineVersion("1");
    }

    private static String contents(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(amount) FROM orders")) {
            rs.next();
            return rs.getLong(1) + " rows, sum " + rs.getLong(2);
        }
    }

    private static String columnType(Connection c, String table, String column) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DATA_TYPE FROM "
                + "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "' AND "
                + "COLUMN_NAME = '" + column + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static List<String> leftovers(Connection c, String schema) throws SQLException {
        List<String> found = new ArrayList<>();
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + schema
                        + "' AND TABLE_NAME LIKE '\\_%' UNION ALL SELECT TRIGGER_NAME FROM information_schema.TRIGGERS "
                        + "WHERE TRIGGER_SCHEMA = '" + schema + "'")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static TestServers.Server mysql() {
        return TestServers.all().stream().filter(s -> s.name().equals("mysql")).findFirst().orElseGet(() -> {
            Assumptions.abort("no MySQL server (DDL_LINT_MYSQL_URL)");
            return null;
        });
    }

    private static void installedPtOsc() {
        if (PtOscRunner.version(PtOscRunner.executable()) == null) {
            String why = "pt-online-schema-change is not installed (bash .ci/install-percona-toolkit.sh)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + " (CI=true: a failure)");
            }
            Assumptions.abort(why);
        }
    }
}
