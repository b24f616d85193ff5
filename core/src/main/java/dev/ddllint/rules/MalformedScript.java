package dev.ddllint.rules;

import dev.ddllint.script.ScriptProblem;

import java.util.Set;

/**
 * An unterminated string or comment, or a DELIMITER without a delimiter: the statements after it were read as part of
 * it, so their checks are missing. Also reports any script-reader problem no other rule owns, so none is lost.
 */
public final class MalformedScript implements FileProblemRule {

    public static final String ID = "malformed-script";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.SCRIPT, Risk.HYGIENE,
            "The script has an unterminated string or comment, or a DELIMITER without a delimiter");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> problemCodes() {
        return Set.of(ScriptProblem.UNTERMINATED_STRING, ScriptProblem.UNTERMINATED_COMMENT,
                ScriptProblem.STRAY_DELIMITER);
    }

    @Override
    public String help() {
        return "close the string or comment; the statements after it were read as part of it, so their checks are "
                + "missing";
    }
}
