package dev.ddllint.live;

import dev.ddllint.kb.TargetServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a live server says about itself, read-only: its version and flavor, and the settings that decide how an
 * online ALTER behaves. A setting the server does not have (or does not show to this user) is null.
 *
 * @param versionString              {@code SELECT VERSION()}, e.g. {@code 9.7.4} or {@code 10.11.6-MariaDB-0+deb12u1}
 * @param server                     flavor and version parsed from it
 * @param currentSchema              {@code SELECT DATABASE()}: where unqualified table names resolve (null: none)
 * @param onlineAlterLogMaxSize      {@code innodb_online_alter_log_max_size}, bytes: the row-log limit of an
 *                                   online rebuild or index build
 * @param sortBufferSize             {@code innodb_sort_buffer_size}, bytes: also the size of one row-log block
 * @param lockWaitTimeout            this session's {@code lock_wait_timeout}, seconds: how long a DDL waits for its
 *                                   metadata lock
 * @param performanceSchema          whether {@code performance_schema} is ON (needed to see metadata locks)
 */
public record ServerFacts(String versionString, TargetServer server, String currentSchema, Long onlineAlterLogMaxSize,
                          Long sortBufferSize, Long lockWaitTimeout, boolean performanceSchema) {

    static final String VARIABLES = "SHOW VARIABLES WHERE Variable_name IN ('innodb_online_alter_log_max_size', "
            + "'innodb_sort_buffer_size', 'lock_wait_timeout', 'performance_schema')";

    /** Reads the facts with two read-only queries on the given connection (which stays open). */
    public static ServerFacts read(Connection connection) throws SQLException {
        String version;
        String schema;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION(), DATABASE()")) {
            rs.next();
            version = rs.getString(1);
            schema = rs.getString(2);
        }
        Map<String, String> vars = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(VARIABLES); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                vars.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        String ps = vars.getOrDefault("performance_schema", "OFF").trim().toUpperCase(Locale.ROOT);
        return new ServerFacts(version, TargetServer.fromVersionString(version), schema,
                number(vars.get("innodb_online_alter_log_max_size")), number(vars.get("innodb_sort_buffer_size")),
                number(vars.get("lock_wait_timeout")), ps.equals("ON") || ps.equals("1"));
    }

    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One line for logs: {@code MySQL 9.7.4 (9.7.4-2): innodb_online_alter_log_max_size 128 MiB, …}. */
    public String describe() {
        return server.displayName() + " (" + versionString + "): innodb_online_alter_log_max_size "
                + Sizes.bytes(onlineAlterLogMaxSize) + ", innodb_sort_buffer_size " + Sizes.bytes(sortBufferSize)
                + ", lock_wait_timeout " + (lockWaitTimeout == null ? "unknown" : lockWaitTimeout + " s")
                + ", performance_schema " + (performanceSchema ? "ON" : "OFF");
    }
}
