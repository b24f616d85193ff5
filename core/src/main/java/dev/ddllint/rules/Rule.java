package dev.ddllint.rules;

/**
 * A rule: its facts ({@link #info()}) and, in the sub-interface, what it looks at. One rule is one class named after
 * its id in UpperCamelCase, listed once in {@link BuiltinRules}.
 */
public sealed interface Rule permits StatementRule, FileProblemRule {

    RuleInfo info();
}
