package dev.ddllint.flyway;

import dev.ddllint.live.JdbcConnections;
import dev.ddllint.live.MetadataLockCheck;
import dev.ddllint.model.TableName;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.logging.Log;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Looks, before an ALTER runs, for sessions that hold its tables; in {@code wait} mode looks again until they
 * are gone or the bounded wait is over; then stops {@code migrate} or logs, as {@code mode} and {@code lockCheck}
 * say.
 */
final class LockGuard {

    /** What the guard decided. */
    record Outcome(MetadataLockCheck.Result last, boolean held, long waitedMillis, int checks) {
    }

    /** Sleeps; replaceable in tests. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private LockGuard() {
    }

    /**
     * Looks (and in {@code wait} mode waits) for sessions holding {@code tables}; stops {@code migrate} with a
     * {@link FlywayException} when one does and the options enforce, else logs. It fails closed: a lock check
     * that cannot read the server's tables stops {@code migrate} when enforcing (unless {@code failClosed=false}).
     * Where metadata locks are not visible ({@code performance_schema} OFF, MariaDB's default), the tables a
     * long transaction holds are not known: then, while the callback bounds each DDL's wait with
     * {@code lock_wait_timeout}, those transactions are named in a warning and migrate goes on (a real blocker
     * makes the DDL fail after {@code lock_wait_timeout} seconds, writers queueing at most that long); without
     * that bound they stop it, as a held table would.
     *
     * @param beforeAnything true in {@code beforeMigrate} (nothing applied yet), false before {@code script}
     */
    static void guard(Connection connection, DdlLintOptions options, MigrationGate.Result result, String schema,
                      Set<TableName> tables, boolean beforeAnything, String script, Sleeper sleeper) {
        if (options.lockCheck() == DdlLintOptions.LockCheck.OFF || tables.isEmpty()) {
            return;
        }
        Log log = CallbackLog.log();
        boolean enforce = options.enforces()
                && options.lockCheck() != DdlLintOptions.LockCheck.WARN;
        Outcome outcome;
        try {
            outcome = check(connection, schema, tables, options,
                    enforce && options.lockCheck() == DdlLintOptions.LockCheck.WAIT, sleeper, log::info);
        } catch (SQLException | RuntimeException e) {
            String what = "ddl-lint cannot see who holds the tables of " + (beforeAnything
                    ? "the pending migrations" : script) + " (" + JdbcConnections.redact(
                    e.getMessage()) + ")";
            if (enforce && options.failClosed()) {
                throw new FlywayException(what + ". ddl-lint fails closed, so migrate stops here"
                        + (beforeAnything ? " and nothing was applied" : " before " + script) + ". Grant the "
                        + "migration user PROCESS and SELECT on performance_schema, or set "
                        + options.setting(DdlLintOptions.LOCK_CHECK, "warn") + " to go on with only "
                        + "lock_wait_timeout bounding each DDL's wait.");
            }
            log.warn(what + "; lock_wait_timeout still bounds the wait of each DDL (" + (enforce
                    ? "failClosed=false" : options.mode() == DdlLintOptions.Mode.AUDIT ? "audit mode"
                    : "lockCheck=warn") + ": migrate goes on)");
            return;
        }
        boolean tablesVisible = outcome.last().metadataLocksVisible();
        if (outcome.last().note() != null) {
            if (tablesVisible) {
                log.info("ddl-lint: " + outcome.last().note());
            } else {
                log.warn("ddl-lint: " + outcome.last().note() + ". Not visible: which tables each transaction "
                        + "holds, and sessions holding a table outside an InnoDB transaction (LOCK TABLES, a "
                        + "running non-InnoDB statement). Visible: every InnoDB transaction, its age and statement.");
            }
        }
        if (!outcome.held()) {
            if (outcome.checks() > 1) {
                log.info("ddl-lint: the tables are free after waiting " + outcome.waitedMillis() / 1000 + " s");
            }
            return;
        }
        String message = message(outcome, result.tablesByScript(), options, beforeAnything, script);
        Integer bound = SessionLockWaitTimeout.effective(options);
        if (enforce && !tablesVisible && bound != null) {
            log.warn(message.replaceFirst("^ddl-lint stopped migrate", "ddl-lint does not stop migrate")
                    + "\nThese transactions may not touch these tables at all, so ddl-lint does not stop "
                    + "migrate for them: lock_wait_timeout=" + bound + " bounds each DDL's wait (it fails after "
                    + bound + " s if one of them does hold its table).");
            return;
        }
        if (enforce) {
            throw new FlywayException(message);
        }
        log.warn(message + " (" + (options.mode() == DdlLintOptions.Mode.AUDIT ? "audit mode"
                : "lockCheck=warn") + ": migrate goes on)");
    }

    /**
     * Checks the tables once, or (wait) until they are free or {@code options.lockCheckWait()} has passed. Never
     * waits longer than that bound; an interrupt ends the wait as "still held".
     */
    static Outcome check(Connection connection, String defaultSchema, Collection<TableName> tables,
                         DdlLintOptions options, boolean wait, Sleeper sleeper, Consumer<String> progress)
            throws SQLException {
        long start = System.nanoTime();
        long deadline = start + options.lockCheckWait().toNanos();
        int checks = 0;
        while (true) {
            MetadataLockCheck.Result r = MetadataLockCheck.check(connection, defaultSchema, tables,
                    options.longTransaction());
            checks++;
            long waited = (System.nanoTime() - start) / 1_000_000;
            // Transactions whose tables are not known are not waited for while lock_wait_timeout bounds the DDL.
            boolean waitFor = wait && (r.metadataLocksVisible() || SessionLockWaitTimeout.effective(options) == null);
            if (!r.blocked() || !waitFor) {
                return new Outcome(r, r.blocked(), waited, checks);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Outcome(r, true, waited, checks);
            }
            Duration pause = Duration.ofNanos(Math.min(left, options.lockCheckInterval().toNanos()));
            progress.accept("ddl-lint: " + r.holders().size() + " session(s) hold the tables of the pending "
                    + "migrations; checking again in " + Math.max(1, pause.toSeconds()) + " s (waited "
                    + waited / 1000 + " of " + options.lockCheckWait().toSeconds() + " s)");
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(r, true, (System.nanoTime() - start) / 1_000_000, checks);
            }
        }
    }

    /** The text that names the holders and what to do. */
    static String message(Outcome o, Map<String, Set<TableName>> tablesByScript, DdlLintOptions options,
                          boolean beforeAnything, String currentScript) {
        StringBuilder b = new StringBuilder("ddl-lint stopped migrate ");
        b.append(beforeAnything ? "before it ran anything" : "before " + currentScript).append(": ");
        List<MetadataLockCheck.Holder> holders = o.last().holders();
        boolean tablesKnown = o.last().metadataLocksVisible();
        if (tablesKnown) {
            b.append(holders.size() == 1 ? "another session holds" : holders.size() + " other sessions hold")
                    .append(" a table that ").append(scriptsOf(o.last(), tablesByScript))
                    .append(" changes, so its DDL would wait for the metadata lock while every other query on the ")
                    .append("table queues behind it");
        } else {
            b.append(holders.size() == 1 ? "a long-running transaction" : holders.size()
                    + " long-running transactions").append(" may hold the tables that the pending migrations ")
                    .append("change, and the DDL would wait for it while every other query on them queues");
        }
        if (o.waitedMillis() >= 1000 || o.checks() > 1) {
            b.append(" (still so after waiting ").append(o.waitedMillis() / 1000).append(" s, ").append(o.checks())
                    .append(" checks)");
        }
        b.append(":\n").append(o.last().describe());
        b.append("Let ").append(holders.size() == 1 ? "it" : "them").append(" finish or end ")
                .append(holders.size() == 1 ? "it" : "them").append(" (");
        for (int i = 0; i < holders.size() && i < 5; i++) {
            b.append(i == 0 ? "" : ", ").append("KILL ").append(holders.get(i).connectionId());
        }
        b.append("), then run migrate again. Sessions younger than longTransactionSeconds=")
                .append(options.longTransaction().toSeconds()).append(" are not counted; ")
                .append(options.lockCheck() == DdlLintOptions.LockCheck.WAIT
                        ? "lockCheckWaitSeconds bounds the wait."
                        : options.setting(DdlLintOptions.LOCK_CHECK, "wait") + " waits for them (up to "
                        + options.settingName(DdlLintOptions.LOCK_CHECK_WAIT_SECONDS) + ").");
        if (beforeAnything) {
            b.append(" Nothing of these migrations was applied.");
        }
        return b.toString();
    }

    private static String scriptsOf(MetadataLockCheck.Result r, Map<String, Set<TableName>> tablesByScript) {
        java.util.LinkedHashSet<String> scripts = new java.util.LinkedHashSet<>();
        for (MetadataLockCheck.Holder h : r.holders()) {
            if (h.table() == null) {
                continue;
            }
            String held = h.table().replace("`", "");
            String heldName = held.substring(held.indexOf('.') + 1);
            for (Map.Entry<String, Set<TableName>> e : tablesByScript.entrySet()) {
                for (TableName t : e.getValue()) {
                    if (t.name().equalsIgnoreCase(heldName) && (t.schema() == null
                            || held.equalsIgnoreCase(t.schema() + "." + t.name()))) {
                        scripts.add(e.getKey());
                    }
                }
            }
        }
        return scripts.isEmpty() ? "a pending migration" : String.join(", ", scripts);
    }
}
