package dev.ddllint.flyway.load;

import dev.ddllint.flyway.DdlLintCallback;
import dev.ddllint.flyway.DdlLintOptions;
import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.testing.TestServers;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The outage ddl-lint prevents, measured: Flyway runs migrations through the callback on MySQL and MariaDB while
 * a {@link WriteLoad} writes 500 rows a second to the table they change and readers read it (docs/under-load.md).
 * <ol>
 *   <li>What the gate passes (INSTANT, an index build, an INPLACE rebuild with LOCK=NONE): no write fails,
 *       none is lost (the table's checksum is the ledger's).</li>
 *   <li>What it blocks (a column type change, a table copy): stopped in enforce mode; run once in audit mode,
 *       the writers stall for the copy.</li>
 *   <li>A long transaction on the table: with the callback the migration is refused (the lock check sees the
 *       holder) or, with {@code lockCheck=warn}, gives up after {@code lockWaitTimeout}, and the writers' stall is
 *       bounded by it; without, every writer queues behind the ALTER's "Waiting for table metadata lock" until
 *       the transaction ends.</li>
 * </ol>
 * The row-log overflow under write load is core's {@code RowLogOverflowTest}. Assertions are outcomes with wide
 * margins (nothing lost, nothing failed, a stall present, a stall bounded); latencies are printed and plotted
 * (target/under-load/*.png), not asserted. The long form ({@code -Pload}: a bigger table, longer runs) makes the
 * plots of the docs.
 */
class MigrationUnderLoadTest {

    static final boolean LONG = Boolean.getBoolean("ddllint.load.long");
    static final int ROWS = LONG ? 524_288 : 262_144;
    /** Load before and after each migration, so the plots show the steady state around it. */
    static final Duration STEADY = Duration.ofSeconds(LONG ? 10 : 2);
    /** How long the long transaction holds the table (c). */
    static final Duration HOLD = Duration.ofSeconds(LONG ? 30 : 8);
    static final int LOCK_WAIT_TIMEOUT = 2;
    static final Path OUT = Path.of("target", "under-load");
    static final String TABLE = "load_t";

    /** MySQL 9.7 and MariaDB 10.11 (the 11.8 server is left out to keep the default build short). */
    static List<TestServers.Server> servers() {
        List<TestServers.Server> chosen = TestServers.all().stream()
                .filter(s -> !s.name().equals("mariadb11")).toList();
        Assumptions.assumeFalse(chosen.isEmpty(), "no MySQL or MariaDB 10.11 among " + TestServers.all());
        return chosen;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void whatTheGatePassesRunsWithoutAFailedOrLostWrite(TestServers.Server server, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl13l_load"); Connection c = db.connect()) {
            LoadTable table = LoadTable.create(c, TABLE, ROWS);
            Files.writeString(dir.resolve("V2__add_column_instant.sql"),
                    "ALTER TABLE load_t ADD COLUMN note VARCHAR(32) NULL, ALGORITHM=INSTANT;\n");
            Files.writeString(dir.resolve("V3__add_index_online.sql"),
                    "ALTER TABLE load_t ADD INDEX ix_k (k), ALGORITHM=INPLACE, LOCK=NONE;\n");
            Files.writeString(dir.resolve("V4__rename_index.sql"),
                    "ALTER TABLE load_t RENAME INDEX ix_k TO ix_k_lookup, ALGORITHM=INPLACE, LOCK=NONE;\n");
            Files.writeString(dir.resolve("V5__default_instant.sql"),
                    "ALTER TABLE load_t ALTER COLUMN note SET DEFAULT 'none';\n");
            Files.writeString(dir.resolve("V6__rebuild_online.sql"),
                    "ALTER TABLE load_t FORCE, ALGORITHM=INPLACE, LOCK=NONE;\n");

            LoadTable.Checksum before = table.checksum(c);
            WriteLoad load = WriteLoad.on(db::connect, table).start();
            MigrationTimeline timeline = new MigrationTimeline(load);
            LoadFigures f;
            try {
                pause(STEADY);
                flyway(db, dir, "history_a", DdlLintCallback.builder().build(), timeline).migrate();
                pause(STEADY);
            } finally {
                f = load.stop();
            }
            LoadTable.Checksum after = table.checksum(c);
            report(server, "a", "what the gate passes", f, before, after, load.expected());

            assertThat(timeline.labels()).as("every migration ran").hasSize(5);
            assertThat(f.writesFailed()).as("failed writes: %s", f.errorMessages()).isZero();
            assertThat(f.updatesMissingRow()).as("updates that found no row").isZero();
            assertThat(after).as("the table holds every acknowledged write and nothing else")
                    .isEqualTo(load.expected());
            assertThat(f.writesOk()).as("the load ran").isGreaterThan(100);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void whatTheGateBlocksStallsTheWritersForTheCopyWhenRunAnyway(TestServers.Server server, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl13l_load"); Connection c = db.connect()) {
            LoadTable table = LoadTable.create(c, TABLE, ROWS);
            Files.writeString(dir.resolve("V2__widen_v.sql"),
                    "ALTER TABLE load_t MODIFY COLUMN v BIGINT NOT NULL DEFAULT 0;\n");

            LoadTable.Checksum before = table.checksum(c);
            WriteLoad load = WriteLoad.on(db::connect, table).start();
            MigrationTimeline timeline = new MigrationTimeline(load);
            LoadFigures f;
            Throwable refused;
            try {
                pause(STEADY);
                long t = System.nanoTime();
                refused = catchThrowable(() -> flyway(db, dir, "history_b",
                        DdlLintCallback.builder().build(), timeline).migrate());
                load.span("enforce: refused", t, System.nanoTime());
                pause(STEADY);
                flyway(db, dir, "history_b", DdlLintCallback.builder().mode(DdlLintOptions.Mode.AUDIT).build(),
                        timeline).migrate();
                pause(STEADY);
            } finally {
                f = load.stop();
            }
            LoadTable.Checksum after = table.checksum(c);
            report(server, "b", "what the gate blocks, run in audit mode", f, before, after, load.expected());

            assertThat(refused).as("enforce mode stops the copy").isInstanceOf(FlywayException.class)
                    .hasMessageContaining("V2__widen_v.sql:1:1").hasMessageContaining("column-type-change");
            LoadFigures.Span copy = f.span(timeline.labels().get(0));
            // The outage: for at least half of the copy no write completed (measured: all of it).
            assertThat(f.longestWriteGapSeconds(copy)).as("writers stalled during the copy of %.2f s",
                    copy.seconds()).isGreaterThanOrEqualTo(0.5 * copy.seconds());
            assertThat(f.writesQueuedBehind(copy) + f.writesSlowerThan(1000)).as("writes queued").isPositive();
            // Stalled, not lost.
            assertThat(f.writesFailed()).as("failed writes: %s", f.errorMessages()).isZero();
            assertThat(after).isEqualTo(load.expected());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aLongTransactionStallsTheWritersOnlyWithoutTheCallback(TestServers.Server server, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl13l_load"); Connection c = db.connect()) {
            LoadTable table = LoadTable.create(c, TABLE, ROWS);
            Files.writeString(dir.resolve("V2__add_column.sql"),
                    "ALTER TABLE load_t ADD COLUMN note VARCHAR(32) NULL, ALGORITHM=INSTANT;\n");

            Held refused = holdWhileMigrating(server, db, table, dir, "history_c1", DdlLintCallback.builder()
                    .lockWaitTimeout(LOCK_WAIT_TIMEOUT).longTransaction(Duration.ofSeconds(1)).build(), "c1",
                    "a long transaction, with the callback");
            // As where the lock check cannot see the holder (MariaDB without metadata-lock instrumentation): the
            // DDL runs, and lock_wait_timeout alone bounds its wait.
            Held timedOut = holdWhileMigrating(server, db, table, dir, "history_c3", DdlLintCallback.builder()
                    .lockWaitTimeout(LOCK_WAIT_TIMEOUT).lockCheck(DdlLintOptions.LockCheck.WARN).build(), "c3",
                    "a long transaction, with the callback, lockCheck=warn");
            Held without = holdWhileMigrating(server, db, table, dir, "history_c2", null, "c2",
                    "a long transaction, without the callback");

            // With the callback: refused at once (the lock check sees the holder), or given up after
            // lock_wait_timeout; either way before the holder ends, and the writers' stall bounded (margin: half
            // the hold, where lockWaitTimeout is a quarter of it).
            for (Held with : List.of(refused, timedOut)) {
                assertThat(with.failure()).as("the migration is stopped").isInstanceOf(FlywayException.class);
                assertThat(with.migrateSeconds()).isLessThan(HOLD.toSeconds());
                assertThat(with.figures().longestWriteGapSeconds()).as("writers stalled at most ~lockWaitTimeout")
                        .isLessThan(HOLD.toSeconds() / 2.0);
                assertThat(with.figures().writesFailed()).isZero();
            }
            assertThat(refused.failure()).hasMessageContaining("another session holds a table");
            assertThat(timedOut.failure()).hasStackTraceContaining("Lock wait timeout exceeded");
            for (String history : List.of("history_c1", "history_c3")) {
                assertThat(FlywayHistoryVersions.of(db, history)).as("V2 not applied (at most recorded as failed)")
                        .doesNotContain("2");
            }
            // Without: the ALTER waits for the transaction, and every writer behind it.
            assertThat(without.failure()).isNull();
            assertThat(without.waitingForMetadataLock()).as("sessions in 'Waiting for table metadata lock'")
                    .isGreaterThanOrEqualTo(2);
            assertThat(without.migrationEndNanos()).as("the ALTER ends only after the transaction")
                    .isGreaterThan(without.releasedNanos());
            assertThat(without.figures().longestWriteGapSeconds()).as("writers stalled until the transaction ended")
                    .isGreaterThan(HOLD.toSeconds() / 2.0);
            assertThat(without.figures().writesFailed()).isZero();
            for (Held h : List.of(refused, timedOut, without)) {
                assertThat(h.after()).as("nothing lost").isEqualTo(h.expected());
            }
        }
    }

    /** One run of (c): what happened while a transaction held the table and Flyway ran V2. */
    record Held(LoadFigures figures, Throwable failure, double migrateSeconds, long migrationEndNanos,
                long releasedNanos, int waitingForMetadataLock, LoadTable.Checksum after,
                LoadTable.Checksum expected) {
    }

    private Held holdWhileMigrating(TestServers.Server server, ScratchDatabase db, LoadTable table, Path dir,
                                    String history, Callback ddlLint, String id, String title) throws Exception {
        try (Connection holder = db.connect(); Connection probe = db.connect()) {
            LoadTable.Checksum before = table.checksum(probe);
            WriteLoad load = WriteLoad.on(db::connect, table).start();
            MigrationTimeline timeline = new MigrationTimeline(load);
            LoadFigures f;
            Throwable failure;
            long[] released = {0};
            long migrateStart;
            long migrateEnd;
            int[] waiting = {0};
            try {
                pause(STEADY);
                holder.setAutoCommit(false);
                long held = System.nanoTime();
                try (Statement s = holder.createStatement()) {
                    s.executeQuery("SELECT COUNT(*) FROM load_t WHERE id = 1").close();
                }
                Thread releaser = new Thread(() -> {
                    pause(HOLD);
                    try {
                        holder.commit();
                        released[0] = System.nanoTime();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }, "holder");
                Thread sampler = new Thread(() -> {
                    // Inside the ALTER's wait with and without lockWaitTimeout (the check takes ~0.3 s).
                    pause(Duration.ofMillis(700 + 1000L * LOCK_WAIT_TIMEOUT / 2));
                    waiting[0] = waitingForMetadataLock(probe, db.name());
                }, "mdl-sampler");
                releaser.start();
                pause(Duration.ofSeconds(2)); // older than longTransaction (1 s)
                sampler.start();
                migrateStart = System.nanoTime();
                failure = catchThrowable(() -> flyway(db, dir, history, ddlLint, timeline).migrate());
                migrateEnd = System.nanoTime();
                load.span("migrate" + (failure == null ? "" : " (stopped)"), migrateStart, migrateEnd);
                releaser.join();
                sampler.join();
                load.span("transaction holds load_t", held, released[0]);
                pause(STEADY);
            } finally {
                f = load.stop();
            }
            LoadTable.Checksum after = table.checksum(probe);
            report(server, id, title, f, before, after, load.expected());
            System.out.printf(Locale.ROOT, "UNDERLOAD %s %s: migrate %s after %.2f s%s; sessions waiting for the "
                            + "metadata lock %,d%n", server, id, failure == null ? "succeeded" : "stopped",
                    (migrateEnd - migrateStart) / 1e9, failure == null ? ""
                            : " (" + firstLine(failure) + ")", waiting[0]);
            return new Held(f, failure, (migrateEnd - migrateStart) / 1e9, migrateEnd, released[0], waiting[0],
                    after, load.expected());
        }
    }

    private static int waitingForMetadataLock(Connection c, String schema) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM "
                + "information_schema.PROCESSLIST WHERE STATE = 'Waiting for table metadata lock' AND DB = '"
                + schema + "'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Flyway flyway(ScratchDatabase db, Path dir, String history, Callback ddlLint,
                                 MigrationTimeline timeline) {
        List<Callback> callbacks = new ArrayList<>();
        if (ddlLint != null) {
            callbacks.add(ddlLint);
        }
        callbacks.add(timeline);
        // The table exists before Flyway's history: baseline at 1, then V2… run.
        return Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + dir)
                .table(history).baselineOnMigrate(true).baselineVersion("1")
                .callbacks(callbacks.toArray(new Callback[0])).load();
    }

    private static void report(TestServers.Server server, String id, String title, LoadFigures f,
                               LoadTable.Checksum before, LoadTable.Checksum after, LoadTable.Checksum expected)
            throws java.io.IOException {
        String who = server.name() + " " + server.versionString();
        System.out.printf(Locale.ROOT, "UNDERLOAD %s %s (%s): %s%n", who, id, title, f.summary());
        for (LoadFigures.Span s : f.spans()) {
            System.out.printf(Locale.ROOT, "UNDERLOAD %s %s:   %s%n", who, id, f.summary(s));
        }
        System.out.printf(Locale.ROOT, "UNDERLOAD %s %s: table before %s; after %s; ledger %s (%s)%n", who, id,
                before, after, expected, after.equals(expected) ? "equal" : "DIFFERENT");
        Path png = LatencyPlot.write(f, who + ": " + title + (LONG ? "" : " (short form)"),
                OUT.resolve(server.name() + "-" + id + ".png"));
        System.out.printf(Locale.ROOT, "UNDERLOAD %s %s: plot %s%n", who, id, png.toAbsolutePath());
    }

    private static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
