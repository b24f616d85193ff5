package dev.ddllint.rules;

import dev.ddllint.script.ScriptProblem;

import java.util.Set;

/** A Flyway {@code ${placeholder}} without a value: Flyway itself fails on it. */
public final class UnresolvedPlaceholder implements FileProblemRule {

    public static final String ID = "unresolved-placeholder";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.SCRIPT, Risk.HYGIENE,
            "A Flyway ${placeholder} has no configured value");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> problemCodes() {
        return Set.of(ScriptProblem.UNRESOLVED_PLACEHOLDER);
    }

    @Override
    public String help() {
        return "define the placeholder in the ddl-lint configuration (placeholders:) as Flyway will; Flyway itself "
                + "fails on an unresolved placeholder";
    }
}
