package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.schema.TableFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The B-tree indexes a statement adds (a CREATE TABLE's, ADD INDEX/UNIQUE/PRIMARY KEY, CREATE INDEX) and those the
 * table has before it, as far as known. Indexes with a prefix length or an expression are left out: comparing them
 * needs more than their column names.
 */
record AddedIndexes(List<IndexDefinition> existing, List<IndexDefinition> added) {

    private static final Set<IndexKind> BTREE = Set.of(IndexKind.PLAIN, IndexKind.UNIQUE, IndexKind.PRIMARY);

    static AddedIndexes of(StatementContext ctx) {
        List<IndexDefinition> added = new ArrayList<>();
        if (ctx.statement().createTable() != null) {
            added.addAll(ctx.statement().createTable().indexes());
        }
        for (AlterOperation op : ctx.statement().operations()) {
            if ((op.kind() == ClauseKind.ADD_INDEX || op.kind() == ClauseKind.ADD_PRIMARY_KEY)
                    && op.index() != null) {
                added.add(op.index());
            }
        }
        boolean create = ctx.statement().createTable() != null;
        List<IndexDefinition> existing = create || ctx.table() == null ? List.of() : ctx.table().indexes();
        // An index dropped in the same statement (DROP INDEX a, ADD INDEX a (…)) is replaced, not doubled; one added
        // under an existing name is refused by the server (ERROR 1061), not a second index.
        Set<String> replaced = new java.util.HashSet<>();
        for (AlterOperation op : ctx.statement().operations()) {
            if ((op.kind() == ClauseKind.DROP_INDEX || op.kind() == ClauseKind.DROP_PRIMARY_KEY)
                    && op.index() != null) {
                replaced.add(op.kind() == ClauseKind.DROP_PRIMARY_KEY ? "primary" : TableFacts.key(op.index().name()));
            }
        }
        added.stream().map(i -> i.kind() == IndexKind.PRIMARY ? "primary" : TableFacts.key(i.name()))
                .filter(n -> !n.isEmpty()).forEach(replaced::add);
        List<IndexDefinition> kept = existing.stream().filter(i -> !replaced.contains(i.kind() == IndexKind.PRIMARY
                ? "primary" : TableFacts.key(i.name()))).toList();
        return new AddedIndexes(comparable(kept), comparable(added));
    }

    private static List<IndexDefinition> comparable(List<IndexDefinition> indexes) {
        return indexes.stream().filter(i -> BTREE.contains(i.kind()) && i.prefixedColumns().isEmpty()
                && !i.hasExpressionPart() && !i.columns().isEmpty()).toList();
    }

    /** The existing indexes and those added before the {@code i}-th added one. */
    List<IndexDefinition> before(int i) {
        List<IndexDefinition> all = new ArrayList<>(existing);
        all.addAll(added.subList(0, i));
        return all;
    }

    List<IndexDefinition> all() {
        List<IndexDefinition> all = new ArrayList<>(existing);
        all.addAll(added);
        return all;
    }

    static List<String> columns(IndexDefinition index) {
        return index.columns().stream().map(TableFacts::key).toList();
    }

    static String name(IndexDefinition index) {
        return index.kind() == IndexKind.PRIMARY ? "PRIMARY KEY" : index.name() == null ? "(unnamed)"
                : "`" + index.name() + "`";
    }
}
