package dev.ddllint.rules;

/** Where rules report. The sink applies configured severities and positions. */
@FunctionalInterface
public interface FindingSink {

    void report(RuleInfo rule, String message, String help);
}
