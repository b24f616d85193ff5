package dev.ddllint.config;

import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.BuiltinRules;
import dev.ddllint.rules.Severity;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads {@code ddl-lint.yml}. Every unknown key and bad value is an error that names the file and line, so a typo
 * never silently turns a check off.
 *
 * <pre>
 * target: mysql:8.0.35        # flavor:version
 * failOn: error               # error | warning | info | never
 * newTables: file             # file | run | none
 * parseTimeoutMillis: 2000
 * placeholders: {schema: app} # Flyway ${schema}
 * replacements: {"{$NAMESPACE}": app, "#__": jos_}
 * rules: {table-rebuild: error, unparseable-statement: off}
 * </pre>
 */
public final class ConfigurationLoader {

    public static final String DEFAULT_FILE_NAME = "ddl-lint.yml";
    private static final java.util.List<String> KEYS = java.util.List.of("target", "failOn", "newTables",
            "parseTimeoutMillis", "placeholders", "replacements", "rules");

    private ConfigurationLoader() {
    }

    public static Configuration load(Path file) throws ConfigurationException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot read the configuration file (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw new ConfigurationException(file + ": the configuration file is not valid UTF-8 text");
        }
        return parse(text, file.toString());
    }

    public static Configuration parse(String text, String fileName) throws ConfigurationException {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(fileName).build()).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new ConfigurationException(fileName + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ConfigurationException(fileName + ": not valid YAML: " + e.getMessage());
        }
        Configuration config = Configuration.DEFAULT;
        if (root.isEmpty()) {
            return config;
        }
        MappingNode map = mapping(root.get(), fileName, "the configuration");
        TargetServer target = config.target();
        Severity failOn = config.failOn();
        NewTableScope newTables = config.newTables();
        long timeout = config.parseTimeoutMillis();
        Map<String, String> placeholders = Map.of();
        Map<String, String> replacements = Map.of();
        Map<String, Severity> rules = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode(), fileName, "a key");
            Node value = t.getValueNode();
            String where = fileName + ":" + line(value);
            try {
                switch (key) {
                    case "target" -> target = TargetServer.parse(scalar(value, fileName, "target"));
                    case "failOn" -> failOn = parseFailOn(scalar(value, fileName, "failOn"));
                    case "newTables" -> newTables = parseEnum(NewTableScope.class, scalar(value, fileName, key));
                    case "parseTimeoutMillis" -> {
                        timeout = Long.parseLong(scalar(value, fileName, key));
                        if (timeout < 10 || timeout > 600_000) {
                            throw new IllegalArgumentException("must be between 10 and 600000");
                        }
                    }
                    case "placeholders" -> placeholders = stringMap(value, fileName, key);
                    case "replacements" -> replacements = stringMap(value, fileName, key);
                    case "rules" -> {
                        for (NodeTuple r : mapping(value, fileName, "rules").getValue()) {
                            String id = scalar(r.getKeyNode(), fileName, "a rule id");
                            if (BuiltinRules.find(id).isEmpty()) {
                                throw new ConfigurationException(fileName + ":" + line(r.getKeyNode())
                                        + ": unknown rule '" + id + "' (known: " + BuiltinRules.all().stream()
                                        .map(i -> i.id()).collect(Collectors.joining(", ")) + ")");
                            }
                            try {
                                rules.put(id, Severity.parse(scalar(r.getValueNode(), fileName, id)));
                            } catch (IllegalArgumentException e) {
                                throw new ConfigurationException(fileName + ":" + line(r.getValueNode())
                                        + ": rules." + id + ": " + e.getMessage());
                            }
                        }
                    }
                    default -> throw new ConfigurationException(fileName + ":" + line(t.getKeyNode())
                            + ": unknown key '" + key + "' (known keys: " + String.join(", ", KEYS) + ")");
                }
            } catch (NumberFormatException e) {
                throw new ConfigurationException(where + ": " + key + ": not a number");
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(where + ": " + key + ": " + e.getMessage());
            }
        }
        return new Configuration(target, failOn, placeholders, replacements, rules, timeout, newTables);
    }

    /** {@code error|warning|info|never}; never means nothing fails the check. */
    public static Severity parseFailOn(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("never") || t.equals("off")) {
            return Severity.OFF;
        }
        return Severity.parse(t);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not one of " + java.util.Arrays.stream(
                    type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private static Map<String, String> stringMap(Node node, String file, String what) throws ConfigurationException {
        Map<String, String> result = new LinkedHashMap<>();
        for (NodeTuple t : mapping(node, file, what).getValue()) {
            result.put(scalar(t.getKeyNode(), file, what + " key"), scalar(t.getValueNode(), file, what + " value"));
        }
        return result;
    }

    private static MappingNode mapping(Node node, String file, String what) throws ConfigurationException {
        if (node instanceof MappingNode m) {
            return m;
        }
        throw new ConfigurationException(file + ":" + line(node) + ": " + what + " must be a mapping (key: value)");
    }

    private static String scalar(Node node, String file, String what) throws ConfigurationException {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw new ConfigurationException(file + ":" + line(node) + ": " + what + " must be a single value");
    }

    private static int line(Node node) {
        return node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
    }
}
