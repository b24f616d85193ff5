package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;

/**
 * MODIFY/CHANGE that makes a nullable column NOT NULL: writers of the previous release that leave it out or write
 * NULL fail, and existing NULLs fail the ALTER (strict mode) or become the implicit value.
 */
public final class ColumnMadeNotNull implements StatementRule {

    public static final String ID = "column-made-not-null";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.COMPATIBILITY, Risk.DATA,
            "Making a nullable column NOT NULL breaks writers that leave it out, and fails on existing NULLs");
    /** The earlier definition is unknown: it may have been NOT NULL already, so ddl-lint says so and no more. */
    static final RuleInfo UNKNOWN = INFO.withDefaultSeverity(Severity.INFO);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (AlterOperation op : DeclaredColumns.redefinitions(ctx)) {
            ColumnDefinition c = op.definition();
            if (!c.isNotNull()) {
                continue;
            }
            ColumnDefinition before = ctx.columnBefore(op.column());
            if (before != null && before.isNotNull()) {
                continue;
            }
            String fact = before == null ? "may make column `" + op.column() + "` NOT NULL (its earlier definition "
                    + "is not known to ddl-lint; if it was NULL)" : "makes nullable column `" + op.column()
                    + "` NOT NULL";
            String table = ctx.statement().table().toString();
            sink.report(before == null ? UNKNOWN : INFO, "\"" + Messages.shorten(op.text()) + "\" " + fact + " on "
                            + ctx.tableName() + ": INSERTs of the previous release and of old clients that leave it "
                            + "out or write NULL fail (ERROR 1364 / 1048), and existing NULL rows make the ALTER fail "
                            + "in strict mode (or silently become " + c.type().name() + "'s implicit value)",
                    "ship it in this order: (1) release code that always writes `" + op.column() + "`, and wait until "
                            + "no old writer is left (or give the column a DEFAULT first: ALTER TABLE " + table
                            + " ALTER COLUMN " + op.column() + " SET DEFAULT <value>;); (2) migration: backfill in "
                            + "batches, UPDATE " + table + " SET " + op.column() + " = <value> WHERE " + op.column()
                            + " IS NULL LIMIT 1000; until no row changes; (3) migration: ALTER TABLE " + table
                            + " MODIFY COLUMN " + op.column() + " " + c.type() + " NOT NULL, ALGORITHM=INPLACE, "
                            + "LOCK=NONE; (it rebuilds the table)");
        }
    }
}
