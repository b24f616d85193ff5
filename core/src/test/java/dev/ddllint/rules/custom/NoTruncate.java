package dev.ddllint.rules.custom;

import dev.ddllint.model.StatementKind;
import dev.ddllint.rules.Category;
import dev.ddllint.rules.FindingSink;
import dev.ddllint.rules.Risk;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.Severity;
import dev.ddllint.rules.StatementContext;
import dev.ddllint.rules.StatementRule;

/** A custom rule as a team writes one, for the SPI tests: found through a META-INF/services file. */
public final class NoTruncate implements StatementRule {

    static final RuleInfo INFO = RuleInfo.of("team-no-truncate", Severity.ERROR, Category.SCRIPT, Risk.DATA,
            "TRUNCATE TABLE in a migration").documentedAt("https://wiki.example.com/rules/team-no-truncate");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.statement().kind() == StatementKind.TRUNCATE_TABLE) {
            sink.report(INFO, "TRUNCATE TABLE " + ctx.tableName() + " deletes every row", "delete in batches");
        }
    }
}
