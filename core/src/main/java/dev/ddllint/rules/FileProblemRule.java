package dev.ddllint.rules;

import java.util.Set;

/**
 * A rule fed by problems of the file as a file (its bytes, an unterminated quote, a placeholder, a directive comment)
 * rather than by statements: each problem becomes one finding at its position, with the rule's help. These rules
 * cannot be allowed by a {@code -- ddl-lint:ignore} comment, only configured.
 */
public non-sealed interface FileProblemRule extends Rule {

    /** The problem codes this rule reports ({@code dev.ddllint.script.ScriptProblem} codes). */
    Set<String> problemCodes();

    /** What to do about any of the rule's problems. */
    String help();
}
