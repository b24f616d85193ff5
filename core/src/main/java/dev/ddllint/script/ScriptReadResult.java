package dev.ddllint.script;

import java.util.List;

/**
 * Statements in file order and problems in position order. An empty file gives no statements and no problems.
 */
public record ScriptReadResult(List<ScriptStatement> statements, List<ScriptProblem> problems) {

    public ScriptReadResult {
        statements = statements == null ? List.of() : List.copyOf(statements);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
