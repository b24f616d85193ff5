package dev.ddllint.rules;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.kb.DdlOperation;

import java.util.List;

/**
 * A clause that alone runs INSTANT in the same ALTER as one that rebuilds or copies the table: the whole statement
 * takes the slow path, so the instant change waits for (and fails with) the rebuild.
 */
public final class InstantMixedWithRebuild implements StatementRule {

    public static final String ID = "instant-mixed-with-rebuild";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.EXECUTION, Risk.DATA,
            "An instant-only clause in the same ALTER as a rebuilding one: the instant change waits for the rebuild");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.verdict() == null || !ctx.verdict().natural().rebuildsTable()) {
            return;
        }
        List<ClassifiedOperation> ops = ctx.verdict().operations();
        // Only verdicts that are certain: a rebuild assumed for lack of table facts is no reason to split.
        ClassifiedOperation instant = ops.stream().filter(c -> c.isExact() && c.verdict().algorithm()
                == Algorithm.INSTANT && c.ddlOperation() != DdlOperation.INDEX_VISIBILITY).findFirst().orElse(null);
        ClassifiedOperation rebuilding = ops.stream().filter(c -> c != instant && c.isExact()
                && c.verdict().rebuildsTable()).findFirst().orElse(null);
        if (instant == null || rebuilding == null) {
            return;
        }
        String table = ctx.statement().table().toString();
        sink.report(INFO, Messages.operation(instant) + " alone is instant, but " + Messages.operation(rebuilding)
                        + " rebuilds " + ctx.tableName() + " in the same statement (" + ctx.verdictText() + "), so the "
                        + "instant change takes as long as the rebuild and is lost if it fails",
                "split them: ALTER TABLE " + table + " " + Messages.shorten(instant.operation().text())
                        + ", ALGORITHM=INSTANT; in its own statement (it ships at once), and the rebuilding clause in "
                        + "another (with ALGORITHM=INPLACE, LOCK=NONE, or an online schema-change tool)");
    }
}
