package dev.ddllint.rules;

import dev.ddllint.kb.ServerVersion;
import dev.ddllint.model.ColumnDefinition;

/**
 * A TIMESTAMP column: it stores seconds since 1970 in 32 bits, so it cannot hold a time after
 * 2038-01-19 03:14:07 UTC (MariaDB 11.5+ on 64-bit: 2106). Expiry dates and schedules reach it first.
 */
public final class Timestamp2038 implements StatementRule {

    public static final String ID = "timestamp-2038";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.POLICY, Risk.AVAILABILITY,
            "A TIMESTAMP column cannot hold times after 2038-01-19 (the 32-bit limit)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        // MariaDB 11.5 extended TIMESTAMP to 2106 on 64-bit builds; the 2038 limit holds for the versions before.
        if (!ctx.target().isMySql() && ctx.target().version().compareTo(ServerVersion.parse("11.5")) >= 0) {
            return;
        }
        for (ColumnDefinition c : DeclaredColumns.of(ctx)) {
            if (!c.type().name().equals("TIMESTAMP")) {
                continue;
            }
            sink.report(INFO, "column `" + c.name() + "` of " + ctx.tableName() + " is a TIMESTAMP: on "
                            + ctx.target().displayName() + " it cannot hold a time after 2038-01-19 03:14:07 UTC, and "
                            + "writing one fails (strict mode) or stores the zero date",
                    "use DATETIME (to 9999-12-31; it stores no time zone, so store UTC): " + c.name() + " DATETIME"
                            + (c.type().length() > 0 ? "(" + c.type().length() + ")" : "") + " NOT NULL DEFAULT "
                            + "CURRENT_TIMESTAMP works the same way for defaults");
        }
    }
}
