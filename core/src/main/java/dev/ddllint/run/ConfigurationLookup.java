package dev.ddllint.run;

import dev.ddllint.config.Configuration;
import dev.ddllint.config.ConfigurationException;
import dev.ddllint.config.ConfigurationLoader;
import dev.ddllint.rules.BuiltinRules;
import dev.ddllint.rules.RuleInfo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds and reads {@code ddl-lint.yml}, the same way for every front end:
 * <ol>
 *   <li>the file the front end names ({@code --config}, {@code configFile}): a path, or {@code classpath:name};</li>
 *   <li>else {@code ddl-lint.yml} in the front end's folders, first found (CLI and Flyway: the working directory;
 *       Maven: the project folder, then the folder Maven was started from);</li>
 *   <li>else {@code ddl-lint.yml} on the classpath (Flyway: the application's class loader; Maven: the project's
 *       resource folders, which is where an application that runs the callback keeps it);</li>
 *   <li>else the defaults.</li>
 * </ol>
 * The classpath step is what makes one {@code src/main/resources/ddl-lint.yml} configure both the Maven build and
 * the Flyway callback of the application.
 */
public final class ConfigurationLookup {

    /** The configuration read and where it came from (for logs: a path, {@code classpath:…} or the defaults). */
    public record Loaded(Configuration configuration, String source) {
        public static final Loaded DEFAULTS = new Loaded(Configuration.DEFAULT, "defaults (no ddl-lint.yml)");
    }

    public static final String CLASSPATH_PREFIX = "classpath:";

    private final String explicit;
    private final List<Path> folders;
    private final ClasspathResources classpath;
    private final List<RuleInfo> rules;

    /**
     * @param explicit  the file named by the front end, or null to look for one
     * @param folders   folders searched for {@code ddl-lint.yml}, in order
     * @param classpath where {@code classpath:} names and the last step look
     */
    public ConfigurationLookup(String explicit, List<Path> folders, ClasspathResources classpath) {
        this(explicit, folders, classpath, BuiltinRules.all());
    }

    /** @param rules the rules the configuration's {@code rules:} may name (built-in and custom) */
    public ConfigurationLookup(String explicit, List<Path> folders, ClasspathResources classpath,
                               List<RuleInfo> rules) {
        this.explicit = explicit == null || explicit.isBlank() ? null : explicit.strip();
        this.folders = List.copyOf(folders);
        this.classpath = classpath == null ? ClasspathResources.NONE : classpath;
        this.rules = List.copyOf(rules);
    }

    public Loaded load() throws LintFailure {
        try {
            return read();
        } catch (ConfigurationException e) {
            throw new LintFailure(e.getMessage(), e);
        }
    }

    private Loaded read() throws ConfigurationException {
        if (explicit != null) {
            if (explicit.startsWith(CLASSPATH_PREFIX)) {
                String name = explicit.substring(CLASSPATH_PREFIX.length()).replaceFirst("^/+", "");
                URL url = classpath.find(name);
                if (url == null) {
                    throw new ConfigurationException(explicit + ": no such resource on " + classpath.describe()
                            + " (configFile)");
                }
                return new Loaded(parse(url, explicit), explicit);
            }
            Path file = Path.of(explicit);
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException(explicit + ": no such configuration file (configFile)");
            }
            return new Loaded(ConfigurationLoader.load(file, rules), file.toAbsolutePath().toString());
        }
        for (Path folder : folders) {
            Path file = folder.resolve(ConfigurationLoader.DEFAULT_FILE_NAME);
            if (Files.isRegularFile(file)) {
                return new Loaded(ConfigurationLoader.load(file, rules), file.toAbsolutePath().normalize().toString());
            }
        }
        URL url = classpath.find(ConfigurationLoader.DEFAULT_FILE_NAME);
        if (url != null) {
            String name = CLASSPATH_PREFIX + ConfigurationLoader.DEFAULT_FILE_NAME;
            return new Loaded(parse(url, name), name);
        }
        return Loaded.DEFAULTS;
    }

    private Configuration parse(URL url, String name) throws ConfigurationException {
        String text;
        try (InputStream in = url.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(name + ": cannot read the configuration file (" + e.getMessage() + ")");
        }
        return ConfigurationLoader.parse(text, name, rules);
    }
}
