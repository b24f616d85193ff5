package dev.ddllint.estimate;

import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.ColumnType;
import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.schema.TableFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Byte widths from column types (InnoDB storage sizes), for the bytes per logged row: the PRIMARY KEY, a new
 * index's entry, and an upper bound of the clustered record. Variable-length strings count at their declared
 * length (one byte per character); TEXT/BLOB/JSON have no bound.
 */
public final class RowSizes {

    /** Assumed when the table's PRIMARY KEY is not known: a BIGINT. */
    public static final int UNKNOWN_PK_BYTES = 8;
    /** DB_ROW_ID, InnoDB's hidden clustered key of a table without PRIMARY or NOT NULL UNIQUE key. */
    public static final int ROW_ID_BYTES = 6;
    /** Assumed for a key column whose type is not known. */
    public static final int UNKNOWN_COLUMN_BYTES = 16;

    private static final int[] DECIMAL_DIGIT_BYTES = {0, 1, 1, 2, 2, 3, 3, 4, 4};

    private RowSizes() {
    }

    /** A width with the assumptions made on the way ("PRIMARY KEY unknown: 8 B assumed"). */
    public record Width(double bytes, List<String> assumptions) {
    }

    /**
     * Storage bytes of a value of this type, or empty when unbounded (TEXT, BLOB, JSON, GEOMETRY). CHAR/VARCHAR
     * count one byte per character plus their length bytes.
     */
    public static Optional<Double> width(ColumnType t) {
        int n = t.length();
        double w;
        switch (t.name()) {
            case "TINYINT", "BOOL", "BOOLEAN", "YEAR" -> w = 1;
            case "SMALLINT" -> w = 2;
            case "MEDIUMINT", "DATE" -> w = 3;
            case "INT", "INTEGER" -> w = 4;
            case "BIGINT", "SERIAL", "DOUBLE", "REAL" -> w = 8;
            case "FLOAT" -> w = n > 24 ? 8 : 4;
            case "DECIMAL", "DEC", "NUMERIC", "FIXED" -> w = decimalBytes(n < 0 ? 10 : n, scale(t));
            case "TIME" -> w = 3 + fractionBytes(n);
            case "DATETIME" -> w = 5 + fractionBytes(n);
            case "TIMESTAMP" -> w = 4 + fractionBytes(n);
            case "BIT" -> w = ((n < 0 ? 1 : n) + 7) / 8;
            case "ENUM" -> w = t.arguments().size() > 255 ? 2 : 1;
            case "SET" -> {
                int bytes = (t.arguments().size() + 7) / 8;
                w = bytes > 4 ? 8 : bytes;
            }
            case "CHAR", "BINARY" -> w = n < 0 ? 1 : n;
            case "VARCHAR", "VARBINARY" -> w = (n < 0 ? 255 : n) + (n > 255 ? 2 : 1);
            case "UUID", "INET6" -> w = 16;
            case "INET4" -> w = 4;
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(w);
    }

    private static int scale(ColumnType t) {
        if (t.arguments().size() < 2) {
            return 0;
        }
        try {
            return Integer.parseInt(t.arguments().get(1).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static double decimalBytes(int precision, int scale) {
        int intg = Math.max(0, precision - scale);
        return (intg / 9) * 4 + DECIMAL_DIGIT_BYTES[intg % 9] + (scale / 9) * 4 + DECIMAL_DIGIT_BYTES[scale % 9];
    }

    private static int fractionBytes(int fsp) {
        return fsp <= 0 ? 0 : (fsp + 1) / 2;
    }

    /** The columns of the key InnoDB clusters by: PRIMARY KEY, else the first UNIQUE on NOT NULL columns. */
    public static Optional<IndexDefinition> clusteredKey(TableFacts t) {
        return t.indexes().stream().filter(i -> i.kind() == IndexKind.PRIMARY).findFirst()
                .or(t::implicitPrimaryKey);
    }

    /** Bytes of the clustered key: from the PRIMARY KEY's column types; 6 (DB_ROW_ID) without one. */
    public static Width pkBytes(TableFacts t) {
        if (t == null) {
            return new Width(UNKNOWN_PK_BYTES, List.of("PRIMARY KEY unknown: " + UNKNOWN_PK_BYTES
                    + " B (a BIGINT) assumed"));
        }
        Optional<IndexDefinition> key = clusteredKey(t);
        if (key.isEmpty()) {
            return new Width(ROW_ID_BYTES, List.of("no PRIMARY KEY: InnoDB's 6-byte DB_ROW_ID"));
        }
        return keyBytes(t, key.get().columns());
    }

    private static Width keyBytes(TableFacts t, List<String> columns) {
        double sum = 0;
        List<String> assumptions = new ArrayList<>();
        for (String c : columns) {
            Optional<Double> w = t.column(c).flatMap(d -> width(d.type()));
            if (w.isPresent()) {
                sum += w.get();
            } else {
                sum += UNKNOWN_COLUMN_BYTES;
                assumptions.add("width of `" + c + "` unknown: " + UNKNOWN_COLUMN_BYTES + " B assumed");
            }
        }
        return new Width(sum, assumptions);
    }

    /**
     * k of a new secondary index: {@code 1 + key columns + the PRIMARY KEY columns not already in it}
     * (row-log.md §1a: null bitmap/lengths, key, PK appended).
     */
    public static Width indexEntryBytes(TableFacts t, IndexDefinition index) {
        List<String> assumptions = new ArrayList<>();
        Width pk = pkBytes(t);
        assumptions.addAll(pk.assumptions());
        if (t == null) {
            double key = UNKNOWN_COLUMN_BYTES * Math.max(1, index.columns().size());
            assumptions.add("table definition unknown: " + UNKNOWN_COLUMN_BYTES + " B per key column assumed");
            return new Width(1 + key + pk.bytes(), assumptions);
        }
        Width key = keyBytes(t, index.columns());
        assumptions.addAll(key.assumptions());
        double pkExtra = pk.bytes();
        Optional<IndexDefinition> clustered = clusteredKey(t);
        if (clustered.isPresent()) {
            List<String> missing = clustered.get().columns().stream()
                    .filter(pc -> index.columns().stream().noneMatch(kc -> kc.equalsIgnoreCase(pc))).toList();
            pkExtra = keyBytes(t, missing).bytes();
        }
        return new Width(1 + key.bytes() + pkExtra, assumptions);
    }

    /**
     * An upper bound of the in-row clustered record: the columns' widths + 13 (DB_TRX_ID, DB_ROLL_PTR) + null
     * bitmap and length bytes; empty when a column is unbounded or unknown.
     */
    public static Optional<Double> recordUpperBound(TableFacts t) {
        if (t == null || t.columns().isEmpty()) {
            return Optional.empty();
        }
        double sum = RowLogEstimator.TRX_ID_ROLL_PTR;
        int nullable = 0;
        for (ColumnDefinition c : t.columns().values()) {
            if (c.generated() == ColumnDefinition.Generated.VIRTUAL) {
                continue;
            }
            Optional<Double> w = width(c.type());
            if (w.isEmpty()) {
                return Optional.empty();
            }
            sum += w.get();
            if (!c.isNotNull()) {
                nullable++;
            }
        }
        return Optional.of(sum + (nullable + 7) / 8);
    }

    /** The type as written, for the working: {@code BIGINT}, {@code VARCHAR(64)}. */
    static String describe(ColumnType t) {
        return t.toString().toUpperCase(Locale.ROOT);
    }
}
