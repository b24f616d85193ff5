package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ClauseKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table created with, or changed to, an engine other than InnoDB: MyISAM and Aria lock the whole table for every
 * write, lose rows in a crash and have no transactions, MEMORY loses everything on restart; none has online DDL.
 */
public final class NonInnodbEngine implements StatementRule {

    public static final String ID = "non-innodb-engine";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.POLICY, Risk.AVAILABILITY,
            "A table on an engine other than InnoDB: no transactions, table locks, no online DDL");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        List<String> engines = new ArrayList<>();
        if (ctx.statement().createTable() != null && ctx.statement().createTable().options().get("ENGINE") != null) {
            engines.add(ctx.statement().createTable().options().get("ENGINE"));
        }
        for (AlterOperation op : ctx.statement().operations()) {
            if (op.kind() == ClauseKind.ENGINE && op.value() != null) {
                engines.add(op.value());
            }
        }
        for (String engine : engines) {
            String e = engine.replace("`", "").replace("'", "").toUpperCase(Locale.ROOT);
            if (e.equals("INNODB")) {
                continue;
            }
            sink.report(INFO, ctx.tableName() + " uses ENGINE=" + e + ", not InnoDB: " + (e.equals("MEMORY")
                            ? "its rows are lost on every restart, and " : "") + "writes lock the whole table, a crash "
                            + "can lose or corrupt rows, there are no transactions or foreign keys, and no ALTER of "
                            + "it runs online",
                    "use ENGINE=InnoDB (the default: leave ENGINE out); to convert an existing table, ALTER TABLE "
                            + ctx.statement().table() + " ENGINE=InnoDB; copies it (plan it like any copy)");
        }
    }
}
