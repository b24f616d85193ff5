package dev.ddllint.estimate;

import dev.ddllint.live.TableStatistics;
import dev.ddllint.model.TableName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Measures the rebuild and index-build throughput θ of a server: creates a scratch table, fills it, times
 * {@code ALTER TABLE … FORCE, ALGORITHM=INPLACE, LOCK=NONE} and {@code ADD INDEX … ALGORITHM=INPLACE, LOCK=NONE},
 * and drops it again. It works only in a scratch schema: one it creates ({@code ddl_lint_calibrate_<random>},
 * dropped afterwards) or one the caller names, in which it touches nothing but its own
 * {@code ddl_lint_calibration_<random>} table. Needs CREATE, ALTER, INSERT, DROP there; never run it on a primary
 * that serves traffic (the fill and the rebuild load it), a replica or staging server of the same class is the
 * place.
 */
public final class Calibration {

    static final Set<String> SYSTEM_SCHEMAS = Set.of("mysql", "sys", "information_schema", "performance_schema");

    private Calibration() {
    }

    /**
     * @param rebuildThroughput (D + X) / rebuild seconds, bytes per second
     * @param indexThroughput   D / index-build seconds, bytes per second
     */
    public record Result(String schema, String table, long rows, long dataLength, long indexLength,
                         double rebuildSeconds, double rebuildThroughput, double indexSeconds,
                         double indexThroughput) {

        /** The lines to put into ddl-lint.yml. */
        public String yaml() {
            return "estimate:\n  rebuildThroughput: " + Math.round(rebuildThroughput / 1024) + "KiB   # "
                    + Units.rate(rebuildThroughput) + ", " + Units.bytes(dataLength + indexLength) + " rebuilt in "
                    + String.format(Locale.ROOT, "%.2f s", rebuildSeconds) + "\n  indexThroughput: "
                    + Math.round(indexThroughput / 1024) + "KiB     # " + Units.rate(indexThroughput) + ", "
                    + Units.bytes(dataLength) + " scanned in " + String.format(Locale.ROOT, "%.2f s", indexSeconds)
                    + "\n";
        }
    }

    /**
     * Runs the calibration.
     *
     * @param schema null: create (and drop) a schema of its own; else an existing or new scratch schema
     * @param rows   rows of the scratch table (≈ 150 B each with its indexes)
     */
    public static Result run(Connection connection, String schema, long rows, Consumer<String> log)
            throws SQLException {
        if (rows < 1000) {
            throw new IllegalArgumentException("rows must be at least 1000");
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String db = schema == null ? "ddl_lint_calibrate_" + suffix : schema;
        if (SYSTEM_SCHEMAS.contains(db.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("'" + db + "' is a system schema; calibrate in a scratch schema");
        }
        boolean created = !schemaExists(connection, db);
        String table = "ddl_lint_calibration_" + suffix;
        String qualified = quote(db) + "." + quote(table);
        try (Statement s = connection.createStatement()) {
            if (created) {
                log.accept("creating scratch schema " + db);
                s.execute("CREATE DATABASE " + quote(db));
            }
            try {
                s.execute("CREATE TABLE " + qualified + " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                        + "a INT NOT NULL, b INT NOT NULL, c VARCHAR(100) NOT NULL, d DATETIME NOT NULL, KEY ka (a)) "
                        + "ENGINE=InnoDB");
                log.accept("filling " + db + "." + table + " with " + Units.count(rows) + " rows");
                fill(s, qualified, rows);
                s.execute("ANALYZE TABLE " + qualified);
                TableStatistics stats = TableStatistics.read(connection, db, List.of(TableName.of(db, table)))
                        .values().iterator().next();
                log.accept("table: " + stats.describe());
                double rebuild = time(s, "ALTER TABLE " + qualified + " FORCE, ALGORITHM=INPLACE, LOCK=NONE");
                log.accept(String.format(Locale.ROOT, "rebuild (FORCE, INPLACE): %.2f s", rebuild));
                double index = time(s, "ALTER TABLE " + qualified + " ADD INDEX kb (b), ALGORITHM=INPLACE, "
                        + "LOCK=NONE");
                log.accept(String.format(Locale.ROOT, "index build (ADD INDEX, INPLACE): %.2f s", index));
                long d = stats.dataLength();
                long x = stats.indexLength();
                return new Result(db, table, rows, d, x, rebuild, (d + x) / Math.max(rebuild, 1e-3), index,
                        d / Math.max(index, 1e-3));
            } finally {
                s.execute("DROP TABLE IF EXISTS " + qualified);
                if (created) {
                    s.execute("DROP DATABASE IF EXISTS " + quote(db));
                    log.accept("dropped scratch schema " + db);
                } else {
                    log.accept("dropped " + db + "." + table);
                }
            }
        }
    }

    /** Times one statement, seconds. */
    public static double time(Statement s, String sql) throws SQLException {
        long t0 = System.nanoTime();
        s.execute(sql);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Fills the table: 1,000 seed rows, then doubling with INSERT … SELECT up to {@code rows}. */
    static void fill(Statement s, String qualified, long rows) throws SQLException {
        s.execute("INSERT INTO " + qualified + " (a, b, c, d) WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL "
                + "SELECT n + 1 FROM seq WHERE n < 1000) SELECT FLOOR(RAND() * 1000000000), n, "
                + "LEFT(CONCAT(UUID(), UUID()), 64), NOW() - INTERVAL n SECOND FROM seq");
        long have = 1000;
        while (have < rows) {
            long add = Math.min(have, rows - have);
            s.execute("INSERT INTO " + qualified + " (a, b, c, d) SELECT FLOOR(RAND() * 1000000000), b + " + have
                    + ", c, d FROM " + qualified + " ORDER BY id LIMIT " + add);
            have += add;
        }
    }

    private static boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (java.sql.PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
