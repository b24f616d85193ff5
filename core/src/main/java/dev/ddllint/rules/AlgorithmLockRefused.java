package dev.ddllint.rules;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.kb.Verdict;

/** An explicit ALGORITHM=/LOCK= the operations cannot honour: the server refuses the statement. */
public final class AlgorithmLockRefused implements StatementRule {

    public static final String ID = "algorithm-lock-refused";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.REFUSAL, Risk.AVAILABILITY,
            "The statement asks for an ALGORITHM or LOCK the server cannot honour, so it will be refused");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.verdict() == null || ctx.verdict().refusals().isEmpty()) {
            return;
        }
        sink.report(INFO, String.join("; ", ctx.verdict().refusals()) + "; the migration fails at this statement",
                    "write " + clausesFor(ctx.verdict().natural(), ctx.target()) + ", which is what the operation "
                        + "allows on " + ctx.target().displayName()
                        + ", or split the statement so each part can run online");
    }

    /** The ALGORITHM=/LOCK= clauses the server accepts for this verdict. */
    static String clausesFor(Verdict natural, TargetServer target) {
        if (natural.algorithm() == Algorithm.INSTANT && target.isMySql()) {
            return "ALGORITHM=INSTANT with no LOCK= clause (MySQL accepts none with INSTANT)";
        }
        return "ALGORITHM=" + natural.algorithm() + ", LOCK=" + natural.lock();
    }
}
