package dev.ddllint.live;

import dev.ddllint.testing.TestServers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of its own for one test on a real server ({@code <prefix>_<random>}), dropped on close. Tests never
 * touch any other database, so they can run beside other suites on the same server.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final Pattern URL_DATABASE = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/?]+/)([^?]*)(.*)$");

    private final TestServers.Server server;
    private final String name;

    private ScratchDatabase(TestServers.Server server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates {@code <prefix>_<8 random hex digits>} on the server. */
    public static ScratchDatabase create(TestServers.Server server, String prefix) throws SQLException {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8))
                .toLowerCase(Locale.ROOT);
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "`");
        }
        return new ScratchDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public TestServers.Server server() {
        return server;
    }

    /** The server's JDBC URL with this database as the connection's default database. */
    public String jdbcUrl() {
        Matcher m = URL_DATABASE.matcher(server.jdbcUrl());
        if (!m.matches()) {
            throw new IllegalStateException("cannot put a database into " + TestServers.redact(server.jdbcUrl()));
        }
        return m.group(1) + name + m.group(3);
    }

    /** A new connection whose default database is this one. */
    public Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl());
    }

    /** Runs statements on a fresh connection. */
    public void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }

    @Override
    public String toString() {
        return server + "/" + name;
    }
}
