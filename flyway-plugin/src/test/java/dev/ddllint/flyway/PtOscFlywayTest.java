package dev.ddllint.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddllint.live.ScratchDatabase;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code -- ddl-lint:run-with pt-online-schema-change} through the Flyway callback, against the real MySQL, under
 * write load: a minimal writer loop in this test (the shared load harness of issue 13 was not on main yet).
 */
class PtOscFlywayTest {

    private static final int ROWS = 100_000;

    @Test
    void aBlockedChangeRunsThroughPtOscUnderWriteLoadWithoutStallingWriters(@TempDir Path dir) throws Exception {
        TestServers.Server mysql = mysql();
        installedPtOsc();
        try (ScratchDatabase db = ScratchDatabase.create(mysql, "ddl_lint_oscfw");
             Connection c = db.connect()) {
            Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY "
                    + "KEY, amount INT NOT NULL, note VARCHAR(40));\n");
            flyway(db, dir).load().migrate();
            fill(c);
            // Without the comment the gate stops the change (it copies the table and blocks writes).
            Path v2 = dir.resolve("V2__widen.sql");
            Files.writeString(v2, "ALTER TABLE orders MODIFY amount BIGINT NOT NULL;\n");
            assertThatThrownBy(() -> flyway(db, dir).callbacks(DdlLintCallback.builder().build()).load().migrate())
                    .isInstanceOf(FlywayException.class).hasMessageContaining("column-type-change");
            Files.writeString(v2, "SET SESSION lock_wait_timeout = 5;\n"
                    + "-- ddl-lint:run-with pt-online-schema-change --chunk-time=0.2\n"
                    + "ALTER TABLE orders MODIFY amount BIGINT NOT NULL;\n");

            Writers writers = new Writers(db, 2, 250);
            String before;
            writers.start();
            long t0 = System.nanoTime();
            try {
                Thread.sleep(1000); // writers at their rate before the migration
                flyway(db, dir).callbacks(DdlLintCallback.builder().build()).load().migrate();
                Thread.sleep(1000);
            } finally {
                writers.stop();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");
            assertThat(columnType(c, "amount")).isEqualTo("bigint");
            System.out.printf(Locale.ROOT, "[pt-osc under load] %d rows, %.1f s of writes: %d inserts, %d updates, "
                            + "%d failed, max write latency %d ms, p99 %d ms%n", ROWS, seconds, writers.inserts.get(),
                    writers.updates.get(), writers.failures.get(), writers.maxMillis(), writers.percentileMillis(99));
            assertThat(writers.failures.get()).as("failed writes: %s", writers.firstFailure).isZero();
            assertThat(writers.maxMillis()).as("longest write (ms)").isLessThan(1000);
            assertThat(writers.inserts.get()).isPositive();
            // Nothing lost: every acknowledged insert and update is in the table.
            before = ROWS + writers.inserts.get() + " rows, sum " + (initialSum() + writers.insertedSum.get()
                    + writers.updates.get());
            assertThat(contents(c)).isEqualTo(before);
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

    private static void fill(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("SET SESSION cte_max_recursion_depth = " + (ROWS + 1));
            s.execute("INSERT INTO orders (amount, note) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                    + "FROM n WHERE i < " + ROWS + ") SELECT i, 'x' FROM n");
            s.execute("ANALYZE TABLE orders");
        }
    }

    private static long initialSum() {
        return (long) ROWS * (ROWS + 1) / 2;
    }

    private static String contents(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(amount) FROM orders")) {
            rs.next();
            return rs.getLong(1) + " rows, sum " + rs.getLong(2);
        }
    }

    private static String columnType(Connection c, String column) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DATA_TYPE FROM "
                + "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND "
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

    /**
     * Writer threads, each at a steady rate: an INSERT, then an UPDATE of a random row (+1), every write's
     * latency recorded; a failed write is counted, never retried.
     */
    private static final class Writers {
        private final ScratchDatabase db;
        private final int threads;
        private final int perSecond;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong inserts = new AtomicLong();
        final AtomicLong insertedSum = new AtomicLong();
        final AtomicLong updates = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile String firstFailure;
        private final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<Thread> workers = new ArrayList<>();

        Writers(ScratchDatabase db, int threads, int perSecond) {
            this.db = db;
            this.threads = threads;
            this.perSecond = perSecond;
        }

        void start() {
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(this::write, "writer-" + i);
                t.start();
                workers.add(t);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : workers) {
                t.join(30_000);
            }
        }

        private void write() {
            long interval = 1_000_000_000L / perSecond;
            try (Connection c = db.connect();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO orders (amount, note) VALUES (?, 'w')");
                 PreparedStatement update = c.prepareStatement("UPDATE orders SET amount = amount + 1 WHERE id = ?")) {
                long next = System.nanoTime();
                while (running.get()) {
                    int amount = ThreadLocalRandom.current().nextInt(1, 1000);
                    if (timed(() -> {
                        insert.setInt(1, amount);
                        insert.executeUpdate();
                    })) {
                        inserts.incrementAndGet();
                        insertedSum.addAndGet(amount);
                    }
                    next += interval;
                    int id = ThreadLocalRandom.current().nextInt(1, ROWS + 1);
                    if (timed(() -> {
                        update.setInt(1, id);
                        if (update.executeUpdate() != 1) {
                            throw new SQLException("row " + id + " not updated");
                        }
                    })) {
                        updates.incrementAndGet();
                    }
                    next += interval;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    }
                }
            } catch (SQLException | InterruptedException e) {
                failures.incrementAndGet();
                firstFailure = String.valueOf(e);
            }
        }

        private interface Write {
            void run() throws SQLException;
        }

        private boolean timed(Write w) {
            long t = System.nanoTime();
            try {
                w.run();
                return true;
            } catch (SQLException e) {
                failures.incrementAndGet();
                if (firstFailure == null) {
                    firstFailure = e.toString();
                }
                return false;
            } finally {
                latencies.add((System.nanoTime() - t) / 1_000_000);
            }
        }

        long maxMillis() {
            synchronized (latencies) {
                return latencies.stream().mapToLong(Long::longValue).max().orElse(0);
            }
        }

        long percentileMillis(int p) {
            synchronized (latencies) {
                List<Long> sorted = new ArrayList<>(latencies);
                java.util.Collections.sort(sorted);
                return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
            }
        }
    }
}
