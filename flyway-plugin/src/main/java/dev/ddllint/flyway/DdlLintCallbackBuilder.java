package dev.ddllint.flyway;

import org.flywaydb.core.api.callback.Callback;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Options set in code, for {@code Flyway.configure().callbacks(DdlLintCallback.builder()….build())}; they win over
 * every other source (see {@link OptionLayers}). Each method sets one key of {@link DdlLintOptions}.
 */
public final class DdlLintCallbackBuilder {

    private final Map<String, String> values = new LinkedHashMap<>();
    private Function<String, String> naming = DdlLintOptions.FLYWAY_SETTING_NAMES;
    private boolean findingsInLog;

    DdlLintCallbackBuilder() {
    }

    /** Any option by its key (see {@link DdlLintOptions#KEYS}). */
    public DdlLintCallbackBuilder option(String key, String value) {
        String k = DdlLintOptions.canonicalKey(key);
        if (k == null) {
            throw new IllegalArgumentException("unknown ddl-lint option '" + key + "' (known: "
                    + String.join(", ", DdlLintOptions.KEYS) + ")");
        }
        values.put(k, value);
        return this;
    }

    public DdlLintCallbackBuilder mode(DdlLintOptions.Mode mode) {
        return option(DdlLintOptions.MODE, mode.name());
    }

    /**
     * {@code mode=verify}: the pending statements are confirmed on this scratch server first (a JDBC URL, or {@code
     * testcontainers:mysql:8.4.3} with {@code dev.ddllint:ddl-lint-testcontainers} on the class path).
     */
    public DdlLintCallbackBuilder verifyOn(String scratchUrl) {
        option(DdlLintOptions.SCRATCH_URL, scratchUrl);
        return mode(DdlLintOptions.Mode.VERIFY);
    }

    /**
     * {@code mode=verify}: copy up to this many rows of each table the statements change, read from Flyway's
     * connection (SELECT only, in primary-key order), into the scratch database, and time each statement on them.
     */
    public DdlLintCallbackBuilder sampleRows(long rows) {
        return option(DdlLintOptions.SAMPLE_ROWS, Long.toString(rows));
    }

    /** The ddl-lint.yml to read. */
    public DdlLintCallbackBuilder configFile(Path file) {
        return option(DdlLintOptions.CONFIG_FILE, file.toString());
    }

    /** A path, or {@code classpath:name}. */
    public DdlLintCallbackBuilder configFile(String file) {
        return option(DdlLintOptions.CONFIG_FILE, file);
    }

    /** {@code mysql:8.0.35}: check for this server instead of the live one's version. */
    public DdlLintCallbackBuilder target(String target) {
        return option(DdlLintOptions.TARGET, target);
    }

    /** error | warning | info | never. */
    public DdlLintCallbackBuilder failOn(String level) {
        return option(DdlLintOptions.FAIL_ON, level);
    }

    /** {@code SET SESSION lock_wait_timeout = seconds} before each migration (default 5). */
    public DdlLintCallbackBuilder lockWaitTimeout(int seconds) {
        return option(DdlLintOptions.LOCK_WAIT_TIMEOUT, Integer.toString(seconds));
    }

    /** Leave the migration connection's lock_wait_timeout alone. */
    public DdlLintCallbackBuilder noLockWaitTimeout() {
        return option(DdlLintOptions.LOCK_WAIT_TIMEOUT, "off");
    }

    /**
     * Something else sets {@code lock_wait_timeout} (true), or nothing does (false), whatever the callback does;
     * unset: true while the callback sets it, else {@code ddl-lint.yml}'s.
     */
    public DdlLintCallbackBuilder lockWaitTimeoutSetByRunner(boolean set) {
        return option(DdlLintOptions.LOCK_WAIT_TIMEOUT_SET_BY_RUNNER, Boolean.toString(set));
    }

    public DdlLintCallbackBuilder lockCheck(DdlLintOptions.LockCheck lockCheck) {
        return option(DdlLintOptions.LOCK_CHECK, lockCheck.name());
    }

    /** Upper bound of the wait in {@code lockCheck=wait} (whole seconds, at most one hour). */
    public DdlLintCallbackBuilder lockCheckWait(Duration wait) {
        return option(DdlLintOptions.LOCK_CHECK_WAIT_SECONDS, Long.toString(wait.toSeconds()));
    }

    public DdlLintCallbackBuilder lockCheckInterval(Duration interval) {
        return option(DdlLintOptions.LOCK_CHECK_INTERVAL_SECONDS, Long.toString(interval.toSeconds()));
    }

    /** Sessions holding a table for less than this are not counted. */
    public DdlLintCallbackBuilder longTransaction(Duration age) {
        return option(DdlLintOptions.LONG_TRANSACTION_SECONDS, Long.toString(age.toSeconds()));
    }

    public DdlLintCallbackBuilder failClosed(boolean failClosed) {
        return option(DdlLintOptions.FAIL_CLOSED, Boolean.toString(failClosed));
    }

    /**
     * The callback, for {@code Flyway.configure().callbacks(…)}.
     *
     * @throws IllegalArgumentException for a bad value
     */
    public DdlLintCallback build() {
        return new DdlLintCallback(values, naming, findingsInLog);
    }

    /**
     * The callback in the shape of the Flyway on the classpath: give this one to a framework that looks at the
     * object's class (a Spring {@code @Bean}); on Flyway before 11.13 ({@code GenericCallback}) the class built by
     * {@link #build()} names a type that Flyway lacks (see {@code FlywayCallbackShape}).
     *
     * @throws IllegalArgumentException for a bad value
     */
    public Callback buildCallback() {
        return FlywayCallbackShape.ofLoadedFlyway().adapt(build());
    }

    /**
     * Log each finding once, as an event of its own, and stop {@code migrate} with an exception that carries the
     * summary only: for hosts that print an exception's message once for every exception wrapping it (Spring Boot
     * printed each finding four times). By default the exception carries the findings and nothing is logged twice.
     */
    public DdlLintCallbackBuilder logFindings() {
        this.findingsInLog = true;
        return this;
    }

    /**
     * How messages name an option the user can set, e.g. {@code key -> "ddl-lint." + kebab(key)} in a Spring Boot
     * application; by default {@code flyway.plugins.ddllint.<key>}.
     */
    public DdlLintCallbackBuilder settingNames(Function<String, String> naming) {
        this.naming = java.util.Objects.requireNonNull(naming, "naming");
        return this;
    }
}
