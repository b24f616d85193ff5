package dev.ddllint.flyway;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How the callback behaves. Every option has a key; the same keys are read, first found wins, from:
 * <ol>
 *   <li>the callback's builder ({@link DdlLintCallback#builder()}),</li>
 *   <li>Flyway's own configuration, {@code flyway.plugins.ddllint.<key>} (configuration file, {@code
 *       Flyway.configure().configuration(map)}, environment {@code FLYWAY_PLUGINS_DDLLINT_<KEY>}),</li>
 *   <li>Java system properties {@code ddllint.<key>},</li>
 *   <li>environment variables {@code DDLLINT_<KEY>} ({@code lockWaitTimeout} → {@code DDLLINT_LOCK_WAIT_TIMEOUT}),</li>
 *   <li>the defaults below.</li>
 * </ol>
 * The analysis itself (target server, failOn, rule severities) is configured by {@code ddl-lint.yml}; the
 * {@code configFile}, {@code target}, {@code failOn} and {@code lockWaitTimeoutSetByRunner} keys here are the
 * options every front end shares ({@link dev.ddllint.run.FrontEndOption}) and override that file. The
 * layers are read by {@link OptionLayers}.
 */
public final class DdlLintOptions {

    /** What happens to findings. */
    public enum Mode {
        /** findings at or above failOn stop the migration (default) */
        ENFORCE,
        /** everything is checked and logged, nothing is stopped */
        AUDIT,
        /** the callback does nothing at all */
        OFF,
        /**
         * as enforce, and before anything runs the pending statements are run on a scratch server ({@code
         * scratchUrl}), in a scratch database of ddl-lint's own, which must confirm each verdict: for staging
         */
        VERIFY
    }

    /** What happens when a session holds a table that a pending migration changes. */
    public enum LockCheck {
        /** stop the migration at once, naming the sessions (default) */
        BLOCK,
        /** check again every {@code lockCheckIntervalSeconds}, up to {@code lockCheckWaitSeconds}, then stop */
        WAIT,
        /** log the sessions and go on ({@code lock_wait_timeout} still bounds the wait) */
        WARN,
        /** do not look */
        OFF
    }

    public static final String MODE = "mode";
    public static final String CONFIG_FILE = "configFile";
    public static final String TARGET = "target";
    public static final String FAIL_ON = "failOn";
    public static final String LOCK_WAIT_TIMEOUT = "lockWaitTimeout";
    public static final String LOCK_CHECK = "lockCheck";
    public static final String LOCK_CHECK_WAIT_SECONDS = "lockCheckWaitSeconds";
    public static final String LOCK_CHECK_INTERVAL_SECONDS = "lockCheckIntervalSeconds";
    public static final String LONG_TRANSACTION_SECONDS = "longTransactionSeconds";
    public static final String FAIL_CLOSED = "failClosed";
    public static final String LOCK_WAIT_TIMEOUT_SET_BY_RUNNER = "lockWaitTimeoutSetByRunner";
    /**
     * The scratch server of {@code mode=verify}: a JDBC URL (never logged with its password), or {@code
     * testcontainers:mysql:8.4.3} with {@code ddl-lint-testcontainers} on the class path.
     */
    public static final String SCRATCH_URL = "scratchUrl";
    /** {@code mode=verify}: time each statement on up to this many rows of its table, read from Flyway's connection. */
    public static final String SAMPLE_ROWS = "sampleRows";
    public static final String MAX_FINDINGS_PER_RULE = "maxFindingsPerRule";
    public static final String MAX_FILE_SIZE = "maxFileSize";
    public static final String MAX_STATEMENT_SIZE = "maxStatementSize";

    /** Every key, in documentation order. */
    public static final List<String> KEYS = List.of(MODE, CONFIG_FILE, TARGET, FAIL_ON, LOCK_WAIT_TIMEOUT, LOCK_CHECK,
            LOCK_CHECK_WAIT_SECONDS, LOCK_CHECK_INTERVAL_SECONDS, LONG_TRANSACTION_SECONDS, FAIL_CLOSED,
            LOCK_WAIT_TIMEOUT_SET_BY_RUNNER, SCRATCH_URL, SAMPLE_ROWS, MAX_FINDINGS_PER_RULE, MAX_FILE_SIZE, MAX_STATEMENT_SIZE);

    /** Option names in messages by default: Flyway's configuration key, {@code flyway.plugins.ddllint.<key>}. */
    public static final Function<String, String> FLYWAY_SETTING_NAMES = key -> "flyway.plugins.ddllint." + key;

    /** Longest wait that {@code lockCheckWaitSeconds} accepts: the callback never waits without bound. */
    public static final long MAX_LOCK_CHECK_WAIT_SECONDS = 3600;

    private final Mode mode;
    private final String configFile;
    private final String target;
    private final String failOn;
    private final Integer lockWaitTimeout;
    private final LockCheck lockCheck;
    private final Duration lockCheckWait;
    private final Duration lockCheckInterval;
    private final Duration longTransaction;
    private final boolean failClosed;
    private final Boolean lockWaitTimeoutSetByRunner;
    private final String scratchUrl;
    private final long sampleRows;
    private final Integer maxFindingsPerRule;
    private final Long maxFileSize;
    private final Long maxStatementSize;
    private final Map<String, String> sources;
    private final Function<String, String> settingNames;

    private DdlLintOptions(Map<String, String> values, Map<String, String> sources,
                           Function<String, String> settingNames) {
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.settingNames = settingNames;
        this.mode = parseEnum(Mode.class, values, MODE, Mode.ENFORCE);
        this.configFile = blankToNull(values.get(CONFIG_FILE));
        this.target = blankToNull(values.get(TARGET));
        if (target != null) {
            try {
                dev.ddllint.kb.TargetServer.parse(target);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ddl-lint option " + where(TARGET) + ": " + e.getMessage());
            }
        }
        this.failOn = blankToNull(values.get(FAIL_ON));
        if (failOn != null) {
            try {
                dev.ddllint.config.ConfigurationLoader.parseFailOn(failOn);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ddl-lint option " + where(FAIL_ON) + "='" + failOn
                        + "' is not one of [error, warning, info, never]");
            }
        }
        String lwt = blankToNull(values.get(LOCK_WAIT_TIMEOUT));
        if (lwt == null) {
            this.lockWaitTimeout = 5;
        } else if (lwt.equalsIgnoreCase("off") || lwt.equalsIgnoreCase("false") || lwt.equals("0")) {
            this.lockWaitTimeout = null;
        } else {
            this.lockWaitTimeout = (int) parseLong(values, LOCK_WAIT_TIMEOUT, 1, 31_536_000);
        }
        this.lockCheck = parseEnum(LockCheck.class, values, LOCK_CHECK, LockCheck.BLOCK);
        this.lockCheckWait = Duration.ofSeconds(values.containsKey(LOCK_CHECK_WAIT_SECONDS)
                ? parseLong(values, LOCK_CHECK_WAIT_SECONDS, 0, MAX_LOCK_CHECK_WAIT_SECONDS) : 60);
        this.lockCheckInterval = Duration.ofSeconds(values.containsKey(LOCK_CHECK_INTERVAL_SECONDS)
                ? parseLong(values, LOCK_CHECK_INTERVAL_SECONDS, 1, 600) : 2);
        this.longTransaction = Duration.ofSeconds(values.containsKey(LONG_TRANSACTION_SECONDS)
                ? parseLong(values, LONG_TRANSACTION_SECONDS, 0, 31_536_000) : 5);
        this.failClosed = parseBoolean(values, FAIL_CLOSED, true);
        this.lockWaitTimeoutSetByRunner = blankToNull(values.get(LOCK_WAIT_TIMEOUT_SET_BY_RUNNER)) == null ? null
                : parseBoolean(values, LOCK_WAIT_TIMEOUT_SET_BY_RUNNER, false);
        this.scratchUrl = blankToNull(values.get(SCRATCH_URL));
        if (mode == Mode.VERIFY && scratchUrl == null) {
            throw new IllegalArgumentException("ddl-lint option mode=verify" + (sources.get(MODE) == null ? ""
                    : " (from " + sources.get(MODE) + ")") + " needs " + SCRATCH_URL
                    + ": the JDBC URL of a scratch server where ddl-lint may create a database of its own");
        }
        if (scratchUrl != null && dev.ddllint.verify.ContainerScratchUrl.isContainerUrl(scratchUrl)) {
            try {
                dev.ddllint.verify.ContainerScratchUrl.parse(scratchUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ddl-lint option " + where(SCRATCH_URL) + ": " + e.getMessage());
            }
        } else if (scratchUrl != null && !scratchUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("ddl-lint option " + where(SCRATCH_URL) + " is not a JDBC URL "
                    + "(jdbc:mysql://host:port/?user=…) or a container (testcontainers:mysql:8.4.3)");
        }
        this.sampleRows = values.containsKey(SAMPLE_ROWS) ? parseLong(values, SAMPLE_ROWS, 0, Long.MAX_VALUE) : 0;
        this.maxFindingsPerRule = parseLimit(values, MAX_FINDINGS_PER_RULE,
                dev.ddllint.config.ConfigurationLoader::parseMaxFindings);
        this.maxFileSize = parseLimit(values, MAX_FILE_SIZE, dev.ddllint.config.ConfigurationLoader::parseMaxSize);
        this.maxStatementSize = parseLimit(values, MAX_STATEMENT_SIZE,
                dev.ddllint.config.ConfigurationLoader::parseMaxSize);
    }

    /** A limit in the syntax of {@code ddl-lint.yml}'s key of the same name; null when not set. */
    private <T> T parseLimit(Map<String, String> values, String key, Function<String, T> parse) {
        String v = blankToNull(values.get(key));
        if (v == null) {
            return null;
        }
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ddl-lint option " + where(key) + ": " + e.getMessage());
        }
    }

    /** The defaults. */
    public static DdlLintOptions defaults() {
        return new DdlLintOptions(Map.of(), Map.of(), FLYWAY_SETTING_NAMES);
    }

    /**
     * Resolves options from layered sources, first found wins. Each layer maps keys to values; a key that no
     * layer sets takes its default.
     *
     * @param layers source name (for messages) → that source's values
     * @throws IllegalArgumentException naming the key, the value and the source for an unknown value
     */
    public static DdlLintOptions resolve(Map<String, Map<String, String>> layers) {
        return resolve(layers, FLYWAY_SETTING_NAMES);
    }

    /**
     * As {@link #resolve(Map)}; {@code settingNames} names an option in messages the way the user can set it where
     * the callback runs (see {@link #setting}).
     */
    public static DdlLintOptions resolve(Map<String, Map<String, String>> layers,
                                         Function<String, String> settingNames) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> layer : layers.entrySet()) {
            for (Map.Entry<String, String> e : layer.getValue().entrySet()) {
                String key = canonicalKey(e.getKey());
                if (key == null) {
                    throw new IllegalArgumentException(layer.getKey() + ": unknown ddl-lint option '" + e.getKey()
                            + "' (known: " + String.join(", ", KEYS) + ")");
                }
                if (e.getValue() != null && !values.containsKey(key)) {
                    values.put(key, e.getValue().trim());
                    sources.put(key, layer.getKey());
                }
            }
        }
        return new DdlLintOptions(values, sources, settingNames);
    }

    /** The option key for {@code key} ignoring case, '-', '_' and '.'; null when it names none. */
    public static String canonicalKey(String key) {
        if (key == null) {
            return null;
        }
        String k = key.replaceAll("[-_.]", "").toLowerCase(Locale.ROOT);
        for (String known : KEYS) {
            if (known.toLowerCase(Locale.ROOT).equals(k)) {
                return known;
            }
        }
        return null;
    }

    /** The option closest to a key that names none (for "did you mean"); empty for an option's own key. */
    public static java.util.Optional<String> closestKey(String key) {
        return MisspeltOptions.nearestOption(key, Integer.MAX_VALUE - 1);
    }

    /** {@code lockWaitTimeout} → {@code DDLLINT_LOCK_WAIT_TIMEOUT}. */
    public static String environmentVariable(String key) {
        return "DDLLINT_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** {@code lockCheck (from builder)}: the key and where its value came from, for messages. */
    private String where(String key) {
        String s = sources.get(key);
        return s == null ? key : key + " (from " + s + ")";
    }

    private <E extends Enum<E>> E parseEnum(Class<E> type, Map<String, String> values, String key, E dflt) {
        String v = blankToNull(values.get(key));
        if (v == null) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ddl-lint option " + where(key) + "='" + v + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList());
        }
    }

    private long parseLong(Map<String, String> values, String key, long min, long max) {
        String v = values.get(key);
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException("ddl-lint option " + where(key) + "=" + v + " must be between " + min
                        + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ddl-lint option " + where(key) + "='" + v + "' is not a whole number");
        }
    }

    private boolean parseBoolean(Map<String, String> values, String key, boolean dflt) {
        String v = blankToNull(values.get(key));
        if (v == null) {
            return dflt;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("ddl-lint option " + where(key) + "='" + v
                    + "' is not true or false");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Mode mode() {
        return mode;
    }

    /** Whether findings at or above failOn stop migrate: enforce, and verify (which also asks a scratch server). */
    public boolean enforces() {
        return mode == Mode.ENFORCE || mode == Mode.VERIFY;
    }

    /** The scratch server's JDBC URL (or {@code testcontainers:} URL) for {@code mode=verify}; null when not set. */
    public String scratchUrl() {
        return scratchUrl;
    }

    /**
     * {@code mode=verify}: rows of each table read from Flyway's connection to copy into the scratch database and
     * time each statement on; 0 (the default): empty tables, nothing timed.
     */
    public long sampleRows() {
        return sampleRows;
    }

    /** The ddl-lint.yml to read: a path, or {@code classpath:name}; null: {@code ./ddl-lint.yml}, then the classpath. */
    public String configFile() {
        return configFile;
    }

    /** {@code mysql:8.0.35}-style target overriding the live server's version; null: the live server's. */
    public String target() {
        return target;
    }

    /** error | warning | info | never; null: ddl-lint.yml's (default error). */
    public String failOn() {
        return failOn;
    }

    /** Seconds for {@code SET SESSION lock_wait_timeout} before each migration; null: not set. */
    public Integer lockWaitTimeout() {
        return lockWaitTimeout;
    }

    public LockCheck lockCheck() {
        return lockCheck;
    }

    /** Upper bound of the wait in {@link LockCheck#WAIT} mode. */
    public Duration lockCheckWait() {
        return lockCheckWait;
    }

    public Duration lockCheckInterval() {
        return lockCheckInterval;
    }

    /** Sessions holding a table for less than this are not counted (on a busy table some always are). */
    public Duration longTransaction() {
        return longTransaction;
    }

    /** Whether a failure of ddl-lint itself stops the migration (true) or is only logged (false). */
    public boolean failClosed() {
        return failClosed;
    }

    /**
     * Whether something other than the migrations sets {@code lock_wait_timeout}, as {@code ddl-lint.yml}'s key of
     * the same name; null: not set here (then the callback counts as that runner while it sets the timeout
     * itself, see {@link SessionLockWaitTimeout#runnerSetsIt}).
     */
    public Boolean lockWaitTimeoutSetByRunner() {
        return lockWaitTimeoutSetByRunner;
    }

    /** {@code maxFindingsPerRule}, as {@code ddl-lint.yml}'s key; null: the file's. */
    public Integer maxFindingsPerRule() {
        return maxFindingsPerRule;
    }

    /** {@code maxFileSize} in bytes, as {@code ddl-lint.yml}'s key; null: the file's. */
    public Long maxFileSize() {
        return maxFileSize;
    }

    /** {@code maxStatementSize} in characters, as {@code ddl-lint.yml}'s key; null: the file's. */
    public Long maxStatementSize() {
        return maxStatementSize;
    }

    /** {@code key=value} as the user sets it where the callback runs, e.g. {@code flyway.plugins.ddllint.mode=audit}. */
    public String setting(String key, String value) {
        return settingName(key) + "=" + value;
    }

    /** The name the user sets {@code key} by where the callback runs. */
    public String settingName(String key) {
        return settingNames.apply(key);
    }

    /** Where a key's value came from, e.g. {@code "builder"}; null for a default. */
    public String sourceOf(String key) {
        return sources.get(key);
    }

    /** One line for logs. */
    public String describe() {
        return "mode=" + mode.name().toLowerCase(Locale.ROOT) + ", lockCheck=" + lockCheck.name().toLowerCase(
                Locale.ROOT) + (lockCheck == LockCheck.WAIT ? " (up to " + lockCheckWait.toSeconds() + " s, every "
                + lockCheckInterval.toSeconds() + " s)" : "") + ", longTransactionSeconds=" + longTransaction.toSeconds()
                + ", lockWaitTimeout=" + (lockWaitTimeout == null ? "off" : lockWaitTimeout + " s") + ", failClosed="
                + failClosed + (target == null ? "" : ", target=" + target) + (failOn == null ? "" : ", failOn=" + failOn)
                + (configFile == null ? "" : ", configFile=" + configFile)
                + (lockWaitTimeoutSetByRunner == null ? ""
                : ", lockWaitTimeoutSetByRunner=" + lockWaitTimeoutSetByRunner)
                + (scratchUrl == null ? "" : ", scratchUrl=" + dev.ddllint.live.JdbcConnections.redact(scratchUrl))
                + (sampleRows == 0 ? "" : ", sampleRows=" + sampleRows)
                + (maxFindingsPerRule == null ? "" : ", maxFindingsPerRule=" + maxFindingsPerRule)
                + (maxFileSize == null ? "" : ", maxFileSize=" + maxFileSize)
                + (maxStatementSize == null ? "" : ", maxStatementSize=" + maxStatementSize);
    }

    @Override
    public String toString() {
        return describe();
    }
}
