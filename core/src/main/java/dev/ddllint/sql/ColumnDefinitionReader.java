package dev.ddllint.sql;

import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.ColumnPosition;
import dev.ddllint.model.ColumnType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a MySQL column definition ({@code type [attributes…] [FIRST|AFTER c]}) from tokens. */
public final class ColumnDefinitionReader {

    /** Two-word type names whose second word is part of the type. */
    private static final Set<String> TYPE_SECOND_WORDS = Set.of("PRECISION", "VARYING", "VARCHAR", "CHAR");

    private ColumnDefinitionReader() {
    }

    /** Reads the definition of column {@code name}: the cursor stands on the data type. Returns null if no type. */
    public static ColumnDefinition read(String name, TokenCursor in) {
        Token typeToken = in.next();
        if (typeToken == null || typeToken.type() != Token.Type.WORD) {
            return null;
        }
        String typeName = typeToken.upper();
        if (typeName.equals("NATIONAL") || typeName.equals("LONG")) {
            Token second = in.peek();
            if (second != null && second.type() == Token.Type.WORD) {
                in.next();
                typeName = typeName.equals("LONG") && !second.is("VARBINARY") ? "MEDIUMTEXT" : second.upper();
            }
        } else if (in.peek() != null && in.peek().type() == Token.Type.WORD
                && TYPE_SECOND_WORDS.contains(in.peek().upper())
                && (typeName.equals("DOUBLE") || typeName.equals("CHAR") || typeName.equals("CHARACTER"))) {
            Token second = in.next();
            typeName = second.is("VARYING") ? "VARCHAR" : typeName;
        }
        if (typeName.equals("CHARACTER")) {
            typeName = "CHAR";
        }
        List<String> args = new ArrayList<>();
        for (List<Token> part : splitOnCommas(in.parenthesised())) {
            StringBuilder sb = new StringBuilder();
            for (Token t : part) {
                sb.append(t.type() == Token.Type.STRING ? t.value() : t.text());
            }
            args.add(sb.toString());
        }
        boolean unsigned = false;
        boolean zerofill = false;
        String charset = null;
        String collation = null;
        boolean binaryCollation = false;
        Boolean nullable = null;
        String defaultValue = null;
        boolean autoIncrement = false;
        ColumnDefinition.Generated generated = null;
        boolean primaryKey = false;
        boolean unique = false;
        String comment = null;
        ColumnPosition position = null;
        while (!in.atEnd()) {
            Token t = in.peek();
            if (in.accept("UNSIGNED")) {
                unsigned = true;
            } else if (in.accept("SIGNED")) {
                unsigned = false;
            } else if (in.accept("ZEROFILL")) {
                zerofill = true;
                unsigned = true;
            } else if (in.acceptAll("CHARACTER", "SET") || in.accept("CHARSET")) {
                in.acceptSymbol("=");
                Token v = in.next();
                charset = v == null ? null : v.value().toLowerCase(java.util.Locale.ROOT);
            } else if (in.accept("COLLATE")) {
                in.acceptSymbol("=");
                Token v = in.next();
                collation = v == null ? null : v.value().toLowerCase(java.util.Locale.ROOT);
            } else if (in.accept("BINARY")) {
                // BINARY after a string type selects the character set's _bin collation.
                binaryCollation = true;
            } else if (in.accept("ASCII") || in.accept("UNICODE")) {
                // Shorthands for CHARACTER SET latin1 / ucs2, not met in migrations.
            } else if (in.acceptAll("NOT", "NULL")) {
                nullable = Boolean.FALSE;
            } else if (in.accept("NULL")) {
                nullable = Boolean.TRUE;
            } else if (in.accept("DEFAULT")) {
                defaultValue = readDefault(in);
            } else if (in.accept("AUTO_INCREMENT")) {
                autoIncrement = true;
            } else if (in.acceptAll("PRIMARY", "KEY")) {
                primaryKey = true;
            } else if (in.accept("UNIQUE")) {
                in.accept("KEY");
                unique = true;
            } else if (in.accept("KEY")) {
                primaryKey = true;
            } else if (in.accept("COMMENT")) {
                Token v = in.next();
                comment = v == null ? null : v.value();
            } else if (in.acceptAll("GENERATED", "ALWAYS") || t.is("AS")) {
                in.accept("AS");
                in.parenthesised();
                generated = ColumnDefinition.Generated.VIRTUAL;
            } else if (in.accept("VIRTUAL")) {
                generated = ColumnDefinition.Generated.VIRTUAL;
            } else if (in.accept("STORED") || in.accept("PERSISTENT")) {
                generated = ColumnDefinition.Generated.STORED;
            } else if (in.accept("FIRST")) {
                position = ColumnPosition.atFirst();
            } else if (in.accept("AFTER")) {
                Token v = in.next();
                position = ColumnPosition.after(v == null ? "" : v.value());
            } else if (in.accept("ON")) {
                // ON UPDATE CURRENT_TIMESTAMP[(n)]
                in.accept("UPDATE");
                in.next();
                in.parenthesised();
            } else if (in.accept("REFERENCES")) {
                in.name();
                in.parenthesised();
                while (!in.atEnd() && !in.peekIs("FIRST") && !in.peekIs("AFTER")) {
                    in.next();
                }
            } else if (in.accept("CHECK")) {
                in.parenthesised();
            } else if (t.isSymbol("(")) {
                in.parenthesised();
            } else {
                // VISIBLE, INVISIBLE, COLUMN_FORMAT x, STORAGE x, SRID n, ENFORCED, … : irrelevant to the verdict.
                in.next();
            }
        }
        if (binaryCollation && collation == null) {
            // Without a declared character set the table's is meant; utf8mb4 is assumed (a charset change, and a
            // copy, when the table has another one: the safe side).
            collation = (charset == null ? "utf8mb4" : charset) + "_bin";
        }
        ColumnType type = new ColumnType(typeName, args, unsigned, zerofill, charset, collation);
        return new ColumnDefinition(name, type, nullable, defaultValue, autoIncrement, generated, primaryKey,
                unique, comment, position);
    }

    private static String readDefault(TokenCursor in) {
        Token v = in.peek();
        if (v == null) {
            return "";
        }
        if (v.isSymbol("(")) {
            List<Token> inner = in.parenthesised();
            StringBuilder sb = new StringBuilder("(");
            inner.forEach(t -> sb.append(t.text()));
            return sb.append(')').toString();
        }
        in.next();
        if ((v.isSymbol("-") || v.isSymbol("+")) && in.peek() != null) {
            return v.text() + in.next().text();
        }
        if (v.type() == Token.Type.WORD && in.peek() != null && in.peek().isSymbol("(")) {
            in.parenthesised(); // CURRENT_TIMESTAMP(3)
        }
        return v.type() == Token.Type.STRING ? "'" + v.value() + "'" : v.text();
    }

    /** Splits tokens on top-level commas. */
    public static List<List<Token>> splitOnCommas(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (t.isSymbol(",") && depth == 0) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        if (start < tokens.size()) {
            parts.add(tokens.subList(start, tokens.size()));
        }
        return parts;
    }
}
