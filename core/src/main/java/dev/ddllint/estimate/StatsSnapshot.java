package dev.ddllint.estimate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddllint.model.TableName;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A statistics snapshot: what {@code ddl-lint stats} (or {@code mvn ddl-lint:stats}) read from a server, written
 * to a JSON file that is committed with the migrations, so CI can estimate without access to production.
 * Format: see docs/estimation.md. No user name or password is ever written.
 */
public final class StatsSnapshot implements StatisticsSource {

    public static final String FORMAT = "ddl-lint-stats/1";
    public static final String DEFAULT_FILE_NAME = "ddl-lint-stats.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String label;
    private final Instant takenAt;
    private final ServerStats server;
    private final List<TableStats> tables;

    public StatsSnapshot(String label, Instant takenAt, ServerStats server, List<TableStats> tables) {
        this.label = label;
        this.takenAt = takenAt;
        this.server = server;
        this.tables = tables.stream().sorted(Comparator.comparing(TableStats::key)).toList();
    }

    /** Reading or parsing the snapshot failed; the message names the file. */
    public static final class SnapshotException extends RuntimeException {
        public SnapshotException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads the statistics of the given tables (all tables of the connection's schema when empty) from a live
     * source into a snapshot.
     */
    public static StatsSnapshot take(LiveStatistics live, Collection<TableName> tables, Instant now)
            throws Exception {
        ServerStats s = live.server().orElse(null);
        List<TableStats> t = live.tables(tables.isEmpty() ? live.allTables() : tables);
        ServerStats kept = s == null ? null : new ServerStats(null, s.version(), s.onlineAlterLogMaxSize(),
                s.sortBufferSize(), s.connection() == null ? null : s.connection().withoutUser());
        return new StatsSnapshot(null, now.truncatedTo(ChronoUnit.SECONDS), kept, t);
    }

    public Instant takenAt() {
        return takenAt;
    }

    public List<TableStats> allTables() {
        return tables;
    }

    public Optional<ServerStats> serverStats() {
        return Optional.ofNullable(server);
    }

    @Override
    public Optional<ServerStats> server() {
        return server == null ? Optional.empty() : Optional.of(new ServerStats(describe(), server.version(),
                server.onlineAlterLogMaxSize(), server.sortBufferSize(), server.connection()));
    }

    @Override
    public List<TableStats> tables(Collection<TableName> wanted) {
        String defaultSchema = server == null || server.connection() == null ? null : server.connection().database();
        List<TableStats> result = new ArrayList<>();
        for (TableName n : wanted) {
            find(n, defaultSchema).map(t -> t.withSource(describe())).ifPresent(t -> {
                if (result.stream().noneMatch(r -> r.key().equals(t.key()))) {
                    result.add(t);
                }
            });
        }
        return result;
    }

    private Optional<TableStats> find(TableName n, String defaultSchema) {
        if (n.schema() != null) {
            return tables.stream().filter(t -> t.key().equals(TableStats.key(n.schema(), n.name()))).findFirst();
        }
        List<TableStats> byName = tables.stream().filter(t -> t.table().equalsIgnoreCase(n.name())).toList();
        if (byName.size() == 1) {
            return Optional.of(byName.get(0));
        }
        return byName.stream().filter(t -> t.schema() != null && t.schema().equalsIgnoreCase(defaultSchema))
                .findFirst();
    }

    @Override
    public String describe() {
        return "snapshot " + (label == null ? "" : label + " ") + "(" + takenAt + ")";
    }

    // ---- JSON ----

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("comment", "Table statistics for ddl-lint's rebuild and row-log estimates. Written by "
                + "'ddl-lint stats' / 'mvn ddl-lint:stats' from a read-only connection; commit it and point "
                + "estimate.statsFile of ddl-lint.yml at it. Refresh it now and then.");
        root.put("takenAt", takenAt.toString());
        if (server != null) {
            ObjectNode s = root.putObject("server");
            putText(s, "version", server.version());
            if (server.connection() != null) {
                putText(s, "host", server.connection().host());
                if (server.connection().port() != null) {
                    s.put("port", server.connection().port());
                }
                putText(s, "schema", server.connection().database());
            }
            putLong(s, "innodbOnlineAlterLogMaxSize", server.onlineAlterLogMaxSize());
            putLong(s, "innodbSortBufferSize", server.sortBufferSize());
        }
        ArrayNode list = root.putArray("tables");
        for (TableStats t : tables) {
            ObjectNode o = list.addObject();
            putText(o, "schema", t.schema());
            o.put("table", t.table());
            putRounded(o, "rows", t.rows());
            putRounded(o, "avgRowLength", t.avgRowLength());
            putRounded(o, "dataLength", t.dataLength());
            putRounded(o, "indexLength", t.indexLength());
            if (t.hasRates()) {
                ObjectNode w = o.putObject("writes");
                putRate(w, "insertsPerSecond", t.insertsPerSecond());
                putRate(w, "updatesPerSecond", t.updatesPerSecond());
                putRate(w, "deletesPerSecond", t.deletesPerSecond());
                putText(w, "method", t.ratesMethod());
            }
            if (t.hasPrimaryKey() != null) {
                o.put("hasPrimaryKey", t.hasPrimaryKey());
            }
            putList(o, "uniqueNotNullKeys", t.uniqueNotNullKeys());
            putList(o, "foreignKeys", t.foreignKeys());
            putList(o, "referencedBy", t.referencedBy());
            putList(o, "triggers", t.triggers());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /**
     * Reads a snapshot file.
     *
     * @throws SnapshotException naming the file when it cannot be read or is not a snapshot
     */
    public static StatsSnapshot read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SnapshotException(file + ": cannot read the statistics snapshot (" + e.getMessage() + ")", e);
        }
        return parse(text, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }

    public static StatsSnapshot parse(String text, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SnapshotException(name + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new SnapshotException(name + ": not a ddl-lint statistics snapshot (\"format\" is not \"" + FORMAT
                    + "\"); write one with 'ddl-lint stats'", null);
        }
        try {
            Instant taken = root.hasNonNull("takenAt") ? Instant.parse(root.get("takenAt").asText()) : Instant.EPOCH;
            ServerStats server = null;
            JsonNode s = root.get("server");
            if (s != null && s.isObject()) {
                ConnectionHint hint = new ConnectionHint(text(s, "host"),
                        s.hasNonNull("port") ? s.get("port").asInt() : null, text(s, "schema"), null);
                server = new ServerStats(null, text(s, "version"), longValue(s, "innodbOnlineAlterLogMaxSize"),
                        longValue(s, "innodbSortBufferSize"), hint);
            }
            List<TableStats> tables = new ArrayList<>();
            for (JsonNode t : root.path("tables")) {
                String table = text(t, "table");
                if (table == null) {
                    throw new IllegalArgumentException("a table without \"table\"");
                }
                TableStats ts = new TableStats(text(t, "schema"), table, null, number(t, "rows"),
                        number(t, "avgRowLength"), number(t, "dataLength"), number(t, "indexLength"), null, null,
                        null, null, null, null, null, null, null);
                JsonNode w = t.get("writes");
                if (w != null && w.isObject()) {
                    ts = ts.withRates(number(w, "insertsPerSecond"), number(w, "updatesPerSecond"),
                            number(w, "deletesPerSecond"), text(w, "method"));
                }
                ts = ts.withDependencies(t.hasNonNull("hasPrimaryKey") ? t.get("hasPrimaryKey").asBoolean() : null,
                        list(t, "uniqueNotNullKeys"), list(t, "foreignKeys"), list(t, "referencedBy"),
                        list(t, "triggers"));
                tables.add(ts);
            }
            return new StatsSnapshot(name, taken, server, tables);
        } catch (RuntimeException e) {
            throw new SnapshotException(name + ": not a valid statistics snapshot (" + e.getMessage() + ")", e);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Double number(JsonNode n, String field) {
        if (!n.hasNonNull(field)) {
            return null;
        }
        if (!n.get(field).isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a number");
        }
        return n.get(field).asDouble();
    }

    private static Long longValue(JsonNode n, String field) {
        Double d = number(n, field);
        return d == null ? null : Math.round(d);
    }

    private static List<String> list(JsonNode n, String field) {
        if (!n.hasNonNull(field)) {
            return null;
        }
        List<String> l = new ArrayList<>();
        n.get(field).forEach(e -> l.add(e.asText()));
        return l;
    }

    private static void putText(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static void putLong(ObjectNode o, String field, Long value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static void putRounded(ObjectNode o, String field, Double value) {
        if (value != null) {
            o.put(field, Math.round(value));
        }
    }

    private static void putRate(ObjectNode o, String field, Double value) {
        if (value != null) {
            o.put(field, Math.round(value * 1000) / 1000.0);
        }
    }

    private static void putList(ObjectNode o, String field, List<String> values) {
        if (values != null) {
            ArrayNode a = o.putArray(field);
            values.forEach(a::add);
        }
    }
}
