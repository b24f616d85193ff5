package dev.ddllint.osc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an interrupted or failed pt-online-schema-change leaves behind, removed: its three triggers on the original
 * table (every write would go on copying into a table nobody swaps in) and its new table. pt-osc 3.2.1 removes
 * neither when it is stopped by a signal (measured: after SIGINT or SIGTERM during the copy both stay, and it only
 * prints the DROP statements). The original table itself is never touched.
 */
public final class PtOscCleanup {

    private PtOscCleanup() {
    }

    /**
     * Drops pt-osc's triggers on {@code database.table} and its new table ({@code _TABLE_new}, or the name pt-osc
     * printed); waits at most 5 s for each metadata lock.
     *
     * @param newTable the new table's name as pt-osc printed it ("db._t_new"), or null for {@code _TABLE_new}
     * @return what was dropped, for the log
     */
    public static List<String> undo(Connection connection, String database, String table, String newTable)
            throws SQLException {
        List<String> dropped = new ArrayList<>();
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("SET SESSION lock_wait_timeout = 5");
            List<String> triggers = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT TRIGGER_NAME FROM "
                    + "information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ? "
                    + "AND TRIGGER_NAME LIKE 'pt\\_osc\\_%'")) {
                ps.setString(1, database);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        triggers.add(rs.getString(1));
                    }
                }
            }
            for (String trigger : triggers) {
                s.execute("DROP TRIGGER IF EXISTS " + quote(database) + "." + quote(trigger));
                dropped.add("trigger " + trigger);
            }
            String name = newTableName(newTable, database, table);
            if (name != null && exists(connection, database, name)) {
                s.execute("DROP TABLE IF EXISTS " + quote(database) + "." + quote(name));
                dropped.add("table " + name);
            }
        }
        return dropped;
    }

    /** The new table's name without its schema; only names pt-osc makes ({@code _…_new}) are dropped. */
    static String newTableName(String printed, String database, String table) {
        String name = printed == null ? "_" + table + "_new" : printed.replace("`", "");
        if (name.startsWith(database + ".")) {
            name = name.substring(database.length() + 1);
        }
        return name.startsWith("_") && name.endsWith("_new") && name.contains(table) ? name : null;
    }

    private static boolean exists(Connection connection, String database, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, database);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
