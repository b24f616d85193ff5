package dev.ddllint.flyway;

import dev.ddllint.live.JdbcConnections;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SET SESSION lock_wait_timeout} on Flyway's migration connection before each migration, and the old value
 * put back after, so a pooled connection returns to the application as it was. Remembers the old value per
 * connection (by identity: a pool may hand out equal wrappers).
 */
final class SessionLockWaitTimeout {

    private final Map<Connection, Long> previous = new IdentityHashMap<>();

    /** The timeout to set: the configured one; in audit mode only when configured explicitly. */
    static Integer effective(DdlLintOptions options) {
        if (options.mode() == DdlLintOptions.Mode.AUDIT && options.sourceOf(DdlLintOptions.LOCK_WAIT_TIMEOUT) == null) {
            return null;
        }
        return options.lockWaitTimeout();
    }

    /**
     * {@code lockWaitTimeoutSetByRunner} for the analysis: the option when set; else true while the callback
     * sets the timeout itself (then the migrations need not, and {@code missing-lock-wait-timeout} stays quiet);
     * else null, and {@code ddl-lint.yml} decides, as in the CLI and the Maven plugin.
     */
    static Boolean runnerSetsIt(DdlLintOptions options) {
        if (options.lockWaitTimeoutSetByRunner() != null) {
            return options.lockWaitTimeoutSetByRunner();
        }
        return effective(options) != null ? Boolean.TRUE : null;
    }

    /**
     * Sets the timeout. When it cannot be set and {@code failHard} (enforce mode: the analysis silenced
     * {@code missing-lock-wait-timeout} because the callback sets it), stops {@code migrate} before the migration.
     */
    void set(Connection connection, int seconds, boolean failHard) {
        try (Statement s = connection.createStatement()) {
            synchronized (previous) {
                if (!previous.containsKey(connection)) {
                    try (ResultSet rs = s.executeQuery("SELECT @@SESSION.lock_wait_timeout")) {
                        rs.next();
                        previous.put(connection, rs.getLong(1));
                    }
                }
            }
            s.execute("SET SESSION lock_wait_timeout = " + seconds);
            CallbackLog.log().debug("ddl-lint: SET SESSION lock_wait_timeout = " + seconds);
        } catch (SQLException e) {
            String what = "ddl-lint could not SET SESSION lock_wait_timeout = " + seconds + " ("
                    + JdbcConnections.redact(e.getMessage()) + ")";
            if (failHard) {
                throw new FlywayException(what + ", so a DDL of this migration could wait "
                        + "for a metadata lock without bound while every query on its table queues. ddl-lint "
                        + "stops migrate before the migration runs (the analysis counted on this timeout).");
            }
            CallbackLog.log().warn(what + " (audit mode: migrate goes on)");
        }
    }

    void restore(Connection connection) {
        Long old;
        synchronized (previous) {
            old = previous.remove(connection);
        }
        if (old == null || connection == null) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION lock_wait_timeout = " + old);
        } catch (SQLException e) {
            CallbackLog.log().debug("ddl-lint: could not put lock_wait_timeout back to " + old + ": " + e.getMessage());
        }
    }

    /** Whether a connection still has the timeout this class set (not yet put back). */
    boolean changedAny() {
        synchronized (previous) {
            return !previous.isEmpty();
        }
    }

    /** Every value still changed (after the run, or after it failed). */
    void restoreAll() {
        List<Connection> connections;
        synchronized (previous) {
            connections = List.copyOf(previous.keySet());
        }
        connections.forEach(this::restore);
    }
}
