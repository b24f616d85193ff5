package dev.ddllint.live;

import dev.ddllint.model.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows inserted, updated and deleted per second on each table, read-only, from
 * {@code performance_schema.table_io_waits_summary_by_table} ({@code COUNT_INSERT}, {@code COUNT_UPDATE},
 * {@code COUNT_DELETE}: one per row written through the handler).
 *
 * <ul>
 *   <li>With a window: the counters are read twice, {@code window} apart, and the deltas divided by the
 *       measured interval. This is the rate right now; take it at peak time.</li>
 *   <li>Without one: counters divided by the server's {@code Uptime}. This is the average since the server
 *       started (the counters also restart when the table is evicted from the table cache or the summary is
 *       truncated), so bursts and peak hours are flattened out.</li>
 * </ul>
 *
 * @param windowSeconds the interval the rate is over (the uptime without a window)
 * @param method        "deltas over 10.0 s" or "counters / uptime 86400 s"
 */
public record WriteRates(String schema, String table, double insertsPerSecond, double updatesPerSecond,
                         double deletesPerSecond, double windowSeconds, String method) {

    static final String SQL = "SELECT OBJECT_SCHEMA, OBJECT_NAME, COUNT_INSERT, COUNT_UPDATE, COUNT_DELETE "
            + "FROM performance_schema.table_io_waits_summary_by_table WHERE OBJECT_TYPE = 'TABLE' AND (";

    /** The counters at one moment. */
    private record Counters(String schema, String table, long inserts, long updates, long deletes) {
    }

    /**
     * Measures the rates of the given tables (unqualified names are in {@code defaultSchema}). Tables the summary
     * has no row for (never opened since start) get no entry.
     *
     * @param window {@link Duration#ZERO}: counters / uptime; else sample twice, this far apart
     * @throws SQLException when performance_schema cannot be read (it is OFF, or the user lacks SELECT on it)
     */
    public static Map<String, WriteRates> measure(Connection connection, String defaultSchema,
                                                  Collection<TableName> tables, Duration window)
            throws SQLException {
        Map<String, String[]> wanted = new LinkedHashMap<>();
        for (TableName t : tables) {
            String schema = t.schema() != null ? t.schema() : defaultSchema;
            if (schema != null && t.name() != null) {
                wanted.putIfAbsent(TableStatistics.key(schema, t.name()), new String[]{schema, t.name()});
            }
        }
        Map<String, WriteRates> result = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return result;
        }
        if (window == null || window.isZero() || window.isNegative()) {
            long uptime = uptimeSeconds(connection);
            Map<String, Counters> now = read(connection, wanted);
            for (Map.Entry<String, Counters> e : now.entrySet()) {
                Counters c = e.getValue();
                double s = Math.max(1, uptime);
                result.put(e.getKey(), new WriteRates(c.schema(), c.table(), c.inserts() / s, c.updates() / s,
                        c.deletes() / s, s, "counters / uptime " + uptime + " s"));
            }
            return result;
        }
        long t0 = System.nanoTime();
        Map<String, Counters> first = read(connection, wanted);
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while sampling write rates", e);
        }
        Map<String, Counters> second = read(connection, wanted);
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (Map.Entry<String, Counters> e : second.entrySet()) {
            Counters b = e.getValue();
            Counters a = first.get(e.getKey());
            if (a == null || b.inserts() < a.inserts() || b.updates() < a.updates() || b.deletes() < a.deletes()) {
                // New in the summary, or reset in between: the counts since then are all we have.
                a = new Counters(b.schema(), b.table(), 0, 0, 0);
            }
            result.put(e.getKey(), new WriteRates(b.schema(), b.table(), (b.inserts() - a.inserts()) / seconds,
                    (b.updates() - a.updates()) / seconds, (b.deletes() - a.deletes()) / seconds, seconds,
                    String.format(Locale.ROOT, "deltas over %.1f s", seconds)));
        }
        return result;
    }

    private static Map<String, Counters> read(Connection connection, Map<String, String[]> wanted)
            throws SQLException {
        StringBuilder sql = new StringBuilder(SQL);
        List<String> params = new ArrayList<>();
        String sep = "";
        for (String[] st : wanted.values()) {
            sql.append(sep).append("(OBJECT_SCHEMA = ? AND LOWER(OBJECT_NAME) = ?)");
            params.add(st[0]);
            params.add(st[1].toLowerCase(Locale.ROOT));
            sep = " OR ";
        }
        sql.append(')');
        Map<String, Counters> result = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Counters c = new Counters(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5));
                    result.put(TableStatistics.key(c.schema(), c.table()), c);
                }
            }
        }
        return result;
    }

    /** {@code SHOW GLOBAL STATUS LIKE 'Uptime'}. */
    static long uptimeSeconds(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Uptime'")) {
            return rs.next() ? Long.parseLong(rs.getString(2).trim()) : 1;
        }
    }

    /** {@code inserts 1.2/s, updates 30/s, deletes 0/s (deltas over 10.0 s)}. */
    public String describe() {
        return String.format(Locale.ROOT, "inserts %.2f/s, updates %.2f/s, deletes %.2f/s (%s)", insertsPerSecond,
                updatesPerSecond, deletesPerSecond, method);
    }
}
