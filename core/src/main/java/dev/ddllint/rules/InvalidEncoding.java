package dev.ddllint.rules;

import dev.ddllint.script.ScriptProblem;

import java.util.Set;

/** Bytes that are not UTF-8: Flyway would store mangled text. */
public final class InvalidEncoding implements FileProblemRule {

    public static final String ID = "invalid-encoding";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.SCRIPT, Risk.HYGIENE,
            "The file is not valid UTF-8");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> problemCodes() {
        return Set.of(ScriptProblem.INVALID_ENCODING);
    }

    @Override
    public String help() {
        return "save the file as UTF-8: Flyway reads migrations as UTF-8 by default and would store mangled text";
    }
}
