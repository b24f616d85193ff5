package dev.ddllint.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A column data type: base name (upper case), its arguments (length, precision, ENUM/SET members) and
 * attributes that are part of the type for InnoDB (UNSIGNED, ZEROFILL, character set, collation).
 */
public record ColumnType(String name, List<String> arguments, boolean unsigned, boolean zerofill,
                         String charset, String collation) {

    /**
     * Base type names MySQL or MariaDB accept (synonyms included; {@code NATIONAL}, {@code LONG}, {@code CHARACTER
     * VARYING} and {@code DOUBLE PRECISION} arrive already folded). Oracle-mode names (VARCHAR2, NUMBER) are left
     * out: without {@code sql_mode=ORACLE} the server rejects them.
     */
    private static final Set<String> KNOWN_NAMES = Set.of("TINYINT", "SMALLINT", "MEDIUMINT", "MIDDLEINT", "INT",
            "INTEGER", "BIGINT", "INT1", "INT2", "INT3", "INT4", "INT8", "SERIAL", "BIT", "BOOL", "BOOLEAN",
            "DECIMAL", "DEC", "NUMERIC", "FIXED", "FLOAT", "FLOAT4", "FLOAT8", "DOUBLE", "REAL",
            "DATE", "DATETIME", "TIMESTAMP", "TIME", "YEAR",
            "CHAR", "CHARACTER", "VARCHAR", "VARCHARACTER", "NCHAR", "NVARCHAR", "BINARY", "VARBINARY",
            "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB",
            "ENUM", "SET", "JSON", "VECTOR", "INET4", "INET6", "UUID",
            "GEOMETRY", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON",
            "GEOMETRYCOLLECTION", "GEOMCOLLECTION");

    /** False for a type name neither MySQL nor MariaDB has ({@code VARCHARR}, {@code FOOTYPE}). */
    public boolean isKnownName() {
        return KNOWN_NAMES.contains(name);
    }

    public ColumnType {
        name = name.toUpperCase(Locale.ROOT);
        arguments = List.copyOf(arguments);
    }

    public boolean isVarchar() {
        return name.equals("VARCHAR") || name.equals("VARBINARY");
    }

    public boolean isEnumOrSet() {
        return name.equals("ENUM") || name.equals("SET");
    }

    /** First numeric argument (length or precision), or -1. */
    public int length() {
        if (arguments.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(arguments.get(0).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The type without character set or collation, for "did the data type change" comparisons. */
    public String canonical() {
        String base = switch (name) {
            case "INTEGER", "INT4" -> "INT";
            case "BOOL", "BOOLEAN", "INT1" -> "TINYINT";
            case "INT2" -> "SMALLINT";
            case "INT3", "MIDDLEINT" -> "MEDIUMINT";
            case "INT8" -> "BIGINT";
            case "DEC", "NUMERIC", "FIXED" -> "DECIMAL";
            case "VARCHARACTER" -> "VARCHAR";
            case "CHARACTER" -> "CHAR";
            default -> name;
        };
        List<String> args = arguments.stream().map(String::trim).toList();
        // Integer display widths (INT(11)) do not change storage.
        if (base.endsWith("INT")) {
            args = List.of();
        }
        // Spelled-out defaults are the same type: DATETIME(0) is DATETIME, DECIMAL is DECIMAL(10,0), CHAR is CHAR(1),
        // YEAR(4) is YEAR (differential run 9 took TIMESTAMP to TIMESTAMP(0) for a type change).
        args = switch (base) {
            case "DATETIME", "TIMESTAMP", "TIME" -> args.equals(List.of("0")) ? List.of() : args;
            case "DECIMAL" -> args.isEmpty() ? List.of("10", "0") : args.size() == 1 ? List.of(args.get(0), "0") : args;
            case "CHAR", "BINARY", "BIT" -> args.isEmpty() ? List.of("1") : args;
            case "YEAR" -> args.equals(List.of("4")) ? List.of() : args;
            default -> args;
        };
        StringBuilder sb = new StringBuilder(base);
        if (!args.isEmpty()) {
            sb.append('(').append(String.join(",", args)).append(')');
        }
        if (unsigned) {
            sb.append(" UNSIGNED");
        }
        if (zerofill) {
            sb.append(" ZEROFILL");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name);
        if (!arguments.isEmpty()) {
            sb.append('(').append(String.join(",", arguments)).append(')');
        }
        if (unsigned) {
            sb.append(" UNSIGNED");
        }
        if (zerofill) {
            sb.append(" ZEROFILL");
        }
        if (charset != null) {
            sb.append(" CHARACTER SET ").append(charset);
        }
        if (collation != null) {
            sb.append(" COLLATE ").append(collation);
        }
        return sb.toString();
    }
}
