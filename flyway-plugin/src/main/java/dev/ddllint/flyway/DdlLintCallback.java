package dev.ddllint.flyway;

import dev.ddllint.live.TableStatistics;
import dev.ddllint.model.TableName;
import dev.ddllint.rules.Severity;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Flyway callback that checks every pending migration with ddl-lint before the first one runs, and stops
 * {@code migrate} (with a {@link FlywayException} naming file, line, rule and the safe alternative) when one would
 * not run online, or when another session holds a table the migrations change. Before each migration it sets
 * {@code SET SESSION lock_wait_timeout} on Flyway's migration connection, and puts the old value back after.
 *
 * <p>Register it with {@code flyway.callbacks=dev.ddllint.flyway.DdlLintCallback}, with
 * {@code Flyway.configure().callbacks(DdlLintCallback.builder()….build())}, or as a Spring bean. Options: see
 * {@link DdlLintOptions}.
 *
 * <p>Why BEFORE_MIGRATE: all pending migrations are checked together before the first runs, so a deploy is
 * never half applied because its third migration was unsafe, and the unsafe one gets no row in
 * {@code flyway_schema_history}.
 */
public class DdlLintCallback implements Callback {

    private final Map<String, String> explicit;
    private final Map<Connection, Long> changedTimeouts = new IdentityHashMap<>();
    private volatile Run run;
    private final LockGuard.Sleeper sleeper = d -> Thread.sleep(d.toMillis());

    /** State of one {@code migrate}, from BEFORE_MIGRATE to AFTER_MIGRATE. */
    private record Run(DdlLintOptions options, MigrationGate.Result result, String defaultSchema,
                       long checkedAtNanos) {
    }

    /** Options from Flyway's configuration, system properties, environment and defaults. */
    public DdlLintCallback() {
        this(Map.of());
    }

    private DdlLintCallback(Map<String, String> explicit) {
        this.explicit = Map.copyOf(explicit);
        DdlLintOptions.resolve(Map.of("builder", this.explicit)); // fail now on a bad value
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR
                || event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR;
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
        } else if (event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR) {
            restoreLockWaitTimeout(context.getConnection());
        } else if (event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR) {
            restoreAll();
            run = null;
        }
    }

    // ------------------------------------------------------------------------------------------ BEFORE_MIGRATE

    private void beforeMigrate(Context context) {
        DdlLintOptions options = options(context.getConfiguration());
        run = new Run(options, null, null, 0);
        if (options.mode() == DdlLintOptions.Mode.OFF) {
            log().info("ddl-lint: off (mode=off)");
            return;
        }
        boolean enforce = options.mode() == DdlLintOptions.Mode.ENFORCE;
        Connection connection = context.getConnection();
        MigrationGate.Result result;
        try {
            Configuration flyway = context.getConfiguration();
            List<MigrationInfo> infos = PendingMigrations.list(flyway);
            if (infos.isEmpty()) {
                log().info("ddl-lint: no pending migration");
                return;
            }
            List<PendingMigrations.Pending> pending = PendingMigrations.read(flyway, infos);
            result = MigrationGate.check(connection, pending, options, placeholderSettings(flyway),
                    flyway.getClassLoader(), effectiveLockWaitTimeout(options) != null);
        } catch (Exception | LinkageError e) {
            // Everything here is ddl-lint's own work (the nested info() included): fail closed or go on unchecked.
            String what = "ddl-lint could not check the pending migrations: " + describe(e);
            if (enforce && options.failClosed()) {
                throw new FlywayException(what + "\nddl-lint fails closed, so migrate stops here and nothing was "
                        + "applied. Set flyway.plugins.ddllint.failClosed=false to migrate unchecked when ddl-lint "
                        + "itself fails.", e);
            }
            log().warn(what + " (" + (enforce ? "failClosed=false" : "audit mode") + ": migrate goes on unchecked)");
            return;
        }
        String schema = result.facts().currentSchema();
        run = new Run(options, result, schema, System.nanoTime());
        log().info("ddl-lint: " + options.describe() + "; server " + result.facts().describe());
        for (String note : result.notes()) {
            log().info("ddl-lint: " + note);
        }
        for (TableStatistics s : result.statistics().values()) {
            log().info("ddl-lint: table " + s.describe());
        }
        log().info(MigrationGate.summary(result));
        if (result.blocked()) {
            if (enforce) {
                throw new FlywayException(MigrationGate.blockedMessage(result));
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
        guardLocks(connection, options, result, schema, result.allTables(), true, null);
        run = new Run(options, result, schema, System.nanoTime()); // the tables were free just now
    }

    // ------------------------------------------------------------------------------------- BEFORE_EACH_MIGRATE

    private void beforeEachMigrate(Context context) {
        Run r = run;
        if (r == null || r.options().mode() == DdlLintOptions.Mode.OFF) {
            return;
        }
        Connection connection = context.getConnection();
        Integer timeout = effectiveLockWaitTimeout(r.options());
        if (timeout != null) {
            setLockWaitTimeout(connection, timeout);
        }
        MigrationInfo info = context.getMigrationInfo();
        if (r.result() == null || info == null || info.getScript() == null) {
            return;
        }
        Set<TableName> tables = r.result().tablesByScript().get(info.getScript());
        // Just checked in BEFORE_MIGRATE: no need to look again for the first migration.
        boolean fresh = System.nanoTime() - r.checkedAtNanos() < Duration.ofSeconds(2).toNanos();
        if (tables != null && !tables.isEmpty() && !fresh) {
            guardLocks(connection, r.options(), r.result(), r.defaultSchema(), tables, false, info.getScript());
        }
    }

    private void guardLocks(Connection connection, DdlLintOptions options, MigrationGate.Result result,
                            String schema, Set<TableName> tables, boolean beforeAnything, String script) {
        if (options.lockCheck() == DdlLintOptions.LockCheck.OFF || tables.isEmpty()) {
            return;
        }
        boolean enforce = options.mode() == DdlLintOptions.Mode.ENFORCE
                && options.lockCheck() != DdlLintOptions.LockCheck.WARN;
        LockGuard.Outcome outcome;
        try {
            outcome = LockGuard.check(connection, schema, tables, options,
                    enforce && options.lockCheck() == DdlLintOptions.LockCheck.WAIT, sleeper, m -> log().info(m));
        } catch (SQLException | RuntimeException e) {
            log().warn("ddl-lint: cannot see who holds the tables (" + e.getMessage() + "); lock_wait_timeout "
                    + "still bounds the wait of each DDL");
            return;
        }
        if (outcome.last().note() != null) {
            log().info("ddl-lint: " + outcome.last().note());
        }
        if (!outcome.held()) {
            if (outcome.checks() > 1) {
                log().info("ddl-lint: the tables are free after waiting " + outcome.waitedMillis() / 1000 + " s");
            }
            return;
        }
        String message = LockGuard.message(outcome, result.tablesByScript(), options, beforeAnything, script);
        if (enforce) {
            throw new FlywayException(message);
        }
        log().warn(message + " (" + (options.mode() == DdlLintOptions.Mode.AUDIT ? "audit mode"
                : "lockCheck=warn") + ": migrate goes on)");
    }

    // ---------------------------------------------------------------------------------------- lock_wait_timeout

    /** The timeout to set: the configured one; in audit mode only when configured explicitly. */
    static Integer effectiveLockWaitTimeout(DdlLintOptions options) {
        if (options.mode() == DdlLintOptions.Mode.AUDIT && options.sourceOf(DdlLintOptions.LOCK_WAIT_TIMEOUT) == null) {
            return null;
        }
        return options.lockWaitTimeout();
    }

    private void setLockWaitTimeout(Connection connection, int seconds) {
        try (Statement s = connection.createStatement()) {
            synchronized (changedTimeouts) {
                if (!changedTimeouts.containsKey(connection)) {
                    try (ResultSet rs = s.executeQuery("SELECT @@SESSION.lock_wait_timeout")) {
                        rs.next();
                        changedTimeouts.put(connection, rs.getLong(1));
                    }
                }
            }
            s.execute("SET SESSION lock_wait_timeout = " + seconds);
            log().debug("ddl-lint: SET SESSION lock_wait_timeout = " + seconds);
        } catch (SQLException e) {
            log().warn("ddl-lint: could not SET SESSION lock_wait_timeout = " + seconds + ": " + e.getMessage());
        }
    }

    private void restoreLockWaitTimeout(Connection connection) {
        Long old;
        synchronized (changedTimeouts) {
            old = changedTimeouts.remove(connection);
        }
        if (old == null || connection == null) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION lock_wait_timeout = " + old);
        } catch (SQLException e) {
            log().debug("ddl-lint: could not put lock_wait_timeout back to " + old + ": " + e.getMessage());
        }
    }

    private void restoreAll() {
        List<Connection> connections;
        synchronized (changedTimeouts) {
            connections = List.copyOf(changedTimeouts.keySet());
        }
        connections.forEach(this::restoreLockWaitTimeout);
    }

    // ------------------------------------------------------------------------------------------------- options

    DdlLintOptions options(Configuration configuration) {
        Map<String, Map<String, String>> layers = new LinkedHashMap<>();
        layers.put("builder", explicit);
        layers.put("Flyway configuration flyway.plugins.ddllint", flywayValues(configuration));
        layers.put("system property ddllint", systemValues());
        layers.put("environment DDLLINT_", environmentValues());
        try {
            return DdlLintOptions.resolve(layers);
        } catch (IllegalArgumentException e) {
            throw new FlywayException(e.getMessage());
        }
    }

    static Map<String, String> flywayValues(Configuration configuration) {
        DdlLintConfigurationExtension ext = null;
        try {
            ext = configuration.getConfigurationExtension(DdlLintConfigurationExtension.class);
        } catch (LinkageError | RuntimeException e) {
            // Flyway 10 has no getConfigurationExtension: ask its plugin register
            try {
                Object register = configuration.getClass().getMethod("getPluginRegister").invoke(configuration);
                Object plugin = register.getClass().getMethod("getPlugin", Class.class)
                        .invoke(register, DdlLintConfigurationExtension.class);
                ext = plugin instanceof DdlLintConfigurationExtension d ? d : null;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
                ext = null;
            }
        }
        return ext == null ? Map.of() : ext.values();
    }

    private static Map<String, String> systemValues() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : DdlLintOptions.KEYS) {
            String v = System.getProperty("ddllint." + key);
            if (v != null) {
                m.put(key, v);
            }
        }
        return m;
    }

    private static Map<String, String> environmentValues() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : DdlLintOptions.KEYS) {
            String v = System.getenv(DdlLintOptions.environmentVariable(key));
            if (v != null) {
                m.put(key, v);
            }
        }
        return m;
    }

    private static MigrationGate.PlaceholderSettings placeholderSettings(Configuration c) {
        String defaultSchema = c.getDefaultSchema();
        if (defaultSchema == null && c.getSchemas() != null && c.getSchemas().length > 0) {
            defaultSchema = c.getSchemas()[0];
        }
        Map<String, String> values = c.getPlaceholders() == null ? Map.of() : c.getPlaceholders();
        return new MigrationGate.PlaceholderSettings(c.isPlaceholderReplacement(), c.getPlaceholderPrefix(),
                c.getPlaceholderSuffix(), separator(c), values, defaultSchema, c.getTable());
    }

    private static String separator(Configuration c) {
        try {
            return c.getPlaceholderSeparator();
        } catch (LinkageError | RuntimeException e) {
            return ":";
        }
    }

    /** The error and where it happened (for a linkage error, the place names the clashing library). */
    static String describe(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e + (trace.length == 0 ? "" : " (at " + trace[0] + ")");
    }

    private static Log log() {
        return LogFactory.getLog(DdlLintCallback.class);
    }

    // ------------------------------------------------------------------------------------------------- builder

    /** Options set in code; they win over every other source. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();

        private Builder() {
        }

        /** Any option by its key (see {@link DdlLintOptions#KEYS}). */
        public Builder option(String key, String value) {
            String k = DdlLintOptions.canonicalKey(key);
            if (k == null) {
                throw new IllegalArgumentException("unknown ddl-lint option '" + key + "' (known: "
                        + String.join(", ", DdlLintOptions.KEYS) + ")");
            }
            values.put(k, value);
            return this;
        }

        public Builder mode(DdlLintOptions.Mode mode) {
            return option(DdlLintOptions.MODE, mode.name());
        }

        /** The ddl-lint.yml to read. */
        public Builder configFile(Path file) {
            return option(DdlLintOptions.CONFIG_FILE, file.toString());
        }

        /** A path, or {@code classpath:name}. */
        public Builder configFile(String file) {
            return option(DdlLintOptions.CONFIG_FILE, file);
        }

        /** {@code mysql:8.0.35}: check for this server instead of the live one's version. */
        public Builder target(String target) {
            return option(DdlLintOptions.TARGET, target);
        }

        /** error | warning | info | never. */
        public Builder failOn(String level) {
            return option(DdlLintOptions.FAIL_ON, level);
        }

        /** {@code SET SESSION lock_wait_timeout = seconds} before each migration (default 5). */
        public Builder lockWaitTimeout(int seconds) {
            return option(DdlLintOptions.LOCK_WAIT_TIMEOUT, Integer.toString(seconds));
        }

        /** Leave the migration connection's lock_wait_timeout alone. */
        public Builder noLockWaitTimeout() {
            return option(DdlLintOptions.LOCK_WAIT_TIMEOUT, "off");
        }

        public Builder lockCheck(DdlLintOptions.LockCheck lockCheck) {
            return option(DdlLintOptions.LOCK_CHECK, lockCheck.name());
        }

        /** Upper bound of the wait in {@code lockCheck=wait} (whole seconds, at most one hour). */
        public Builder lockCheckWait(Duration wait) {
            return option(DdlLintOptions.LOCK_CHECK_WAIT_SECONDS, Long.toString(wait.toSeconds()));
        }

        public Builder lockCheckInterval(Duration interval) {
            return option(DdlLintOptions.LOCK_CHECK_INTERVAL_SECONDS, Long.toString(interval.toSeconds()));
        }

        /** Sessions holding a table for less than this are not counted. */
        public Builder longTransaction(Duration age) {
            return option(DdlLintOptions.LONG_TRANSACTION_SECONDS, Long.toString(age.toSeconds()));
        }

        public Builder failClosed(boolean failClosed) {
            return option(DdlLintOptions.FAIL_CLOSED, Boolean.toString(failClosed));
        }

        /** @throws IllegalArgumentException for a bad value */
        public DdlLintCallback build() {
            return new DdlLintCallback(values);
        }
    }
}
