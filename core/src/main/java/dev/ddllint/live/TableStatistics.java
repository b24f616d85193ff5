package dev.ddllint.live;

import dev.ddllint.model.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Size and shape of one table as {@code information_schema.TABLES} reports it. InnoDB's row count is an estimate
 * (from index statistics), the lengths are in bytes and are allocated sizes, not exact ones.
 *
 * @param rows         {@code TABLE_ROWS} (estimate)
 * @param avgRowLength {@code AVG_ROW_LENGTH}, bytes
 * @param dataLength   {@code DATA_LENGTH}: the clustered index, bytes
 * @param indexLength  {@code INDEX_LENGTH}: the secondary indexes, bytes
 * @param dataFree     {@code DATA_FREE}, bytes
 */
public record TableStatistics(String schema, String table, String engine, String rowFormat, long rows,
                              long avgRowLength, long dataLength, long indexLength, long dataFree,
                              String createOptions) {

    /** Tables as {@code schema.table}, lower case: the key of {@link #read}'s map. */
    public static String key(String schema, String table) {
        return (schema == null ? "" : schema.toLowerCase(Locale.ROOT)) + "." + table.toLowerCase(Locale.ROOT);
    }

    public String key() {
        return key(schema, table);
    }

    /**
     * Reads the statistics of the given tables (unqualified names are looked up in {@code defaultSchema}); tables
     * that do not exist (yet) are simply absent from the result. On MySQL 8.0+ the cached statistics are
     * refreshed first: {@code information_schema_stats_expiry} is set to 0 for the query and put back after, so
     * the session is left as it was.
     *
     * @return statistics by {@link #key(String, String)}, in the order of the given tables
     */
    public static Map<String, TableStatistics> read(Connection connection, String defaultSchema,
                                                    Collection<TableName> tables) throws SQLException {
        Map<String, String[]> wanted = new LinkedHashMap<>();
        for (TableName t : tables) {
            String schema = t.schema() != null ? t.schema() : defaultSchema;
            if (schema != null && t.name() != null) {
                wanted.putIfAbsent(key(schema, t.name()), new String[]{schema, t.name()});
            }
        }
        Map<String, TableStatistics> result = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return result;
        }
        StringBuilder sql = new StringBuilder("SELECT TABLE_SCHEMA, TABLE_NAME, ENGINE, ROW_FORMAT, TABLE_ROWS, "
                + "AVG_ROW_LENGTH, DATA_LENGTH, INDEX_LENGTH, DATA_FREE, CREATE_OPTIONS FROM information_schema.TABLES "
                + "WHERE TABLE_TYPE = 'BASE TABLE' AND (");
        List<String> params = new ArrayList<>();
        String sep = "";
        for (String[] st : wanted.values()) {
            sql.append(sep).append("(TABLE_SCHEMA = ? AND LOWER(TABLE_NAME) = ?)");
            params.add(st[0]);
            params.add(st[1].toLowerCase(Locale.ROOT));
            sep = " OR ";
        }
        sql.append(')');
        Long expiry = statsExpiry(connection);
        boolean refresh = expiry != null && expiry != 0;
        if (refresh) {
            setStatsExpiry(connection, 0);
        }
        Map<String, TableStatistics> found = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableStatistics s = new TableStatistics(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                            rs.getLong(9), rs.getString(10));
                    found.put(s.key(), s);
                }
            }
        } finally {
            if (refresh) {
                setStatsExpiry(connection, expiry);
            }
        }
        for (String k : wanted.keySet()) {
            if (found.containsKey(k)) {
                result.put(k, found.get(k));
            }
        }
        return result;
    }

    /** The statistics of {@code table} from a {@link #read} result. */
    public static Optional<TableStatistics> find(Map<String, TableStatistics> stats, String defaultSchema,
                                                 TableName table) {
        String schema = table.schema() != null ? table.schema() : defaultSchema;
        return schema == null ? Optional.empty() : Optional.ofNullable(stats.get(key(schema, table.name())));
    }

    /** {@code information_schema_stats_expiry} of this session; null where the server has none (MariaDB, 5.7). */
    private static Long statsExpiry(Connection connection) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@SESSION.information_schema_stats_expiry")) {
            return rs.next() ? rs.getLong(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static void setStatsExpiry(Connection connection, long value) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION information_schema_stats_expiry = " + value);
        }
    }

    /** {@code `app`.`account`: ~1,000 rows, data 48 KiB, indexes 16 KiB, avg row 49 B (InnoDB, Dynamic)}. */
    public String describe() {
        return "`" + schema + "`.`" + table + "`: ~" + Sizes.count(rows) + " rows, data " + Sizes.bytes(dataLength)
                + ", indexes " + Sizes.bytes(indexLength) + ", avg row " + Sizes.bytes(avgRowLength) + " ("
                + (engine == null ? "no engine" : engine) + (rowFormat == null ? "" : ", " + rowFormat) + ")";
    }
}
