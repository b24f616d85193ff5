package dev.ddllint.differential;

import dev.ddllint.kb.ServerFlavor;
import dev.ddllint.kb.TargetServer;

import java.util.ArrayList;
import java.util.List;

/** The type system the generator draws from: families, concrete types per server, row values and defaults. */
final class ColumnTypes {

    enum Family {
        INTEGER, DECIMAL, FLOAT, BIT, DATE, TIME, DATETIME, TIMESTAMP, YEAR, CHAR, VARCHAR, BINARY, VARBINARY, TEXT,
        BLOB, JSON, ENUM, SET, SPATIAL, UUID, INET6;

        boolean numeric() {
            return this == INTEGER || this == DECIMAL || this == FLOAT;
        }

        boolean textual() {
            return this == CHAR || this == VARCHAR || this == TEXT || this == ENUM || this == SET;
        }

        boolean spatial() {
            return this == SPATIAL;
        }

        boolean lob() {
            return this == TEXT || this == BLOB || this == JSON || this == SPATIAL;
        }

        boolean temporal() {
            return this == DATE || this == TIME || this == DATETIME || this == TIMESTAMP || this == YEAR;
        }
    }

    static final List<String> CHARSETS = List.of("utf8mb4", "utf8mb3", "latin1", "ascii");
    /** The ids of rows 1, 2, 3. */
    static final int[] PARTITION_SPREAD = {1, 20, 501};

    private ColumnTypes() {
    }

    /** The families available on the target. */
    static List<String> families(TargetServer target) {
        List<String> out = new ArrayList<>();
        for (Family f : Family.values()) {
            if (f == Family.UUID && !(target.flavor() == ServerFlavor.MARIADB && target.version().atLeast(10, 7, 0))) {
                continue;
            }
            if (f == Family.INET6 && !(target.flavor() == ServerFlavor.MARIADB && target.version().atLeast(10, 5, 0))) {
                continue;
            }
            out.add(f.name());
        }
        return out;
    }

    /** A concrete type of the family, chosen by {@code ch} (production {@code type:NAME}). */
    static String concrete(Family family, Chooser ch) {
        return switch (family) {
            case INTEGER -> ch.pick("type", List.of("TINYINT", "SMALLINT", "MEDIUMINT", "INT", "BIGINT"));
            case DECIMAL -> "DECIMAL(" + ch.any(List.of("5,2", "10,2", "12,4", "20,0")) + ")";
            case FLOAT -> ch.pick("type", List.of("FLOAT", "DOUBLE"));
            case BIT -> "BIT(" + ch.any(List.of(2, 8, 16)) + ")";
            case DATE -> "DATE";
            case TIME -> "TIME" + fsp(ch);
            case DATETIME -> "DATETIME" + fsp(ch);
            case TIMESTAMP -> "TIMESTAMP" + fsp(ch);
            case YEAR -> "YEAR";
            case CHAR -> "CHAR(" + ch.any(List.of(4, 10, 32, 64)) + ")";
            case VARCHAR -> "VARCHAR(" + ch.any(List.of(8, 20, 63, 64, 85, 100, 255, 256, 1000)) + ")";
            case BINARY -> "BINARY(" + ch.any(List.of(4, 16)) + ")";
            case VARBINARY -> "VARBINARY(" + ch.any(List.of(16, 255, 256)) + ")";
            case TEXT -> ch.pick("type", List.of("TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT"));
            case BLOB -> ch.pick("type", List.of("TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB"));
            case JSON -> "JSON";
            case ENUM -> "ENUM(" + ch.any(List.of("'a','b','c'", "'a','b','c','d'", "'x','y','z'")) + ")";
            case SET -> "SET(" + ch.any(List.of("'a','b','c'", "'a','b','c','d'")) + ")";
            case SPATIAL -> ch.pick("type", List.of("GEOMETRY", "POINT", "LINESTRING", "POLYGON"));
            case UUID -> "UUID";
            case INET6 -> "INET6";
        };
    }

    private static String fsp(Chooser ch) {
        return ch.any(List.of("", "", "(0)", "(3)", "(6)"));
    }

    /** The value of row {@code row} (1, 2, 3, ...), distinct per row, valid for the type. */
    static String value(GeneratedColumn c, int row) {
        String t = c.type();
        if (c.name().equals("id") && c.family() == Family.INTEGER) {
            // One row in each partition of every partitioning the generator writes (RANGE, LIST, HASH by 3).
            return String.valueOf(PARTITION_SPREAD[(row - 1) % PARTITION_SPREAD.length]);
        }
        return switch (c.family()) {
            case INTEGER -> t.startsWith("TINYINT") ? String.valueOf(row) : String.valueOf(row * 10);
            case DECIMAL -> row + ".5";
            case FLOAT -> String.valueOf(row * 1.5);
            case BIT -> "b'" + Integer.toBinaryString(row) + "'";
            case DATE -> "'2020-01-0" + row + "'";
            case TIME -> "'10:00:0" + row + "'";
            case DATETIME, TIMESTAMP -> "'2020-01-0" + row + " 10:00:00'";
            case YEAR -> String.valueOf(2020 + row);
            case CHAR, VARCHAR, BINARY, VARBINARY -> "'v" + row + "'";
            case TEXT, BLOB -> "'text " + row + "'";
            case JSON -> "'{\"k\": " + row + ", \"tags\": [" + row + ", " + (row + 1) + "]}'";
            case ENUM -> "'" + firstValues(t).get((row - 1) % 3) + "'";
            case SET -> "'" + firstValues(t).get((row - 1) % 3) + "'";
            case SPATIAL -> spatialValue(t, row, c.srid());
            case UUID -> "'00000000-0000-0000-0000-00000000000" + row + "'";
            case INET6 -> "'::" + row + "'";
        };
    }

    private static List<String> firstValues(String enumType) {
        String inner = enumType.substring(enumType.indexOf('(') + 1, enumType.lastIndexOf(')'));
        List<String> out = new ArrayList<>();
        for (String v : inner.split(",")) {
            out.add(v.replace("'", ""));
        }
        return out;
    }

    private static String spatialValue(String type, int row, Integer srid) {
        String wkt = switch (type) {
            case "LINESTRING" -> "LINESTRING(0 0, " + row + " " + row + ")";
            case "POLYGON" -> "POLYGON((0 0, 0 " + row + ", " + row + " " + row + ", " + row + " 0, 0 0))";
            default -> "POINT(" + row + " " + row + ")";
        };
        return "ST_GeomFromText('" + wkt + "'" + (srid == null ? "" : ", " + srid) + ")";
    }

    /** A literal default for the family (valid as written on the target), or null when it takes none. */
    static String literalDefault(GeneratedColumn c, boolean mariadb) {
        String v = switch (c.family()) {
            case INTEGER, YEAR -> c.family() == Family.YEAR ? "2000" : "0";
            case DECIMAL, FLOAT -> "1.5";
            case BIT -> "b'0'";
            case DATE -> "'2000-01-01'";
            case TIME -> "'00:00:00'";
            case DATETIME, TIMESTAMP -> "'2000-01-01 00:00:00'";
            case CHAR, VARCHAR, BINARY, VARBINARY -> "'d'";
            case ENUM, SET -> "'a'";
            case TEXT, BLOB, JSON -> mariadb ? (c.family() == Family.JSON ? "'{}'" : "'d'") : null;
            case UUID -> "'00000000-0000-0000-0000-000000000000'";
            case INET6 -> "'::'";
            case SPATIAL -> null;
        };
        if (c.family() == Family.ENUM && !c.type().contains("'a'")) {
            v = "'x'";
        }
        if (c.family() == Family.SET && !c.type().contains("'a'")) {
            v = "''";
        }
        return v;
    }

    /** An expression default (MySQL 8.0.13+ in parentheses), deterministic or not, or null. */
    static String expressionDefault(GeneratedColumn c, Chooser ch, boolean mariadb) {
        return switch (c.family()) {
            case INTEGER -> ch.pick("default-expression", List.of("(1 + 1)", "(FLOOR(RAND() * 100))"));
            case FLOAT, DECIMAL -> ch.pick("default-expression", List.of("(RAND())", "(PI())"));
            case DATE -> "(CURRENT_DATE)";
            case DATETIME, TIMESTAMP -> ch.pick("default-expression", List.of("(NOW())", "CURRENT_TIMESTAMP"
                    + c.fsp()));
            case CHAR, VARCHAR -> c.length() >= 36 ? ch.pick("default-expression", List.of("(UUID())", "('lit')"))
                    : "('lit')";
            case BINARY, VARBINARY -> c.length() >= 16 && !mariadb ? "(UUID_TO_BIN(UUID()))" : null;
            case TEXT, BLOB -> "('lit')";
            case JSON -> ch.pick("default-expression", List.of("(JSON_ARRAY())", "(JSON_OBJECT())"));
            default -> null;
        };
    }
}
