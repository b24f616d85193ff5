package dev.ddllint.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The source database, read only: table definitions with {@code SHOW CREATE TABLE}. The connection is made read
 * only, and every statement is checked to be a SELECT or SHOW before it is sent, so nothing here can write to it.
 */
final class SourceTables {

    private static final Pattern READ = Pattern.compile("(?is)^\\s*(?:SELECT|SHOW)\\b[^;]*$");

    private final Connection connection;

    SourceTables(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setReadOnly(true);
    }

    /** The table's CREATE TABLE in the source's default database; empty when there is no such base table. */
    Optional<String> createTable(String table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery(read("SHOW CREATE TABLE " + ReplayedTables.quote(table)))) {
            if (rs.next() && rs.getMetaData().getColumnLabel(2).equalsIgnoreCase("Create Table")) {
                return Optional.of(rs.getString(2));
            }
            return Optional.empty(); // a view
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146) { // no such table
                return Optional.empty();
            }
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    /** A prepared statement for a read ({@link #read}: one SELECT or SHOW), for parameters such as a last key. */
    java.sql.PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(read(sql));
    }

    /** One row, one column. */
    String value(String query) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(read(query))) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** {@code sql} when it only reads (SELECT, SHOW; one statement); anything else is a programming error. */
    static String read(String sql) {
        if (!READ.matcher(sql).matches()) {
            throw new IllegalArgumentException("not a read-only statement for the source database: " + sql);
        }
        return sql;
    }
}
