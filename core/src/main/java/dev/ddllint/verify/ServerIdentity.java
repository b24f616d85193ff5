package dev.ddllint.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Which server instance a connection reaches (host name, port, data directory, and MySQL's server_uuid) and its
 * default database: two URLs that differ in spelling (localhost, 127.0.0.1, a DNS alias) still compare equal.
 */
record ServerIdentity(String instance, String schema) {

    static ServerIdentity of(Connection connection, boolean readOnly) throws SQLException {
        String instance = one(connection, "SELECT CONCAT_WS('|', @@hostname, @@port, @@datadir)", readOnly);
        String uuid;
        try {
            uuid = one(connection, "SELECT @@server_uuid", readOnly);
        } catch (SQLException e) {
            uuid = null; // MariaDB has none
        }
        return new ServerIdentity(instance + "|" + uuid, one(connection, "SELECT DATABASE()", readOnly));
    }

    /** Same instance, and the same database or none named (the scratch database would sit beside the source's). */
    boolean sameServerAndSchema(ServerIdentity source) {
        return instance.equals(source.instance) && (schema == null || Objects.equals(schema, source.schema));
    }

    private static String one(Connection c, String sql, boolean readOnly) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(readOnly ? SourceTables.read(sql) : sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
