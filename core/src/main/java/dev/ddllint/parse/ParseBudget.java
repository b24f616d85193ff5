package dev.ddllint.parse;

import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.Token;

import java.util.List;

/**
 * How much work JSqlParser may be given for one statement, measured on our own tokens before it is called: the
 * number of tokens and the depth of parentheses. A statement over the budget is not given to JSqlParser at all
 * and is read by the tolerant reader, which is linear; so whether a statement falls to the other reader depends
 * on its text only, never on how loaded the machine is (a wall-clock limit did that).
 *
 * <p>The defaults are far above any real migration: the ~2,500 files of the corpus have at most 1,003 tokens and
 * a depth of 5 in one table-DDL statement, and JSqlParser reads 10,000 tokens in well under a second.
 */
public record ParseBudget(int maxTokens, int maxDepth) {

    /** Ten times the largest table DDL of the corpus; a CHECK of 2,000 {@code OR} terms still fits. */
    public static final ParseBudget DEFAULT = new ParseBudget(10_000, 32);

    public ParseBudget {
        if (maxTokens < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("a parse budget needs at least one token and one level");
        }
    }

    /** Why the statement is over the budget, or null when it is within it. */
    public String exceededBy(String sql) {
        return exceededBy(SqlLexer.tokenize(sql));
    }

    /** Why the tokens are over the budget, or null when they are within it. */
    public String exceededBy(List<Token> tokens) {
        if (tokens.size() > maxTokens) {
            return "the statement has " + tokens.size() + " tokens, more than the " + maxTokens
                    + " JSqlParser is given";
        }
        int depth = 0;
        for (Token t : tokens) {
            if (t.isSymbol("(")) {
                if (++depth > maxDepth) {
                    return "the statement nests parentheses deeper than the " + maxDepth + " levels JSqlParser is"
                            + " given";
                }
            } else if (t.isSymbol(")") && depth > 0) {
                depth--;
            }
        }
        return null;
    }
}
