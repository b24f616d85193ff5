package dev.ddllint.sql;

import java.util.List;

/** A read position over a token list, with the lookahead helpers the readers need. */
public final class TokenCursor {
    private final List<Token> tokens;
    private int index;

    public TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    public boolean atEnd() {
        return index >= tokens.size();
    }

    public Token peek() {
        return peek(0);
    }

    public Token peek(int ahead) {
        int i = index + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    public Token next() {
        return atEnd() ? null : tokens.get(index++);
    }

    /** Consumes the next token when it is the given keyword. */
    public boolean accept(String keyword) {
        Token t = peek();
        if (t != null && t.is(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    /** Consumes a keyword sequence only when all of it is there. */
    public boolean acceptAll(String... keywords) {
        for (int k = 0; k < keywords.length; k++) {
            Token t = peek(k);
            if (t == null || !t.is(keywords[k])) {
                return false;
            }
        }
        index += keywords.length;
        return true;
    }

    public boolean acceptSymbol(String symbol) {
        Token t = peek();
        if (t != null && t.isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    public boolean peekIs(String keyword) {
        Token t = peek();
        return t != null && t.is(keyword);
    }

    /** Reads a possibly qualified name ({@code db.t}); returns the last part, or null. */
    public QualifiedName name() {
        Token first = peek();
        if (first == null || !first.isName()) {
            return null;
        }
        index++;
        if (peek() != null && peek().isSymbol(".") && peek(1) != null && peek(1).isName()) {
            index++;
            Token second = next();
            return new QualifiedName(first.value(), second.value());
        }
        return new QualifiedName(null, first.value());
    }

    /** Skips a balanced parenthesised group when the next token opens one; returns its inner tokens. */
    public List<Token> parenthesised() {
        if (peek() == null || !peek().isSymbol("(")) {
            return List.of();
        }
        int start = ++index;
        int depth = 1;
        while (!atEnd()) {
            Token t = next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")") && --depth == 0) {
                return tokens.subList(start, index - 1);
            }
        }
        return tokens.subList(start, index);
    }

    public int position() {
        return index;
    }

    public List<Token> between(int from, int to) {
        return tokens.subList(Math.min(from, tokens.size()), Math.min(to, tokens.size()));
    }

    public List<Token> rest() {
        return tokens.subList(Math.min(index, tokens.size()), tokens.size());
    }

    public record QualifiedName(String schema, String name) {
    }
}
