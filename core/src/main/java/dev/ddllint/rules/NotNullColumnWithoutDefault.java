package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.ClauseKind;

/**
 * ADD COLUMN … NOT NULL without a DEFAULT on an existing table: the rows get the type's implicit value (0, '',
 * the zero date), and every INSERT of the previous release, which does not name the column, fails in strict mode.
 */
public final class NotNullColumnWithoutDefault implements StatementRule {

    public static final String ID = "not-null-column-without-default";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.COMPATIBILITY, Risk.DATA,
            "A new NOT NULL column without a DEFAULT breaks the INSERTs of code that does not know it yet");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (AlterOperation op : ctx.statement().operations()) {
            ColumnDefinition c = op.definition();
            if (op.kind() != ClauseKind.ADD_COLUMN || c == null || !c.isNotNull() || c.defaultValue() != null
                    || c.autoIncrement() || c.generated() != null || c.type() == null) {
                continue;
            }
            String table = ctx.statement().table().toString();
            // BLOB, TEXT, JSON and geometry columns take only an expression default (MySQL 8.0.13+, MariaDB 10.2+).
            String name = c.type().name();
            boolean expressionOnly = name.endsWith("TEXT") || name.endsWith("BLOB") || name.equals("JSON")
                    || name.equals("GEOMETRY");
            String withDefault = expressionOnly ? "NOT NULL DEFAULT (<expression>)"
                    : "NOT NULL DEFAULT <value>, ALGORITHM=INSTANT";
            sink.report(INFO, "\"" + Messages.shorten(op.text()) + "\" adds NOT NULL column `" + c.name() + "` to "
                            + ctx.tableName() + " without a DEFAULT: the existing rows get " + c.type().name()
                            + "'s implicit value, and every INSERT of the previous release and of old clients, which "
                            + "does not name `" + c.name() + "`, fails with ERROR 1364 (Field doesn't have a default "
                            + "value) in strict mode",
                    "ship it in this order: (1) migration: ALTER TABLE " + table + " ADD COLUMN " + c.name() + " "
                            + c.type() + " " + withDefault + "; (or NULL without a default); "
                            + "(2) release code that writes `" + c.name() + "`; (3) if it had no default: backfill in "
                            + "batches (UPDATE " + table + " SET " + c.name() + " = <value> WHERE " + c.name()
                            + " IS NULL LIMIT 1000), then, once no old writer is left, ALTER TABLE " + table
                            + " MODIFY COLUMN " + c.name() + " " + c.type() + " NOT NULL; (a rebuild: see "
                            + "column-made-not-null)");
        }
    }
}
