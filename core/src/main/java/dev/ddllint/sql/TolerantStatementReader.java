package dev.ddllint.sql;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.CreateTableDefinition;
import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.RequestedAlgorithm;
import dev.ddllint.model.RequestedLock;
import dev.ddllint.model.Statement;
import dev.ddllint.model.Statement.RenamePair;
import dev.ddllint.model.Statement.SessionSetting;
import dev.ddllint.model.StatementKind;
import dev.ddllint.model.TableName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads MySQL statements without JSqlParser: the kind from the leading keywords, and for DDL the parts that
 * shape a verdict. Used to classify every statement cheaply and as the fallback when JSqlParser rejects one.
 */
public final class TolerantStatementReader {

    private TolerantStatementReader() {
    }

    /** The statement kind from its leading keywords, without reading the rest. */
    public static StatementKind kindOf(List<Token> tokens) {
        TokenCursor in = new TokenCursor(tokens);
        Token first = in.next();
        if (first == null) {
            return StatementKind.OTHER;
        }
        switch (first.upper()) {
            case "ALTER" -> {
                in.accept("ONLINE");
                in.accept("OFFLINE");
                in.accept("IGNORE");
                return in.accept("TABLE") ? StatementKind.ALTER_TABLE : StatementKind.OTHER;
            }
            case "CREATE" -> {
                in.acceptAll("OR", "REPLACE");
                in.accept("TEMPORARY");
                if (in.accept("TABLE")) {
                    return StatementKind.CREATE_TABLE;
                }
                in.accept("ONLINE");
                if (in.accept("UNIQUE") || in.accept("FULLTEXT") || in.accept("SPATIAL")) {
                    return in.accept("INDEX") || in.accept("KEY") ? StatementKind.CREATE_INDEX : StatementKind.OTHER;
                }
                return in.accept("INDEX") ? StatementKind.CREATE_INDEX : StatementKind.OTHER;
            }
            case "DROP" -> {
                in.accept("TEMPORARY");
                if (in.accept("TABLE") || in.accept("TABLES")) {
                    return StatementKind.DROP_TABLE;
                }
                in.accept("ONLINE");
                return in.accept("INDEX") ? StatementKind.DROP_INDEX : StatementKind.OTHER;
            }
            case "RENAME" -> {
                return in.accept("TABLE") || in.accept("TABLES") ? StatementKind.RENAME_TABLE : StatementKind.OTHER;
            }
            case "TRUNCATE" -> {
                return StatementKind.TRUNCATE_TABLE;
            }
            case "OPTIMIZE" -> {
                return StatementKind.OPTIMIZE_TABLE;
            }
            case "SET" -> {
                return StatementKind.SET;
            }
            case "INSERT", "UPDATE", "DELETE", "REPLACE", "SELECT", "WITH", "LOAD", "CALL" -> {
                return StatementKind.DML;
            }
            default -> {
                return StatementKind.OTHER;
            }
        }
    }

    /** Reads a statement; {@code parsed=false} only when not even its kind-specific head could be read. */
    public static Statement read(String sql) {
        return read(sql, SqlLexer.tokenize(sql));
    }

    /** {@link #read(String)} over the statement's tokens, already made by {@link SqlLexer#tokenize}. */
    public static Statement read(String sql, List<Token> tokens) {
        StatementKind kind = kindOf(tokens);
        TokenCursor in = new TokenCursor(tokens);
        return switch (kind) {
            case ALTER_TABLE -> readAlter(sql, in);
            case CREATE_TABLE -> readCreateTable(sql, in);
            case CREATE_INDEX -> readCreateIndex(sql, in);
            case DROP_INDEX -> readDropIndex(sql, in);
            case RENAME_TABLE -> readRenameTable(in);
            case DROP_TABLE, TRUNCATE_TABLE, OPTIMIZE_TABLE -> readTableStatement(kind, in);
            case SET -> readSet(in);
            default -> Statement.simple(kind, null);
        };
    }

    private static Statement readAlter(String sql, TokenCursor in) {
        in.next(); // ALTER
        boolean online = in.accept("ONLINE");
        in.accept("OFFLINE");
        boolean ignore = in.accept("IGNORE");
        in.accept("TABLE");
        in.acceptAll("IF", "EXISTS");
        TokenCursor.QualifiedName name = in.name();
        if (name == null) {
            return Statement.unparseable("no table name after ALTER TABLE");
        }
        if (in.accept("WAIT")) {
            in.next();
        } else {
            in.accept("NOWAIT");
        }
        AlterClauseReader.Clauses clauses = AlterClauseReader.read(sql, in.rest());
        return new Statement(StatementKind.ALTER_TABLE, new TableName(name.schema(), name.name()),
                clauses.operations(), clauses.algorithm(), clauses.lock(), null, List.of(), List.of(), ignore,
                true, null, online).withClausesWritten(clauses.written());
    }

    private static Statement readCreateTable(String sql, TokenCursor in) {
        while (!in.atEnd() && !in.accept("TABLE")) {
            in.next();
        }
        in.acceptAll("IF", "NOT", "EXISTS");
        TokenCursor.QualifiedName name = in.name();
        if (name == null) {
            return Statement.unparseable("no table name after CREATE TABLE");
        }
        TableName table = new TableName(name.schema(), name.name());
        if (in.accept("LIKE") || (in.peek() != null && in.peek().isSymbol("(") && in.peek(1) != null
                && in.peek(1).is("LIKE"))) {
            boolean paren = in.acceptSymbol("(");
            if (paren) {
                in.accept("LIKE");
            }
            TokenCursor.QualifiedName like = in.name();
            CreateTableDefinition def = new CreateTableDefinition(List.of(), List.of(), Map.of(),
                    like == null ? null : new TableName(like.schema(), like.name()), false);
            return createTable(table, def);
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        List<IndexDefinition> indexes = new ArrayList<>();
        for (List<Token> part : ColumnDefinitionReader.splitOnCommas(in.parenthesised())) {
            readCreateDefinition(sql, part, columns, indexes);
        }
        Map<String, String> options = new LinkedHashMap<>();
        boolean partitioned = false;
        while (!in.atEnd()) {
            Token t = in.next();
            if (t.is("PARTITION") && in.peekIs("BY")) {
                partitioned = true;
                String names = partitionNames(in.rest());
                if (names != null) {
                    options.put(dev.ddllint.schema.TableFacts.PARTITIONS, names);
                }
                break;
            }
            if (t.is("AS") || t.is("SELECT")) {
                break;
            }
            if (t.is("DEFAULT")) {
                continue;
            }
            if (t.is("WITH") && in.peekIs("SYSTEM")) {
                in.next();
                in.accept("VERSIONING");
                options.put(dev.ddllint.schema.TableFacts.SYSTEM_VERSIONING, "YES");
                continue;
            }
            String key = t.upper();
            if (t.is("CHARACTER") && in.accept("SET")) {
                key = "CHARSET";
            }
            if (t.type() == Token.Type.WORD) {
                in.acceptSymbol("=");
                Token v = in.peek();
                if (v != null && !v.isSymbol(",")) {
                    in.next();
                    options.put(key, v.value().toUpperCase(Locale.ROOT));
                }
            }
        }
        // Columns declared PRIMARY KEY inline become the primary key.
        for (ColumnDefinition c : columns) {
            if (c.primaryKey()) {
                indexes.add(new IndexDefinition("PRIMARY", IndexKind.PRIMARY, List.of(c.name()), null)
                        .withSignature(IndexDefinition.signatureOf(List.of(c.name()))));
            } else if (c.unique()) {
                indexes.add(new IndexDefinition(c.name(), IndexKind.UNIQUE, List.of(c.name()), null)
                        .withSignature(IndexDefinition.signatureOf(List.of(c.name()))));
            }
        }
        return createTable(table, new CreateTableDefinition(columns, indexes, options, null, partitioned));
    }

    private static Statement createTable(TableName table, CreateTableDefinition def) {
        return new Statement(StatementKind.CREATE_TABLE, table, List.of(), RequestedAlgorithm.DEFAULT,
                RequestedLock.DEFAULT, def, List.of(), List.of(), false, true, null);
    }

    private static void readCreateDefinition(String sql, List<Token> part, List<ColumnDefinition> columns,
                                             List<IndexDefinition> indexes) {
        if (part.isEmpty()) {
            return;
        }
        // Reuse the ALTER reader: "ADD <definition>" reads keys and columns alike.
        List<Token> withAdd = new ArrayList<>(part.size() + 1);
        withAdd.add(new Token(Token.Type.WORD, "ADD", "ADD", -1));
        withAdd.addAll(part);
        for (AlterOperation op : AlterClauseReader.read(sql, withAdd).operations()) {
            if (op.kind() == ClauseKind.ADD_COLUMN && op.definition() != null) {
                columns.add(op.definition());
            } else if (op.index() != null && op.kind() != ClauseKind.UNKNOWN) {
                indexes.add(op.index());
            }
        }
    }

    private static Statement readCreateIndex(String sql, TokenCursor in) {
        in.next(); // CREATE
        in.accept("ONLINE");
        IndexKind kind = IndexKind.PLAIN;
        if (in.accept("UNIQUE")) {
            kind = IndexKind.UNIQUE;
        } else if (in.accept("FULLTEXT")) {
            kind = IndexKind.FULLTEXT;
        } else if (in.accept("SPATIAL")) {
            kind = IndexKind.SPATIAL;
        }
        in.accept("INDEX");
        in.acceptAll("IF", "NOT", "EXISTS");
        Token name = in.next();
        boolean hash = false;
        if (in.accept("USING")) {
            Token type = in.next();
            hash = type != null && type.is("HASH");
        }
        if (!in.accept("ON")) {
            return Statement.unparseable("CREATE INDEX without ON table");
        }
        TokenCursor.QualifiedName table = in.name();
        if (table == null) {
            return Statement.unparseable("CREATE INDEX without a table name");
        }
        List<Token> parts = in.parenthesised();
        List<String> columns = AlterClauseReader.columnNames(parts);
        int textEnd = in.position();
        IndexStatementOptions options = IndexStatementOptions.read(in);
        hash = hash || options.usingHash();
        List<Token> head = in.between(0, textEnd);
        String text = head.isEmpty() ? sql : sql.substring(head.get(0).offset(),
                head.get(head.size() - 1).offset() + head.get(head.size() - 1).text().length());
        AlterOperation op = AlterOperation.of(ClauseKind.ADD_INDEX, text)
                .withIndex(new IndexDefinition(name == null ? null : name.value(), kind, columns, null, hash,
                        AlterClauseReader.prefixedColumns(parts), false));
        return new Statement(StatementKind.CREATE_INDEX, new TableName(table.schema(), table.name()), List.of(op),
                options.algorithm(), options.lock(), null, List.of(), List.of(), false, true, null)
                .withClausesWritten(options.written());
    }

    private static Statement readDropIndex(String sql, TokenCursor in) {
        in.next(); // DROP
        in.accept("ONLINE");
        in.accept("INDEX");
        in.acceptAll("IF", "EXISTS");
        Token name = in.next();
        if (!in.accept("ON")) {
            return Statement.unparseable("DROP INDEX without ON table");
        }
        TokenCursor.QualifiedName table = in.name();
        if (table == null || name == null) {
            return Statement.unparseable("DROP INDEX without a table name");
        }
        IndexStatementOptions options = IndexStatementOptions.read(in);
        boolean primary = name.value().equalsIgnoreCase("PRIMARY");
        AlterOperation op = AlterOperation.of(primary ? ClauseKind.DROP_PRIMARY_KEY : ClauseKind.DROP_INDEX,
                        "DROP INDEX " + name.text())
                .withIndex(new IndexDefinition(name.value(), primary ? IndexKind.PRIMARY : IndexKind.PLAIN,
                        List.of(), null));
        return new Statement(StatementKind.DROP_INDEX, new TableName(table.schema(), table.name()), List.of(op),
                options.algorithm(), options.lock(), null, List.of(), List.of(), false, true, null)
                .withClausesWritten(options.written());
    }

    /**
     * What follows the columns of CREATE INDEX or the table of DROP INDEX: ALGORITHM= and LOCK= (in any order),
     * {@code USING HASH}; anything else is stepped over.
     *
     * @param written ALGORITHM= or LOCK= is written
     */
    private record IndexStatementOptions(RequestedAlgorithm algorithm, RequestedLock lock, boolean written,
                                         boolean usingHash) {

        static IndexStatementOptions read(TokenCursor in) {
            RequestedAlgorithm algorithm = RequestedAlgorithm.DEFAULT;
            RequestedLock lock = RequestedLock.DEFAULT;
            boolean written = false;
            boolean hash = false;
            while (!in.atEnd()) {
                if (in.accept("ALGORITHM")) {
                    in.acceptSymbol("=");
                    algorithm = AlterClauseReader.parseAlgorithm(in.next());
                    written = true;
                } else if (in.accept("LOCK")) {
                    in.acceptSymbol("=");
                    lock = AlterClauseReader.parseLock(in.next());
                    written = true;
                } else if (in.next().is("USING") && in.peekIs("HASH")) {
                    hash = true;
                }
            }
            return new IndexStatementOptions(algorithm, lock, written, hash);
        }
    }

    private static Statement readRenameTable(TokenCursor in) {
        in.next(); // RENAME
        in.next(); // TABLE
        List<RenamePair> pairs = new ArrayList<>();
        while (!in.atEnd()) {
            TokenCursor.QualifiedName from = in.name();
            if (from == null || !in.accept("TO")) {
                break;
            }
            TokenCursor.QualifiedName to = in.name();
            if (to == null) {
                break;
            }
            pairs.add(new RenamePair(new TableName(from.schema(), from.name()), new TableName(to.schema(), to.name())));
            if (!in.acceptSymbol(",")) {
                break;
            }
        }
        if (pairs.isEmpty()) {
            return Statement.unparseable("RENAME TABLE without a 'a TO b' pair");
        }
        return new Statement(StatementKind.RENAME_TABLE, pairs.get(0).from(), List.of(), RequestedAlgorithm.DEFAULT,
                RequestedLock.DEFAULT, null, pairs, List.of(), false, true, null);
    }

    private static Statement readTableStatement(StatementKind kind, TokenCursor in) {
        in.next();
        in.accept("TEMPORARY");
        in.accept("NO_WRITE_TO_BINLOG");
        in.accept("LOCAL");
        if (!in.accept("TABLE")) {
            in.accept("TABLES");
        }
        in.acceptAll("IF", "EXISTS");
        TokenCursor.QualifiedName name = in.name();
        List<RenamePair> more = new ArrayList<>();
        // DROP TABLE a, b: keep every name (as from==to pairs) so the schema forgets all of them.
        while (name != null && in.acceptSymbol(",")) {
            TokenCursor.QualifiedName next = in.name();
            if (next == null) {
                break;
            }
            TableName t = new TableName(next.schema(), next.name());
            more.add(new RenamePair(t, t));
        }
        TableName table = name == null ? null : new TableName(name.schema(), name.name());
        // OPTIMIZE TABLE on InnoDB is "recreate + analyze": the server runs ALTER TABLE ... FORCE (MySQL and
        // MariaDB, seen in their stage events), so it is classified as that rebuild.
        List<AlterOperation> operations = kind == StatementKind.OPTIMIZE_TABLE
                ? List.of(AlterOperation.of(ClauseKind.FORCE, "OPTIMIZE TABLE (runs as ALTER TABLE ... FORCE)"))
                : List.of();
        return new Statement(kind, table, operations, RequestedAlgorithm.DEFAULT, RequestedLock.DEFAULT, null, more,
                List.of(), false, true, null);
    }

    private static Statement readSet(TokenCursor in) {
        in.next(); // SET
        List<SessionSetting> settings = new ArrayList<>();
        // A GLOBAL/SESSION modifier holds for the assignments after it that have none (SET GLOBAL a=1, b=2).
        boolean globalScope = false;
        for (List<Token> part : ColumnDefinitionReader.splitOnCommas(in.rest())) {
            TokenCursor p = new TokenCursor(part);
            if (p.accept("SESSION") || p.accept("LOCAL")) {
                globalScope = false;
            }
            // GLOBAL (and PERSIST) settings do not change this session: keep them apart by a "global." prefix.
            if (p.accept("GLOBAL") || p.accept("PERSIST") || p.accept("PERSIST_ONLY")) {
                globalScope = true;
            }
            boolean global = globalScope;
            Token name = p.next();
            if (name == null) {
                continue;
            }
            String n = name.value();
            // @@session.x / @@global.x / @@x
            if (n.startsWith("@@")) {
                n = n.substring(2);
                if (p.acceptSymbol(".")) {
                    global = n.equalsIgnoreCase("global") || n.equalsIgnoreCase("persist")
                            || n.equalsIgnoreCase("persist_only");
                    Token real = p.next();
                    n = real == null ? n : real.value();
                }
            }
            n = global ? "global." + n : n;
            if (!p.acceptSymbol("=")) {
                if (p.acceptSymbol(":")) {
                    p.acceptSymbol("=");
                }
            }
            StringBuilder value = new StringBuilder();
            p.rest().forEach(t -> value.append(t.value()));
            settings.add(new SessionSetting(n.toLowerCase(Locale.ROOT), value.toString()));
        }
        return new Statement(StatementKind.SET, null, List.of(), RequestedAlgorithm.DEFAULT, RequestedLock.DEFAULT,
                null, List.of(), settings, false, true, null);
    }

    /**
     * The names of the partitions a PARTITION BY clause lists, lower case and comma-separated, or null when it lists
     * none (HASH/KEY with PARTITIONS n): then they are not known.
     */
    public static String partitionNamesOf(String partitionBy) {
        return partitionNames(SqlLexer.tokenize(partitionBy));
    }

    static String partitionNames(List<Token> clause) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < clause.size(); i++) {
            Token t = clause.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 1 && t.is("PARTITION") && i + 1 < clause.size() && clause.get(i + 1).isName()) {
                names.add(clause.get(i + 1).value().toLowerCase(Locale.ROOT));
            }
        }
        return names.isEmpty() ? null : String.join(",", names);
    }
}
