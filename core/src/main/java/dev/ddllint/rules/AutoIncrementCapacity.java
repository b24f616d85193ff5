package dev.ddllint.rules;

import dev.ddllint.model.ColumnDefinition;

import java.util.Map;

/**
 * An AUTO_INCREMENT column of a type that a busy table exhausts: once the counter reaches the type's maximum,
 * every INSERT fails with ERROR 1062 (or 167) until the column is widened, which copies the table.
 */
public final class AutoIncrementCapacity implements StatementRule {

    public static final String ID = "auto-increment-capacity";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.POLICY, Risk.AVAILABILITY,
            "An AUTO_INCREMENT column smaller than INT UNSIGNED: the counter runs out, then every INSERT fails");

    private static final Map<String, String> MAX_SIGNED = Map.of("TINYINT", "127", "SMALLINT", "32,767",
            "MEDIUMINT", "8,388,607", "INT", "2,147,483,647", "INTEGER", "2,147,483,647");
    private static final Map<String, String> MAX_UNSIGNED = Map.of("TINYINT", "255", "SMALLINT", "65,535",
            "MEDIUMINT", "16,777,215");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (ColumnDefinition c : DeclaredColumns.of(ctx)) {
            if (!c.autoIncrement()) {
                continue;
            }
            String max = c.type().unsigned() ? MAX_UNSIGNED.get(c.type().name()) : MAX_SIGNED.get(c.type().name());
            if (max == null) {
                continue;
            }
            sink.report(INFO, "AUTO_INCREMENT column `" + c.name() + "` of " + ctx.tableName() + " is " + c.type()
                            + ": its counter stops at " + max + ", and then every INSERT fails until the column is "
                            + "widened, which copies the table (blocking writes)",
                    "declare it BIGINT UNSIGNED (" + c.name() + " BIGINT UNSIGNED NOT NULL AUTO_INCREMENT), or at "
                            + "least INT UNSIGNED; columns referencing it need the same type");
        }
    }
}
