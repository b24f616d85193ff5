package dev.ddllint.rules;

import java.util.Set;

/**
 * A {@code -- ddl-lint:} comment that cannot be applied: unknown, without a reason, naming no statement rule, or
 * allowing nothing. The analyzer finds these problems (they need the file's statements), this rule words them.
 */
public final class InvalidDirective implements FileProblemRule {

    public static final String ID = "invalid-directive";
    /** The problem code of every directive problem. */
    public static final String PROBLEM = ID;
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.SCRIPT, Risk.HYGIENE,
            "A -- ddl-lint: comment in a migration cannot be applied");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> problemCodes() {
        return Set.of(PROBLEM);
    }

    @Override
    public String help() {
        return "write it as -- ddl-lint:ignore RULE[,RULE...] REASON on the line before the statement, "
                + "-- ddl-lint:ignore-file RULE[,RULE...] REASON for every statement of the file, or "
                + "-- ddl-lint:stats TABLE rows=50M data=200GB index=50GB updates=1500/s";
    }
}
