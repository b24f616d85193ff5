package dev.ddllint.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one source (a live server, a statistics snapshot, a {@code -- ddl-lint:stats} line, the configuration) says
 * about one table. Every figure may be missing (null); the estimate takes each one from the best source that has it.
 *
 * @param schema             the table's schema, or null when the source does not say
 * @param source             where these figures come from, as the working shows it ("live", "snapshot …", …)
 * @param rows               {@code TABLE_ROWS} (an estimate on InnoDB)
 * @param avgRowLength       {@code AVG_ROW_LENGTH}, bytes
 * @param dataLength         {@code DATA_LENGTH}: the clustered index, bytes
 * @param indexLength        {@code INDEX_LENGTH}: the secondary indexes, bytes
 * @param insertsPerSecond   rows inserted per second into this table
 * @param updatesPerSecond   rows updated per second
 * @param deletesPerSecond   rows deleted per second
 * @param ratesMethod        how the rates were measured ("deltas over 10 s", "counters / uptime 86400 s"), or null
 * @param hasPrimaryKey      true/false when known
 * @param uniqueNotNullKeys  names of UNIQUE keys on NOT NULL columns, or null when unknown
 * @param foreignKeys        the table's own foreign keys ("fk → parent"), or null when unknown
 * @param referencedBy       foreign keys of other tables that reference this one ("child.fk"), or null when unknown
 * @param triggers           the table's triggers, or null when unknown
 */
public record TableStats(String schema, String table, String source, Double rows, Double avgRowLength,
                         Double dataLength, Double indexLength, Double insertsPerSecond, Double updatesPerSecond,
                         Double deletesPerSecond, String ratesMethod, Boolean hasPrimaryKey,
                         List<String> uniqueNotNullKeys, List<String> foreignKeys, List<String> referencedBy,
                         List<String> triggers) {

    /** The keys {@link #parse} accepts, with their meaning, for messages and docs. */
    public static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("rows", "row count (1500, 2.5M)");
        KEYS.put("data", "DATA_LENGTH, the clustered index (200GB, 12GiB)");
        KEYS.put("index", "INDEX_LENGTH, the secondary indexes");
        KEYS.put("avgRow", "AVG_ROW_LENGTH in bytes");
        KEYS.put("inserts", "rows inserted per second (500/s)");
        KEYS.put("updates", "rows updated per second");
        KEYS.put("deletes", "rows deleted per second");
    }

    public static TableStats empty(String schema, String table, String source) {
        return new TableStats(schema, table, source, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** True when it says how big the table is (the least an estimate needs). */
    public boolean hasSize() {
        return dataLength != null || rows != null && avgRowLength != null;
    }

    public boolean hasRates() {
        return insertsPerSecond != null || updatesPerSecond != null || deletesPerSecond != null;
    }

    /** {@code schema.table} or {@code table}, lower case: how sources are matched. */
    public String key() {
        return key(schema, table);
    }

    public static String key(String schema, String table) {
        return (schema == null ? "" : schema.toLowerCase(Locale.ROOT) + ".") + table.toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code key=value} pairs (as in {@code -- ddl-lint:stats orders rows=50M data=200GB updates=1500/s}).
     *
     * @throws IllegalArgumentException naming the bad key or value
     */
    public static TableStats parse(String qualifiedTable, Map<String, String> values, String source) {
        String schema = null;
        String table = qualifiedTable.replace("`", "");
        int dot = table.indexOf('.');
        if (dot > 0) {
            schema = table.substring(0, dot);
            table = table.substring(dot + 1);
        }
        Double rows = null;
        Double avg = null;
        Double data = null;
        Double index = null;
        Double ins = null;
        Double upd = null;
        Double del = null;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = e.getValue();
            try {
                switch (e.getKey()) {
                    case "rows" -> rows = nonNegative(Units.parseCount(v));
                    case "data", "dataLength" -> data = nonNegative(Units.parseSize(v));
                    case "index", "indexLength" -> index = nonNegative(Units.parseSize(v));
                    case "avgRow", "avgRowLength" -> avg = nonNegative(Units.parseSize(v));
                    case "inserts" -> ins = nonNegative(Units.parseCount(v));
                    case "updates" -> upd = nonNegative(Units.parseCount(v));
                    case "deletes" -> del = nonNegative(Units.parseCount(v));
                    default -> throw new IllegalArgumentException("unknown key '" + e.getKey() + "' (known: "
                            + String.join(", ", KEYS.keySet()) + ")");
                }
            } catch (IllegalArgumentException ex) {
                throw ex.getMessage() != null && ex.getMessage().startsWith("unknown key") ? ex
                        : new IllegalArgumentException(e.getKey() + ": " + ex.getMessage());
            }
        }
        return new TableStats(schema, table, source, rows, avg, data, index, ins, upd, del, null, null, null, null,
                null, null);
    }

    private static Double nonNegative(double v) {
        if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("must be a non-negative number");
        }
        return v;
    }

    /** The same figures with another source label. */
    public TableStats withSource(String s) {
        return new TableStats(schema, table, s, rows, avgRowLength, dataLength, indexLength, insertsPerSecond,
                updatesPerSecond, deletesPerSecond, ratesMethod, hasPrimaryKey, uniqueNotNullKeys, foreignKeys,
                referencedBy, triggers);
    }

    /** The rates of this table, replacing any it had. */
    public TableStats withRates(Double inserts, Double updates, Double deletes, String method) {
        return new TableStats(schema, table, source, rows, avgRowLength, dataLength, indexLength, inserts, updates,
                deletes, method, hasPrimaryKey, uniqueNotNullKeys, foreignKeys, referencedBy, triggers);
    }

    /** The dependencies (keys, foreign keys, triggers) of this table, replacing any it had. */
    public TableStats withDependencies(Boolean primaryKey, List<String> uniqueKeys, List<String> fks,
                                       List<String> children, List<String> trigs) {
        return new TableStats(schema, table, source, rows, avgRowLength, dataLength, indexLength, insertsPerSecond,
                updatesPerSecond, deletesPerSecond, ratesMethod, primaryKey, copy(uniqueKeys), copy(fks),
                copy(children), copy(trigs));
    }

    private static List<String> copy(List<String> l) {
        return l == null ? null : List.copyOf(new ArrayList<>(l));
    }
}
