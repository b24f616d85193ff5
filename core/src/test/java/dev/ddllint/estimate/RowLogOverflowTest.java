package dev.ddllint.estimate;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.Configuration;
import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.live.TableStatistics;
import dev.ddllint.model.TableName;
import dev.ddllint.rules.Finding;
import dev.ddllint.schema.LiveSchema;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real row-log overflow, predicted. On a real MySQL server, in a scratch database: a 512,000-row table (~130 MB),
 * θ measured by a quiet rebuild, then the same rebuild ({@code ALTER TABLE … FORCE, ALGORITHM=INPLACE, LOCK=NONE})
 * twice while another connection updates ~10,000 rows per second:
 * <ol>
 *   <li>with {@code innodb_online_alter_log_max_size} at its minimum (64 KiB; the log then holds one 1 MiB
 *       block): the analyzer — given the live statistics (sizes, write rates measured from performance_schema over
 *       1.5 s) and the measured θ — reports {@code row-log-may-overflow}, and the server fails the ALTER with
 *       ERROR 1799 (ER_INNODB_ONLINE_LOG_TOO_BIG);</li>
 *   <li>with 64 MiB: no finding, and the ALTER succeeds.</li>
 * </ol>
 * The margins are wide on purpose (the estimate is several times the small limit and a fraction of the large one),
 * so a slow, loaded machine does not flip the outcome. The global setting is put back in {@code finally}.
 */
class RowLogOverflowTest {

    static final int ROWS = 512_000;
    static final int ROWS_PER_BATCH = 200;
    static final long BATCH_EVERY_MILLIS = 20;   // 200 rows / 20 ms = 10,000 rows/s
    static final long SMALL_LIMIT = 65_536;      // the server's minimum
    static final long LARGE_LIMIT = 64L * 1024 * 1024;
    static final int ER_INNODB_ONLINE_LOG_TOO_BIG = 1799;

    static List<TestServers.Server> mysqlServers() {
        List<TestServers.Server> mysql = TestServers.all().stream().filter(s -> s.target().isMySql()).toList();
        Assumptions.assumeFalse(mysql.isEmpty(), "no MySQL server among " + TestServers.all());
        return mysql;
    }

    /** What happened in one run, for the assertions and docs/estimation.md. */
    record Run(String label, long limit, double updatesPerSecond, double predictedSeconds, double predictedPeak,
               long ceiling, boolean predictedOverflow, boolean findingReported, double observedSeconds,
               long rowsDuringAlter, Integer errorCode, String working) {

        String line() {
            return String.format(Locale.ROOT, "%s: limit %s (ceiling %s); measured updates %.0f/s; predicted T %.2f s, "
                            + "peak %s, overflow %s; observed %s after %.2f s, %,d rows updated while it ran (≈ %s logged)",
                    label, Units.bytes(limit), Units.bytes(ceiling), updatesPerSecond, predictedSeconds,
                    Units.bytes(predictedPeak), predictedOverflow, errorCode == null ? "success" : "ERROR " + errorCode,
                    observedSeconds, rowsDuringAlter, Units.bytes(rowsDuringAlter * (predictedPeak
                            / Math.max(1, updatesPerSecond * predictedSeconds))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mysqlServers")
    void overflowIsPredictedAndHappensAndTheFitIsPredictedAndSucceeds(TestServers.Server server) throws Exception {
        long t0 = System.nanoTime();
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_rowlog");
             Connection admin = server.connect();
             Connection ddl = db.connect();
             Connection reader = db.connect()) {
            try (Statement s = ddl.createStatement()) {
                s.execute("CREATE TABLE t (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, a INT NOT NULL, "
                        + "b INT NOT NULL, pad VARCHAR(200) NOT NULL, KEY ka (a)) ENGINE=InnoDB");
                s.execute("INSERT INTO t (a, b, pad) WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
                        + "FROM seq WHERE n < 1000) SELECT n, n, REPEAT('x', 180) FROM seq");
                for (int have = 1000; have < ROWS; have *= 2) {
                    s.execute("INSERT INTO t (a, b, pad) SELECT a + " + have + ", b, pad FROM t");
                }
                s.execute("SET SESSION lock_wait_timeout = 30");
                s.execute("ANALYZE TABLE t");
            }
            // θ: one quiet rebuild of this table, as 'ddl-lint calibrate' does on its own table.
            TableStatistics before = stats(reader, db.name());
            double quiet;
            try (Statement s = ddl.createStatement()) {
                quiet = Calibration.time(s, "ALTER TABLE t FORCE, ALGORITHM=INPLACE, LOCK=NONE");
                s.execute("ANALYZE TABLE t");
            }
            double theta = (before.dataLength() + before.indexLength()) / quiet;
            System.out.printf(Locale.ROOT, "ROWLOG %s: table %s; quiet rebuild %.2f s → θ = %s%n", server,
                    before.describe(), quiet, Units.rate(theta));

            long original = globalLimit(admin);
            Run overflow;
            Run fit;
            try {
                overflow = run(server, db, admin, ddl, reader, theta, SMALL_LIMIT, "64 KiB limit");
                fit = run(server, db, admin, ddl, reader, theta, LARGE_LIMIT, "64 MiB limit");
            } finally {
                setGlobalLimit(admin, original);
            }
            assertThat(globalLimit(admin)).as("the global limit is restored").isEqualTo(original);
            System.out.println("ROWLOG " + server + ": " + overflow.line());
            System.out.println("ROWLOG " + server + ": " + fit.line());
            System.out.println("ROWLOG working of the first run:" + overflow.working());
            System.out.printf(Locale.ROOT, "ROWLOG %s: test took %.1f s%n", server, (System.nanoTime() - t0) / 1e9);

            // Predicted and observed: overflow.
            assertThat(overflow.predictedOverflow()).as("estimate predicts the overflow:%n%s", overflow.working())
                    .isTrue();
            assertThat(overflow.findingReported()).as("row-log-may-overflow reported").isTrue();
            assertThat(overflow.errorCode()).as("the server's ER_INNODB_ONLINE_LOG_TOO_BIG")
                    .isEqualTo(ER_INNODB_ONLINE_LOG_TOO_BIG);
            // Not a coin toss: the estimate is well above what the log can hold.
            assertThat(overflow.predictedPeak()).isGreaterThan(2.0 * overflow.ceiling());
            // Predicted and observed: fits.
            assertThat(fit.predictedOverflow()).as("estimate predicts a fit:%n%s", fit.working()).isFalse();
            assertThat(fit.findingReported()).as("no row-log-may-overflow").isFalse();
            assertThat(fit.errorCode()).as("the ALTER succeeds").isNull();
            // The observed writes agree: far more than one block in the first run, far less than the limit in
            // the second (rows updated while the ALTER ran × bytes per logged row).
            double bytesPerRow = overflow.predictedPeak() / (overflow.updatesPerSecond()
                    * overflow.predictedSeconds());
            assertThat(fit.rowsDuringAlter() * bytesPerRow).isLessThan(fit.ceiling());
        }
    }

    private Run run(TestServers.Server server, ScratchDatabase db, Connection admin, Connection ddl,
                    Connection reader, double theta, long limit, String label) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong updated = new AtomicLong();
        AtomicReference<Throwable> writerError = new AtomicReference<>();
        Thread writer = new Thread(() -> write(db, stop, updated, writerError), "row-log-writer");
        writer.setDaemon(true);
        writer.start();
        try {
            Thread.sleep(300); // let the writer reach its pace
            setGlobalLimit(admin, limit);
            // The estimate from live inputs: sizes from information_schema, rates from performance_schema over
            // 1.5 s (the writer is running), limits from the server, θ as measured.
            String alter = "ALTER TABLE t FORCE, ALGORITHM=INPLACE, LOCK=NONE;\n";
            Configuration config = Configuration.DEFAULT.withTarget(server.target())
                    .withEstimate(EstimateSettings.DEFAULT.withRebuildThroughput(theta));
            LiveStatistics live = new LiveStatistics(reader, Duration.ofMillis(1500),
                    ConnectionHint.fromJdbcUrl(db.jdbcUrl()));
            // Sampled once; the analyzer and the figures below see the same measurement.
            ServerStats serverStats = live.server().orElseThrow();
            List<TableStats> measured = live.tables(List.of(TableName.of(null, "t")));
            StatisticsSource sampled = new StatisticsSource() {
                @Override
                public java.util.Optional<ServerStats> server() {
                    return java.util.Optional.of(serverStats);
                }

                @Override
                public List<TableStats> tables(java.util.Collection<TableName> tables) {
                    return measured;
                }

                @Override
                public String describe() {
                    return live.describe();
                }
            };
            AnalysisReport report = new Analyzer(config, tables -> LiveSchema.read(reader, tables), sampled)
                    .analyze(List.of(new SourceFile("V9__rebuild.sql", alter.getBytes(StandardCharsets.UTF_8))));
            boolean finding = report.findings().stream().anyMatch(f -> f.rule().equals("row-log-may-overflow"));
            String working = report.findings().stream().filter(f -> f.rule().equals("long-rebuild")
                    || f.rule().equals("row-log-may-overflow")).map(Finding::help).findFirst().orElse("");

            // The same estimate, as numbers.
            TableStats st = measured.get(0);
            double record = Math.min(st.avgRowLength(), RowSizes.recordUpperBound(LiveSchema.read(reader,
                    List.of(TableName.of(null, "t"))).get(0)).orElseThrow());
            RowLogEstimator.Result predicted = RowLogEstimator.estimate(new RowLogEstimator.Request(
                    RowLogEstimator.Work.TABLE_REBUILD, st.dataLength(), st.indexLength(), theta, record, 8, false,
                    List.of(), 1, new RowLogEstimator.Rates(st.insertsPerSecond(), st.updatesPerSecond(),
                    st.deletesPerSecond()), true, serverStats.onlineAlterLogMaxSize(), serverStats.sortBufferSize(),
                    EstimateSettings.DEFAULT_SAFETY_FACTOR));
            assertThat(serverStats.onlineAlterLogMaxSize()).isEqualTo(limit);

            Integer error = null;
            long rowsBefore = updated.get();
            long start = System.nanoTime();
            try (Statement s = ddl.createStatement()) {
                s.execute(alter.trim().replace(";", ""));
            } catch (SQLException e) {
                error = e.getErrorCode();
                if (e.getErrorCode() != ER_INNODB_ONLINE_LOG_TOO_BIG) {
                    throw e;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long rowsDuring = updated.get() - rowsBefore;
            return new Run(label, limit, st.updatesPerSecond(), predicted.seconds(), predicted.peakLogBytes(),
                    predicted.ceiling(), Boolean.TRUE.equals(predicted.overflow()), finding, seconds, rowsDuring,
                    error, working);
        } finally {
            stop.set(true);
            writer.join(10_000);
            if (writerError.get() != null) {
                fail("the writer failed", writerError.get());
            }
        }
    }

    /** ~10,000 rows per second: 200-row UPDATEs every 20 ms, walking through the table. */
    private static void write(ScratchDatabase db, AtomicBoolean stop, AtomicLong updated,
                              AtomicReference<Throwable> error) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE t SET b = b + 1 WHERE id BETWEEN ? AND ?")) {
            long next = System.nanoTime();
            long id = 1;
            while (!stop.get()) {
                ps.setLong(1, id);
                ps.setLong(2, id + ROWS_PER_BATCH - 1);
                updated.addAndGet(ps.executeUpdate());
                id = id + ROWS_PER_BATCH > ROWS ? 1 : id + ROWS_PER_BATCH;
                next += BATCH_EVERY_MILLIS * 1_000_000;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } else if (sleep < -1_000_000_000L) {
                    next = System.nanoTime(); // far behind (a loaded machine): do not try to catch up in a burst
                }
            }
        } catch (Throwable t) {
            error.set(t);
        }
    }

    private static TableStatistics stats(Connection c, String schema) throws SQLException {
        return TableStatistics.read(c, schema, List.of(TableName.of(null, "t"))).values().iterator().next();
    }

    private static long globalLimit(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@GLOBAL.innodb_online_alter_log_max_size")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setGlobalLimit(Connection c, long bytes) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET GLOBAL innodb_online_alter_log_max_size = " + bytes);
        }
    }
}
