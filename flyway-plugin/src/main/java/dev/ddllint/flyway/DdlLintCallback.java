package dev.ddllint.flyway;

import dev.ddllint.live.TableStatistics;
import dev.ddllint.model.TableName;
import dev.ddllint.rules.Severity;
import dev.ddllint.run.LintFailure;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.logging.Log;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A Flyway callback that checks every pending migration with ddl-lint before the first one runs, and stops
 * {@code migrate} (with a {@link FlywayException} naming file, line, rule and the safe alternative) when one would
 * not run online, or when another session holds a table the migrations change. Before each migration it sets
 * {@code SET SESSION lock_wait_timeout} on Flyway's migration connection, and puts the old value back after.
 *
 * <p>Register it with {@code flyway.callbacks=dev.ddllint.flyway.DdlLintCallback}, with
 * {@code Flyway.configure().callbacks(DdlLintCallback.builder()….build())}, or as a Spring bean made by
 * {@link DdlLintCallbackBuilder#buildCallback()} (the adapter for the Flyway on the classpath, see
 * {@link FlywayCallbackShape}), or through the Spring Boot starter. Options: see {@link DdlLintOptions}.
 *
 * <p>This class dispatches Flyway's events; the parts live elsewhere: the options' sources in
 * {@link OptionLayers}, the check in {@link MigrationGate} (over the core's {@code LintRun}), the SQL as Flyway
 * runs it in {@link PlaceholderSettings}, the held-table check in {@link LockGuard}, the session setting in
 * {@link SessionLockWaitTimeout}.
 *
 * <p>A statement after {@code -- ddl-lint:run-with pt-online-schema-change} is run by pt-online-schema-change
 * instead of by Flyway ({@link ShadowTableRuns}): its preconditions are checked with the rest in BEFORE_MIGRATE,
 * and when Flyway reaches it (BEFORE_EACH_MIGRATE_STATEMENT) the tool runs and Flyway skips the statement.
 *
 * <p>Why BEFORE_MIGRATE: all pending migrations are checked together before the first runs, so a deploy is
 * never half applied because its third migration was unsafe, and the unsafe one gets no row in
 * {@code flyway_schema_history}.
 */
public class DdlLintCallback implements Callback {

    /** A migration starting this soon after the check in BEFORE_MIGRATE is not checked for held tables again. */
    private static final Duration RECHECK_AFTER = Duration.ofSeconds(2);

    private final Map<String, String> explicit;
    private final Function<String, String> settingNames;
    /** Each finding logged on its own, the exception with the summary only (see the builder's logFindings). */
    private final boolean findingsInLog;
    private final SessionLockWaitTimeout lockWaitTimeout = new SessionLockWaitTimeout();
    private final LockGuard.Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private volatile Run run;
    /** The script of the migration running now (BEFORE_EACH_MIGRATE to AFTER_EACH_MIGRATE). */
    private volatile String currentScript;
    /** The version of the migration that failed, for AFTER_MIGRATE_ERROR. */
    private volatile String failedVersion;

    /** State of one {@code migrate}, from BEFORE_MIGRATE to AFTER_MIGRATE. */
    private record Run(DdlLintOptions options, MigrationGate.Result result, String defaultSchema,
                       long checkedAtNanos, ShadowTableRuns shadow) {
    }

    /** Options from Flyway's configuration, system properties, environment and defaults. */
    public DdlLintCallback() {
        this(Map.of(), DdlLintOptions.FLYWAY_SETTING_NAMES);
    }

    DdlLintCallback(Map<String, String> explicit) {
        this(explicit, DdlLintOptions.FLYWAY_SETTING_NAMES);
    }

    DdlLintCallback(Map<String, String> explicit, Function<String, String> settingNames) {
        this(explicit, settingNames, false);
    }

    DdlLintCallback(Map<String, String> explicit, Function<String, String> settingNames, boolean findingsInLog) {
        this.explicit = Map.copyOf(explicit);
        this.settingNames = settingNames;
        this.findingsInLog = findingsInLog;
        OptionLayers.validate(this.explicit); // fail now on a bad value
    }

    public static DdlLintCallbackBuilder builder() {
        return new DdlLintCallbackBuilder();
    }

    @Override
    public boolean supports(Event event, Context context) {
        if (event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR) {
            // Flyway opens a connection of its own (a login) for an event some callback supports, asking just
            // before it: so only when there is something left to put back or clean up (docs/benchmarks.md).
            Run r = run;
            return lockWaitTimeout.changedAny()
                    || event == Event.AFTER_MIGRATE_ERROR && failedVersion != null && r != null && r.shadow() != null;
        }
        return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_EACH_MIGRATE
                || event == Event.BEFORE_EACH_MIGRATE_STATEMENT
                || event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "ddl-lint";
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_MIGRATE) {
            beforeMigrate(context);
        } else if (event == Event.BEFORE_EACH_MIGRATE) {
            beforeEachMigrate(context);
        } else if (event == Event.BEFORE_EACH_MIGRATE_STATEMENT) {
            beforeEachStatement(context);
        } else if (event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR) {
            lockWaitTimeout.restore(context.getConnection());
            String script = currentScript;
            currentScript = null;
            if (event == Event.AFTER_EACH_MIGRATE_ERROR && context.getMigrationInfo() != null
                    && context.getMigrationInfo().getVersion() != null) {
                failedVersion = context.getMigrationInfo().getVersion().getVersion();
            }
            Run r = run;
            if (event == Event.AFTER_EACH_MIGRATE && r != null && r.shadow() != null
                    && !r.shadow().untaken(script).isEmpty()) {
                // Last resort, should Flyway's statements not match ddl-lint's: say so instead of passing quietly.
                ShadowTableRuns.Marked m = r.shadow().untaken(script).get(0);
                throw new FlywayException("ddl-lint: " + m.script() + ":" + m.line() + " is marked ddl-lint:run-with "
                        + "pt-online-schema-change, but Flyway never showed ddl-lint that statement: Flyway ran it on "
                        + "its own connection. Check the table, and report the migration to ddl-lint.");
            }
        } else if (event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR) {
            Run r = run;
            if (event == Event.AFTER_MIGRATE_ERROR && r != null && r.shadow() != null && failedVersion != null) {
                String done = r.shadow().forgetFailedVersion(context.getConfiguration(), context.getConnection(),
                        failedVersion);
                if (done != null) {
                    log().warn(done);
                }
            }
            failedVersion = null;
            lockWaitTimeout.restoreAll();
            run = null;
        }
    }

    /** The options for this {@code migrate}: the builder's, then Flyway's configuration, system, environment. */
    DdlLintOptions options(Configuration configuration) {
        return OptionLayers.resolve(explicit, configuration, settingNames);
    }

    // ------------------------------------------------------------------------------------------ BEFORE_MIGRATE

    private void beforeMigrate(Context context) {
        // AFTER_MIGRATE may not have run for the last migrate (nothing to clean up then): start afresh.
        failedVersion = null;
        currentScript = null;
        DdlLintOptions options = options(context.getConfiguration());
        run = new Run(options, null, null, 0, null);
        if (options.mode() == DdlLintOptions.Mode.OFF) {
            log().info("ddl-lint: off (mode=off)");
            return;
        }
        boolean enforce = options.enforces();
        Connection connection = context.getConnection();
        MigrationGate.Result result;
        try {
            Configuration flyway = context.getConfiguration();
            List<MigrationInfo> infos = PendingMigrations.list(flyway, connection);
            if (infos.isEmpty()) {
                log().info("ddl-lint: no pending migration");
                return;
            }
            List<PendingMigrations.Pending> pending = PendingMigrations.read(flyway, infos);
            result = MigrationGate.check(connection, pending, options, PlaceholderSettings.of(flyway),
                    flyway.getClassLoader(), SessionLockWaitTimeout.runnerSetsIt(options));
        } catch (Exception | LinkageError e) {
            // Everything here is ddl-lint's own work (the nested info() included): fail closed or go on unchecked.
            String what = "ddl-lint could not check the pending migrations: " + describe(e);
            if (enforce && options.failClosed()) {
                throw new FlywayException(what + "\nddl-lint fails closed, so migrate stops here and nothing was "
                        + "applied. Set " + options.setting(DdlLintOptions.FAIL_CLOSED, "false") + " to migrate unchecked "
                        + "when ddl-lint itself fails.", e);
            }
            log().warn(what + " (" + (enforce ? "failClosed=false" : "audit mode") + ": migrate goes on unchecked)");
            return;
        }
        String schema = result.facts().currentSchema();
        run = new Run(options, result, schema, System.nanoTime(), null);
        logResult(options, result);
        if (findingsInLog) {
            logEachFinding(result, enforce);
            if (result.blocked() && enforce) {
                throw new FlywayException(MigrationGate.blockedSummary(result, options));
            }
        } else if (result.blocked()) {
            if (enforce) {
                throw new FlywayException(MigrationGate.blockedMessage(result, options));
            }
            log().warn("ddl-lint (audit mode: migrate goes on) found " + result.blocking().size()
                    + " finding(s) that would stop it:\n" + MigrationGate.findingsText(result));
        } else if (!result.report().findings().isEmpty()) {
            String text = "ddl-lint findings below failOn " + result.failOn().id() + ":\n"
                    + MigrationGate.findingsText(result);
            if (result.report().findings().stream().anyMatch(f -> f.severity().atLeast(Severity.WARNING))) {
                log().warn(text);
            } else {
                log().info(text);
            }
        }
        if (options.mode() == DdlLintOptions.Mode.VERIFY) {
            log().info(ScratchVerification.run(connection, result, options));
        }
        ShadowTableRuns shadow = shadowTableRuns(connection, result, enforce);
        LockGuard.guard(connection, options, result, schema, result.allTables(), true, null, sleeper);
        run = new Run(options, result, schema, System.nanoTime(), shadow); // the tables were free just now
    }

    /** The run-with statements, checked; in enforce mode one that cannot be run by its tool stops migrate. */
    private static ShadowTableRuns shadowTableRuns(Connection connection, MigrationGate.Result result,
                                                   boolean enforce) {
        List<String> problems = new java.util.ArrayList<>();
        ShadowTableRuns shadow = ShadowTableRuns.check(connection, result, problems);
        if (!problems.isEmpty()) {
            String text = String.join("\n", problems);
            if (enforce) {
                throw new FlywayException("ddl-lint stopped migrate before it ran anything: statements marked "
                        + "ddl-lint:run-with cannot be run by their tool:\n" + text + "\nNothing of these migrations "
                        + "was applied.");
            }
            log().warn("ddl-lint (audit mode: migrate goes on, Flyway runs these statements itself): " + text);
        }
        for (ShadowTableRuns.Marked m : shadow.all()) {
            log().info("ddl-lint: " + m.script() + ":" + m.line() + " will run with pt-online-schema-change ("
                    + m.check().database() + "." + m.check().table() + ")");
        }
        return shadow;
    }

    /** One log event per finding: error for those that stop migrate, warn for the rest at warning, else info. */
    private static void logEachFinding(MigrationGate.Result result, boolean enforce) {
        List<dev.ddllint.rules.Finding> findings = result.report().findings();
        List<String> texts = MigrationGate.findingTexts(result, findings);
        for (int i = 0; i < findings.size(); i++) {
            dev.ddllint.rules.Finding f = findings.get(i);
            boolean blocking = result.blocking().contains(f);
            if (blocking && enforce) {
                log().error(texts.get(i));
            } else if (blocking) {
                log().warn("(audit mode: migrate goes on) " + texts.get(i));
            } else if (f.severity().atLeast(Severity.WARNING)) {
                log().warn(texts.get(i));
            } else {
                log().info(texts.get(i));
            }
        }
    }

    private static void logResult(DdlLintOptions options, MigrationGate.Result result) {
        log().info("ddl-lint: " + options.describe() + "; server " + result.facts().describe());
        for (String note : result.notes()) {
            log().info("ddl-lint: " + note);
        }
        for (TableStatistics s : result.statistics().values()) {
            log().info("ddl-lint: table " + s.describe());
        }
        log().info(MigrationGate.summary(result));
    }

    // ------------------------------------------------------------------------------------- BEFORE_EACH_MIGRATE

    private void beforeEachMigrate(Context context) {
        Run r = run;
        if (r == null || r.options().mode() == DdlLintOptions.Mode.OFF) {
            return;
        }
        Connection connection = context.getConnection();
        Integer timeout = SessionLockWaitTimeout.effective(r.options());
        if (timeout != null) {
            lockWaitTimeout.set(connection, timeout, r.options().enforces());
        }
        MigrationInfo info = context.getMigrationInfo();
        currentScript = info == null ? null : info.getScript();
        if (r.result() == null || info == null || info.getScript() == null) {
            return;
        }
        Set<TableName> tables = r.result().tablesByScript().get(info.getScript());
        // Just checked in BEFORE_MIGRATE: no need to look again for the first migration.
        boolean fresh = System.nanoTime() - r.checkedAtNanos() < RECHECK_AFTER.toNanos();
        if (tables != null && !tables.isEmpty() && !fresh) {
            LockGuard.guard(connection, r.options(), r.result(), r.defaultSchema(), tables, false, info.getScript(),
                    sleeper);
        }
    }

    /**
     * A statement marked run-with: pt-online-schema-change runs it, then Flyway is told to skip it (its
     * FlywayBlockStatementExecutionException does exactly that); a failed run fails the migration.
     */
    private void beforeEachStatement(Context context) {
        Run r = run;
        if (r == null || r.shadow() == null || r.shadow().isEmpty() || context.getStatement() == null) {
            return;
        }
        ShadowTableRuns.Marked m = r.shadow().take(currentScript, context.getStatement().getSql());
        if (m == null) {
            return;
        }
        if (!FlywayStatementSkip.available(DdlLintCallback.class.getClassLoader())) {
            // Flyway 9 cannot skip a statement from a callback: it would run the ALTER again after pt-osc.
            throw new FlywayException("ddl-lint: " + m.script() + ":" + m.line() + ": run-with "
                    + "pt-online-schema-change needs Flyway 10 or later (this Flyway cannot skip the statement); "
                    + "nothing was run");
        }
        r.shadow().run(m, context.getConfiguration(), context.getConnection(), line -> log().info(line));
        String done = "ddl-lint: run by pt-online-schema-change (" + m.script() + ":" + m.line() + ")";
        // The same constructor in Flyway 10 to 13.
        throw FlywayStatementSkip.skip(done);
    }

    /**
     * The error and where it happened (for a linkage error, the place names the clashing library). ddl-lint's own
     * failures already name the file, line or value.
     */
    static String describe(Throwable e) {
        if (e instanceof LintFailure) {
            return e.getMessage();
        }
        StackTraceElement[] trace = e.getStackTrace();
        return e + (trace.length == 0 ? "" : " (at " + trace[0] + ")");
    }

    private static Log log() {
        return CallbackLog.log();
    }
}
