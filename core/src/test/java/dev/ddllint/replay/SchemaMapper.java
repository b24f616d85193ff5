package dev.ddllint.replay;

import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a replayed migration history inside the replay's own scratch databases. Every database a migration names
 * ({@code USE x}, {@code CREATE DATABASE x}, {@code x.table} in a table position, a string literal equal to a known
 * database name) is mapped to a scratch database of its own, {@code <home>_<n>}; statements with effects outside
 * the session's databases (users, grants, global variables, events, files, system schemas) are refused, so they are
 * logged and skipped, never run.
 */
final class SchemaMapper {

    /** Read-only system schema: left as written (reading it is harmless, writing is refused by the server). */
    private static final String INFORMATION_SCHEMA = "information_schema";
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("mysql", "sys", "performance_schema");
    /** Keywords after which a (possibly qualified) table name follows. */
    private static final Set<String> TABLE_POSITION = Set.of("TABLE", "TABLES", "INTO", "UPDATE", "FROM", "JOIN",
            "REFERENCES", "EXISTS", "TO", "STRAIGHT_JOIN", "DESCRIBE", "DESC");
    private static final Set<String> DATABASE_WORDS = Set.of("DATABASE", "SCHEMA");

    private final String home;
    private final Map<String, String> mapped = new LinkedHashMap<>();

    SchemaMapper(String home) {
        this.home = home;
    }

    String home() {
        return home;
    }

    /** Every scratch database handed out so far (the home database first). */
    List<String> databases() {
        List<String> all = new ArrayList<>();
        all.add(home);
        all.addAll(mapped.values());
        return all;
    }

    /** The scratch database for a database name of the migrations (the home one for null). */
    String map(String schema) {
        if (schema == null) {
            return home;
        }
        String key = schema.toLowerCase(Locale.ROOT);
        if (key.equals(home) || mapped.containsValue(key)) {
            return key;
        }
        return mapped.computeIfAbsent(key, k -> home + "_" + (mapped.size() + 1));
    }

    boolean isKnown(String schema) {
        return schema != null && mapped.containsKey(schema.toLowerCase(Locale.ROOT));
    }

    /** A statement as it may run: its text with database names mapped, or the reason why it must not run. */
    record Rewritten(String sql, String refusal, String use) {

        Rewritten(String sql, String refusal) {
            this(sql, refusal, null);
        }

        boolean runnable() {
            return refusal == null;
        }
    }

    Rewritten rewrite(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        if (tokens.isEmpty()) {
            return new Rewritten(sql, "empty");
        }
        String refusal = refusal(tokens);
        if (refusal != null) {
            return new Rewritten(sql, refusal);
        }
        // 1. learn the databases this statement names
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String prev = i > 0 ? tokens.get(i - 1).upper() : "";
            if (t.isName() && i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".") && tokens.get(i + 2).isName()
                    && (i == 0 || !tokens.get(i - 1).isSymbol("."))) {
                String schema = t.value();
                String lower = schema.toLowerCase(Locale.ROOT);
                boolean tablePosition = TABLE_POSITION.contains(prev) || (prev.equals(",") && inTableList(tokens, i))
                        || (prev.equals("ON") && isIndexStatement(tokens)) || (prev.equals("LIKE")
                        && tokens.get(0).is("CREATE"));
                if (SYSTEM_SCHEMAS.contains(lower) && (tablePosition || !tokens.get(0).is("SELECT"))) {
                    return new Rewritten(sql, "names the system schema " + lower);
                }
                if (tablePosition && !lower.equals(INFORMATION_SCHEMA) && !lower.startsWith(home)) {
                    map(schema);
                }
            }
        }
        int dbName = databaseNamePosition(tokens);
        if (dbName >= 0) {
            String lower = tokens.get(dbName).value().toLowerCase(Locale.ROOT);
            if (SYSTEM_SCHEMAS.contains(lower) || lower.equals(INFORMATION_SCHEMA)) {
                return new Rewritten(sql, "names the system schema " + lower);
            }
            map(tokens.get(dbName).value());
        }
        // 2. rewrite every mention of a known database
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String replacement = null;
            if (i == dbName) {
                replacement = "`" + map(t.value()) + "`";
            } else if (t.isName() && isKnown(t.value()) && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(".")
                    && (i == 0 || !tokens.get(i - 1).isSymbol("."))) {
                replacement = "`" + map(t.value()) + "`";
            } else if (t.type() == Token.Type.STRING && isKnown(t.value())) {
                replacement = "'" + map(t.value()) + "'";
            }
            if (replacement != null) {
                out.append(sql, at, t.offset()).append(replacement);
                at = t.offset() + t.text().length();
            }
        }
        out.append(sql.substring(at));
        return new Rewritten(out.toString(), null, dbName >= 0 && tokens.get(0).is("USE")
                ? map(tokens.get(dbName).value()) : null);
    }

    /** Index of the database name of USE x / CREATE|DROP|ALTER DATABASE [IF [NOT] EXISTS] x, or -1. */
    private static int databaseNamePosition(List<Token> tokens) {
        Token first = tokens.get(0);
        if (first.is("USE")) {
            return tokens.size() > 1 && tokens.get(1).isName() ? 1 : -1;
        }
        if ((first.is("CREATE") || first.is("DROP") || first.is("ALTER")) && tokens.size() > 1
                && DATABASE_WORDS.contains(tokens.get(1).upper())) {
            int i = 2;
            if (i < tokens.size() && tokens.get(i).is("IF")) {
                i++;
                if (i < tokens.size() && tokens.get(i).is("NOT")) {
                    i++;
                }
                i++; // EXISTS
            }
            if (i < tokens.size() && tokens.get(i).isName() && !isDatabaseOption(tokens.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDatabaseOption(Token t) {
        return switch (t.upper()) {
            case "DEFAULT", "CHARACTER", "CHARSET", "COLLATE", "ENCRYPTION", "READ", "COMMENT" -> true;
            default -> false;
        };
    }

    private static boolean isIndexStatement(List<Token> tokens) {
        return (tokens.get(0).is("CREATE") || tokens.get(0).is("DROP"))
                && tokens.stream().limit(6).anyMatch(t -> t.is("INDEX") || t.is("KEY"));
    }

    /** A comma inside FROM a, b / RENAME TABLE a TO b, c TO d / DROP TABLE a, b / OPTIMIZE TABLE a, b. */
    private static boolean inTableList(List<Token> tokens, int i) {
        Token first = tokens.get(0);
        if (first.is("RENAME") || first.is("DROP") || first.is("OPTIMIZE") || first.is("TRUNCATE")
                || first.is("LOCK") || first.is("ANALYZE") || first.is("CHECK") || first.is("REPAIR")) {
            return true;
        }
        for (int j = i - 1; j >= 0; j--) {
            String u = tokens.get(j).upper();
            if (u.equals("FROM")) {
                return true;
            }
            if (u.equals("WHERE") || u.equals("SELECT") || u.equals("SET") || u.equals("(") || u.equals(")")
                    || u.equals("ON") || u.equals("VALUES")) {
                return false;
            }
        }
        return false;
    }

    /** Why a statement must not run at all (effects outside the scratch databases), or null. */
    private static String refusal(List<Token> tokens) {
        Token first = tokens.get(0);
        String second = tokens.size() > 1 ? tokens.get(1).upper() : "";
        for (Token t : tokens) {
            if (t.type() == Token.Type.WORD) {
                String u = t.upper();
                if (u.equals("@@GLOBAL") || u.equals("@@PERSIST") || u.equals("@@PERSIST_ONLY")
                        || u.equals("OUTFILE") || u.equals("DUMPFILE")) {
                    return "global or file effect (" + t.text() + ")";
                }
            }
        }
        switch (first.upper()) {
            case "GRANT", "REVOKE", "FLUSH", "RESET", "PURGE", "INSTALL", "UNINSTALL", "KILL", "SHUTDOWN", "CHANGE",
                 "STOP", "BINLOG", "CLONE", "CACHE", "RESTART", "HANDLER", "XA", "IMPORT" -> {
                return "server-wide statement " + first.upper();
            }
            case "START" -> {
                return second.equals("TRANSACTION") ? null : "server-wide statement START " + second;
            }
            case "LOAD" -> {
                return "LOAD " + second + " reads files";
            }
            case "SET" -> {
                if (second.equals("GLOBAL") || second.equals("PERSIST") || second.equals("PERSIST_ONLY")
                        || second.equals("PASSWORD") || second.equals("DEFAULT") || second.equals("ROLE")) {
                    return "SET " + second;
                }
                return null;
            }
            case "CREATE", "ALTER", "DROP", "RENAME" -> {
                // the first object word decides: DEFINER=... and OR REPLACE come before it
                for (int i = 1; i < Math.min(tokens.size(), 20); i++) {
                    Token t = tokens.get(i);
                    if (t.type() != Token.Type.WORD) {
                        continue;
                    }
                    switch (t.upper()) {
                        case "TABLE", "TABLES", "VIEW", "PROCEDURE", "FUNCTION", "TRIGGER", "INDEX", "DATABASE",
                             "SCHEMA", "UNIQUE", "FULLTEXT", "SPATIAL", "ONLINE", "OFFLINE", "IGNORE", "TEMPORARY",
                             "SEQUENCE", "PACKAGE" -> {
                            return null;
                        }
                        case "USER", "ROLE", "SERVER", "EVENT", "TABLESPACE", "LOGFILE", "INSTANCE", "RESOURCE",
                             "SPATIAL_REFERENCE_SYSTEM", "UNDO" -> {
                            return "server-wide statement " + first.upper() + " " + t.upper();
                        }
                        default -> {
                        }
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }
}
