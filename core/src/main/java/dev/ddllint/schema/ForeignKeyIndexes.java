package dev.ddllint.schema;

import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The index InnoDB creates for a foreign key that no index serves (named after the constraint, else its first
 * column): a table's facts hold it as the server does, so that dropping its column drops an index too (differential
 * run 11: such a drop is NOCOPY on MariaDB, not instant).
 */
public final class ForeignKeyIndexes {

    private ForeignKeyIndexes() {
    }

    /** The indexes with one added for every foreign key that none serves. */
    public static List<IndexDefinition> withImplicit(List<IndexDefinition> indexes) {
        List<IndexDefinition> out = new ArrayList<>(indexes);
        Set<String> names = new HashSet<>();
        indexes.forEach(i -> names.add(TableFacts.key(i.name())));
        for (IndexDefinition fk : indexes) {
            if (fk.kind() != IndexKind.FOREIGN || fk.columns().isEmpty()
                    || out.stream().anyMatch(i -> serves(i, fk))) {
                continue;
            }
            String name = fk.name() != null && !names.contains(TableFacts.key(fk.name())) ? fk.name()
                    : fk.columns().get(0);
            names.add(TableFacts.key(name));
            out.add(new IndexDefinition(name, IndexKind.PLAIN, fk.columns(), null));
        }
        return out;
    }

    /** A plain, unique or primary index whose leading columns are the foreign key's. */
    public static boolean serves(IndexDefinition index, IndexDefinition fk) {
        if (index.kind() != IndexKind.PLAIN && index.kind() != IndexKind.UNIQUE && index.kind() != IndexKind.PRIMARY) {
            return false;
        }
        List<String> wanted = fk.columns().stream().map(TableFacts::key).toList();
        List<String> cols = index.columns().stream().map(TableFacts::key).toList();
        return !wanted.isEmpty() && cols.size() >= wanted.size() && cols.subList(0, wanted.size()).equals(wanted);
    }
}
