package dev.ddllint.model;

import java.util.List;

/**
 * An index or key: name (may be null), kind and its column names (expression parts appear as written, in
 * parentheses).
 *
 * @param usingHash        declared {@code USING HASH} (MariaDB builds a UNIQUE one as a hidden hash column)
 * @param prefixedColumns  the columns indexed by a prefix ({@code c(10)})
 * @param cascading        a foreign key with an ON DELETE/UPDATE CASCADE or SET NULL action
 * @param referencedColumns a foreign key's columns of the referenced table ({@code REFERENCES p (a, b)}), in order
 * @param signature        the key parts and index options as written, normalised ({@link #signatureOf}), so two
 *                         declarations of the same key compare equal; null when not known (then none is the same).
 *                         A CHECK constraint's is its enforcement: {@link #ENFORCED} or {@link #NOT_ENFORCED}
 */
public record IndexDefinition(String name, IndexKind kind, List<String> columns, String referencedTable,
                              boolean usingHash, List<String> prefixedColumns, boolean cascading,
                              List<String> referencedColumns, String signature) {

    public enum IndexKind { PLAIN, UNIQUE, FULLTEXT, SPATIAL, PRIMARY, FOREIGN, CHECK }

    public static final String ENFORCED = "enforced";
    public static final String NOT_ENFORCED = "not enforced";

    public IndexDefinition {
        columns = List.copyOf(columns);
        prefixedColumns = List.copyOf(prefixedColumns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    public IndexDefinition(String name, IndexKind kind, List<String> columns, String referencedTable,
                           boolean usingHash, List<String> prefixedColumns, boolean cascading) {
        this(name, kind, columns, referencedTable, usingHash, prefixedColumns, cascading, List.of(), null);
    }

    public IndexDefinition(String name, IndexKind kind, List<String> columns, String referencedTable,
                           boolean usingHash, List<String> prefixedColumns, boolean cascading,
                           List<String> referencedColumns) {
        this(name, kind, columns, referencedTable, usingHash, prefixedColumns, cascading, referencedColumns, null);
    }

    /** The signature of key parts that are plain columns in ascending order, with no index option. */
    public static String signatureOf(List<String> columns) {
        return "( " + String.join(" , ", columns.stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList())
                + " )";
    }

    public IndexDefinition withSignature(String s) {
        return new IndexDefinition(name, kind, columns, referencedTable, usingHash, prefixedColumns, cascading,
                referencedColumns, s);
    }

    /** The same key declared again: same kind, columns, directions, prefixes and options, as far as known. */
    public boolean sameDeclarationAs(IndexDefinition other) {
        return other != null && signature != null && signature.equals(other.signature) && usingHash == other.usingHash;
    }

    public IndexDefinition(String name, IndexKind kind, List<String> columns, String referencedTable) {
        this(name, kind, columns, referencedTable, false, List.of(), false);
    }

    /** A functional key part ({@code ((a + 1))}): MySQL indexes it through a hidden VIRTUAL column. */
    public boolean hasExpressionPart() {
        return columns.stream().anyMatch(c -> c.startsWith("("));
    }

    public IndexDefinition withName(String n) {
        return new IndexDefinition(n, kind, columns, referencedTable, usingHash, prefixedColumns, cascading,
                referencedColumns, signature);
    }

    public IndexDefinition withColumns(List<String> c) {
        return new IndexDefinition(name, kind, c, referencedTable, usingHash,
                prefixedColumns.stream().filter(c::contains).toList(), cascading, referencedColumns,
                c.equals(columns) ? signature : null);
    }

    /** A foreign key whose referenced table is now called {@code table}. */
    public IndexDefinition withReferencedTable(String table) {
        return new IndexDefinition(name, kind, columns, table, usingHash, prefixedColumns, cascading,
                referencedColumns, signature);
    }

    /** A foreign key whose referenced table now calls column {@code from} {@code to}. */
    public IndexDefinition withReferencedColumnRenamed(String from, String to) {
        return new IndexDefinition(name, kind, columns, referencedTable, usingHash, prefixedColumns, cascading,
                referencedColumns.stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList(), signature);
    }
}
