package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.ClauseKind;

/**
 * RENAME COLUMN, or CHANGE COLUMN with a new name: instant on MySQL 8.0+ and MariaDB 10.5+, and still an outage
 * for every running instance and client that uses the old name. Online schema-change tools refuse renames too.
 */
public final class RenameColumn implements StatementRule {

    public static final String ID = "rename-column";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.COMPATIBILITY, Risk.DATA,
            "Renaming a column (RENAME COLUMN, or CHANGE with a new name) breaks code that uses the old name");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (AlterOperation op : ctx.statement().operations()) {
            String to = newName(op);
            if (to == null) {
                continue;
            }
            ColumnDefinition known = ctx.columnBefore(op.column());
            String type = op.definition() != null && op.definition().type() != null ? op.definition().type()
                    .toString() : known != null ? known.type().toString() : "<its type>";
            String table = ctx.statement().table().toString();
            sink.report(INFO, "\"" + Messages.shorten(op.text()) + "\" renames column `" + op.column() + "` of "
                            + ctx.tableName() + " to `" + to + "`: instances of the previous release (during a rolling "
                            + "deploy) and old clients still use `" + op.column() + "` and fail with ERROR 1054 "
                            + "(Unknown column) from the moment it runs",
                    "expand/contract, each step shipped on its own, in this order: (1) migration: ALTER TABLE "
                            + table + " ADD COLUMN " + to + " " + type + " NULL, ALGORITHM=INSTANT; (2) release code "
                            + "that writes both columns; (3) migration: backfill in batches, UPDATE " + table
                            + " SET " + to + " = " + op.column() + " WHERE " + to + " IS NULL AND <key range> "
                            + "LIMIT 1000; (4) release code that reads and writes `" + to + "` only, and wait until "
                            + "no old instance or client is left; (5) migration: ALTER TABLE " + table
                            + " DROP COLUMN " + op.column() + " (see drop-column)");
        }
    }

    /** The new name of a renaming clause, or null when the clause keeps the name. */
    private static String newName(AlterOperation op) {
        if (op.column() == null) {
            return null;
        }
        String to = op.kind() == ClauseKind.RENAME_COLUMN ? op.newName()
                : op.kind() == ClauseKind.CHANGE_COLUMN && op.definition() != null ? op.definition().name()
                : null;
        return to == null || to.equalsIgnoreCase(op.column()) ? null : to;
    }
}
