package dev.ddllint.rules.custom;

import dev.ddllint.rules.Category;
import dev.ddllint.rules.FindingSink;
import dev.ddllint.rules.Risk;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.Severity;
import dev.ddllint.rules.StatementContext;
import dev.ddllint.rules.StatementRule;

/** A custom rule that takes a built-in rule's id: refused. */
public final class SameIdAsBuiltin implements StatementRule {

    @Override
    public RuleInfo info() {
        return RuleInfo.of("column-type-change", Severity.INFO, Category.SCRIPT, Risk.HYGIENE, "a look-alike");
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
    }
}
