package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.OperationKind;

/** A DDL statement, or a clause of an ALTER, that neither JSqlParser nor the clause reader understood. */
public final class UnparseableStatement implements Rule {

    public static final RuleInfo INFO = new RuleInfo("unparseable-statement", Severity.WARNING,
            "ddl-lint could not understand a statement or clause, so it cannot vouch for it");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        String help = "check the syntax; if the statement is valid MySQL, report it with the statement so "
                + "ddl-lint learns it, and review its locking by hand meanwhile";
        if (!ctx.statement().parsed()) {
            sink.report(INFO, "statement not understood: " + ctx.statement().parseNote(), help);
            return;
        }
        for (AlterOperation op : ctx.statement().operations()) {
            if (op.kind() == OperationKind.UNKNOWN) {
                sink.report(INFO, "clause not understood: \"" + Messages.shorten(op.text())
                        + "\" (assumed the worst: COPY, LOCK=EXCLUSIVE)", help);
            }
        }
    }
}
