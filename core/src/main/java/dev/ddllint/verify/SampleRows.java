package dev.ddllint.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Copies up to N rows of a table from the source database into the scratch database ({@code --sample-rows}), so a
 * rebuild can be timed on real rows. The source is only read: each chunk is one {@code SELECT … ORDER BY <primary
 * key> LIMIT chunk}, the next one starting after the last key read ({@code WHERE (a, b) > (?, ?)}), so a chunk
 * never scans what an earlier one returned. A table without a primary key gets one plain {@code SELECT … LIMIT N}
 * (rows in no defined order; {@link Copy#note()} says so). Only the columns both tables have are copied, generated
 * columns never.
 */
final class SampleRows {

    /** Rows a chunk reads from the source (and inserts into the scratch table in one statement). */
    static final int CHUNK = 1000;

    private final SourceTables source;
    private final ScratchSchema scratch;
    private final long limit;
    private final int chunk;

    /**
     * @param limit rows to copy at most per table (0: none)
     * @param chunk rows per SELECT from the source
     */
    SampleRows(SourceTables source, ScratchSchema scratch, long limit, int chunk) {
        if (limit < 0 || chunk < 1) {
            throw new IllegalArgumentException("sample rows must be 0 or more, the chunk 1 or more");
        }
        this.source = source;
        this.scratch = scratch;
        this.limit = limit;
        this.chunk = chunk;
    }

    /**
     * What was copied.
     *
     * @param rows   rows inserted into the scratch table
     * @param chunks SELECT statements sent to the source
     * @param note   a remark for the report (no primary key: not in key order), or null
     */
    record Copy(long rows, int chunks, String note) {
    }

    /**
     * Copies up to the limit of rows of {@code table} (unqualified: the source's and the scratch's default database)
     * into the scratch table of that name, which must exist. Foreign keys are the caller's concern (the scratch
     * session runs with {@code foreign_key_checks = 0} while copying).
     */
    Copy copy(String table) throws SQLException, ScratchSchema.UnsafeStatementException {
        if (limit == 0) {
            return new Copy(0, 0, null);
        }
        if (table.contains(";")) {
            // the source accepts one statement without a semicolon anywhere (SourceTables.read)
            return new Copy(0, 0, "`" + table + "` has a semicolon in its name: no rows copied");
        }
        List<String> sourceColumns = columns(source.connection(), table, true);
        Set<String> scratchColumns = new LinkedHashSet<>();
        columns(scratch.connection(), table, false).forEach(c -> scratchColumns.add(c.toLowerCase(Locale.ROOT)));
        List<String> copied = sourceColumns.stream().filter(c -> scratchColumns.contains(c.toLowerCase(Locale.ROOT)))
                .toList();
        if (copied.isEmpty()) {
            return new Copy(0, 0, "no column of the source table is in the scratch table: no rows copied");
        }
        List<String> key = primaryKey(table);
        String select = "SELECT " + list(copied) + " FROM " + ReplayedTables.quote(table);
        long rows = 0;
        int chunks = 0;
        if (key.isEmpty()) {
            try (PreparedStatement ps = source.prepare(select + " LIMIT " + limit)) {
                rows = insert(table, copied, ps.executeQuery(), List.of(), null);
                chunks = 1;
            }
            return new Copy(rows, chunks, "`" + table + "` has no primary key: " + rows
                    + " rows taken with a plain LIMIT, in no defined order");
        }
        if (!copied.containsAll(key)) {
            return new Copy(0, 0, "the scratch table lacks a primary-key column of the source: no rows copied");
        }
        String order = " ORDER BY " + list(key);
        String after = " WHERE (" + list(key) + ") > (" + String.join(", ", key.stream().map(k -> "?").toList())
                + ")";
        Object[] last = null;
        while (rows < limit) {
            int n = (int) Math.min(chunk, limit - rows);
            String sql = select + (last == null ? "" : after) + order + " LIMIT " + n;
            long got;
            try (PreparedStatement ps = source.prepare(sql)) {
                if (last != null) {
                    for (int i = 0; i < last.length; i++) {
                        ps.setObject(i + 1, last[i]);
                    }
                }
                Object[] lastKey = new Object[key.size()];
                got = insert(table, copied, ps.executeQuery(), key, lastKey);
                last = lastKey;
            }
            chunks++;
            rows += got;
            if (got < n) {
                break; // the table has no more rows
            }
        }
        return new Copy(rows, chunks, null);
    }

    /** Inserts the result's rows in one multi-row INSERT; fills {@code lastKey} with the last row's key values. */
    private long insert(String table, List<String> columns, ResultSet rs, List<String> key, Object[] lastKey)
            throws SQLException, ScratchSchema.UnsafeStatementException {
        List<Object[]> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        Object[] lastRow = rows.get(rows.size() - 1);
        for (int k = 0; lastKey != null && k < key.size(); k++) {
            lastKey[k] = lastRow[indexOf(columns, key.get(k))];
        }
        String one = "(" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        String sql = "INSERT INTO " + ReplayedTables.quote(table) + " (" + list(columns) + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows.size(), one));
        scratch.check(sql);
        try (PreparedStatement ps = scratch.connection().prepareStatement(sql)) {
            int p = 1;
            for (Object[] row : rows) {
                for (Object v : row) {
                    ps.setObject(p++, v);
                }
            }
            ps.executeUpdate();
        }
        return rows.size();
    }

    /** The table's stored columns in order (generated ones left out) in the connection's default database. */
    private List<String> columns(Connection c, String table, boolean fromSource) throws SQLException {
        String sql = "SELECT COLUMN_NAME, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_NAME = " + literal(table) + " ORDER BY ORDINAL_POSITION";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = fromSource ? source.prepare(sql) : c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String extra = rs.getString(2) == null ? "" : rs.getString(2).toUpperCase(Locale.ROOT);
                if (!extra.contains("GENERATED") && !extra.contains("VIRTUAL") && !extra.contains("PERSISTENT")
                        && !extra.contains("STORED")) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private List<String> primaryKey(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = source.prepare("SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE "
                + "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = " + literal(table) + " AND INDEX_NAME = 'PRIMARY' "
                + "ORDER BY SEQ_IN_INDEX"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Rows in the scratch table now (for the report and the tests). */
    static long count(ScratchSchema scratch, String table) throws SQLException {
        try (Statement s = scratch.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + ReplayedTables.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int indexOf(List<String> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    private static String list(List<String> columns) {
        return String.join(", ", columns.stream().map(ReplayedTables::quote).toList());
    }

    /** A string literal, for names in information_schema queries. */
    static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
