package dev.ddllint.sql;

/** One lexical token of MySQL text. {@code value} is the unquoted form of identifiers and strings. */
public record Token(Type type, String text, String value, int offset) {

    public enum Type { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL }

    /** True for an unquoted word equal (ignoring case) to {@code keyword}. */
    public boolean is(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(String symbol) {
        return type == Type.SYMBOL && text.equals(symbol);
    }

    /** Identifier-like: a bare word or a backquoted name. */
    public boolean isName() {
        return type == Type.WORD || type == Type.QUOTED_IDENTIFIER;
    }

    public String upper() {
        return value.toUpperCase(java.util.Locale.ROOT);
    }
}
