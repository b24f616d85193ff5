package dev.ddllint.rules;

import java.util.List;
import java.util.Set;

/** Rules fed by the script reader's problems rather than by statements. */
public enum ScriptProblemRule {
    MALFORMED_SCRIPT(new RuleInfo("malformed-script", Severity.ERROR,
            "The script has an unterminated string or comment, or a DELIMITER without a delimiter"),
            Set.of("unterminated-string", "unterminated-comment", "stray-delimiter"),
            "close the string or comment; the statements after it were read as part of it, so their checks are "
                    + "missing"),
    INVALID_ENCODING(new RuleInfo("invalid-encoding", Severity.WARNING,
            "The file is not valid UTF-8"), Set.of("invalid-encoding"),
            "save the file as UTF-8: Flyway reads migrations as UTF-8 by default and would store mangled text"),
    UNRESOLVED_PLACEHOLDER(new RuleInfo("unresolved-placeholder", Severity.ERROR,
            "A Flyway ${placeholder} has no configured value"), Set.of("unresolved-placeholder"),
            "define the placeholder in the ddl-lint configuration (placeholders:) as Flyway will; Flyway itself "
                    + "fails on an unresolved placeholder"),
    INVALID_DIRECTIVE(new RuleInfo("invalid-directive", Severity.WARNING,
            "A -- ddl-lint: comment in a migration cannot be applied"), Set.of("invalid-directive"),
            "write it as -- ddl-lint:ignore RULE[,RULE...] REASON on the line before the statement, or "
                    + "-- ddl-lint:stats TABLE rows=50M data=200GB index=50GB updates=1500/s");

    private final RuleInfo info;
    private final Set<String> problemCodes;
    private final String help;

    ScriptProblemRule(RuleInfo info, Set<String> problemCodes, String help) {
        this.info = info;
        this.problemCodes = problemCodes;
        this.help = help;
    }

    public RuleInfo info() {
        return info;
    }

    public String help() {
        return help;
    }

    public static ScriptProblemRule forProblem(String code) {
        for (ScriptProblemRule r : values()) {
            if (r.problemCodes.contains(code)) {
                return r;
            }
        }
        return MALFORMED_SCRIPT;
    }

    public static List<RuleInfo> infos() {
        return java.util.Arrays.stream(values()).map(ScriptProblemRule::info).toList();
    }
}
