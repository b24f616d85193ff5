package dev.ddllint.flyway;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the callback's options come from, first found wins: the builder, Flyway's configuration
 * ({@code flyway.plugins.ddllint.*}), system properties ({@code ddllint.*}), the environment ({@code DDLLINT_*}).
 * The layers are read at each {@code migrate}, so one callback instance follows its Flyway configuration.
 */
final class OptionLayers {

    static final String BUILDER = "builder";
    static final String FLYWAY = "Flyway configuration flyway.plugins.ddllint";
    static final String SYSTEM = "system property ddllint";
    static final String ENVIRONMENT = "environment DDLLINT_";

    private OptionLayers() {
    }

    /** The options for this {@code migrate}; a bad value is a {@link FlywayException} naming key and source. */
    static DdlLintOptions resolve(Map<String, String> builder, Configuration configuration,
                                  Function<String, String> settingNames) {
        Map<String, Map<String, String>> layers = new LinkedHashMap<>();
        layers.put(BUILDER, builder);
        layers.put(FLYWAY, flywayValues(configuration));
        layers.put(SYSTEM, systemValues());
        layers.put(ENVIRONMENT, environmentValues());
        try {
            MisspeltOptions.rejectSystemProperties(System.getProperties().stringPropertyNames());
            MisspeltOptions.rejectEnvironmentVariables(System.getenv().keySet());
            return DdlLintOptions.resolve(layers, settingNames);
        } catch (IllegalArgumentException e) {
            throw new FlywayException(e.getMessage());
        }
    }

    /** The builder's values alone, to reject a bad one when the callback is built rather than at migrate. */
    static void validate(Map<String, String> builder) {
        DdlLintOptions.resolve(Map.of(BUILDER, builder));
    }

    /** {@code flyway.plugins.ddllint.*}, as the configuration extension bound them. */
    static Map<String, String> flywayValues(Configuration configuration) {
        DdlLintConfigurationExtension ext;
        try {
            ext = configuration.getConfigurationExtension(DdlLintConfigurationExtension.class);
        } catch (LinkageError | RuntimeException e) {
            // Flyway 9, 10 and early 11 have no getConfigurationExtension; their plugin register has the
            // extension. Reflection, because the callback is compiled against Flyway 11.20, where that API is gone.
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
}
