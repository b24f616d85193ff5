package dev.ddllint.analysis;

import dev.ddllint.model.StatementKind;
import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.Token;
import dev.ddllint.sql.TolerantStatementReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQL a migration assembles at run time: the values user variables get from string expressions
 * ({@code SET @s = CONCAT('ALTER TABLE ', 'x', ' ADD …')}, {@code SELECT IF(…, 'ALTER …', 'SELECT 1') INTO @s},
 * hex literals), and what {@code PREPARE s FROM …} / {@code EXECUTE IMMEDIATE …} run. Each value is a set of
 * alternatives; an alternative is either known whole or only by a prefix ({@code CONCAT('ALTER TABLE ', tbl)}).
 * One tracker per file, fed the statements in order.
 */
final class DynamicSql {

    /** Statement kinds a dynamic string is analysed as: the table DDL the analyzer checks or replays. */
    static final Set<StatementKind> TABLE_DDL = EnumSet.of(StatementKind.ALTER_TABLE, StatementKind.CREATE_INDEX,
            StatementKind.DROP_INDEX, StatementKind.CREATE_TABLE, StatementKind.RENAME_TABLE,
            StatementKind.DROP_TABLE, StatementKind.OPTIMIZE_TABLE);
    /** Leading words that make a statement certainly not table DDL, whatever follows. */
    private static final Set<String> NOT_DDL = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "SET",
            "SHOW", "DO", "CALL", "ANALYZE", "EXPLAIN", "DESCRIBE", "DESC", "GRANT", "REVOKE", "FLUSH", "KILL",
            "LOAD", "WITH", "VALUES", "TABLE", "CHECKSUM", "CHECK", "SIGNAL");
    private static final int MAX_ALTERNATIVES = 16;

    /** One possible value: the whole text, or ({@code complete=false}) only its start and what is unknown. */
    record Alternative(String text, boolean complete, String unknown) {
        static Alternative unknown(String what) {
            return new Alternative("", false, what);
        }
    }

    /** What a PREPARE or EXECUTE IMMEDIATE runs: DDL strings known whole, and why the rest is unknown. */
    record Prepared(List<String> ddl, String unchecked) {
    }

    private final Map<String, List<Alternative>> variables = new HashMap<>();

    /**
     * Reads the user-variable assignments of a SET or SELECT … INTO statement.
     *
     * @return the table DDL strings the statement now holds in variables (analysed at this statement)
     */
    List<String> assign(String sql) {
        List<Token> t = SqlLexer.tokenize(sql);
        Set<String> ddl = new LinkedHashSet<>();
        if (!t.isEmpty() && t.get(0).is("SET")) {
            for (List<Token> part : splitCommas(t.subList(1, t.size()))) {
                if (part.size() < 2 || !isUserVariable(part.get(0))) {
                    continue;
                }
                int eq = part.get(1).isSymbol("=") ? 2 : part.get(1).isSymbol(":") && part.size() > 2
                        && part.get(2).isSymbol("=") ? 3 : -1;
                if (eq < 0) {
                    continue;
                }
                List<Alternative> value = eval(part.subList(eq, part.size()));
                variables.put(key(part.get(0)), value);
                ddl.addAll(completeDdl(value));
            }
        } else if (!t.isEmpty() && t.get(0).is("SELECT")) {
            int into = topLevel(t, 1, "INTO");
            if (into < 0) {
                return List.of();
            }
            List<Token> targets = new ArrayList<>();
            for (int i = into + 1; i < t.size() && (isUserVariable(t.get(i)) || t.get(i).isSymbol(",")); i++) {
                if (isUserVariable(t.get(i))) {
                    targets.add(t.get(i));
                }
            }
            int exprEnd = into;
            int from = topLevel(t, 1, "FROM");
            if (from > 0 && from < exprEnd) {
                exprEnd = from;
            }
            List<List<Token>> exprs = splitCommas(t.subList(1, exprEnd));
            // With a FROM the query may return no row, and the variable then keeps its value.
            boolean mayKeep = from > 0;
            for (int k = 0; k < targets.size(); k++) {
                List<Alternative> value = k < exprs.size() ? eval(exprs.get(k))
                        : List.of(Alternative.unknown("the SELECT's column " + (k + 1)));
                List<Alternative> all = new ArrayList<>(value);
                if (mayKeep) {
                    all.addAll(variables.getOrDefault(key(targets.get(k)), List.of()));
                }
                variables.put(key(targets.get(k)), all);
                ddl.addAll(completeDdl(value));
            }
        }
        return List.copyOf(ddl);
    }

    /** {@code PREPARE s FROM 'text' | @v}, {@code EXECUTE IMMEDIATE expr}; null for other statements. */
    Prepared prepare(String sql) {
        List<Token> t = SqlLexer.tokenize(sql);
        List<Token> source;
        boolean fromVariable;
        String what;
        if (t.size() >= 4 && t.get(0).is("PREPARE") && t.get(2).is("FROM")) {
            source = t.subList(3, t.size());
            what = "PREPARE " + t.get(1).value() + " FROM " + text(source);
        } else if (t.size() >= 3 && t.get(0).is("EXECUTE") && t.get(1).is("IMMEDIATE")) {
            source = t.subList(2, t.size());
            int using = topLevel(source, 0, "USING");
            source = using < 0 ? source : source.subList(0, using);
            what = "EXECUTE IMMEDIATE " + text(source);
        } else {
            return null;
        }
        fromVariable = source.size() == 1 && isUserVariable(source.get(0));
        List<Alternative> value;
        if (fromVariable && !variables.containsKey(key(source.get(0)))) {
            value = List.of(Alternative.unknown(source.get(0).value() + " is not set from a string expression "
                    + "earlier in this file"));
        } else {
            value = eval(source);
        }
        // The whole DDL strings of a variable were analysed where it was set.
        List<String> ddl = fromVariable ? List.of() : completeDdl(value);
        String unchecked = null;
        for (Alternative a : value) {
            if (!a.complete() && !provablyNotDdl(a.text())) {
                unchecked = Messages.shorten(what) + ": " + (a.text().isBlank() ? "" : "the text starts \""
                        + Messages.shorten(a.text()) + "\" but ") + a.unknown() + " is not known before run time";
                break;
            }
        }
        return new Prepared(ddl, unchecked);
    }

    private static boolean provablyNotDdl(String prefix) {
        List<Token> t = SqlLexer.tokenize(prefix);
        if (t.isEmpty() || t.get(0).type() != Token.Type.WORD) {
            return false;
        }
        // The first word must be complete: followed by another token, or by a blank.
        Token first = t.get(0);
        boolean whole = t.size() > 1 || prefix.length() > first.offset() + first.text().length();
        return whole && NOT_DDL.contains(first.upper());
    }

    private static List<String> completeDdl(List<Alternative> value) {
        List<String> ddl = new ArrayList<>();
        for (Alternative a : value) {
            if (a.complete() && TABLE_DDL.contains(TolerantStatementReader.kindOf(SqlLexer.tokenize(a.text())))) {
                ddl.add(a.text());
            }
        }
        return ddl;
    }

    /**
     * How deep expressions are followed (functions, CASE, parentheses): real migrations nest a few levels; deeper
     * is unknown (so its DDL is reported unchecked), which keeps the work linear and the stack bounded whatever the
     * input (a SET of 20,000 nested IFs overflowed the stack outside the guarded parse and ended the whole run).
     */
    static final int MAX_DEPTH = 32;

    /** The possible values of an expression. */
    private List<Alternative> eval(List<Token> e) {
        return eval(e, 0);
    }

    private List<Alternative> eval(List<Token> e, int depth) {
        if (depth > MAX_DEPTH) {
            return List.of(Alternative.unknown("an expression nested more than " + MAX_DEPTH + " levels deep"));
        }
        e = stripParens(e);
        if (!e.isEmpty() && e.get(0).isSymbol("(") && closingParen(e, 0) == e.size() - 1) {
            return List.of(Alternative.unknown("an expression nested more than " + MAX_DEPTH + " levels deep"));
        }
        if (e.isEmpty()) {
            return List.of(Alternative.unknown("an empty expression"));
        }
        Token first = e.get(0);
        if (e.stream().allMatch(x -> x.type() == Token.Type.STRING)) {
            // Adjacent literals concatenate: 'ALTER TABLE t ' 'ADD c INT'.
            StringBuilder sb = new StringBuilder();
            e.forEach(x -> sb.append(x.value()));
            return List.of(new Alternative(sb.toString(), true, null));
        }
        if (e.size() == 1 && first.type() == Token.Type.WORD && first.text().toLowerCase(Locale.ROOT).startsWith("0x")) {
            String hex = hex(first.text().substring(2));
            return hex == null ? List.of(Alternative.unknown(first.text())) : List.of(new Alternative(hex, true, null));
        }
        if (e.size() == 2 && (first.is("X") || first.is("_binary") || first.is("_utf8mb4") || first.is("_utf8"))
                && e.get(1).type() == Token.Type.STRING) {
            String value = first.is("X") ? hex(e.get(1).value()) : e.get(1).value();
            return value == null ? List.of(Alternative.unknown(text(e))) : List.of(new Alternative(value, true, null));
        }
        if (e.size() == 1 && first.is("NULL")) {
            return List.of(); // PREPARE FROM NULL fails; nothing runs
        }
        if (e.size() == 1 && isUserVariable(first)) {
            return variables.getOrDefault(key(first), List.of(Alternative.unknown(first.value())));
        }
        if (first.is("SELECT")) {
            // A scalar subquery: its one column, or NULL when no row.
            int from = topLevel(e, 1, "FROM");
            List<List<Token>> columns = splitCommas(e.subList(1, from < 0 ? e.size() : from));
            return columns.size() == 1 ? eval(columns.get(0), depth + 1) : List.of(Alternative.unknown(shortText(e)));
        }
        if (first.type() == Token.Type.WORD && e.size() >= 3 && e.get(1).isSymbol("(")
                && closingParen(e, 1) == e.size() - 1) {
            List<List<Token>> args = splitCommas(e.subList(2, e.size() - 1));
            switch (first.upper()) {
                case "CONCAT" -> {
                    return concat(args, depth);
                }
                case "IF" -> {
                    if (args.size() == 3) {
                        return union(List.of(eval(args.get(1), depth + 1), eval(args.get(2),
                                depth + 1)));
                    }
                }
                case "IFNULL", "COALESCE" -> {
                    return union(args.stream().map(a -> eval(a, depth + 1)).toList());
                }
                default -> {
                }
            }
        }
        if (first.is("CASE") && e.get(e.size() - 1).is("END")) {
            return caseValues(e, depth);
        }
        return List.of(Alternative.unknown(shortText(e)));
    }

    private List<Alternative> concat(List<List<Token>> args, int depth) {
        List<Alternative> results = List.of(new Alternative("", true, null));
        for (List<Token> arg : args) {
            List<Alternative> part = eval(arg, depth + 1);
            List<Alternative> next = new ArrayList<>();
            for (Alternative r : results) {
                if (!r.complete()) {
                    next.add(r);
                    continue;
                }
                for (Alternative p : part) {
                    next.add(new Alternative(r.text() + p.text(), p.complete(), p.unknown()));
                }
            }
            if (next.size() > MAX_ALTERNATIVES) {
                return List.of(Alternative.unknown("a CONCAT with too many alternatives"));
            }
            results = next;
        }
        return results;
    }

    /** CASE … WHEN … THEN v … [ELSE v] END: every THEN and ELSE value. */
    private List<Alternative> caseValues(List<Token> e, int level) {
        List<List<Alternative>> values = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 1; i < e.size(); i++) {
            Token x = e.get(i);
            if (x.isSymbol("(")) {
                depth++;
            } else if (x.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (x.is("WHEN") || x.is("ELSE") || x.is("END"))) {
                if (start >= 0) {
                    values.add(eval(e.subList(start, i), level + 1));
                }
                start = x.is("ELSE") ? i + 1 : -1;
            } else if (depth == 0 && x.is("THEN")) {
                start = i + 1;
            } else if (depth == 0 && x.is("CASE")) {
                return List.of(Alternative.unknown(shortText(e)));
            }
        }
        return union(values);
    }

    private static List<Alternative> union(List<List<Alternative>> all) {
        List<Alternative> out = new ArrayList<>();
        all.forEach(out::addAll);
        return out.size() > MAX_ALTERNATIVES ? List.of(Alternative.unknown("an expression with too many "
                + "alternatives")) : out;
    }

    private static String hex(String digits) {
        if (digits.isEmpty() || digits.length() % 2 != 0 || !digits.matches("[0-9A-Fa-f]+")) {
            return null;
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The expression without the parentheses around it, at most {@link #MAX_DEPTH} pairs. */
    private static List<Token> stripParens(List<Token> e) {
        for (int n = 0; n < MAX_DEPTH && e.size() >= 2 && e.get(0).isSymbol("(") && closingParen(e, 0) == e.size() - 1;
             n++) {
            e = e.subList(1, e.size() - 1);
        }
        return e;
    }

    private static int closingParen(List<Token> e, int open) {
        int depth = 0;
        for (int i = open; i < e.size(); i++) {
            if (e.get(i).isSymbol("(")) {
                depth++;
            } else if (e.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int topLevel(List<Token> t, int from, String word) {
        int depth = 0;
        for (int i = from; i < t.size(); i++) {
            if (t.get(i).isSymbol("(")) {
                depth++;
            } else if (t.get(i).isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    private static List<List<Token>> splitCommas(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token x = tokens.get(i);
            if (x.isSymbol("(")) {
                depth++;
            } else if (x.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && x.isSymbol(",")) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        parts.add(tokens.subList(start, tokens.size()));
        return parts;
    }

    private static boolean isUserVariable(Token t) {
        return t.type() == Token.Type.WORD && t.text().startsWith("@") && !t.text().startsWith("@@")
                && t.text().length() > 1;
    }

    private static String key(Token variable) {
        return variable.text().toLowerCase(Locale.ROOT);
    }

    private static String text(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token x : tokens) {
            if (sb.length() > 0 && !x.isSymbol(",") && !x.isSymbol(")") && !sb.toString().endsWith("(")) {
                sb.append(' ');
            }
            sb.append(x.text());
        }
        return sb.toString();
    }

    private static String shortText(List<Token> tokens) {
        return "`" + Messages.shorten(text(tokens)) + "`";
    }

    /** Phrasing for messages (rules.Messages is package-private there). */
    private static final class Messages {
        static String shorten(String s) {
            String oneLine = s.replaceAll("\\s+", " ").trim();
            return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
        }
    }
}
