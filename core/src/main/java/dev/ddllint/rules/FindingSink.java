package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;

import java.util.List;

/** Where rules report. The sink applies configured severities and positions. */
@FunctionalInterface
public interface FindingSink {

    void report(RuleInfo rule, String message, String help);

    /**
     * A finding about some clauses of the statement: reports mark them in the author's text. A sink that does not
     * mark clauses reports the finding on the statement.
     */
    default void report(RuleInfo rule, String message, String help, List<AlterOperation> clauses) {
        report(rule, message, help);
    }
}
