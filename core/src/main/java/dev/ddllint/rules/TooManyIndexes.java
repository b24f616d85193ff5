package dev.ddllint.rules;

import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A table that ends up with more than {@code policy.maxIndexes} indexes (10 unless ddl-lint.yml says otherwise):
 * each one is written on every change of a row.
 */
public final class TooManyIndexes implements StatementRule {

    public static final String ID = "too-many-indexes";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.INDEXES, Risk.AVAILABILITY,
            "The table has more indexes than policy.maxIndexes (default 10): every write maintains them all");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        List<IndexDefinition> added = new ArrayList<>();
        if (ctx.statement().createTable() != null) {
            added.addAll(ctx.statement().createTable().indexes());
        }
        ctx.statement().operations().stream().filter(op -> op.index() != null
                && (op.kind() == dev.ddllint.model.ClauseKind.ADD_INDEX
                || op.kind() == dev.ddllint.model.ClauseKind.ADD_PRIMARY_KEY)).forEach(op -> added.add(op.index()));
        if (added.stream().noneMatch(TooManyIndexes::counts)) {
            return;
        }
        // Indexes dropped by the same statement no longer count.
        java.util.Set<String> dropped = new java.util.HashSet<>();
        ctx.statement().operations().stream().filter(op -> op.index() != null && op.index().name() != null
                && (op.kind() == dev.ddllint.model.ClauseKind.DROP_INDEX
                || op.kind() == dev.ddllint.model.ClauseKind.DROP_PRIMARY_KEY))
                .forEach(op -> dropped.add(op.index().name().toLowerCase(java.util.Locale.ROOT)));
        List<IndexDefinition> existing = ctx.statement().createTable() != null || ctx.table() == null ? List.of()
                : ctx.table().indexes().stream().filter(i -> i.name() == null
                || !dropped.contains(i.name().toLowerCase(java.util.Locale.ROOT))).toList();
        if (ctx.statement().createTable() == null && ctx.table() == null) {
            return; // the table's indexes are not known: nothing to count
        }
        long total = existing.stream().filter(TooManyIndexes::counts).count()
                + added.stream().filter(TooManyIndexes::counts).count();
        int max = ctx.config().policy().maxIndexes();
        if (total <= max) {
            return;
        }
        sink.report(INFO, ctx.tableName() + " has " + total + " indexes after this statement (more than " + max
                        + ", policy.maxIndexes): every INSERT and DELETE writes each of them, UPDATEs write those of "
                        + "changed columns, "
                        + "and an online schema-change copy rebuilds them all",
                "look for indexes no query needs (sys.schema_unused_indexes, sys.schema_redundant_indexes) and drop "
                        + "them (invisible first); prefer one composite index over several single-column ones");
    }

    private static boolean counts(IndexDefinition i) {
        return i.kind() != IndexKind.FOREIGN && i.kind() != IndexKind.CHECK;
    }
}
