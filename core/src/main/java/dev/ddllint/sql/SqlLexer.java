package dev.ddllint.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A small, forgiving MySQL lexer. It never fails: anything it does not recognise becomes a one-character
 * symbol, and an unterminated quote runs to the end of the text.
 */
public final class SqlLexer {

    private SqlLexer() {
    }

    public static List<Token> tokenize(String sql) {
        return tokenize(sql, Integer.MAX_VALUE);
    }

    /** The first token of {@code sql} (comments and white space skipped), or null when it has none. */
    public static Token first(String sql) {
        List<Token> first = tokenize(sql, 1);
        return first.isEmpty() ? null : first.get(0);
    }

    /** The first {@code max} tokens, read as {@link #tokenize(String)} reads them. */
    private static List<Token> tokenize(String sql, int max) {
        List<Token> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n && tokens.size() < max) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-'
                    && (i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2))))) {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                int start = i;
                StringBuilder value = new StringBuilder();
                i++;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (d == '\\' && c != '`' && i + 1 < n) {
                        value.append(sql.charAt(i + 1));
                        i += 2;
                    } else if (d == c) {
                        if (i + 1 < n && sql.charAt(i + 1) == c) {
                            value.append(c);
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                Token.Type type = c == '`' ? Token.Type.QUOTED_IDENTIFIER : Token.Type.STRING;
                tokens.add(new Token(type, sql.substring(start, i), value.toString(), start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                String text = sql.substring(start, i);
                boolean numeric = text.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.');
                tokens.add(new Token(numeric ? Token.Type.NUMBER : Token.Type.WORD, text, text, start));
            } else if (isWordChar(c)) {
                int start = i;
                while (i < n && isWordChar(sql.charAt(i))) {
                    i++;
                }
                String text = sql.substring(start, i);
                tokens.add(new Token(Token.Type.WORD, text, text, start));
            } else {
                tokens.add(new Token(Token.Type.SYMBOL, String.valueOf(c), String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '{' || c == '}'
                || c == '%' || c > 127;
    }
}
