package dev.ddllint.rules;

import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level clauses of an INSERT, REPLACE, UPDATE or DELETE, read from its tokens (the model keeps only the
 * statement kind for DML). Words inside parentheses (subqueries, VALUES lists) are not top-level.
 *
 * @param verb        INSERT, REPLACE, UPDATE or DELETE; null for anything else
 * @param table       the first table named, or null
 * @param where       the top-level WHERE's tokens, or null without one
 * @param limited     a top-level LIMIT
 * @param joined      more than one table (JOIN, USING, or a comma between tables)
 * @param columnList  an INSERT/REPLACE naming its columns
 * @param fromSelect  an INSERT/REPLACE … SELECT
 */
record DmlText(String verb, String table, List<Token> where, boolean limited, boolean joined, boolean columnList,
               boolean fromSelect) {

    private static final DmlText NONE = new DmlText(null, null, null, false, false, false, false);
    private static final List<String> VERBS = List.of("INSERT", "REPLACE", "UPDATE", "DELETE");

    /**
     * The last statement read and its clauses: four rules ask for the same statement's text (one object, the
     * context's) one after another, so it is tokenised once. Immutable, so threads may share it.
     */
    private record Last(String sql, DmlText dml) {
    }

    private static volatile Last last;

    /**
     * The statement's DML clauses; none for a statement in a routine body: a trigger's or function's statements
     * run per row or per call, not as a backfill of the migration.
     */
    static DmlText of(StatementContext ctx) {
        return ctx.origin().kind() == dev.ddllint.model.StatementOrigin.Kind.ROUTINE ? NONE : of(ctx.sql());
    }

    static DmlText of(String sql) {
        // Most statements are no DML: their first token says so without reading the rest.
        Token first = SqlLexer.first(sql);
        if (first == null || first.type() != Token.Type.WORD || !VERBS.contains(first.upper())) {
            return NONE;
        }
        Last seen = last;
        if (seen != null && seen.sql() == sql) {
            return seen.dml();
        }
        DmlText dml = read(sql);
        last = new Last(sql, dml);
        return dml;
    }

    private static DmlText read(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        String verb = tokens.get(0).upper();
        List<Token> top = new ArrayList<>();
        int depth = 0;
        boolean parenAfterTable = false;
        String table = null;
        int tableAt = -1;
        boolean qualified = false;
        for (Token t : tokens) {
            if (t.isSymbol("(")) {
                if (depth == 0 && table != null && top.get(top.size() - 1).isName()
                        && top.get(top.size() - 1).value().equals(table)) {
                    parenAfterTable = true;
                }
                depth++;
                continue;
            }
            if (t.isSymbol(")")) {
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (depth > 0) {
                continue;
            }
            if ((table == null || qualified) && t.isName() && !isKeyword(t)) {
                table = t.value();
                tableAt = top.size();
                qualified = false;
            } else if (t.isSymbol(".") && tableAt >= 0 && tableAt == top.size() - 1) {
                qualified = true; // schema.table: the table is the name after the dot
            }
            top.add(t);
        }
        List<Token> where = null;
        boolean limited = false;
        boolean joined = false;
        boolean select = false;
        for (int i = 0; i < top.size(); i++) {
            Token t = top.get(i);
            if (t.is("WHERE") && where == null) {
                where = new ArrayList<>();
                for (int j = i + 1; j < top.size() && !top.get(j).is("ORDER") && !top.get(j).is("LIMIT"); j++) {
                    where.add(top.get(j));
                }
            }
            limited |= t.is("LIMIT");
            joined |= t.is("JOIN") || t.is("USING") || (where == null && t.isSymbol(",") && !verb.equals("INSERT")
                    && !verb.equals("REPLACE") && !afterSet(top, i));
            select |= t.is("SELECT") || t.is("TABLE");
        }
        boolean insert = verb.equals("INSERT") || verb.equals("REPLACE");
        return new DmlText(verb, table, where == null ? null : List.copyOf(where), limited, joined, insert && parenAfterTable,
                insert && select);
    }

    /** A comma of UPDATE's SET list, not of its table list. */
    private static boolean afterSet(List<Token> top, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (top.get(i).is("SET")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKeyword(Token t) {
        return t.type() == Token.Type.WORD && List.of("INSERT", "REPLACE", "UPDATE", "DELETE", "INTO", "FROM",
                "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "QUICK").contains(t.upper());
    }
}
