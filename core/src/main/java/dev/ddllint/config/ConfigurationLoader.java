package dev.ddllint.config;

import dev.ddllint.estimate.EstimateSettings;
import dev.ddllint.estimate.TableStats;
import dev.ddllint.estimate.Units;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.BuiltinRules;
import dev.ddllint.rules.RuleInfo;
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
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
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
 * newTables: file             # file | none; run only in the Flyway callback
 * parseTimeoutMillis: 30000
 * placeholders: {schema: app} # Flyway ${schema}
 * replacements: {"{$NAMESPACE}": app, "#__": jos_}
 * rules: {table-rebuild: error, unparseable-statement: off}
 * lockWaitTimeoutSetByRunner: false   # true when the runner sets lock_wait_timeout (the Flyway callback)
 * maxLockWaitTimeout: 60              # seconds; a longer lock_wait_timeout counts as missing
 * estimate: {statsFile: ddl-lint-stats.json, rebuildThroughput: 32MiB, maxDuration: 10m}   # docs/estimation.md
 * policy: {charsets: [utf8mb4, ascii], maxIndexes: 12}   # charset-not-allowed, too-many-indexes
 * maxFindingsPerRule: 100     # per file; the rest are counted in one finding
 * maxFileSize: 64MiB          # a larger file is not read (input-too-large)
 * maxStatementSize: 16MiB     # characters; a longer statement is not parsed (input-too-large)
 * </pre>
 */
public final class ConfigurationLoader {

    public static final String DEFAULT_FILE_NAME = "ddl-lint.yml";
    private static final java.util.List<String> KEYS = java.util.List.of("target", "failOn", "newTables",
            "parseTimeoutMillis", "placeholders", "replacements", "rules", "lockWaitTimeoutSetByRunner",
            "maxLockWaitTimeout", "estimate", "policy", "maxFindingsPerRule", "maxFileSize", "maxStatementSize");
    private static final java.util.List<String> ESTIMATE_KEYS = java.util.List.of("statsFile", "rebuildThroughput",
            "indexThroughput", "writes", "indexedUpdateShare", "onlineAlterLogMaxSize", "sortBufferSize",
            "safetyFactor", "maxDuration", "maxTableSize", "writeSampleSeconds", "tables");

    private ConfigurationLoader() {
    }

    public static Configuration load(Path file) throws ConfigurationException {
        return load(file, BuiltinRules.all());
    }

    /** @param known the rules a {@code rules:} entry may name: the built-in ones and the run's custom ones */
    public static Configuration load(Path file, List<RuleInfo> known) throws ConfigurationException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot read the configuration file (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw new ConfigurationException(file + ": the configuration file is not valid UTF-8 text");
        }
        Configuration c = parse(text, file.toString(), known);
        // A relative statsFile is relative to the configuration file, wherever the tool runs from.
        java.nio.file.Path stats = c.estimate().statsFile();
        if (stats != null && !stats.isAbsolute()) {
            java.nio.file.Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                c = c.withEstimate(c.estimate().withStatsFile(dir.resolve(stats).normalize()));
            }
        }
        return c;
    }

    /**
     * {@code newTables: run} counts a table created by any analysed file as empty, which is only true of the pending
     * migrations the Flyway callback sees. Checking files (CLI, Maven plugin) cannot know which ones already ran in
     * production, where the table may hold rows since, so they refuse it.
     *
     * @param source the configuration file, for the message
     */
    public static Configuration refuseRunScope(Configuration c, Object source) throws ConfigurationException {
        if (c.newTables() == NewTableScope.RUN) {
            throw new ConfigurationException(source + ": newTables: run is accepted only by the Flyway callback, "
                    + "which sees which migrations are pending; a file check cannot know which files already ran "
                    + "in production (a table they created may hold rows since): use newTables: file or none");
        }
        return c;
    }

    public static Configuration parse(String text, String fileName) throws ConfigurationException {
        return parse(text, fileName, BuiltinRules.all());
    }

    /** @param known the rules a {@code rules:} entry may name: the built-in ones and the run's custom ones */
    public static Configuration parse(String text, String fileName, List<RuleInfo> known)
            throws ConfigurationException {
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
        boolean setByRunner = config.lockWaitTimeoutSetByRunner();
        long maxLockWait = config.maxLockWaitTimeoutSeconds();
        EstimateSettings estimate = config.estimate();
        PolicySettings policy = config.policy();
        InputLimits limits = config.limits();
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
                            if (known.stream().noneMatch(i -> i.id().equals(id))) {
                                throw new ConfigurationException(fileName + ":" + line(r.getKeyNode())
                                        + ": unknown rule '" + id + "' (known: " + known.stream()
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
                    case "lockWaitTimeoutSetByRunner" -> setByRunner = parseBoolean(scalar(value, fileName, key));
                    case "maxLockWaitTimeout" -> {
                        maxLockWait = Math.round(Units.parseSeconds(scalar(value, fileName, key)));
                        if (maxLockWait < 1 || maxLockWait > 31_536_000) {
                            throw new IllegalArgumentException("must be between 1 and 31536000 seconds");
                        }
                    }
                    case "estimate" -> estimate = parseEstimate(mapping(value, fileName, key), fileName);
                    case "policy" -> policy = parsePolicy(mapping(value, fileName, key), fileName);
                    case "maxFindingsPerRule" -> limits = limits.withMaxFindingsPerRule(
                            parseMaxFindings(scalar(value, fileName, key)));
                    case "maxFileSize" -> limits = limits.withMaxFileSize(parseMaxSize(scalar(value, fileName, key)));
                    case "maxStatementSize" -> limits = limits.withMaxStatementSize(
                            parseMaxSize(scalar(value, fileName, key)));
                    default -> throw new ConfigurationException(fileName + ":" + line(t.getKeyNode())
                            + ": unknown key '" + key + "' (known keys: " + String.join(", ", KEYS) + ")");
                }
            } catch (NumberFormatException e) {
                throw new ConfigurationException(where + ": " + key + ": not a number");
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(where + ": " + key + ": " + e.getMessage());
            }
        }
        return new Configuration(target, failOn, placeholders, replacements, rules, timeout, newTables, estimate,
                setByRunner, maxLockWait, policy, limits);
    }

    /**
     * {@code maxFindingsPerRule}: a whole number from 1 (the same syntax in every front end).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static int parseMaxFindings(String text) {
        long n;
        try {
            n = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("must be between 1 and " + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /**
     * {@code maxFileSize} / {@code maxStatementSize}: a size such as {@code 64MiB}, {@code 500k} or a number of
     * bytes, at least 1 KiB (the same syntax in every front end).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static long parseMaxSize(String text) {
        double size = Units.parseSize(text.trim());
        if (!(size >= 1024) || size > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("'" + text + "' must be a size of at least 1KiB (e.g. 64MiB)");
        }
        return Math.round(size);
    }

    /** The policy: block; an unknown key is an error naming its line. */
    private static PolicySettings parsePolicy(MappingNode map, String fileName) throws ConfigurationException {
        PolicySettings policy = PolicySettings.DEFAULT;
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode(), fileName, "a key");
            Node value = t.getValueNode();
            switch (key) {
                case "charsets" -> {
                    if (!(value instanceof SequenceNode list)) {
                        throw new ConfigurationException(fileName + ":" + line(value) + ": policy.charsets: a list "
                                + "of character sets, e.g. [utf8mb4, ascii]");
                    }
                    java.util.List<String> names = new java.util.ArrayList<>();
                    for (Node n : list.getValue()) {
                        names.add(scalar(n, fileName, "policy.charsets"));
                    }
                    policy = policy.withCharsets(names);
                }
                case "maxIndexes" -> policy = policy.withMaxIndexes(Integer.parseInt(scalar(value, fileName,
                        "policy.maxIndexes").trim()));
                default -> throw new ConfigurationException(fileName + ":" + line(t.getKeyNode())
                        + ": unknown key 'policy." + key + "' (known keys: charsets, maxIndexes)");
            }
        }
        return policy;
    }

    private static boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    /** The {@code estimate:} block; every key is checked like the top-level ones. */
    private static EstimateSettings parseEstimate(MappingNode map, String fileName) throws ConfigurationException {
        java.nio.file.Path statsFile = null;
        Double rebuild = null;
        Double index = null;
        Double inserts = null;
        Double updates = null;
        Double deletes = null;
        Double share = null;
        Long logMax = null;
        Long block = null;
        Double safety = null;
        Double maxDuration = null;
        Double maxSize = null;
        Double sample = null;
        Map<String, TableStats> tables = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode(), fileName, "a key");
            Node value = t.getValueNode();
            String where = fileName + ":" + line(value) + ": estimate." + key;
            try {
                switch (key) {
                    case "statsFile" -> statsFile = java.nio.file.Path.of(scalar(value, fileName, key));
                    case "rebuildThroughput" -> rebuild = positive(Units.parseSize(scalar(value, fileName, key)));
                    case "indexThroughput" -> index = positive(Units.parseSize(scalar(value, fileName, key)));
                    case "writes" -> {
                        for (NodeTuple w : mapping(value, fileName, "estimate.writes").getValue()) {
                            String k = scalar(w.getKeyNode(), fileName, "a key");
                            String v = scalar(w.getValueNode(), fileName, k);
                            double rate;
                            try {
                                rate = Units.parseCount(v);
                            } catch (IllegalArgumentException e) {
                                throw new ConfigurationException(fileName + ":" + line(w.getValueNode())
                                        + ": estimate.writes." + k + ": " + e.getMessage());
                            }
                            switch (k) {
                                case "inserts" -> inserts = rate;
                                case "updates" -> updates = rate;
                                case "deletes" -> deletes = rate;
                                default -> throw new ConfigurationException(fileName + ":" + line(w.getKeyNode())
                                        + ": unknown key 'estimate.writes." + k
                                        + "' (known keys: inserts, updates, deletes)");
                            }
                        }
                    }
                    case "indexedUpdateShare" -> {
                        share = Double.parseDouble(scalar(value, fileName, key));
                        if (share < 0 || share > 1) {
                            throw new IllegalArgumentException("must be between 0 and 1");
                        }
                    }
                    case "onlineAlterLogMaxSize" -> {
                        logMax = Math.round(Units.parseSize(scalar(value, fileName, key)));
                        if (logMax < 65536) {
                            throw new IllegalArgumentException("must be at least 65536 (the server's minimum)");
                        }
                    }
                    case "sortBufferSize" -> {
                        block = Math.round(Units.parseSize(scalar(value, fileName, key)));
                        if (block < 65536) {
                            throw new IllegalArgumentException("must be at least 65536 (the server's minimum)");
                        }
                    }
                    case "safetyFactor" -> {
                        safety = Double.parseDouble(scalar(value, fileName, key));
                        if (safety < 1 || safety > 100) {
                            throw new IllegalArgumentException("must be between 1 and 100");
                        }
                    }
                    case "maxDuration" -> maxDuration = positive(Units.parseSeconds(scalar(value, fileName, key)));
                    case "maxTableSize" -> maxSize = positive(Units.parseSize(scalar(value, fileName, key)));
                    case "writeSampleSeconds" -> {
                        sample = Units.parseSeconds(scalar(value, fileName, key));
                        if (sample < 0 || sample > 600) {
                            throw new IllegalArgumentException("must be between 0 and 600 seconds");
                        }
                    }
                    case "tables" -> {
                        for (NodeTuple tt : mapping(value, fileName, "estimate.tables").getValue()) {
                            String table = scalar(tt.getKeyNode(), fileName, "a table name");
                            Map<String, String> figures = stringMap(tt.getValueNode(), fileName,
                                    "estimate.tables." + table);
                            try {
                                TableStats stats = TableStats.parse(table, figures, "configured: estimate.tables."
                                        + table);
                                tables.put(stats.key(), stats);
                            } catch (IllegalArgumentException e) {
                                throw new ConfigurationException(fileName + ":" + line(tt.getValueNode())
                                        + ": estimate.tables." + table + ": " + e.getMessage());
                            }
                        }
                    }
                    default -> throw new ConfigurationException(fileName + ":" + line(t.getKeyNode())
                            + ": unknown key 'estimate." + key + "' (known keys: " + String.join(", ", ESTIMATE_KEYS)
                            + ")");
                }
            } catch (NumberFormatException e) {
                throw new ConfigurationException(where + ": not a number");
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(where + ": " + e.getMessage());
            }
        }
        return new EstimateSettings(statsFile, rebuild, index, inserts, updates, deletes, share, logMax, block, safety,
                maxDuration, maxSize, sample, tables);
    }

    private static double positive(double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException("must be greater than 0");
        }
        return v;
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
