package dev.ddllint.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes one hostile migration file from the seed statements: each {@link Kind} is one way real or hostile input
 * breaks a reader (cut short, shuffled, random bytes, deep nesting, long flat chains, huge literals, DELIMITER games,
 * unterminated quotes and comments, other encodings). Everything it draws comes from the {@link Random} it is given,
 * so a case is its seed and index.
 */
final class Mutator {

    /** The ways a file is made; each case picks one (and a few pick several, {@link #STACKED}). */
    enum Kind {
        TRUNCATE, TOKEN_SWAP, TOKEN_DUPLICATE, TOKEN_DELETE, RANDOM_BYTES, SPLICE,
        DEEP_PARENTHESES, NESTED_VERSIONED_COMMENTS, NESTED_BEGIN_END, FLAT_CHAIN, ADD_COLUMN_LIST, IN_LIST,
        NESTED_FUNCTIONS, HUGE_LITERAL, HUGE_IDENTIFIER, DELIMITER_GAMES, UNTERMINATED, PLACEHOLDERS, REPEATED_STATEMENTS,
        WHOLE_FILE, ENCODING
    }

    static final String STACKED = "stacked";

    /** A file the fuzzer analyses: what made it and its bytes. */
    record Input(String mutation, byte[] bytes) {
    }

    /** Words, quoted strings, comments, blanks, one symbol; possessive, so that long ones cost no stack. */
    private static final Pattern TOKEN = Pattern.compile("\\s++|`[^`]*+`|'(?:[^'\\\\]++|\\\\.)*+'"
            + "|\"(?:[^\"\\\\]++|\\\\.)*+\"|/\\*(?:[^*]++|\\*(?!/))*+\\*/|--[^\\n]*+|[A-Za-z0-9_$@]++|.",
            Pattern.DOTALL);

    private final SeedStatements seeds;
    /** One case in this many draws its sizes up to ten times the usual largest. */
    static final int HUGE_ONE_IN = 200;

    private final int usualMaxCount;
    private final int usualMaxLiteral;
    /** The largest chain, nesting or repetition of this case (log-uniform below it, so most cases stay small). */
    private int maxCount;
    /** The largest literal or identifier of this case, in characters. */
    private int maxLiteral;

    Mutator(SeedStatements seeds, int maxCount, int maxLiteral) {
        this.seeds = seeds;
        this.usualMaxCount = maxCount;
        this.usualMaxLiteral = maxLiteral;
    }

    Input next(Random r) {
        int scale = r.nextInt(HUGE_ONE_IN) == 0 ? 10 : 1;
        maxCount = usualMaxCount * scale;
        maxLiteral = usualMaxLiteral * scale;
        Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
        if (r.nextInt(10) == 0) {
            // Several mutations on one statement: an encoding over a truncation over a deep nesting, ….
            String text = apply(kind, r, seedScript(r));
            Kind second = Kind.values()[r.nextInt(Kind.values().length)];
            if (second == Kind.ENCODING) {
                return new Input(STACKED + ":" + kind + "+" + second, encode(r, text));
            }
            return new Input(STACKED + ":" + kind + "+" + second, utf8(apply(second, r, text)));
        }
        if (kind == Kind.ENCODING) {
            return new Input(kind.name(), encode(r, seedScript(r)));
        }
        if (kind == Kind.RANDOM_BYTES) {
            return new Input(kind.name(), randomBytes(r, utf8(seedScript(r))));
        }
        return new Input(kind.name(), utf8(apply(kind, r, seedScript(r))));
    }

    private String seedScript(Random r) {
        return seeds.statements().get(r.nextInt(seeds.statements().size())).asScript();
    }

    private String apply(Kind kind, Random r, String script) {
        return switch (kind) {
            case TRUNCATE -> script.substring(0, r.nextInt(script.length() + 1));
            case TOKEN_SWAP -> tokens(script, r, (t, rr) -> {
                int i = rr.nextInt(t.size());
                int j = rr.nextInt(t.size());
                String a = t.get(i);
                t.set(i, t.get(j));
                t.set(j, a);
                return t;
            });
            case TOKEN_DUPLICATE -> tokens(script, r, (t, rr) -> {
                int i = rr.nextInt(t.size());
                String dup = t.get(i);
                int times = 1 + count(rr, Math.min(maxCount, 1000));
                for (int k = 0; k < times; k++) {
                    t.add(i, dup);
                }
                return t;
            });
            case TOKEN_DELETE -> tokens(script, r, (t, rr) -> {
                int n = 1 + rr.nextInt(Math.max(1, t.size() / 4));
                for (int k = 0; k < n && !t.isEmpty(); k++) {
                    t.remove(rr.nextInt(t.size()));
                }
                return t;
            });
            case RANDOM_BYTES -> new String(randomBytes(r, utf8(script)), StandardCharsets.UTF_8);
            case SPLICE -> {
                String other = seedScript(r);
                yield script.substring(0, r.nextInt(script.length() + 1)) + other.substring(r.nextInt(
                        other.length() + 1));
            }
            case DEEP_PARENTHESES -> deepParentheses(r, script);
            case NESTED_VERSIONED_COMMENTS -> nestedVersioned(r, script);
            case NESTED_BEGIN_END -> nestedBeginEnd(r, script);
            case NESTED_FUNCTIONS -> nestedFunctions(r);
            case FLAT_CHAIN -> flatChain(r);
            case ADD_COLUMN_LIST -> addColumnList(r);
            case IN_LIST -> inList(r);
            case HUGE_LITERAL -> hugeLiteral(r);
            case HUGE_IDENTIFIER -> hugeIdentifier(r);
            case DELIMITER_GAMES -> delimiterGames(r, script);
            case UNTERMINATED -> unterminated(r, script);
            case PLACEHOLDERS -> placeholders(r);
            case REPEATED_STATEMENTS -> script.repeat(Math.min(1 + count(r, maxCount), Math.max(1, maxLiteral
                    / Math.max(1, script.length()))));
            case WHOLE_FILE -> wholeFile(r);
            case ENCODING -> script;
        };
    }

    /** A count from 1 to {@code max}, log-uniform: most small, a few at the top. */
    static int count(Random r, int max) {
        double exp = r.nextDouble() * Math.log(Math.max(2, max));
        return (int) Math.min(max, Math.max(1, Math.round(Math.exp(exp))));
    }

    private static String tokens(String script, Random r, BiFunction<List<String>, Random, List<String>> edit) {
        List<String> t = new ArrayList<>();
        Matcher m = TOKEN.matcher(script);
        while (m.find()) {
            t.add(m.group());
        }
        if (t.isEmpty()) {
            return script;
        }
        return String.join("", edit.apply(t, r));
    }

    private byte[] randomBytes(Random r, byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(in);
        byte[] b = out.toByteArray();
        int n = 1 + r.nextInt(16);
        ByteArrayOutputStream edited = new ByteArrayOutputStream();
        List<Integer> at = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            at.add(r.nextInt(b.length + 1));
        }
        at.sort(null);
        int from = 0;
        for (int at0 : at) {
            int pos = Math.max(at0, from);
            edited.write(b, from, pos - from);
            from = pos;
            int len = 1 + r.nextInt(4);
            for (int k = 0; k < len; k++) {
                edited.write(r.nextInt(256));
            }
            if (r.nextBoolean() && from < b.length) {
                from++; // overwrite rather than insert
            }
        }
        edited.write(b, from, b.length - from);
        return edited.toByteArray();
    }

    private String deepParentheses(Random r, String script) {
        int n = count(r, maxCount);
        return switch (r.nextInt(3)) {
            case 0 -> "ALTER TABLE t ADD CONSTRAINT c CHECK (" + "(".repeat(n) + "a > 0" + ")".repeat(n) + ");\n";
            case 1 -> "ALTER TABLE t ADD COLUMN g INT AS (" + "(".repeat(n) + "a + 1" + ")".repeat(n)
                    + (r.nextBoolean() ? "" : ")") + ";\n"; // sometimes one unbalanced
            default -> {
                int at = r.nextInt(script.length() + 1);
                yield script.substring(0, at) + "(".repeat(n) + script.substring(at);
            }
        };
    }

    private String nestedVersioned(Random r, String script) {
        int n = count(r, Math.min(maxCount, 5000));
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append(r.nextBoolean() ? "/*!" + (40000 + r.nextInt(60000)) + " " : "/*M!" + (100000 + r.nextInt(9999))
                    + " ");
        }
        String body = script.strip();
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1);
        }
        b.append(body);
        int close = r.nextInt(4) == 0 ? r.nextInt(n + 1) : n;
        b.append(" */".repeat(close)).append(";\n");
        return b.toString();
    }

    private String nestedBeginEnd(Random r, String script) {
        int n = count(r, Math.min(maxCount, 5000));
        String inner = script.strip();
        if (inner.startsWith("DELIMITER")) {
            inner = "ALTER TABLE t ADD COLUMN x INT;";
        }
        if (!inner.endsWith(";")) {
            inner = inner + ";";
        }
        String open = r.nextInt(3) == 0 ? "IF 1 THEN " : "BEGIN ";
        String close = open.startsWith("IF") ? "END IF; " : "END; ";
        StringBuilder b = new StringBuilder("DELIMITER $$\nCREATE PROCEDURE p() BEGIN ");
        b.append(open.repeat(n)).append(inner).append(' ');
        int closed = r.nextInt(4) == 0 ? r.nextInt(n + 1) : n;
        b.append(close.repeat(closed)).append("END$$\nDELIMITER ;\nCALL p();\n");
        return b.toString();
    }

    /** Dynamic SQL built by nested expressions: SET @s = IF(1, CONCAT('', (…)), 'SELECT 1'); PREPARE; EXECUTE. */
    private String nestedFunctions(Random r) {
        int n = count(r, maxCount);
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int k = 0; k < n; k++) {
            switch (r.nextInt(5)) {
                case 0 -> {
                    open.append("IF(1, ");
                    close.insert(0, ", 'SELECT 1')");
                }
                case 1 -> {
                    open.append("CONCAT('', ");
                    close.insert(0, ")");
                }
                case 2 -> {
                    open.append("COALESCE(");
                    close.insert(0, ", NULL)");
                }
                case 3 -> {
                    open.append("(");
                    close.insert(0, ")");
                }
                default -> {
                    open.append("CASE WHEN 1 THEN ");
                    close.insert(0, " ELSE 'SELECT 1' END");
                }
            }
        }
        String value = open + "'ALTER TABLE t DROP COLUMN a'" + close;
        return r.nextBoolean() ? "SET @s = " + value + ";\nPREPARE st FROM @s;\nEXECUTE st;\n"
                : "PREPARE st FROM " + value + ";\nEXECUTE st;\n";
    }

    private String flatChain(Random r) {
        int n = count(r, maxCount);
        String op = switch (r.nextInt(4)) {
            case 0 -> " OR ";
            case 1 -> " AND ";
            case 2 -> " + ";
            default -> " || ";
        };
        StringBuilder b = new StringBuilder(r.nextBoolean()
                ? "ALTER TABLE t ADD CONSTRAINT chk CHECK (" : "CREATE TABLE t (a INT, CHECK (");
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                b.append(op);
            }
            b.append(op.equals(" + ") ? "a" : "a = " + k);
        }
        b.append(b.charAt(0) == 'A' ? ");\n" : "));\n");
        return b.toString();
    }

    private String addColumnList(Random r) {
        int n = count(r, maxCount);
        StringBuilder b = new StringBuilder("ALTER TABLE t ");
        for (int k = 0; k < n; k++) {
            b.append(k == 0 ? "" : ", ").append(switch (r.nextInt(4)) {
                case 0 -> "ADD COLUMN c" + k + " INT";
                case 1 -> "ADD INDEX i" + k + " (c" + k + ")";
                case 2 -> "MODIFY c" + k + " VARCHAR(" + (1 + r.nextInt(500)) + ")";
                default -> "DROP COLUMN c" + k;
            });
        }
        return b.append(r.nextBoolean() ? ", ALGORITHM=INPLACE, LOCK=NONE;\n" : ";\n").toString();
    }

    private String inList(Random r) {
        int n = count(r, maxCount);
        StringBuilder b = new StringBuilder(r.nextBoolean() ? "DELETE FROM t WHERE id IN (" : "ALTER TABLE t "
                + "PARTITION BY LIST (id) (PARTITION p0 VALUES IN (");
        for (int k = 0; k < n; k++) {
            b.append(k == 0 ? "" : ", ").append(k);
        }
        return b.append(b.charAt(0) == 'D' ? ");\n" : "));\n").toString();
    }

    private String hugeLiteral(Random r) {
        int n = count(r, maxLiteral);
        String body = "x".repeat(n);
        return switch (r.nextInt(4)) {
            case 0 -> "ALTER TABLE t ADD COLUMN c VARCHAR(255) DEFAULT '" + body + "';\n";
            case 1 -> "ALTER TABLE t COMMENT = '" + body.replace('x', '\'') + "';\n"; // quotes doubled or not
            case 2 -> "INSERT INTO t VALUES (" + "9".repeat(n) + ");\n";
            default -> "SET @s = '" + body + "';\nPREPARE st FROM @s;\nEXECUTE st;\n";
        };
    }

    private String hugeIdentifier(Random r) {
        int n = count(r, maxLiteral);
        String name = "n".repeat(n);
        return r.nextBoolean() ? "ALTER TABLE `" + name + "` ADD COLUMN `" + name + "` INT;\n"
                : "CREATE TABLE " + name + " (" + name + " INT PRIMARY KEY);\nALTER TABLE " + name
                + " DROP PRIMARY KEY;\n";
    }

    private String delimiterGames(Random r, String script) {
        String[] delimiters = {"$$", ";;", "//", "|", "GO", "END", "$", "\\", "DELIMITER", "'", "--", "/*", "x",
                "ALTER", "", " "};
        String d = delimiters[r.nextInt(delimiters.length)];
        String body = script.strip();
        return switch (r.nextInt(5)) {
            case 0 -> "DELIMITER " + d + "\n" + body + d + "\nDELIMITER ;\n" + body + "\n";
            case 1 -> "DELIMITER " + d + "\n" + body + "\n"; // never restored, statement never terminated
            case 2 -> "DELIMITER " + d; // nothing after it
            case 3 -> "/* DELIMITER " + d + " */\n" + body + "\nDELIMITER " + d + " " + body + "\n";
            default -> ("DELIMITER " + d + "\n").repeat(1 + count(r, 100)) + body + d + "\n";
        };
    }

    private String unterminated(Random r, String script) {
        String body = script.strip();
        String[] openers = {"'", "\"", "`", "/*", "/*!50100 ", "/*M!100100 ", "-- ", "#", "BEGIN ", "(", "X'",
                "b'", "\\"};
        String opener = openers[r.nextInt(openers.length)];
        int at = r.nextInt(body.length() + 1);
        return body.substring(0, at) + opener + body.substring(at);
    }

    private String placeholders(Random r) {
        int n = count(r, maxCount);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append("ALTER TABLE ${t").append(k % 7).append("} ADD COLUMN ${c").append(k).append("} INT;\n");
        }
        return b.toString();
    }

    private String wholeFile(Random r) {
        String file = seeds.files().get(r.nextInt(seeds.files().size()));
        if (file.isEmpty()) {
            return file;
        }
        // One of the cheap edits somewhere inside a real file, which keeps the rest of it intact.
        int at = r.nextInt(file.length() + 1);
        String edit = switch (r.nextInt(4)) {
            case 0 -> "";
            case 1 -> "'";
            case 2 -> "/*";
            default -> "DELIMITER $$\n";
        };
        return file.substring(0, at) + edit + file.substring(Math.min(file.length(), at + r.nextInt(64)));
    }

    /** The script in another encoding, or with bytes no encoding allows. */
    private static byte[] encode(Random r, String script) {
        String text = r.nextBoolean() ? "-- migration f\u00fcr K\u00e4se, \u65e5\u672c\n" + script : script;
        return switch (r.nextInt(10)) {
            case 0 -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
            case 1 -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
            case 2 -> text.getBytes(StandardCharsets.UTF_16LE);
            case 3 -> text.getBytes(StandardCharsets.UTF_16BE);
            case 4 -> text.getBytes(StandardCharsets.ISO_8859_1);
            case 5 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(text));
            case 6 -> insertAll(r, utf8(text), new byte[][] {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0,
                    (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80,
                    (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}});
            case 7 -> insertAll(r, utf8(text), new byte[][] {{0}, {0, 0}, {0, 0, 0, 0}});
            case 8 -> utf8(text.replace("\r\n", "\r").replace('\n', '\r'));
            default -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16BE));
        };
    }

    private static byte[] insertAll(Random r, byte[] in, byte[][] choices) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 1 + r.nextInt(8);
        int[] at = new int[n];
        for (int k = 0; k < n; k++) {
            at[k] = r.nextInt(in.length + 1);
        }
        java.util.Arrays.sort(at);
        int from = 0;
        for (int pos : at) {
            out.write(in, from, pos - from);
            from = pos;
            out.writeBytes(choices[r.nextInt(choices.length)]);
        }
        out.write(in, from, in.length - from);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
