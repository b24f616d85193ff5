package dev.ddllint.schema;

import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which tables' foreign keys reference each table, kept up to date table by table as the schema changes: asked for
 * every statement, so neither a scan of every table's indexes (which grew with statements × tables × indexes) nor
 * a rebuild after each change of a table with foreign keys.
 */
final class ReferencingTables {

    /** By the referenced table's key: the referencing tables, their name by their key. */
    private final Map<String, Map<String, String>> byTarget = new HashMap<>();

    /** The table stored under {@code tableKey} was {@code before} and is {@code after} (either may be null). */
    void replace(String tableKey, TableFacts before, TableFacts after) {
        if (before != null) {
            for (String target : targets(before)) {
                Map<String, String> referencing = byTarget.get(target);
                if (referencing != null && referencing.remove(tableKey) != null && referencing.isEmpty()) {
                    byTarget.remove(target);
                }
            }
        }
        if (after != null) {
            for (String target : targets(after)) {
                byTarget.computeIfAbsent(target, k -> new HashMap<>()).put(tableKey, after.name());
            }
        }
    }

    /** The names of the tables whose foreign keys reference the table of key {@code targetKey}, sorted. */
    List<String> of(String targetKey) {
        Map<String, String> referencing = byTarget.get(targetKey);
        if (referencing == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>(referencing.values());
        names.sort(null);
        return names;
    }

    /** The keys of the tables the table's foreign keys reference. */
    static Set<String> targets(TableFacts t) {
        Set<String> targets = new TreeSet<>();
        for (IndexDefinition i : t.indexes()) {
            if (i.kind() == IndexKind.FOREIGN && i.referencedTable() != null) {
                targets.add(TableFacts.key(unqualified(i.referencedTable())));
            }
        }
        return targets;
    }

    /** The table name without its schema and quotes. */
    static String unqualified(String table) {
        String t = table.replace("`", "");
        return t.contains(".") ? t.substring(t.lastIndexOf('.') + 1) : t;
    }
}
