package dev.ddllint.script;

import java.util.List;

/**
 * Statements in file order and problems in position order. An empty file gives no statements and no problems.
 *
 * @param text the script as decoded (UTF-8 or UTF-16, byte-order mark removed), which positions refer to; it is
 *             also where the analyzer finds {@code -- ddl-lint:} comments
 */
public record ScriptReadResult(List<ScriptStatement> statements, List<ScriptProblem> problems, String text) {

    public ScriptReadResult {
        statements = statements == null ? List.of() : List.copyOf(statements);
        problems = problems == null ? List.of() : List.copyOf(problems);
        text = text == null ? "" : text;
    }

    /** A result without its text (an empty script's). */
    public ScriptReadResult(List<ScriptStatement> statements, List<ScriptProblem> problems) {
        this(statements, problems, "");
    }
}
