package dev.ddllint.rules;

import dev.ddllint.model.StatementKind;

/** TRUNCATE TABLE: every row is deleted at once, without a WHERE and without an undo. */
public final class TruncateTable implements StatementRule {

    public static final String ID = "truncate-table";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.DATA_LOSS, Risk.DATA,
            "TRUNCATE TABLE deletes every row, and cannot be rolled back");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.statement().kind() != StatementKind.TRUNCATE_TABLE || ctx.statement().table() == null) {
            return;
        }
        String t = ctx.statement().table().toString();
        sink.report(INFO, "TRUNCATE TABLE `" + t + "` deletes every row of it: it is DDL (it drops and recreates the "
                        + "table, committing implicitly), so it cannot be rolled back, and it takes an exclusive "
                        + "metadata lock like an ALTER",
                "to keep the rows for a while, swap in an empty copy atomically: CREATE TABLE " + t + "_new LIKE " + t
                        + "; RENAME TABLE " + t + " TO " + t + "_old, " + t + "_new TO " + t + "; and drop " + t
                        + "_old after a retention period; to delete some rows, DELETE … WHERE … LIMIT 1000 in batches");
    }
}
