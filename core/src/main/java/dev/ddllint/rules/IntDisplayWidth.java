package dev.ddllint.rules;

import dev.ddllint.kb.ServerFlavor;
import dev.ddllint.model.ColumnDefinition;

import java.util.List;

/**
 * An integer display width (INT(11)): deprecated since MySQL 8.0.17, which ignores it and drops it from SHOW
 * CREATE TABLE, so schema diffs and tools that compare definitions see changes that are not there. TINYINT(1)
 * is left alone: connectors read it as a boolean.
 */
public final class IntDisplayWidth implements StatementRule {

    public static final String ID = "int-display-width";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.POLICY, Risk.AVAILABILITY,
            "An integer display width (INT(11)): deprecated and ignored, it only confuses schema comparisons")
            .onlyOn(ServerRange.of(ServerFlavor.MYSQL, "8.0.17"));

    private static final List<String> INTEGERS = List.of("TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER",
            "BIGINT");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        List<ColumnDefinition> widths = DeclaredColumns.of(ctx).stream()
                .filter(c -> INTEGERS.contains(c.type().name()) && !c.type().arguments().isEmpty())
                .filter(c -> !(c.type().name().equals("TINYINT") && c.type().length() == 1))
                .filter(c -> !c.type().zerofill())
                .toList();
        if (widths.isEmpty()) {
            return;
        }
        String list = String.join(", ", widths.stream().map(c -> "`" + c.name() + "` " + c.type()).toList());
        sink.report(INFO, ctx.tableName() + " declares integer display widths (" + Messages.shorten(list) + "): "
                        + ctx.target().displayName() + " ignores them (deprecated since 8.0.17) and SHOW CREATE TABLE "
                        + "no longer prints them, so definitions compared with it differ",
                "leave the width out: INT, BIGINT UNSIGNED (keep TINYINT(1) only where a connector maps it to "
                        + "boolean)");
    }
}
