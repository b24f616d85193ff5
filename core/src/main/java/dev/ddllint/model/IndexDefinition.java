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
 */
public record IndexDefinition(String name, IndexKind kind, List<String> columns, String referencedTable,
                              boolean usingHash, List<String> prefixedColumns, boolean cascading,
                              List<String> referencedColumns) {

    public enum IndexKind { PLAIN, UNIQUE, FULLTEXT, SPATIAL, PRIMARY, FOREIGN, CHECK }

    public IndexDefinition {
        columns = List.copyOf(columns);
        prefixedColumns = List.copyOf(prefixedColumns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    public IndexDefinition(String name, IndexKind kind, List<String> columns, String referencedTable,
                           boolean usingHash, List<String> prefixedColumns, boolean cascading) {
        this(name, kind, columns, referencedTable, usingHash, prefixedColumns, cascading, List.of());
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
                referencedColumns);
    }

    public IndexDefinition withColumns(List<String> c) {
        return new IndexDefinition(name, kind, c, referencedTable, usingHash,
                prefixedColumns.stream().filter(c::contains).toList(), cascading, referencedColumns);
    }

    /** A foreign key whose referenced table is now called {@code table}. */
    public IndexDefinition withReferencedTable(String table) {
        return new IndexDefinition(name, kind, columns, table, usingHash, prefixedColumns, cascading,
                referencedColumns);
    }

    /** A foreign key whose referenced table now calls column {@code from} {@code to}. */
    public IndexDefinition withReferencedColumnRenamed(String from, String to) {
        return new IndexDefinition(name, kind, columns, referencedTable, usingHash, prefixedColumns, cascading,
                referencedColumns.stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList());
    }
}
