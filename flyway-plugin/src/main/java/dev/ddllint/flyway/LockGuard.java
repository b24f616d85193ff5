package dev.ddllint.flyway;

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
     * {@link FlywayException} when one does and the options enforce, else logs. A lock check that cannot read
     * the server's tables is only a warning: {@code lock_wait_timeout} still bounds each DDL's wait.
     *
     * @param beforeAnything true in {@code beforeMigrate} (nothing applied yet), false before {@code script}
     */
    static void guard(Connection connection, DdlLintOptions options, MigrationGate.Result result, String schema,
                      Set<TableName> tables, boolean beforeAnything, String script, Sleeper sleeper) {
        if (options.lockCheck() == DdlLintOptions.LockCheck.OFF || tables.isEmpty()) {
            return;
        }
        Log log = CallbackLog.log();
        boolean enforce = options.mode() == DdlLintOptions.Mode.ENFORCE
                && options.lockCheck() != DdlLintOptions.LockCheck.WARN;
        Outcome outcome;
        try {
            outcome = check(connection, schema, tables, options,
                    enforce && options.lockCheck() == DdlLintOptions.LockCheck.WAIT, sleeper, log::info);
        } catch (SQLException | RuntimeException e) {
            log.warn("ddl-lint: cannot see who holds the tables (" + e.getMessage() + "); lock_wait_timeout "
                    + "still bounds the wait of each DDL");
            return;
        }
        if (outcome.last().note() != null) {
            log.info("ddl-lint: " + outcome.last().note());
        }
        if (!outcome.held()) {
            if (outcome.checks() > 1) {
                log.info("ddl-lint: the tables are free after waiting " + outcome.waitedMillis() / 1000 + " s");
            }
            return;
        }
        String message = message(outcome, result.tablesByScript(), options, beforeAnything, script);
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
            if (!r.blocked() || !wait) {
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
