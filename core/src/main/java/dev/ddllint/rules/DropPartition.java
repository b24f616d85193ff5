package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ClauseKind;

/** DROP PARTITION and TRUNCATE PARTITION: the partition's rows are deleted, with no undo. */
public final class DropPartition implements StatementRule {

    public static final String ID = "drop-partition";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.DATA_LOSS, Risk.DATA,
            "DROP PARTITION and TRUNCATE PARTITION delete the partition's rows");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (AlterOperation op : ctx.statement().operations()) {
            if (op.kind() != ClauseKind.DROP_PARTITION && op.kind() != ClauseKind.TRUNCATE_PARTITION) {
                continue;
            }
            String t = ctx.statement().table().toString();
            sink.report(INFO, "\"" + Messages.shorten(op.text()) + "\" on " + ctx.tableName() + " deletes every row "
                            + "of the partition" + (op.kind() == ClauseKind.DROP_PARTITION ? "s it drops" : "")
                            + ": there is no undo, and the statement commits implicitly",
                    "to keep the rows, move them out first with EXCHANGE PARTITION (it swaps metadata, no copy): "
                            + "CREATE TABLE " + t + "_p LIKE " + t + "; ALTER TABLE " + t + "_p REMOVE PARTITIONING; "
                            + "ALTER TABLE " + t + " EXCHANGE PARTITION <p> WITH TABLE " + t + "_p; then drop the "
                            + "emptied partition, and " + t + "_p after a retention period; when deleting the rows "
                            + "is the point (retention), allow it with '-- ddl-lint:ignore " + ID + " <reason>'");
        }
    }
}
