package dev.ddllint.analysis;

import dev.ddllint.config.NewTableScope;
import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;
import dev.ddllint.model.StatementOrigin;
import dev.ddllint.model.TableName;
import dev.ddllint.script.ScriptStatement;
import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.Token;
import dev.ddllint.sql.TokenCursor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tables the analysed migrations certainly created empty, whose findings about existing rows are then only info.
 * A CREATE counts only when it certainly runs and certainly leaves the table empty: not {@code IF NOT EXISTS}
 * (the table may exist with rows), not {@code CREATE … SELECT}, not {@code TEMPORARY} (it shadows the real table
 * only for this session), not inside a versioned comment (the target may skip it), not inside a routine body or a
 * string for PREPARE (it may not run). {@code CREATE … LIKE} creates an empty table and counts. Any INSERT, REPLACE
 * or LOAD DATA into the table afterwards makes it hold rows; a renamed table counts as existing (as before). The
 * table must be named with the same schema qualification as the statement that alters it.
 */
final class NewTables {

    private record Created(String file, String schema) {
    }

    private final Map<String, Created> created = new HashMap<>();

    /** Records the effect of one statement (in replay order) on which tables are new and empty. */
    void observe(ScriptStatement source, Statement s, StatementOrigin origin, String path, boolean existsLive) {
        switch (s.kind()) {
            case CREATE_TABLE -> {
                if (s.table() == null) {
                    return;
                }
                if (s.parsed() && origin.certain() && !existsLive && certainlyEmpty(source)) {
                    created.put(s.table().key(), new Created(path, s.table().schema()));
                } else {
                    created.remove(s.table().key());
                }
            }
            case DROP_TABLE -> {
                if (s.table() != null) {
                    created.remove(s.table().key());
                }
                s.renames().forEach(p -> created.remove(p.from().key()));
            }
            case RENAME_TABLE -> s.renames().forEach(p -> rename(p.from(), p.to()));
            case ALTER_TABLE -> {
                for (AlterOperation op : s.operations()) {
                    if (op.kind() == ClauseKind.RENAME_TABLE && op.newName() != null && s.table() != null) {
                        rename(s.table(), new TableName(s.table().schema(), op.newName()));
                    }
                }
            }
            case DML -> {
                TableName target = insertTarget(source.sql());
                if (target != null) {
                    created.remove(target.key());
                }
            }
            default -> {
            }
        }
    }

    /** Why the statement's table holds no rows yet, when it was created within the scope; else null. */
    String note(Statement s, String path, NewTableScope scope) {
        if (s.table() == null || scope == NewTableScope.NONE) {
            return null;
        }
        Created c = created.get(s.table().key());
        if (c == null || !sameSchema(c.schema(), s.table().schema())
                || (scope == NewTableScope.FILE && !c.file().equals(path))) {
            return null;
        }
        return "not a risk: the table is created earlier in " + (c.file().equals(path) ? "this file" : c.file())
                + ", so it holds no rows yet";
    }

    /** Only a CREATE makes a table new: a renamed table (even a new one) counts as existing from then on. */
    private void rename(TableName from, TableName to) {
        created.remove(from.key());
        created.remove(to.key());
    }

    private static boolean sameSchema(String a, String b) {
        return a == null ? b == null : b != null && a.equalsIgnoreCase(b);
    }

    /** CREATE [OR REPLACE] TABLE name (…) with no IF NOT EXISTS, TEMPORARY or SELECT, outside a versioned comment. */
    private static boolean certainlyEmpty(ScriptStatement source) {
        if (source.rawText().startsWith("/*")) {
            return false;
        }
        List<Token> tokens = SqlLexer.tokenize(source.sql());
        boolean beforeTable = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (beforeTable && t.is("TEMPORARY")) {
                return false;
            }
            if (beforeTable && t.is("TABLE")) {
                beforeTable = false;
                if (i + 3 < tokens.size() && tokens.get(i + 1).is("IF") && tokens.get(i + 2).is("NOT")) {
                    return false;
                }
            }
            if (t.is("SELECT")) {
                return false;
            }
        }
        return true;
    }

    /** The table an INSERT, REPLACE or LOAD DATA/XML writes rows into, or null. */
    static TableName insertTarget(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        TokenCursor in = new TokenCursor(tokens);
        Token first = in.next();
        if (first == null) {
            return null;
        }
        if (first.is("INSERT") || first.is("REPLACE")) {
            while (in.accept("LOW_PRIORITY") || in.accept("DELAYED") || in.accept("HIGH_PRIORITY")
                    || in.accept("IGNORE")) {
                // modifiers
            }
            in.accept("INTO");
        } else if (first.is("LOAD")) {
            while (!in.atEnd() && !(in.peekIs("INTO") && Objects.requireNonNullElse(in.peek(1),
                    new Token(Token.Type.SYMBOL, "", "", 0)).is("TABLE"))) {
                in.next();
            }
            if (!in.acceptAll("INTO", "TABLE")) {
                return null;
            }
        } else {
            return null;
        }
        TokenCursor.QualifiedName name = in.name();
        return name == null ? null : new TableName(name.schema(), name.name());
    }
}
