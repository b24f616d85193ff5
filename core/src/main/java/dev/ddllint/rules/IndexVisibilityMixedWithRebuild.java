package dev.ddllint.rules;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.model.ClauseKind;

/**
 * ALTER INDEX … VISIBLE/INVISIBLE (MariaDB: IGNORED) in a statement that rebuilds or copies the table: a
 * metadata-only flip, meant to be reverted in a second, becomes part of a long rebuild, and there is no clean
 * before/after to compare query plans.
 */
public final class IndexVisibilityMixedWithRebuild implements StatementRule {

    public static final String ID = "index-visibility-mixed-with-rebuild";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.EXECUTION, Risk.DATA,
            "An index visibility change in the same ALTER as a rebuild: the instant, revertible flip becomes slow");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.verdict() == null || (!ctx.verdict().natural().rebuildsTable()
                && ctx.verdict().natural().algorithm() != Algorithm.COPY)) {
            return;
        }
        ClassifiedOperation flip = ctx.verdict().operations().stream()
                .filter(c -> c.operation().kind() == ClauseKind.SET_INDEX_VISIBILITY).findFirst().orElse(null);
        ClassifiedOperation rebuilding = ctx.verdict().operations().stream()
                .filter(c -> c != flip && (c.verdict().rebuildsTable() || c.verdict().algorithm() == Algorithm.COPY))
                .findFirst()
                .orElse(null);
        if (flip == null || rebuilding == null) {
            return;
        }
        String table = ctx.statement().table().toString();
        sink.report(INFO, Messages.operation(flip) + " changes an index's visibility in the same statement as "
                        + Messages.operation(rebuilding) + ", which rebuilds " + ctx.tableName() + " ("
                        + ctx.verdictText() + "): the flip waits for the whole rebuild, and reverting it means "
                        + "another ALTER while the table is busy",
                "flip visibility in a statement of its own, which is metadata-only: ALTER TABLE " + table + " "
                        + Messages.shorten(flip.operation().text()) + "; then run the rebuilding change separately");
    }
}
