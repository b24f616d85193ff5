package dev.ddllint.rules;

import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;

import java.util.List;

/**
 * A plain index whose columns are the leftmost columns of another index (KEY (a) beside KEY (a, b)): every query it
 * serves, the longer one serves too, and writes pay for both.
 */
public final class RedundantIndex implements StatementRule {

    public static final String ID = "redundant-index";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.INDEXES, Risk.AVAILABILITY,
            "A plain index whose columns begin another index: the longer index serves its queries already");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        AddedIndexes added = AddedIndexes.of(ctx);
        List<IndexDefinition> all = added.all();
        for (IndexDefinition index : added.added()) {
            List<String> mine = AddedIndexes.columns(index);
            for (IndexDefinition other : all) {
                if (other == index) {
                    continue;
                }
                List<String> theirs = AddedIndexes.columns(other);
                if (index.kind() == IndexKind.PLAIN && isStrictPrefix(mine, theirs)) {
                    report(ctx, sink, index, other);
                    break;
                }
                if (other.kind() == IndexKind.PLAIN && isStrictPrefix(theirs, mine) && !added.added().contains(other)) {
                    report(ctx, sink, other, index);
                    break;
                }
            }
        }
    }

    private static void report(StatementContext ctx, FindingSink sink, IndexDefinition shorter, IndexDefinition longer) {
        sink.report(INFO, "index " + AddedIndexes.name(shorter) + " (" + String.join(", ", shorter.columns())
                        + ") on " + ctx.tableName() + " is redundant with " + AddedIndexes.name(longer) + " ("
                        + String.join(", ", longer.columns()) + "), whose leftmost columns are the same: writes "
                        + "maintain both for the queries one serves",
                "keep the longer index only; drop the shorter one (invisible first, then drop: see "
                        + "drop-index-not-invisible-first)");
    }

    private static boolean isStrictPrefix(List<String> shorter, List<String> longer) {
        return !shorter.isEmpty() && shorter.size() < longer.size() && longer.subList(0, shorter.size()).equals(shorter);
    }
}
