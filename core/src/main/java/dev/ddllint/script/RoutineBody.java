package dev.ddllint.script;

import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The statements inside a compound statement ({@code CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT}, MariaDB's
 * {@code BEGIN NOT ATOMIC}), each with its own line and column in the file. Control flow (BEGIN/END, IF/ELSEIF/ELSE,
 * CASE/WHEN, WHILE/LOOP/REPEAT/FOR, labels, DECLARE … HANDLER FOR) is stepped over; what is left are the simple
 * statements the server runs. A body whose blocks do not balance is reported as a problem, never dropped.
 *
 * @param kind         PROCEDURE, FUNCTION, TRIGGER, EVENT or BLOCK (BEGIN NOT ATOMIC)
 * @param name         the routine's name (unqualified), or null for a block
 * @param triggerTable the table a trigger is on, or null
 * @param statements   the simple statements of the body, in order
 * @param problem      why the body could not be split, or null
 */
public record RoutineBody(String kind, String name, String triggerTable, List<ScriptStatement> statements,
                          String problem) {

    private static final Set<String> KINDS = Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT");
    private static final Set<String> END_WORDS = Set.of("IF", "LOOP", "WHILE", "REPEAT", "CASE", "FOR");

    public RoutineBody {
        statements = List.copyOf(statements);
    }

    public static RoutineBody of(ScriptStatement compound) {
        String sql = compound.sql();
        List<Token> t = SqlLexer.tokenize(sql);
        if (t.isEmpty()) {
            return failed("BLOCK", null, null, "empty compound statement");
        }
        int i;
        String kind;
        String name = null;
        String table = null;
        if (t.get(0).is("BEGIN")) {
            kind = "BLOCK";
            i = 0;
        } else {
            i = 1;
            while (i < t.size() && !(t.get(i).type() == Token.Type.WORD && KINDS.contains(t.get(i).upper()))) {
                i++;
            }
            if (i >= t.size()) {
                return failed("ROUTINE", null, null, "no PROCEDURE, FUNCTION, TRIGGER or EVENT keyword");
            }
            kind = t.get(i++).upper();
            if (is(t, i, "IF") && is(t, i + 1, "NOT") && is(t, i + 2, "EXISTS")) {
                i += 3;
            }
            if (i >= t.size() || !t.get(i).isName()) {
                return failed(kind, null, null, "no name after CREATE " + kind);
            }
            name = t.get(i++).value();
            if (i + 1 < t.size() && t.get(i).isSymbol(".") && t.get(i + 1).isName()) {
                name = t.get(i + 1).value();
                i += 2;
            }
            int start = switch (kind) {
                case "PROCEDURE", "FUNCTION" -> routineBodyStart(t, i, kind.equals("FUNCTION"));
                case "TRIGGER" -> {
                    int on = find(t, i, "ON");
                    if (on < 0 || on + 1 >= t.size()) {
                        yield -1;
                    }
                    int n = on + 1;
                    table = t.get(n).value();
                    if (n + 2 < t.size() && t.get(n + 1).isSymbol(".")) {
                        table = t.get(n + 2).value();
                    }
                    int row = find(t, n, "ROW");
                    if (row < 0) {
                        yield -1;
                    }
                    int b = row + 1;
                    if (is(t, b, "FOLLOWS") || is(t, b, "PRECEDES")) {
                        b += 2;
                    }
                    yield b;
                }
                default -> {
                    int doWord = find(t, i, "DO");
                    yield doWord < 0 ? -1 : doWord + 1;
                }
            };
            if (start < 0 || start >= t.size()) {
                return failed(kind, name, table, "the body of " + kind.toLowerCase(Locale.ROOT) + " `" + name
                        + "` was not found after its header");
            }
            i = start;
        }
        return split(compound, t, i, kind, name, table);
    }

    private static RoutineBody failed(String kind, String name, String table, String problem) {
        return new RoutineBody(kind, name, table, List.of(), problem);
    }

    /** After the name: ( parameters ) [RETURNS type] characteristics; the body is what follows. */
    private static int routineBodyStart(List<Token> t, int i, boolean function) {
        if (i >= t.size() || !t.get(i).isSymbol("(")) {
            return -1;
        }
        i = skipParens(t, i);
        if (function) {
            if (!is(t, i, "RETURNS")) {
                return -1;
            }
            i += 2;
            if (i < t.size() && t.get(i).isSymbol("(")) {
                i = skipParens(t, i);
            }
            while (i < t.size()) {
                if (is(t, i, "UNSIGNED") || is(t, i, "SIGNED") || is(t, i, "ZEROFILL") || is(t, i, "BINARY")) {
                    i++;
                } else if (is(t, i, "CHARSET") || is(t, i, "COLLATE")) {
                    i += 2;
                } else if (is(t, i, "CHARACTER") && is(t, i + 1, "SET")) {
                    i += 3;
                } else {
                    break;
                }
            }
        }
        while (i < t.size()) {
            if (is(t, i, "COMMENT") || is(t, i, "LANGUAGE") || is(t, i, "CONTAINS")
                    || (is(t, i, "NO") && is(t, i + 1, "SQL"))) {
                i += 2;
            } else if (is(t, i, "NOT") && is(t, i + 1, "DETERMINISTIC")) {
                i += 2;
            } else if (is(t, i, "DETERMINISTIC")) {
                i++;
            } else if (is(t, i, "READS") || is(t, i, "MODIFIES") || (is(t, i, "SQL") && is(t, i + 1, "SECURITY"))) {
                i += 3;
            } else {
                break;
            }
        }
        return i;
    }

    private static RoutineBody split(ScriptStatement compound, List<Token> t, int i, String kind, String name,
                                     String table) {
        List<ScriptStatement> out = new ArrayList<>();
        int depth = 0;
        int n = t.size();
        while (i < n) {
            Token tok = t.get(i);
            if (tok.isSymbol(";")) {
                i++;
            } else if (tok.isName() && i + 1 < n && t.get(i + 1).isSymbol(":") && !tok.is("BEGIN")) {
                i += 2; // label
            } else if (tok.is("BEGIN")) {
                i++;
                if (is(t, i, "NOT") && is(t, i + 1, "ATOMIC")) {
                    i += 2;
                }
                depth++;
            } else if (tok.is("END")) {
                depth--;
                if (depth < 0) {
                    return failed(kind, name, table, "END without a block to close at " + where(compound, tok));
                }
                i++;
                if (i < n && t.get(i).type() == Token.Type.WORD && END_WORDS.contains(t.get(i).upper())) {
                    i++;
                }
                if (i < n && t.get(i).isName() && (i + 1 >= n || t.get(i + 1).isSymbol(";"))) {
                    i++; // END label
                }
            } else if (tok.is("IF") || tok.is("ELSEIF") || tok.is("WHEN")) {
                int then = skipTo(t, i + 1, "THEN");
                if (then < 0) {
                    return failed(kind, name, table, tok.upper() + " without THEN at " + where(compound, tok));
                }
                depth += tok.is("IF") ? 1 : 0;
                i = then + 1;
            } else if (tok.is("ELSE")) {
                i++;
            } else if (tok.is("WHILE") || tok.is("FOR")) {
                int doWord = skipTo(t, i + 1, "DO");
                if (doWord < 0) {
                    return failed(kind, name, table, tok.upper() + " without DO at " + where(compound, tok));
                }
                depth++;
                i = doWord + 1;
            } else if (tok.is("LOOP") || tok.is("REPEAT")) {
                depth++;
                i++;
            } else if (tok.is("UNTIL")) {
                int end = skipTo(t, i + 1, "END");
                if (end < 0) {
                    return failed(kind, name, table, "UNTIL without END REPEAT at " + where(compound, tok));
                }
                i = end;
            } else if (tok.is("CASE")) {
                int when = skipTo(t, i + 1, "WHEN");
                if (when < 0) {
                    return failed(kind, name, table, "CASE without WHEN at " + where(compound, tok));
                }
                depth++;
                i = when;
            } else if (tok.is("DECLARE") && (is(t, i + 2, "HANDLER"))) {
                i = handlerStatement(t, i + 3);
                if (i < 0) {
                    return failed(kind, name, table, "DECLARE … HANDLER without FOR at " + where(compound, tok));
                }
            } else {
                int end = i;
                while (end < n && !t.get(end).isSymbol(";")) {
                    end++;
                }
                out.add(statement(compound, t.get(i), t.get(end - 1)));
                i = end;
            }
        }
        if (depth != 0) {
            return failed(kind, name, table, "the body's BEGIN/END blocks do not balance (" + depth
                    + " left open)");
        }
        return new RoutineBody(kind, name, table, out, null);
    }

    /** DECLARE … HANDLER FOR cond[, cond] statement: the index of the statement. */
    private static int handlerStatement(List<Token> t, int i) {
        if (!is(t, i, "FOR")) {
            return -1;
        }
        i++;
        while (i < t.size()) {
            if (is(t, i, "SQLSTATE")) {
                i += is(t, i + 1, "VALUE") ? 3 : 2;
            } else if (is(t, i, "NOT") && is(t, i + 1, "FOUND")) {
                i += 2;
            } else {
                i++; // SQLWARNING, SQLEXCEPTION, an error number, a condition name
            }
            if (i < t.size() && t.get(i).isSymbol(",")) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    /** The next {@code word} outside parentheses and CASE … END expressions, or -1. */
    private static int skipTo(List<Token> t, int i, String word) {
        int parens = 0;
        int cases = 0;
        for (; i < t.size(); i++) {
            Token tok = t.get(i);
            if (tok.isSymbol("(")) {
                parens++;
            } else if (tok.isSymbol(")")) {
                parens--;
            } else if (parens == 0 && cases > 0 && tok.is("END")) {
                cases--;
            } else if (parens == 0 && cases == 0 && tok.is(word)) {
                return i;
            } else if (parens == 0 && tok.is("CASE")) {
                cases++;
            } else if (tok.isSymbol(";")) {
                return -1;
            }
        }
        return -1;
    }

    private static int skipParens(List<Token> t, int i) {
        int depth = 0;
        for (; i < t.size(); i++) {
            if (t.get(i).isSymbol("(")) {
                depth++;
            } else if (t.get(i).isSymbol(")") && --depth == 0) {
                return i + 1;
            }
        }
        return i;
    }

    private static int find(List<Token> t, int from, String word) {
        for (int i = from; i < t.size(); i++) {
            if (t.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean is(List<Token> t, int i, String word) {
        return i >= 0 && i < t.size() && t.get(i).is(word);
    }

    private static String where(ScriptStatement compound, Token tok) {
        int[] pos = position(compound, tok.offset());
        return "line " + pos[0] + ", column " + pos[1];
    }

    private static ScriptStatement statement(ScriptStatement compound, Token first, Token last) {
        String sql = compound.sql();
        int start = first.offset();
        int end = last.offset() + last.text().length();
        String text = sql.substring(start, end);
        // Without replacements the text is aligned with the raw text character for character.
        String raw = compound.rawText().length() == sql.length() ? compound.rawText().substring(start, end) : text;
        int[] from = position(compound, start);
        int[] to = position(compound, end - 1);
        return new ScriptStatement(text, raw, from[0], from[1], to[0], to[1], compound.delimiter(), false);
    }

    /** Line and column (code points, 1-based) in the file of an offset into the compound statement's text. */
    private static int[] position(ScriptStatement compound, int offset) {
        String sql = compound.sql();
        int line = compound.line();
        int lineStart = 0;
        for (int i = 0; i < offset && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int col = sql.codePointCount(lineStart, Math.min(offset, sql.length())) + 1;
        return new int[] {line, line == compound.line() ? compound.column() + col - 1 : col};
    }
}
