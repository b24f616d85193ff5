package dev.ddllint.rules;

/** An explicit ALGORITHM=/LOCK= the operations cannot honour: the server refuses the statement. */
public final class AlgorithmLockRefused implements Rule {

    public static final RuleInfo INFO = new RuleInfo("algorithm-lock-refused", Severity.ERROR,
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
                    "ask for what the operation allows (" + ctx.verdict().natural() + " on "
                        + ctx.target().displayName() + "), or split the statement so each part can run online");
    }
}
