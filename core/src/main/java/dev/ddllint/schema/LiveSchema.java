package dev.ddllint.schema;

import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;
import dev.ddllint.model.TableName;
import dev.ddllint.script.ScriptOptions;
import dev.ddllint.script.ScriptReader;
import dev.ddllint.script.ScriptStatement;
import dev.ddllint.sql.TolerantStatementReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads table definitions from a live database, read-only: {@code information_schema} to find the tables and
 * {@code SHOW CREATE TABLE} for their definitions, which the same readers as migrations then model.
 */
public final class LiveSchema {

    public static final String ORIGIN = "live schema";

    private LiveSchema() {
    }

    /**
     * Reads the named tables of the connection's current database (names that do not exist are skipped).
     *
     * @return the tables found, with {@link TableFacts#origin()} = {@value #ORIGIN}
     */
    public static List<TableFacts> read(Connection connection, Collection<TableName> tables) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>();
        tables.forEach(t -> wanted.add(t.name()));
        List<TableFacts> result = new ArrayList<>();
        Set<String> existing = new LinkedHashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                existing.add(rs.getString(1));
            }
        }
        for (String name : existing) {
            if (wanted.stream().noneMatch(w -> w.equalsIgnoreCase(name))) {
                continue;
            }
            String ddl;
            try (java.sql.Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SHOW CREATE TABLE `" + name.replace("`", "``") + "`")) {
                if (!rs.next()) {
                    continue;
                }
                ddl = rs.getString(2);
            }
            TableFacts facts = model(name, ddl);
            if (facts != null) {
                result.add(facts.withRowVersions(rowVersions(connection, name)));
            }
        }
        return result;
    }

    /** MySQL 8.0.29+: instant row versions used by the table; -1 where the server does not report them. */
    static int rowVersions(Connection connection, String table) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT TOTAL_ROW_VERSIONS FROM "
                + "information_schema.INNODB_TABLES WHERE NAME = CONCAT(DATABASE(), '/', ?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : TableFacts.UNKNOWN_ROW_VERSIONS;
            }
        } catch (SQLException e) {
            // MariaDB and MySQL before 8.0.29 have no such column: the count is unknown, not an error.
            return TableFacts.UNKNOWN_ROW_VERSIONS;
        }
    }

    /** Models a {@code SHOW CREATE TABLE} text (versioned comments such as partitioning included). */
    public static TableFacts model(String name, String createTableText) {
        List<ScriptStatement> statements = ScriptReader.read(createTableText, ScriptOptions.defaults()).statements();
        if (statements.isEmpty()) {
            return null;
        }
        Statement create = TolerantStatementReader.read(statements.get(0).sql());
        if (create.kind() != StatementKind.CREATE_TABLE || create.createTable() == null) {
            return null;
        }
        Schema scratch = new Schema();
        scratch.apply(create, ORIGIN);
        return scratch.table(new TableName(null, name)).map(t -> new TableFacts(t.name(), t.columns(), t.indexes(),
                t.options(), ORIGIN, false, t.partitioned(), TableFacts.UNKNOWN_ROW_VERSIONS, t.referencedColumns()))
                .orElse(null);
    }
}
