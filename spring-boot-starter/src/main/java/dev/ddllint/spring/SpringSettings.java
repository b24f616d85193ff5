package dev.ddllint.spring;

import dev.ddllint.flyway.DdlLintCallback;
import dev.ddllint.flyway.DdlLintCallbackBuilder;
import dev.ddllint.flyway.DdlLintOptions;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * From the application's {@code ddl-lint.*} properties to the callback: every property checked at start (an
 * unknown one, a {@code flyway.plugins.ddllint.*} key that Spring Boot never hands to Flyway, or a bad value is a
 * {@link DdlLintSettingsException} naming it), then the set ones given to the callback's builder, and the
 * callback's messages naming {@code ddl-lint.*} properties.
 */
final class SpringSettings {

    private static final String FLYWAY_PLUGIN_PREFIX = "flyway.plugins.ddllint.";
    private static final String SPRING_FLYWAY_PLUGIN_PREFIX = "spring.flyway.plugins.ddllint.";

    private SpringSettings() {
    }

    static Callback callback(DdlLintProperties properties, Environment environment) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            rejectUnknownNames(configurable);
        }
        DdlLintCallbackBuilder builder = DdlLintCallback.builder().settingNames(SpringOptionNames::property)
                .logFindings(); // Spring Boot prints the message of every wrapping exception
        for (Map.Entry<String, String> e : values(properties).entrySet()) {
            String property = SpringOptionNames.property(e.getKey());
            try {
                // One layer per property, so that a bad value's message names the property.
                DdlLintOptions.resolve(Map.of("Spring property " + property, Map.of(e.getKey(), e.getValue())));
            } catch (IllegalArgumentException bad) {
                throw new DdlLintSettingsException(bad.getMessage() + ".", "Correct " + property + ".");
            }
            builder.option(e.getKey(), e.getValue());
        }
        return builder.buildCallback();
    }

    /** The set properties, by option key. */
    static Map<String, String> values(DdlLintProperties p) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, DdlLintOptions.MODE, p.getMode());
        put(m, DdlLintOptions.CONFIG_FILE, p.getConfigFile());
        put(m, DdlLintOptions.TARGET, p.getTarget());
        put(m, DdlLintOptions.FAIL_ON, p.getFailOn());
        put(m, DdlLintOptions.LOCK_WAIT_TIMEOUT, p.getLockWaitTimeout());
        put(m, DdlLintOptions.LOCK_CHECK, p.getLockCheck());
        put(m, DdlLintOptions.LOCK_CHECK_WAIT_SECONDS, p.getLockCheckWaitSeconds());
        put(m, DdlLintOptions.LOCK_CHECK_INTERVAL_SECONDS, p.getLockCheckIntervalSeconds());
        put(m, DdlLintOptions.LONG_TRANSACTION_SECONDS, p.getLongTransactionSeconds());
        put(m, DdlLintOptions.FAIL_CLOSED, p.getFailClosed());
        put(m, DdlLintOptions.LOCK_WAIT_TIMEOUT_SET_BY_RUNNER, p.getLockWaitTimeoutSetByRunner());
        put(m, DdlLintOptions.SCRATCH_URL, p.getScratchUrl());
        put(m, DdlLintOptions.SAMPLE_ROWS, p.getSampleRows());
        put(m, DdlLintOptions.MAX_FINDINGS_PER_RULE, p.getMaxFindingsPerRule());
        put(m, DdlLintOptions.MAX_FILE_SIZE, p.getMaxFileSize());
        put(m, DdlLintOptions.MAX_STATEMENT_SIZE, p.getMaxStatementSize());
        return m;
    }

    private static void put(Map<String, String> m, String key, Object value) {
        if (value != null) {
            m.put(key, value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value.toString());
        }
    }

    /**
     * Unknown {@code ddl-lint.*} names, and {@code flyway.plugins.ddllint.*} ones, in the application's own
     * property sources (the operating system's environment aside: its names are not the application's to choose).
     */
    static void rejectUnknownNames(ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof SystemEnvironmentPropertySource
                    || !(source instanceof EnumerablePropertySource<?> names)) {
                continue;
            }
            for (String name : names.getPropertyNames()) {
                check(name, source.getName());
            }
        }
    }

    static void check(String name, String sourceName) {
        String lower = name.toLowerCase(Locale.ROOT);
        String flywayKey = lower.startsWith(FLYWAY_PLUGIN_PREFIX) ? name.substring(FLYWAY_PLUGIN_PREFIX.length())
                : lower.startsWith(SPRING_FLYWAY_PLUGIN_PREFIX) ? name.substring(SPRING_FLYWAY_PLUGIN_PREFIX.length())
                : null;
        if (flywayKey != null) {
            String key = DdlLintOptions.canonicalKey(flywayKey);
            throw new DdlLintSettingsException("Spring Boot does not hand " + name + " (" + sourceName
                    + ") to Flyway, so ddl-lint would never see it.", key == null
                    ? "Use the ddl-lint.* properties (" + known() + ")."
                    : "Set " + SpringOptionNames.property(key) + " instead.");
        }
        if (!lower.startsWith(DdlLintProperties.PREFIX + ".")) {
            return;
        }
        String rest = name.substring(DdlLintProperties.PREFIX.length() + 1);
        if (DdlLintOptions.canonicalKey(rest) == null) {
            String nearest = DdlLintOptions.closestKey(rest).map(SpringOptionNames::property).orElse(null);
            throw new DdlLintSettingsException("Unknown property " + name + " (" + sourceName + ").",
                    (nearest == null ? "" : "Did you mean " + nearest + "? ") + "Known: " + known() + ".");
        }
    }

    private static String known() {
        return String.join(", ", DdlLintOptions.KEYS.stream().map(SpringOptionNames::property).toList());
    }
}
