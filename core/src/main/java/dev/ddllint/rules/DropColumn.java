package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.ClauseKind;

/**
 * DROP COLUMN on an existing table. Even when it is INSTANT it breaks every application instance and client that
 * still names the column (a rolling deploy runs the previous release next to the new schema; old mobile clients
 * keep calling for weeks), and the column's data is gone.
 */
public final class DropColumn implements StatementRule {

    public static final String ID = "drop-column";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.COMPATIBILITY, Risk.DATA,
            "Dropping a column breaks application code that still uses it, and deletes its data");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (AlterOperation op : ctx.statement().operations()) {
            if (op.kind() != ClauseKind.DROP_COLUMN || op.column() == null) {
                continue;
            }
            ColumnDefinition known = ctx.columnBefore(op.column());
            String data = known != null && known.generated() == ColumnDefinition.Generated.VIRTUAL
                    ? "(a VIRTUAL column: no stored data is lost)" : "and the values it holds are deleted";
            sink.report(INFO, "\"" + Messages.shorten(op.text()) + "\" drops column `" + op.column() + "` of "
                    + ctx.tableName() + ": application instances of the previous release (during a rolling deploy) "
                    + "and old clients that still name it in a SELECT, INSERT or UPDATE fail with ERROR 1054 "
                    + "(Unknown column) from the moment it runs, " + data, help(ctx, op.column(), known));
        }
    }

    private static String help(StatementContext ctx, String column, ColumnDefinition known) {
        String table = ctx.statement().table().toString();
        String optional = known == null
                ? "(1) if `" + column + "` is NOT NULL without a DEFAULT (its definition is not known here), "
                + "make it optional first so code that stops writing it keeps working: ALTER TABLE " + table
                + " MODIFY COLUMN " + column + " <its type> NULL; "
                : known.isNotNull() && known.defaultValue() == null && !known.autoIncrement()
                && known.generated() == null
                ? "(1) make it optional so code that stops writing it keeps working: ALTER TABLE " + table
                + " MODIFY COLUMN " + column + " " + known.type() + " NULL; "
                : "(1) nothing to relax: `" + column + "` is optional for writers already; ";
        return "expand/contract, each step shipped on its own, in this order: " + optional
                + "(2) release application code that neither reads nor writes `" + column + "` (ORM mappings "
                + "included) and wait until no instance or supported client of the old release is left; (3) then "
                + "drop it in a migration of its own: ALTER TABLE " + table + " DROP COLUMN " + column
                + ", ALGORITHM=INSTANT; with a '-- ddl-lint:ignore " + ID + " <why it is safe now>' comment above it";
    }
}
