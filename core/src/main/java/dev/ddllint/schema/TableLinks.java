package dev.ddllint.schema;

import java.util.List;

/**
 * What ties a table to others, as far as the analysed migrations (and a live schema) show: what online
 * schema-change tools refuse.
 *
 * @param triggers     triggers the migrations create on the table
 * @param referencedBy tables whose foreign keys reference this one
 */
public record TableLinks(List<String> triggers, List<String> referencedBy) {

    public static final TableLinks NONE = new TableLinks(List.of(), List.of());

    public TableLinks {
        triggers = List.copyOf(triggers);
        referencedBy = List.copyOf(referencedBy);
    }
}
