package dev.ddllint.model;

import java.util.List;

/** An index or key: name (may be null), kind and its column names (expression parts appear as written). */
public record IndexDefinition(String name, IndexKind kind, List<String> columns, String referencedTable) {

    public enum IndexKind { PLAIN, UNIQUE, FULLTEXT, SPATIAL, PRIMARY, FOREIGN, CHECK }

    public IndexDefinition {
        columns = List.copyOf(columns);
    }
}
