package dev.ddllint.rules;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.Verdict;
import dev.ddllint.model.RequestedAlgorithm;
import dev.ddllint.model.RequestedLock;
import dev.ddllint.model.StatementKind;

/**
 * Off by default; for teams that want every ALTER to state what it expects. Without ALGORITHM= (and LOCK= for an
 * in-place one) the server silently picks the best it can, which may be a blocking copy; with them it refuses
 * instead, before touching the table.
 */
public final class AlterWithoutAlgorithmLock implements StatementRule {

    public static final String ID = "alter-without-algorithm-lock";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.OFF, Category.EXECUTION, Risk.AVAILABILITY,
            "The ALTER does not state ALGORITHM= (and LOCK=), so the server may silently choose a blocking copy");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        StatementKind kind = ctx.statement().kind();
        if (ctx.verdict() == null || !ctx.statement().parsed() || ctx.newTable() || kind == StatementKind.OPTIMIZE_TABLE
                || ctx.statement().operations().isEmpty()) {
            return;
        }
        RequestedAlgorithm algorithm = ctx.statement().algorithm();
        boolean lockMissing = ctx.statement().lock() == RequestedLock.DEFAULT && algorithm != RequestedAlgorithm.INSTANT;
        if (algorithm != RequestedAlgorithm.DEFAULT && !lockMissing) {
            return;
        }
        Verdict natural = ctx.verdict().natural();
        String clause = natural.algorithm() == Algorithm.INSTANT ? "ALGORITHM=INSTANT"
                : natural.algorithm() == Algorithm.INPLACE ? "ALGORITHM=INPLACE, LOCK=" + natural.lock()
                : "ALGORITHM=COPY, LOCK=" + natural.lock();
        String missing = algorithm == RequestedAlgorithm.DEFAULT ? "ALGORITHM=" : "LOCK=";
        sink.report(INFO, ctx.statementName() + " on " + ctx.tableName() + " does not state " + missing + ": "
                        + ctx.target().displayName() + " picks the algorithm itself (here " + natural + "), and a "
                        + "change that cannot run that way falls back to a slower one without a word",
                "state what you expect, so the server refuses instead of falling back: add '" + clause + "' to the "
                        + "statement (ALGORITHM=INSTANT for metadata-only changes, ALGORITHM=INPLACE, LOCK=NONE for "
                        + "online ones)");
    }
}
