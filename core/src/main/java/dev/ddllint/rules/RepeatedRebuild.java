package dev.ddllint.rules;

import dev.ddllint.kb.ClassifiedOperation;

/**
 * A table rebuilt (or copied) by more than one statement of the same migration: each statement reads and writes the
 * whole table again, takes the exclusive metadata lock again, and makes replicas lag again. One ALTER with all the
 * clauses does it once.
 */
public final class RepeatedRebuild implements StatementRule {

    public static final String ID = "repeated-rebuild";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.REBUILD, Risk.DATA,
            "The migration rebuilds the same table more than once; one ALTER with all the clauses rebuilds it once")
            .foldingInto(Messages.REBUILDING_RULES);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.verdict() == null || !ctx.verdict().effective().rebuildsTable() || ctx.statement().table() == null
                || ctx.newTable()) {
            return;
        }
        String cause = ctx.verdict().operations().stream().filter(c -> c.verdict().rebuildsTable()).findFirst()
                .map(ClassifiedOperation::operation).map(op -> Messages.shorten(op.authorText())).orElse("the statement");
        String earlier = ctx.once().rememberInFile(INFO.id() + ":" + ctx.statement().table().key(), cause);
        if (earlier == null) {
            return;
        }
        sink.report(INFO, ctx.statementName() + " on " + ctx.tableName() + " rebuilds the table again ("
                        + ctx.verdictText() + ", because of \"" + cause + "\"): an earlier statement of this migration "
                        + "rebuilt it already (\"" + earlier + "\")",
                "put the clauses in one ALTER TABLE " + ctx.tableName() + " ..., ... so the table is rebuilt and "
                        + "its metadata lock taken once; keep clauses that run INSTANT in a statement of their own",
                Messages.clauses(ctx.verdict().operations().stream().filter(c -> c.verdict().rebuildsTable()).toList()));
    }
}
