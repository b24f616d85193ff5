package dev.ddllint.verify;

import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.Token;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * A database this process created on a scratch server, and the only place it runs DDL. Every statement goes through
 * {@link #execute}, which checks first that the session's default database is this one, that the statement names no
 * other database that exists on the server ({@code information_schema}, read-only, excepted), and that it is not one that works outside a database (CREATE/DROP
 * DATABASE, USE, GRANT, SET GLOBAL, …). {@link #close()} drops it; a shutdown hook drops it too when the JVM is
 * stopped (Ctrl-C) before that, unless the whole server is thrown away then.
 */
public final class ScratchSchema implements AutoCloseable {

    /** Every scratch database's name starts with this, so one left behind by a killed JVM is recognisable. */
    public static final String PREFIX = "ddl_lint_";
    /** The Verifier's databases: {@code ddl_lint_verify_<UTC time>_<random>}. */
    public static final String VERIFY_PREFIX = PREFIX + "verify_";

    private static final Pattern NAME = Pattern.compile(PREFIX + "[a-z0-9_]{1,48}");
    private static final Pattern VERSIONED_COMMENT = Pattern.compile("/\\*M?!\\d*");
    /** Statement heads that act outside one database (or on the server): never run on a scratch server. */
    private static final Pattern OUTSIDE_A_DATABASE = Pattern.compile("(?is)^\\s*(?:"
            + "(?:CREATE|DROP|ALTER)\\s+(?:DATABASE|SCHEMA|USER|ROLE|SERVER|TABLESPACE|LOGFILE|EVENT)\\b"
            + "|RENAME\\s+USER\\b|USE\\b|GRANT\\b|REVOKE\\b|FLUSH\\b|KILL\\b|SHUTDOWN\\b|RESTART\\b|INSTALL\\b"
            + "|UNINSTALL\\b|RESET\\b|PURGE\\b|CHANGE\\s+(?:MASTER|REPLICATION)\\b|START\\s+(?:SLAVE|REPLICA)\\b"
            + "|STOP\\s+(?:SLAVE|REPLICA)\\b|LOAD\\b|CLONE\\b|SET\\s+(?:GLOBAL|PERSIST|PERSIST_ONLY|PASSWORD|ROLE)\\b"
            + "|SET\\s+DEFAULT\\s+ROLE\\b|CALL\\b|HANDLER\\b|LOCK\\s+TABLES?\\b|IMPORT\\b|BINLOG\\b|XA\\b)");
    private static final Pattern GLOBAL_VARIABLE = Pattern.compile("(?i)@@(?:GLOBAL|PERSIST|PERSIST_ONLY)\\s*\\.");
    private static final Pattern INTO_FILE = Pattern.compile("(?i)\\bINTO\\s+(?:OUTFILE|DUMPFILE)\\b");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);

    /** A statement the scratch schema refuses to run; nothing was executed. */
    public static final class UnsafeStatementException extends Exception {
        public UnsafeStatementException(String message) {
            super(message);
        }
    }

    /** Opens another connection to the scratch server (for the shutdown hook while the first one is busy). */
    @FunctionalInterface
    public interface Reconnect {
        Connection open() throws SQLException;
    }

    private final Connection connection;
    private final String name;
    private final Reconnect reconnect;
    private final ReentrantLock lock = new ReentrantLock();
    private final Thread dropOnExit;
    private Set<String> otherDatabases = Set.of();
    private volatile boolean dropped;

    private ScratchSchema(Connection connection, String name, Reconnect reconnect, boolean hook)
            throws SQLException {
        this.connection = connection;
        this.name = name;
        this.reconnect = reconnect;
        try (Statement s = connection.createStatement()) {
            // No IF NOT EXISTS: when the name is taken, the database is not ours and nothing runs in it.
            s.execute("CREATE DATABASE `" + name + "`");
            s.execute("USE `" + name + "`");
        }
        this.dropOnExit = hook ? new Thread(this::dropOnShutdown, "ddl-lint drop " + name) : null;
        if (this.dropOnExit != null) {
            Runtime.getRuntime().addShutdownHook(this.dropOnExit);
        }
        refreshOtherDatabases();
    }

    /** Creates {@code ddl_lint_verify_<UTC time>_<random>} and makes it the session's default database. */
    public static ScratchSchema create(Connection connection, Reconnect reconnect) throws SQLException {
        return create(connection, reconnect, true);
    }

    /**
     * As {@link #create(Connection, Reconnect)}; {@code dropOnExit} false leaves out the shutdown hook, for a server
     * thrown away whole when the JVM stops (a container ddl-lint started), where a drop would race its stop.
     */
    public static ScratchSchema create(Connection connection, Reconnect reconnect, boolean dropOnExit)
            throws SQLException {
        String random = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        String name = VERIFY_PREFIX + ZonedDateTime.now(ZoneOffset.UTC).format(TIME) + "_"
                + random.substring(0, Math.min(6, random.length()));
        checkName(name);
        return new ScratchSchema(connection, name, reconnect, dropOnExit);
    }

    /**
     * Creates the database {@code name} (which must start with {@value #PREFIX}: lower-case letters, digits and
     * underscores) and makes it the session's default; fails when it exists already.
     *
     * @param reconnect another connection for the shutdown hook's drop while {@code connection} runs a statement,
     *                  or null (then the hook waits up to 10 s for the statement and names what is left behind)
     */
    public static ScratchSchema create(Connection connection, String name, Reconnect reconnect) throws SQLException {
        checkName(name);
        return new ScratchSchema(connection, name, reconnect, true);
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a scratch database name: " + name);
        }
    }

    /** Whether a shutdown hook drops it when the JVM is stopped before {@link #close()}. */
    boolean dropsOnExit() {
        return dropOnExit != null;
    }

    public String name() {
        return name;
    }

    public Connection connection() {
        return connection;
    }

    /** Drops and creates the database again (empty), as the default database. */
    public void recreate() throws SQLException {
        lock.lock();
        try (Statement s = connection.createStatement()) {
            checkOpen();
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            s.execute("CREATE DATABASE `" + name + "`");
            s.execute("USE `" + name + "`");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code sql} after {@link #check}; returns {@link Statement#execute}'s answer (true: a result set).
     */
    public boolean execute(Statement statement, String sql) throws SQLException, UnsafeStatementException {
        lock.lock();
        try {
            checkOpen();
            check(sql);
            return statement.execute(sql);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses {@code sql} unless it can only touch this database: the session's default database is this one, the
     * statement names no other existing database ({@code other.t}, {@code `other`.`t`}), and it is not a statement
     * that acts outside a database or on the server.
     */
    public void check(String sql) throws SQLException, UnsafeStatementException {
        String visible = VERSIONED_COMMENT.matcher(sql).replaceAll(" "); // the server runs what /*! … */ holds
        if (OUTSIDE_A_DATABASE.matcher(visible).find() || GLOBAL_VARIABLE.matcher(visible).find()
                || INTO_FILE.matcher(visible).find()) {
            throw new UnsafeStatementException("refused in scratch database " + name
                    + ": the statement acts outside one database: " + abbreviate(sql));
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            String current = rs.next() ? rs.getString(1) : null;
            if (!name.equals(current)) {
                throw new UnsafeStatementException("refused: the session's database is " + current
                        + ", not the scratch database " + name + ": " + abbreviate(sql));
            }
        }
        Set<String> qualifiers = qualifiers(visible);
        qualifiers.remove(name.toLowerCase(Locale.ROOT));
        qualifiers.remove("information_schema"); // read-only views: a guard's IF(…) may ask them
        if (qualifiers.isEmpty()) {
            return;
        }
        if (!otherDatabases.containsAll(qualifiers)) {
            refreshOtherDatabases(); // a database made since: look again before deciding
        }
        for (String q : qualifiers) {
            if (otherDatabases.contains(q)) {
                throw new UnsafeStatementException("refused in scratch database " + name + ": the statement names "
                        + "database `" + q + "`, which ddl-lint did not create: " + abbreviate(sql));
            }
        }
    }

    /** The lower-cased names written before a dot ({@code a.b}, {@code `a`.b}): databases or table qualifiers. */
    static Set<String> qualifiers(String sql) {
        Set<String> out = new HashSet<>();
        List<Token> tokens = SqlLexer.tokenize(sql);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() == Token.Type.WORD && t.text().indexOf('.') > 0) {
                out.add(t.text().substring(0, t.text().indexOf('.')).toLowerCase(Locale.ROOT)); // 1db.t lexes as one
            }
            if (t.isName() && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(".")) {
                out.add(t.value().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private void refreshOtherDatabases() throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW DATABASES")) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        names.addAll(List.of("mysql", "performance_schema", "sys"));
        names.remove(name.toLowerCase(Locale.ROOT));
        otherDatabases = names;
    }

    private void checkOpen() {
        if (dropped) {
            throw new IllegalStateException("scratch database " + name + " was dropped");
        }
    }

    private static String abbreviate(String sql) {
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() <= 200 ? one : one.substring(0, 200) + "…";
    }

    /** Drops the database (a shutdown hook does it too when the JVM is stopped before this). */
    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            drop(connection);
        } finally {
            lock.unlock();
            try {
                if (dropOnExit != null) {
                    Runtime.getRuntime().removeShutdownHook(dropOnExit);
                }
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running or has run
            }
        }
    }

    private void drop(Connection c) throws SQLException {
        if (dropped) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            dropped = true;
        }
    }

    /** The shutdown hook: never waits for ever (a JVM stopped with Ctrl-C must end). */
    private void dropOnShutdown() {
        try {
            if (lock.tryLock(reconnect == null ? 10 : 1, TimeUnit.SECONDS)) {
                try {
                    drop(connection);
                } finally {
                    lock.unlock();
                }
                return;
            }
            if (reconnect != null) {
                try (Connection c = reconnect.open(); Statement s = c.createStatement()) {
                    s.execute("SET SESSION lock_wait_timeout = 10");
                    drop(c);
                }
                return;
            }
            System.err.println("ddl-lint: scratch database " + name + " is busy; drop it by hand");
        } catch (SQLException | RuntimeException e) {
            System.err.println("ddl-lint: could not drop scratch database " + name + " (drop it by hand): "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
