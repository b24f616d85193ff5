package dev.ddllint.live;

import dev.ddllint.model.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What would stop an online schema-change tool (gh-ost, pt-online-schema-change) on a table, read-only from
 * {@code information_schema}: its keys, its foreign keys in both directions, and its triggers.
 *
 * @param hasPrimaryKey     a PRIMARY KEY exists
 * @param uniqueNotNullKeys UNIQUE keys whose columns are all NOT NULL (gh-ost can use these instead of a PK)
 * @param foreignKeys       the table's own foreign keys, {@code name → schema.parent}
 * @param referencedBy      foreign keys of other tables that reference it, {@code schema.child.name}
 * @param triggers          its triggers' names
 */
public record TableDependencies(String schema, String table, boolean hasPrimaryKey, List<String> uniqueNotNullKeys,
                                List<String> foreignKeys, List<String> referencedBy, List<String> triggers) {

    public TableDependencies {
        uniqueNotNullKeys = List.copyOf(uniqueNotNullKeys);
        foreignKeys = List.copyOf(foreignKeys);
        referencedBy = List.copyOf(referencedBy);
        triggers = List.copyOf(triggers);
    }

    static final String KEYS_SQL = "SELECT INDEX_NAME, MAX(NULLABLE = 'YES') FROM information_schema.STATISTICS "
            + "WHERE TABLE_SCHEMA = ? AND LOWER(TABLE_NAME) = ? AND NON_UNIQUE = 0 GROUP BY INDEX_NAME "
            + "ORDER BY INDEX_NAME";
    static final String FK_SQL = "SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_SCHEMA, REFERENCED_TABLE_NAME "
            + "FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND LOWER(TABLE_NAME) = ? "
            + "ORDER BY CONSTRAINT_NAME";
    static final String CHILD_SQL = "SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME "
            + "FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE UNIQUE_CONSTRAINT_SCHEMA = ? "
            + "AND LOWER(REFERENCED_TABLE_NAME) = ? ORDER BY CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME";
    static final String TRIGGER_SQL = "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS "
            + "WHERE EVENT_OBJECT_SCHEMA = ? AND LOWER(EVENT_OBJECT_TABLE) = ? ORDER BY TRIGGER_NAME";

    /**
     * Reads the given tables (unqualified names are in {@code defaultSchema}); tables without any row in
     * {@code information_schema.TABLES} are absent from the result.
     *
     * @return by {@link TableStatistics#key(String, String)}
     */
    public static Map<String, TableDependencies> read(Connection connection, String defaultSchema,
                                                      Collection<TableName> tables) throws SQLException {
        Map<String, TableDependencies> result = new LinkedHashMap<>();
        for (TableName t : tables) {
            String schema = t.schema() != null ? t.schema() : defaultSchema;
            if (schema == null || t.name() == null) {
                continue;
            }
            String key = TableStatistics.key(schema, t.name());
            if (result.containsKey(key)) {
                continue;
            }
            String lower = t.name().toLowerCase(Locale.ROOT);
            String name = exists(connection, schema, lower);
            if (name == null) {
                continue;
            }
            boolean pk = false;
            List<String> unique = new ArrayList<>();
            for (String[] row : query(connection, KEYS_SQL, schema, lower, 2)) {
                if ("PRIMARY".equals(row[0])) {
                    pk = true;
                } else if ("0".equals(row[1])) {
                    unique.add(row[0]);
                }
            }
            List<String> fks = query(connection, FK_SQL, schema, lower, 3).stream()
                    .map(r -> r[0] + " → " + r[1] + "." + r[2]).toList();
            List<String> children = query(connection, CHILD_SQL, schema, lower, 3).stream()
                    .map(r -> r[0] + "." + r[1] + "." + r[2]).toList();
            List<String> triggers = query(connection, TRIGGER_SQL, schema, lower, 1).stream().map(r -> r[0]).toList();
            result.put(key, new TableDependencies(schema, name, pk, unique, fks, children, triggers));
        }
        return result;
    }

    private static String exists(Connection connection, String schema, String lower) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND LOWER(TABLE_NAME) = ? AND TABLE_TYPE = 'BASE TABLE'")) {
            ps.setString(1, schema);
            ps.setString(2, lower);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static List<String[]> query(Connection connection, String sql, String schema, String lower, int columns)
            throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, lower);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
