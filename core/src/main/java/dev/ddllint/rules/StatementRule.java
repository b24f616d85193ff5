package dev.ddllint.rules;

/** A check over one statement. Rules are stateless; everything they need is in the context. */
public non-sealed interface StatementRule extends Rule {

    void check(StatementContext context, FindingSink sink);
}
