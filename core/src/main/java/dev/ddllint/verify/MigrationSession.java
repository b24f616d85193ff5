package dev.ddllint.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scratch session's settings as a migration has them: the server's session values at the start (each file
 * starts from them, as a migration tool's new connection does), then the file's own SET statements so far.
 */
final class MigrationSession {

    /** Session variables that change what a DDL does or whether it runs. */
    private static final List<String> VARIABLES = List.of("sql_mode", "foreign_key_checks", "unique_checks",
            "old_alter_table", "alter_algorithm", "explicit_defaults_for_timestamp", "default_storage_engine",
            "innodb_strict_mode", "character_set_client", "character_set_connection", "collation_connection");

    private final ScratchSchema scratch;
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+");

    private final Map<String, String> initial = new LinkedHashMap<>();
    private final java.util.Set<String> problems = new java.util.LinkedHashSet<>();

    MigrationSession(ScratchSchema scratch) throws SQLException {
        this.scratch = scratch;
        Connection c = scratch.connection();
        for (String v : VARIABLES) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@SESSION." + v)) {
                if (rs.next()) {
                    initial.put(v, rs.getString(1));
                }
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                    throw e;
                }
                // not a variable of this server (old_alter_table on MySQL 9, alter_algorithm on MySQL)
            }
        }
    }

    /** Variables that could not be put back, one line each. */
    java.util.Set<String> problems() {
        return problems;
    }

    /** Back to the server's values, then {@code sets} (the SET statements of a file, in order). */
    void enter(List<String> sets) throws SQLException, ScratchSchema.UnsafeStatementException {
        try (Statement s = scratch.connection().createStatement()) {
            for (Map.Entry<String, String> e : initial.entrySet()) {
                String value = e.getValue() == null ? "NULL" : NUMBER.matcher(e.getValue()).matches() ? e.getValue()
                        : "'" + e.getValue().replace("\\", "\\\\").replace("'", "''") + "'";
                try {
                    scratch.execute(s, "SET SESSION " + e.getKey() + " = " + value);
                } catch (SQLException x) {
                    if (x.getSQLState() != null && x.getSQLState().startsWith("08")) {
                        throw x;
                    }
                    // read back but not settable in this session: left as it is, and said once
                    problems.add("session variable " + e.getKey() + " not reset to " + value + ": "
                            + x.getErrorCode() + " " + ServerLadder.oneLine(x.getMessage()));
                }
            }
            for (String set : sets) {
                scratch.execute(s, set);
            }
        }
    }

    /** Foreign keys not checked while tables are rebuilt in any order. */
    void withoutForeignKeyChecks() throws SQLException, ScratchSchema.UnsafeStatementException {
        try (Statement s = scratch.connection().createStatement()) {
            scratch.execute(s, "SET SESSION foreign_key_checks = 0");
        }
    }

    /** {@link #withoutForeignKeyChecks()}, a refusal noted instead of thrown. */
    void withoutForeignKeyChecksQuietly(List<String> notes, String where) throws SQLException {
        try {
            withoutForeignKeyChecks();
        } catch (ScratchSchema.UnsafeStatementException e) {
            notes.add(where + ": " + e.getMessage());
        }
    }
}
