package dev.ddllint.rules;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.ClassifiedOperation;

import java.util.List;

/** An online ALTER that still rewrites the whole table: safe only while the row log holds the writes. */
public final class TableRebuild implements StatementRule {

    public static final String ID = "table-rebuild";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.REBUILD, Risk.DATA,
            "The ALTER runs online but rebuilds the whole table");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.verdict() == null || ctx.verdict().effective().algorithm() != Algorithm.INPLACE
                || !ctx.verdict().effective().rebuildsTable() || ctx.verdict().effective().blocksWrites()) {
            return;
        }
        List<ClassifiedOperation> rebuilding = ctx.verdict().operations().stream()
                .filter(c -> c.verdict().rebuildsTable() || c.instantFallback() != null
                        && c.instantFallback().rebuildsTable()).toList();
        String cause = rebuilding.isEmpty() ? "the requested ALGORITHM=INPLACE"
                : Messages.operation(rebuilding.get(0));
        sink.report(INFO, ctx.statementName() + " on " + ctx.tableName() + " rebuilds the table online: "
                        + ctx.verdictText() + ", because of " + cause + Messages.assumptions(rebuilding),
                "writes made during the rebuild must fit in innodb_online_alter_log_max_size (128 MiB by default) "
                        + "or the ALTER fails at the end; on a large or busy table " + Help.shadowTable(ctx),
                Messages.clauses(rebuilding));
    }
}
