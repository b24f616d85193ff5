package dev.ddllint.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables of the scratch database and, for each, the statements that built it: its CREATE TABLE and every change
 * since (replay), or a {@code SHOW CREATE TABLE} text where the table came from the source database or from a
 * rename. Any table can be put back as it stands from these alone, which is what the ladder needs before each of
 * its attempts ({@link #setup}).
 */
final class ReplayedTables {

    /** One statement of a table's history, with the SET statements of its file in force when it ran. */
    record Entry(List<String> sets, String sql) {
        Entry {
            sets = List.copyOf(sets);
        }
    }

    private final ScratchSchema scratch;
    /** lower-cased name → history */
    private final Map<String, List<Entry>> histories = new HashMap<>();
    /** lower-cased name → the name as the server has it */
    private final Map<String, String> names = new HashMap<>();

    ReplayedTables(ScratchSchema scratch) {
        this.scratch = scratch;
    }

    boolean has(String table) {
        return table != null && histories.containsKey(key(table));
    }

    /** The base tables now in the scratch database, by lower-cased name. */
    Map<String, String> list() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = scratch.connection().createStatement();
             ResultSet rs = s.executeQuery("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                out.put(key(rs.getString(1)), rs.getString(1));
            }
        }
        return out;
    }

    /**
     * Records what {@code entry} did, from the tables before and after it: the named table changed or was created
     * (its history grows or starts), tables that went away are forgotten, any other new table (a rename's target)
     * starts from its {@code SHOW CREATE TABLE}.
     */
    void observe(String table, Entry entry, Map<String, String> before, Map<String, String> after)
            throws SQLException {
        String t = table == null ? null : key(table);
        for (String gone : before.keySet()) {
            if (!after.containsKey(gone)) {
                histories.remove(gone);
                names.remove(gone);
            }
        }
        if (t != null && after.containsKey(t)) {
            if (before.containsKey(t) && histories.containsKey(t)) {
                histories.get(t).add(entry);
            } else if (!before.containsKey(t)) {
                histories.put(t, new ArrayList<>(List.of(entry)));
            } else {
                snapshot(after.get(t));
            }
            names.put(t, after.get(t));
        }
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (!before.containsKey(e.getKey()) && !e.getKey().equals(t)) {
                snapshot(e.getValue());
            }
        }
    }

    /** The table starts (again) from its {@code SHOW CREATE TABLE} in the scratch database. */
    void snapshot(String table) throws SQLException {
        try (Statement s = scratch.connection().createStatement();
             ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + quote(table))) {
            if (rs.next()) {
                started(table, rs.getString(2));
            }
        }
    }

    /** The table starts from {@code createTable} (a snapshot, or the source's definition). */
    void started(String table, String createTable) {
        histories.put(key(table), new ArrayList<>(List.of(new Entry(List.of(), createTable))));
        names.put(key(table), table);
    }

    List<Entry> history(String table) {
        return List.copyOf(histories.getOrDefault(key(table), List.of()));
    }

    /** Puts {@code table} back as its history leaves it, with the session as the migration has it now. */
    ServerLadder.Setup setup(String table, MigrationSession session, List<String> currentSets) {
        List<Entry> history = history(table);
        String name = names.getOrDefault(key(table), table);
        String setupKey = key(table) + "\u0000" + history.size() + "\u0000" + history.hashCode() + "\u0000"
                + currentSets;
        return new ServerLadder.Setup() {
            @Override
            public String key() {
                return setupKey;
            }

            @Override
            public String apply(ScratchSchema schema) throws SQLException, ScratchSchema.UnsafeStatementException {
                Connection c = schema.connection();
                List<String> lastSets = null;
                try (Statement s = c.createStatement()) {
                    session.withoutForeignKeyChecks();
                    schema.execute(s, "DROP TABLE IF EXISTS " + quote(name));
                    for (Entry e : history) {
                        if (!e.sets().equals(lastSets)) {
                            session.enter(e.sets());
                            session.withoutForeignKeyChecks();
                            lastSets = e.sets();
                        }
                        try {
                            schema.execute(s, e.sql());
                        } catch (SQLException x) {
                            if (x.getSQLState() != null && x.getSQLState().startsWith("08")) {
                                throw x;
                            }
                            return "ERROR " + x.getErrorCode() + " " + ServerLadder.oneLine(x.getMessage())
                                    + " in: " + ServerLadder.oneLine(e.sql());
                        }
                    }
                } finally {
                    session.enter(currentSets);
                }
                return null;
            }
        };
    }

    /** What builds {@code table} and then runs {@code statement}, as a script for an empty database. */
    String reproducer(String table, List<String> currentSets, String statement) {
        StringBuilder sb = new StringBuilder("SET SESSION foreign_key_checks = 0;\n");
        List<String> lastSets = null;
        for (Entry e : history(table)) {
            if (!e.sets().equals(lastSets)) {
                e.sets().forEach(set -> sb.append(set).append(";\n"));
                lastSets = e.sets();
            }
            sb.append(e.sql().strip()).append(";\n");
        }
        sb.append("SET SESSION foreign_key_checks = DEFAULT;\n");
        currentSets.forEach(set -> sb.append(set).append(";\n"));
        return sb.append(statement.strip()).append(";\n").toString();
    }

    /** Names a table's FOREIGN KEY ... REFERENCES and CREATE TABLE ... LIKE point at (unqualified, as written). */
    static Set<String> referencedTables(String sql) {
        Set<String> out = new LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?i)\\b(?:REFERENCES|LIKE)\\s+(?:`[^`]+`\\s*\\.\\s*|\\w+\\s*\\.\\s*)?(`(?:[^`]|``)+`|\\w+)")
                .matcher(sql);
        while (m.find()) {
            String name = m.group(1);
            out.add(name.startsWith("`") ? name.substring(1, name.length() - 1).replace("``", "`") : name);
        }
        return out;
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
