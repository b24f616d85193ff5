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

    /**
     * {@code flyway.plugins.ddllint.*}, as the configuration extension bound them. Fails closed: when the
     * configuration cannot be read, a {@link FlywayException} stops migrate rather than run without the settings.
     */
    static Map<String, String> flywayValues(Configuration configuration) {
        Object ext;
        Throwable first;
        try {
            ext = configuration.getConfigurationExtension(DdlLintConfigurationExtension.class);
            if (ext != null) {
                return ((DdlLintConfigurationExtension) ext).values();
            }
            first = null;
        } catch (LinkageError | RuntimeException e) {
            first = e;
        }
        // Flyway 9, 10 and early 11 have no getConfigurationExtension; their plugin register has the
        // extension. Reflection, because the callback is compiled against Flyway 11.20, where that API is gone;
        // by class name, because the extension Flyway loaded may come from another class loader.
        try {
            Object register = configuration.getClass().getMethod("getPluginRegister").invoke(configuration);
            try {
                ext = register.getClass().getMethod("getExact", String.class)
                        .invoke(register, DdlLintConfigurationExtension.class.getName());
            } catch (NoSuchMethodException e) {
                ext = register.getClass().getMethod("getPlugin", Class.class)
                        .invoke(register, DdlLintConfigurationExtension.class);
            }
            if (ext == null) {
                return Map.of(); // not registered: Flyway itself rejects every flyway.plugins.ddllint.* key
            }
            if (ext instanceof DdlLintConfigurationExtension d) {
                return d.values();
            }
            Map<?, ?> values = (Map<?, ?>) ext.getClass().getMethod("values").invoke(ext);
            Map<String, String> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
            return copy;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = first != null ? first : e;
            throw new FlywayException("ddl-lint could not read its settings flyway.plugins.ddllint.* from Flyway's "
                    + "configuration (" + cause + "); migrate stops rather than run without them. Set the options "
                    + "on the callback's builder, as system properties ddllint.<key> or environment variables "
                    + "DDLLINT_<KEY> instead.");
        }
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
