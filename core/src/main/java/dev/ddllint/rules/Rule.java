package dev.ddllint.rules;

/** A check over one statement. Rules are stateless; everything they need is in the context. */
public interface Rule {

    RuleInfo info();

    void check(StatementContext context, FindingSink sink);
}
