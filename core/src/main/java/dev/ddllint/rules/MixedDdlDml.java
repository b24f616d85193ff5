package dev.ddllint.rules;

import dev.ddllint.model.StatementKind;
import dev.ddllint.model.StatementOrigin;

/**
 * DDL and DML in one migration file. MySQL and MariaDB commit each DDL statement implicitly, so a migration that
 * fails half way cannot be rolled back: the DDL before the failure stays, the DML may be half applied, and the
 * migration cannot simply be run again. Reported once per file, at the statement that mixes them.
 */
public final class MixedDdlDml implements StatementRule {

    public static final String ID = "mixed-ddl-dml";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.EXECUTION, Risk.AVAILABILITY,
            "DDL and DML in one migration: DDL commits implicitly, so a failure leaves the migration half applied");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.origin().kind() != StatementOrigin.Kind.FILE || !ctx.statement().parsed()) {
            return;
        }
        boolean ddl = ctx.statement().kind() == StatementKind.CREATE_TABLE
                || MissingLockWaitTimeout.TABLE_DDL.contains(ctx.statement().kind());
        boolean dml = DmlText.of(ctx.sql()).verb() != null;
        if (!ddl && !dml) {
            return;
        }
        String mine = ddl ? "ddl" : "dml";
        String other = ddl ? "dml" : "ddl";
        // Only the first statement of each kind in a file is remembered: shortened only when it is kept or quoted.
        String text = null;
        if (ctx.once().recallInFile(ID + ":" + mine) == null) {
            text = Messages.shorten(ctx.sql());
            ctx.once().rememberInFile(ID + ":" + mine, text);
        }
        String earlier = ctx.once().recallInFile(ID + ":" + other);
        if (earlier == null || !ctx.once().firstInFile(ID)) {
            return;
        }
        text = text != null ? text : Messages.shorten(ctx.sql());
        sink.report(INFO, "this migration mixes DDL and DML (\"" + earlier + "\" before \"" + text + "\"): "
                        + ctx.target().displayName() + " commits each DDL statement implicitly, so if the migration "
                        + "fails after it, the DDL stays applied, the data changes are partly done and running the "
                        + "migration again fails",
                "put the schema change and the data change in separate migrations, in the order they must ship "
                        + "(typically: the ALTER that adds a column, then a migration that backfills it in batches); "
                        + "seed rows for a table created in the same file can stay if the migration is re-runnable "
                        + "(CREATE TABLE IF NOT EXISTS, INSERT IGNORE)");
    }
}
