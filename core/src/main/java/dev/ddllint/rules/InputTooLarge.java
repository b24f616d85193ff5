package dev.ddllint.rules;

import dev.ddllint.script.ScriptProblem;

import java.util.Set;

/**
 * A file over {@code maxFileSize} (not read) or a statement over {@code maxStatementSize} (not parsed): what it
 * does is not known, so it fails closed, and reading it would cost memory in proportion to the input.
 */
public final class InputTooLarge implements FileProblemRule {

    public static final String ID = "input-too-large";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.FAIL_CLOSED, Risk.AVAILABILITY,
            "A migration file or statement is larger than ddl-lint reads (maxFileSize, maxStatementSize), so it is "
                    + "not checked");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> problemCodes() {
        return Set.of(ScriptProblem.INPUT_TOO_LARGE);
    }

    @Override
    public String help() {
        return "split the migration (data loads belong in LOAD DATA files or batches, not in one statement); if the "
                + "size is intended, raise maxFileSize / maxStatementSize in ddl-lint.yml";
    }
}
