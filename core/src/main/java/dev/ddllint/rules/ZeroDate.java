package dev.ddllint.rules;

import dev.ddllint.model.ColumnDefinition;

/**
 * A zero date ('0000-00-00') as a column default: the default sql_mode (NO_ZERO_DATE with strict mode) refuses it,
 * so the statement fails on a default-configured server, and application drivers turn it into errors or nulls.
 */
public final class ZeroDate implements StatementRule {

    public static final String ID = "zero-date";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.POLICY, Risk.AVAILABILITY,
            "A zero date ('0000-00-00') default: refused by the default sql_mode, unreadable for many drivers");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (ColumnDefinition c : DeclaredColumns.of(ctx)) {
            if (c.defaultValue() == null || !c.defaultValue().contains("0000-00-00")) {
                continue;
            }
            sink.report(INFO, "column `" + c.name() + "` of " + ctx.tableName() + " defaults to a zero date ("
                            + c.defaultValue() + "): with the default sql_mode (STRICT_TRANS_TABLES, NO_ZERO_DATE) "
                            + ctx.target().displayName() + " refuses the statement (ERROR 1067, Invalid default value), "
                            + "and JDBC and other drivers fail on reading a zero date",
                    "declare it NULL without a default (DEFAULT NULL) or with a real date, e.g. " + c.name() + " "
                            + c.type() + " NULL DEFAULT NULL");
        }
    }
}
