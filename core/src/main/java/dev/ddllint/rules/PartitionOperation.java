package dev.ddllint.rules;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.model.ClauseKind;

import java.util.List;

/** Any partition operation: they lock or rebuild partitions, and DROP/TRUNCATE PARTITION delete rows. */
public final class PartitionOperation implements StatementRule {

    public static final String ID = "partition-operation";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.LOCKING, Risk.DATA,
            "Partition operations lock or rebuild partitions; dropping or truncating one deletes its rows")
            // The statement is reported once, by the rule that names its cause.
            .superseding(BlockingAlter.ID);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.verdict() == null) {
            return;
        }
        for (ClassifiedOperation c : ctx.verdict().operations()) {
            ClauseKind kind = c.operation().kind();
            if (!kind.isPartitionOperation()) {
                continue;
            }
            String effect = switch (kind) {
                case DROP_PARTITION -> "deletes every row of the dropped partition";
                case TRUNCATE_PARTITION -> "deletes every row of the partition";
                case PARTITION_BY, REMOVE_PARTITIONING -> "copies the whole table";
                case COALESCE_PARTITION, REORGANIZE_PARTITION, REBUILD_PARTITION -> "copies the rows of the "
                        + "affected partitions";
                default -> "locks the table's partitions";
            };
            String writes = c.verdict().blocksWrites() ? "; writes wait until it ends"
                    : c.verdict().algorithm() == Algorithm.COPY ? "; writes go on during the copy" : "";
            sink.report(INFO, Messages.operation(c) + " on " + ctx.tableName() + " " + effect + ": "
                    + c.verdict() + " on " + ctx.target().displayName() + writes, "partition changes are rejected by "
                    + "policy: run them as a planned operation with a tool built for it (for example "
                    + "pt-online-schema-change for repartitioning), after backing up the affected rows",
                    List.of(c.operation()));
        }
    }
}
