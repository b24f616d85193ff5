package dev.ddllint.script;

/**
 * Decides, token by token, whether the statement being read is compound ({@code CREATE [...]
 * PROCEDURE|FUNCTION|TRIGGER|EVENT}, {@code BEGIN NOT ATOMIC}) and, for one under the default delimiter {@code ;},
 * tracks how deep its {@code BEGIN/CASE/IF/LOOP/WHILE/REPEAT ... END} blocks are open, so that the {@code ;} inside
 * the body do not end it. A heuristic on tokens, not a parser (see {@link ScriptReader}).
 *
 * <p>Tokens arrive as keys: an upper-case word when {@link #wantsKeywords()}, else {@link #IDENT}; {@link #QUOTED}
 * for a quoted string or name; one of the punctuation keys, compared by identity. One per read; {@link #reset()}
 * between statements.
 */
final class BlockTracker {

    // Token keys for punctuation (compared by identity) and the "any other token" key.
    static final String SEMI = ";";
    static final String OPEN = "(";
    static final String CLOSE = ")";
    static final String COMMA = ",";
    static final String DOT = ".";
    static final String AT = "@";
    static final String COLON = ":";
    static final String ASSIGN = ":=";
    static final String OTHER = "?";
    static final String QUOTED = "'";
    static final String IDENT = "ID";

    private static final int H_NONE = 0;
    private static final int H_CREATE = 1;
    private static final int H_BEGIN = 2;
    private static final int H_BEGIN_NOT = 3;

    private static final int K_BEGIN = 1;
    private static final int K_CASE = 2;
    private static final int K_OTHER = 3;
    private static final int K_REPEAT = 4;

    private static final int P_NONE = 0;
    private static final int P_IF_NEXT = 1;
    private static final int P_IF_PARENS = 2;
    private static final int P_REPEAT_NEXT = 3;

    private static final int MAX_CREATE_HEADER_TOKENS = 40;

    /** Blocks are tracked only under {@code ;}: with a custom delimiter the statement simply ends at it. */
    private boolean defaultDelimiter = true;

    private int tokens;
    private int header;
    private int headerTokens;
    private boolean compound;
    private boolean tracking;
    /** Open blocks of a compound statement, innermost last (K_BEGIN, K_CASE, K_REPEAT, K_OTHER). */
    private int[] blocks = new int[16];
    private int depth;
    private int parenDepth;
    private String prev;
    private int pending;
    private int pendingBase;

    /** The delimiter in force from the next statement on. */
    void useDelimiter(String delimiter) {
        defaultDelimiter = delimiter.equals(";");
    }

    /** Whether the statement read so far is compound. */
    boolean compound() {
        return compound;
    }

    /** Whether a {@code ;} here is inside a block of the body, and so does not end the statement. */
    boolean insideBlock() {
        return tracking && depth > 0;
    }

    /** Whether the next word matters as a keyword (else the scanner may pass it as {@link #IDENT}). */
    boolean wantsKeywords() {
        return tokens == 0 || header != H_NONE || tracking;
    }

    /** Forgets the statement: the next token is the first of another one. */
    void reset() {
        tokens = 0;
        header = H_NONE;
        headerTokens = 0;
        compound = false;
        tracking = false;
        depth = 0;
        parenDepth = 0;
        prev = null;
        pending = P_NONE;
    }

    /**
     * Sees every token of the statement (words, quoted strings, punctuation; not comments). Decides whether the
     * statement is compound, and for compound statements under {@code ;} tracks block nesting.
     */
    void onToken(String key) {
        if (tokens++ == 0) {
            if (key.equals("CREATE")) {
                header = H_CREATE;
                headerTokens = 0;
            } else if (key.equals("BEGIN")) {
                header = H_BEGIN;
            }
            prev = key;
            return;
        }
        switch (header) {
            case H_CREATE:
                headerTokens++;
                if (prev != DOT && prev != AT && isRoutineKind(key)) {
                    header = H_NONE;
                    compound = true;
                    tracking = defaultDelimiter;
                    prev = key;
                    return;
                }
                if (isCreateStop(key) || headerTokens > MAX_CREATE_HEADER_TOKENS) {
                    header = H_NONE;
                }
                prev = key;
                return;
            case H_BEGIN:
                header = key.equals("NOT") ? H_BEGIN_NOT : H_NONE;
                prev = key;
                return;
            case H_BEGIN_NOT:
                header = H_NONE;
                if (key.equals("ATOMIC")) {
                    compound = true;
                    tracking = defaultDelimiter;
                    push(K_BEGIN);
                }
                prev = key;
                return;
            default:
                break;
        }
        if (tracking) {
            track(key);
        }
        prev = key;
    }

    private void track(String key) {
        // Resolve an IF or REPEAT whose role depended on what follows it.
        if (key == SEMI) {
            pending = P_NONE;
        } else if (pending == P_IF_NEXT) {
            if (key == OPEN) {
                pending = P_IF_PARENS;
                pendingBase = parenDepth;
            } else {
                push(K_OTHER);
                pending = P_NONE;
            }
        } else if (pending == P_REPEAT_NEXT) {
            if (key != OPEN) {
                push(K_REPEAT);
            }
            pending = P_NONE;
        } else if (pending == P_IF_PARENS && parenDepth == pendingBase + 1) {
            if (key == COMMA) {
                pending = P_NONE; // IF(cond, a, b): the function
            } else if (key == CLOSE) {
                push(K_OTHER); // IF (cond) THEN: the statement
                pending = P_NONE;
            }
        }
        if (key == OPEN) {
            parenDepth++;
            return;
        }
        if (key == CLOSE) {
            parenDepth = Math.max(0, parenDepth - 1);
            return;
        }
        if (key == SEMI) {
            parenDepth = 0;
            return;
        }
        switch (key) {
            case "BEGIN":
                if (!valueExpected(prev, false)) {
                    push(K_BEGIN);
                }
                break;
            case "END":
                // Every statement in a block ends with ';', so the END of a BEGIN, IF, LOOP... block follows a
                // ';' (or the BEGIN of an empty block). Only a CASE expression and REPEAT ... UNTIL cond END
                // REPEAT end after an expression. An END anywhere else is a column or variable called "end".
                if (depth > 0 && (prev == SEMI || "BEGIN".equals(prev)
                        || (blocks[depth - 1] != K_OTHER && blocks[depth - 1] != K_BEGIN
                            && !valueExpected(prev, true)))) {
                    depth--;
                }
                break;
            case "CASE":
                if (!"END".equals(prev) && prev != DOT && prev != AT) {
                    push(K_CASE);
                }
                break;
            case "IF":
                if (statementPosition()) {
                    pending = P_IF_NEXT;
                }
                break;
            case "REPEAT":
                if (statementPosition()) {
                    pending = P_REPEAT_NEXT;
                }
                break;
            case "LOOP":
            case "WHILE":
                if (statementPosition()) {
                    push(K_OTHER);
                }
                break;
            default:
                break;
        }
    }

    private void push(int kind) {
        if (depth == blocks.length) {
            blocks = java.util.Arrays.copyOf(blocks, depth * 2);
        }
        blocks[depth++] = kind;
    }

    /**
     * Whether a value (column, variable, operand) is expected after the given token, so that a BEGIN or END there
     * is a name. {@code inCase}: also after WHEN/THEN/ELSE, where a CASE expression needs its operand.
     */
    private static boolean valueExpected(String before, boolean inCase) {
        if (before == COMMA || before == OPEN || before == DOT || before == AT || before == OTHER
                || before == ASSIGN || before == COLON && inCase) {
            return true;
        }
        switch (before) {
            case "SET":
            case "SELECT":
            case "WHERE":
            case "AND":
            case "OR":
            case "XOR":
            case "NOT":
            case "BY":
            case "ON":
            case "AS":
            case "IN":
            case "IS":
            case "INTO":
            case "FROM":
            case "VALUES":
            case "LIKE":
            case "BETWEEN":
            case "RETURN":
            case "DISTINCT":
            case "INTERVAL":
            case "CASE":
            case "WHEN":
                return true;
            case "THEN":
            case "ELSE":
                return inCase;
            default:
                return false;
        }
    }

    /** Whether the previous token lets a statement (IF, LOOP, WHILE, REPEAT) start here. */
    private boolean statementPosition() {
        if (prev == null) {
            return false;
        }
        if (prev == SEMI || prev == COLON || prev == CLOSE) {
            return true;
        }
        switch (prev) {
            case "BEGIN":
            case "THEN":
            case "ELSE":
            case "DO":
            case "LOOP":
            case "REPEAT":
            case "ROW":
            case "DETERMINISTIC":
            case "DATA":
            case "SQL":
            case "INVOKER":
            case "DEFINER":
                return true;
            default:
                return false;
        }
    }

    private static boolean isRoutineKind(String key) {
        switch (key) {
            case "PROCEDURE":
            case "FUNCTION":
            case "TRIGGER":
            case "EVENT":
                return true;
            default:
                return false;
        }
    }

    private static boolean isCreateStop(String key) {
        switch (key) {
            case "TABLE":
            case "VIEW":
            case "INDEX":
            case "UNIQUE":
            case "FULLTEXT":
            case "SPATIAL":
            case "DATABASE":
            case "SCHEMA":
            case "USER":
            case "ROLE":
            case "TABLESPACE":
            case "SERVER":
            case "LOGFILE":
            case "SEQUENCE":
            case "RESOURCE":
            case "TEMPORARY":
            case "SYNONYM":
            case "PACKAGE":
                return true;
            default:
                return false;
        }
    }

    /** The key of a punctuation character. */
    static String punctuation(char c) {
        switch (c) {
            case ';':
                return SEMI;
            case '(':
                return OPEN;
            case ')':
                return CLOSE;
            case ',':
                return COMMA;
            case '.':
                return DOT;
            case '@':
                return AT;
            case ':':
                return COLON;
            default:
                return OTHER;
        }
    }
}
