package dev.ddllint.rules;

import dev.ddllint.model.IndexDefinition;

import java.util.List;

/** An index added with the same columns, in the same order, as another index of the table. */
public final class DuplicateIndex implements StatementRule {

    public static final String ID = "duplicate-index";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.INDEXES, Risk.AVAILABILITY,
            "An index with the same columns as another: every write maintains both, for nothing");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        AddedIndexes added = AddedIndexes.of(ctx);
        for (int i = 0; i < added.added().size(); i++) {
            IndexDefinition index = added.added().get(i);
            List<IndexDefinition> before = added.before(i);
            IndexDefinition twin = before.stream().filter(o -> AddedIndexes.columns(o)
                    .equals(AddedIndexes.columns(index))).findFirst().orElse(null);
            if (twin == null) {
                continue;
            }
            sink.report(INFO, "index " + AddedIndexes.name(index) + " on " + ctx.tableName() + " has the same columns ("
                            + String.join(", ", index.columns()) + ") as " + AddedIndexes.name(twin) + ": InnoDB "
                            + "maintains both on every INSERT, UPDATE and DELETE, and an online schema-change tool "
                            + "copies both",
                    "drop one of them; keep the UNIQUE one if either is UNIQUE (make the other invisible first: see "
                            + "drop-index-not-invisible-first)");
        }
    }
}
