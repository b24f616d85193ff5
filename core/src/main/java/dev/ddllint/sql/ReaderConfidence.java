package dev.ddllint.sql;

import dev.ddllint.model.ColumnType;
import dev.ddllint.model.RequestedAlgorithm;
import dev.ddllint.model.RequestedLock;
import dev.ddllint.model.StatementKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether {@link TolerantStatementReader} models a statement fully, so that no other parser needs to see it. The
 * reader itself is tolerant (it steps over what it does not know); this is its strict twin: it accepts a statement
 * only when every token belongs to a form the reader turns into the model, and names the first one that does not.
 * A statement with any doubt goes on to JSqlParser and, failing that, to the fail-closed path.
 *
 * <p>Covered: CREATE TABLE, CREATE INDEX, DROP TABLE, DROP INDEX, RENAME TABLE and SET. ALTER TABLE is not: there
 * JSqlParser's tree decides what each clause is.
 */
public final class ReaderConfidence {

    /** The statement kinds this check can vouch for. */
    public static final Set<StatementKind> KINDS = EnumSet.of(StatementKind.CREATE_TABLE,
            StatementKind.CREATE_INDEX, StatementKind.DROP_TABLE, StatementKind.DROP_INDEX,
            StatementKind.RENAME_TABLE, StatementKind.SET);

    /** Column attributes that are one keyword. */
    private static final Set<String> FLAG_ATTRIBUTES = Set.of("UNSIGNED", "SIGNED", "ZEROFILL", "BINARY", "NULL",
            "AUTO_INCREMENT", "VISIBLE", "INVISIBLE", "VIRTUAL", "STORED", "PERSISTENT");

    /** Words a DEFAULT may be (optionally with {@code (n)} or {@code ()}). */
    private static final Set<String> DEFAULT_WORDS = Set.of("NULL", "TRUE", "FALSE", "CURRENT_TIMESTAMP", "NOW",
            "LOCALTIME", "LOCALTIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "UTC_TIMESTAMP", "UTC_DATE", "UTC_TIME");

    /** Table options written {@code NAME [=] value} that the reader keeps as they are. */
    private static final Set<String> TABLE_OPTIONS = Set.of("ENGINE", "TYPE", "ROW_FORMAT", "KEY_BLOCK_SIZE",
            "AUTO_INCREMENT", "COMMENT", "AVG_ROW_LENGTH", "CHECKSUM", "DELAY_KEY_WRITE", "MAX_ROWS", "MIN_ROWS",
            "PACK_KEYS", "STATS_PERSISTENT", "STATS_AUTO_RECALC", "STATS_SAMPLE_PAGES", "COMPRESSION",
            "ENCRYPTION", "TABLESPACE", "PAGE_COMPRESSED", "PAGE_COMPRESSION_LEVEL", "TRANSACTIONAL",
            "PAGE_CHECKSUM", "INSERT_METHOD");

    private static final Set<String> REFERENCE_ACTIONS = Set.of("RESTRICT", "CASCADE", "SET", "NO");

    private ReaderConfidence() {
    }

    /** Null when the reader models the statement fully; otherwise what it cannot (for messages and tests). */
    public static String doubt(StatementKind kind, List<Token> tokens) {
        if (!KINDS.contains(kind)) {
            return kind + " is not modelled by the reader alone";
        }
        Check c = new Check(tokens);
        try {
            switch (kind) {
                case CREATE_TABLE -> c.createTable();
                case CREATE_INDEX -> c.createIndex();
                case DROP_TABLE -> c.dropTable();
                case DROP_INDEX -> c.dropIndex();
                case RENAME_TABLE -> c.renameTable();
                default -> c.set();
            }
            if (!c.in.atEnd()) {
                c.fail("unexpected");
            }
            return null;
        } catch (Doubt d) {
            return d.getMessage();
        }
    }

    /** Thrown at the first token the reader would not model; cheap (no stack trace). */
    private static final class Doubt extends RuntimeException {
        Doubt(String message) {
            super(message, null, false, false);
        }
    }

    /** A strict reading over one statement's tokens. */
    private static final class Check {
        final TokenCursor in;

        Check(List<Token> tokens) {
            in = new TokenCursor(tokens);
        }

        void fail(String what) {
            Token t = in.peek();
            throw new Doubt(what + (t == null ? " at the end" : " \"" + t.text() + "\""));
        }

        void expect(String keyword) {
            if (!in.accept(keyword)) {
                fail("expected " + keyword + ", found");
            }
        }

        void expectSymbol(String symbol) {
            if (!in.acceptSymbol(symbol)) {
                fail("expected " + symbol + ", found");
            }
        }

        void tableName() {
            if (in.name() == null) {
                fail("expected a table name, found");
            }
        }

        Token plainName() {
            Token t = in.peek();
            if (t == null || !t.isName()) {
                fail("expected a name, found");
            }
            return in.next();
        }

        /** A value of one token: a word, a number, a string or a quoted name. */
        void oneValue() {
            Token t = in.peek();
            if (t == null || t.type() == Token.Type.SYMBOL) {
                fail("expected a value, found");
            }
            in.next();
        }

        /** A balanced parenthesised group, read as a whole. */
        void group() {
            expectSymbol("(");
            int depth = 1;
            while (depth > 0) {
                Token t = in.next();
                if (t == null) {
                    throw new Doubt("unbalanced parentheses");
                }
                if (t.isSymbol("(")) {
                    depth++;
                } else if (t.isSymbol(")")) {
                    depth--;
                }
            }
        }

        void createTable() {
            expect("CREATE");
            in.accept("TEMPORARY");
            expect("TABLE");
            in.acceptAll("IF", "NOT", "EXISTS");
            tableName();
            if (in.accept("LIKE")) {
                tableName();
                return;
            }
            expectSymbol("(");
            if (in.accept("LIKE")) {
                tableName();
                expectSymbol(")");
                return;
            }
            do {
                createDefinition();
            } while (in.acceptSymbol(","));
            expectSymbol(")");
            tableOptions();
        }

        void createDefinition() {
            Token first = in.peek();
            if (first == null) {
                fail("expected a column or key");
            }
            if (first.is("CONSTRAINT")) {
                in.next();
                Token t = in.peek();
                if (t != null && t.isName() && !t.is("PRIMARY") && !t.is("UNIQUE") && !t.is("FOREIGN")
                        && !t.is("CHECK")) {
                    in.next();
                }
                if (in.acceptAll("PRIMARY", "KEY")) {
                    keyBody(false);
                } else if (in.accept("UNIQUE")) {
                    uniqueBody();
                } else if (in.acceptAll("FOREIGN", "KEY")) {
                    foreignKeyBody();
                } else if (in.accept("CHECK")) {
                    checkBody();
                } else {
                    fail("unexpected after CONSTRAINT:");
                }
            } else if (in.acceptAll("PRIMARY", "KEY")) {
                keyBody(false);
            } else if (in.accept("UNIQUE")) {
                uniqueBody();
            } else if (in.accept("INDEX") || in.accept("KEY")) {
                keyBody(true);
            } else if (in.accept("FULLTEXT") || in.accept("SPATIAL")) {
                if (!in.accept("INDEX")) {
                    in.accept("KEY");
                }
                keyBody(true);
            } else if (in.acceptAll("FOREIGN", "KEY")) {
                foreignKeyBody();
            } else if (in.accept("CHECK")) {
                checkBody();
            } else if (first.isName() && !isReservedHead(first)) {
                in.next();
                columnDefinition();
            } else {
                fail("not a column or key:");
            }
        }

        /** Words that start something other than a column where the reader looks for a column. */
        private boolean isReservedHead(Token t) {
            return t.is("COLUMN") || t.is("PARTITION") || t.is("PERIOD") || t.is("SYSTEM") || t.is("IF")
                    || t.is("LIKE");
        }

        void uniqueBody() {
            if (!in.accept("INDEX")) {
                in.accept("KEY");
            }
            keyBody(true);
        }

        /** {@code [name] [USING type] (parts) [options]} (no name for a primary key). */
        void keyBody(boolean named) {
            if (named) {
                in.acceptAll("IF", "NOT", "EXISTS");
                Token t = in.peek();
                if (t != null && t.isName() && !t.is("USING")) {
                    in.next();
                }
            }
            indexType();
            keyParts();
            indexOptions();
        }

        void indexType() {
            if (in.accept("USING")) {
                if (!in.accept("BTREE") && !in.accept("HASH")) {
                    fail("unknown index type");
                }
            }
        }

        void keyParts() {
            expectSymbol("(");
            do {
                Token t = in.peek();
                if (t != null && t.isSymbol("(")) {
                    group();
                } else {
                    plainName();
                    if (in.peek() != null && in.peek().isSymbol("(")) {
                        expectSymbol("(");
                        if (in.peek() == null || in.peek().type() != Token.Type.NUMBER) {
                            fail("expected a prefix length, found");
                        }
                        in.next();
                        expectSymbol(")");
                    }
                }
                if (!in.accept("ASC")) {
                    in.accept("DESC");
                }
            } while (in.acceptSymbol(","));
            expectSymbol(")");
        }

        void indexOptions() {
            while (true) {
                if (in.peekIs("USING")) {
                    indexType();
                } else if (in.accept("KEY_BLOCK_SIZE")) {
                    in.acceptSymbol("=");
                    oneValue();
                } else if (in.accept("COMMENT")) {
                    string();
                } else if (in.accept("VISIBLE") || in.accept("INVISIBLE")) {
                    continue;
                } else if (in.acceptAll("WITH", "PARSER")) {
                    plainName();
                } else {
                    return;
                }
            }
        }

        void string() {
            Token t = in.peek();
            if (t == null || t.type() != Token.Type.STRING) {
                fail("expected a string, found");
            }
            in.next();
        }

        void foreignKeyBody() {
            in.acceptAll("IF", "NOT", "EXISTS");
            if (in.peek() != null && in.peek().isName()) {
                in.next();
            }
            nameList();
            expect("REFERENCES");
            tableName();
            nameList();
            while (true) {
                if (in.accept("ON")) {
                    if (!in.accept("DELETE")) {
                        expect("UPDATE");
                    }
                    Token action = in.peek();
                    if (action == null || action.type() != Token.Type.WORD
                            || !REFERENCE_ACTIONS.contains(action.upper())) {
                        fail("unknown referential action");
                    }
                    in.next();
                    if (action.is("SET")) {
                        if (!in.accept("NULL")) {
                            expect("DEFAULT");
                        }
                    } else if (action.is("NO")) {
                        expect("ACTION");
                    }
                } else if (in.accept("MATCH")) {
                    if (!in.accept("FULL") && !in.accept("PARTIAL")) {
                        expect("SIMPLE");
                    }
                } else {
                    return;
                }
            }
        }

        void nameList() {
            expectSymbol("(");
            do {
                plainName();
            } while (in.acceptSymbol(","));
            expectSymbol(")");
        }

        void checkBody() {
            group();
            in.accept("NOT");
            in.accept("ENFORCED");
        }

        void columnDefinition() {
            columnType();
            while (!in.atEnd() && !in.peek().isSymbol(",") && !in.peek().isSymbol(")")) {
                Token t = in.peek();
                if (t.type() == Token.Type.WORD && FLAG_ATTRIBUTES.contains(t.upper())) {
                    in.next();
                } else if (in.acceptAll("NOT", "NULL")) {
                    continue;
                } else if (in.acceptAll("CHARACTER", "SET") || in.accept("CHARSET") || in.accept("COLLATE")) {
                    in.acceptSymbol("=");
                    oneValue();
                } else if (in.accept("DEFAULT")) {
                    defaultValue();
                } else if (in.acceptAll("PRIMARY", "KEY") || in.accept("KEY")) {
                    continue;
                } else if (in.accept("UNIQUE")) {
                    in.accept("KEY");
                } else if (in.accept("COMMENT")) {
                    string();
                } else if (in.acceptAll("GENERATED", "ALWAYS") || t.is("AS")) {
                    expect("AS");
                    group();
                } else if (in.acceptAll("ON", "UPDATE")) {
                    defaultWord();
                } else if (in.accept("COLUMN_FORMAT") || in.accept("STORAGE") || in.accept("SRID")) {
                    oneValue();
                } else if (in.accept("CHECK")) {
                    group();
                } else {
                    fail("unknown column attribute");
                }
            }
        }

        void columnType() {
            Token t = in.peek();
            if (t == null || t.type() != Token.Type.WORD) {
                fail("expected a column type, found");
            }
            in.next();
            String name = t.upper();
            Token second = in.peek();
            if ((name.equals("DOUBLE") && second != null && second.is("PRECISION"))
                    || ((name.equals("CHAR") || name.equals("CHARACTER")) && second != null && second.is("VARYING"))
                    || (name.equals("NATIONAL") && second != null && (second.is("CHAR") || second.is("VARCHAR")))) {
                in.next();
            } else if (name.equals("NATIONAL") || name.equals("LONG") || name.equals("CHARACTER")
                    || !new ColumnType(name, List.of(), false, false, null, null).isKnownName()) {
                throw new Doubt("column type " + t.text() + " is not one the reader models");
            }
            if (in.peek() != null && in.peek().isSymbol("(")) {
                in.next();
                do {
                    Token arg = in.peek();
                    if (arg == null || arg.type() != Token.Type.NUMBER && arg.type() != Token.Type.STRING) {
                        fail("expected a type argument, found");
                    }
                    in.next();
                } while (in.acceptSymbol(","));
                expectSymbol(")");
            }
        }

        void defaultValue() {
            Token t = in.peek();
            if (t == null) {
                fail("expected a default");
            }
            if (t.isSymbol("(")) {
                group();
            } else if (t.isSymbol("-") || t.isSymbol("+")) {
                in.next();
                Token n = in.peek();
                if (n == null || n.type() != Token.Type.NUMBER) {
                    fail("expected a number, found");
                }
                in.next();
            } else if (t.type() == Token.Type.STRING || t.type() == Token.Type.NUMBER) {
                in.next();
            } else {
                defaultWord();
            }
        }

        /** CURRENT_TIMESTAMP, CURRENT_TIMESTAMP(3), NOW(), NULL, …: the words a default or ON UPDATE may be. */
        void defaultWord() {
            Token t = in.peek();
            if (t == null || t.type() != Token.Type.WORD || !DEFAULT_WORDS.contains(t.upper())) {
                fail("unknown default");
            }
            in.next();
            if (in.acceptSymbol("(")) {
                if (in.peek() != null && in.peek().type() == Token.Type.NUMBER) {
                    in.next();
                }
                expectSymbol(")");
            }
        }

        void tableOptions() {
            while (!in.atEnd()) {
                if (in.acceptSymbol(",")) {
                    continue;
                }
                if (in.acceptAll("PARTITION", "BY")) {
                    // The reader keeps that the table is partitioned, and nothing of how.
                    while (!in.atEnd()) {
                        in.next();
                    }
                    return;
                }
                if (in.acceptAll("WITH", "SYSTEM", "VERSIONING")) {
                    continue;
                }
                in.accept("DEFAULT");
                if (in.acceptAll("CHARACTER", "SET") || in.accept("CHARSET") || in.accept("COLLATE")) {
                    in.acceptSymbol("=");
                    oneValue();
                    continue;
                }
                Token t = in.peek();
                if (t != null && (t.is("DATA") || t.is("INDEX")) && in.peek(1) != null
                        && in.peek(1).is("DIRECTORY")) {
                    in.next();
                    in.next();
                    in.acceptSymbol("=");
                    string();
                    continue;
                }
                if (t == null || t.type() != Token.Type.WORD || !TABLE_OPTIONS.contains(t.upper())) {
                    fail("unknown table option");
                }
                in.next();
                in.acceptSymbol("=");
                oneValue();
            }
        }

        void createIndex() {
            expect("CREATE");
            if (!in.accept("UNIQUE") && !in.accept("FULLTEXT")) {
                in.accept("SPATIAL");
            }
            expect("INDEX");
            in.acceptAll("IF", "NOT", "EXISTS");
            plainName();
            indexType();
            expect("ON");
            tableName();
            keyParts();
            while (!in.atEnd()) {
                int before = in.position();
                indexOptions();
                algorithmOrLock();
                if (in.position() == before) {
                    fail("unexpected");
                }
            }
        }

        /** {@code ALGORITHM [=] x} or {@code LOCK [=] y} with a value the model has. */
        void algorithmOrLock() {
            if (in.accept("ALGORITHM")) {
                in.acceptSymbol("=");
                Token v = in.peek();
                if (v == null || v.type() != Token.Type.WORD || !isAlgorithm(v.upper())) {
                    fail("unknown ALGORITHM");
                }
                in.next();
            } else if (in.accept("LOCK")) {
                in.acceptSymbol("=");
                Token v = in.peek();
                if (v == null || v.type() != Token.Type.WORD || !isLock(v.upper())) {
                    fail("unknown LOCK");
                }
                in.next();
            }
        }

        private static boolean isAlgorithm(String s) {
            for (RequestedAlgorithm a : RequestedAlgorithm.values()) {
                if (a.name().equals(s)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isLock(String s) {
            for (RequestedLock l : RequestedLock.values()) {
                if (l.name().equals(s)) {
                    return true;
                }
            }
            return false;
        }

        void dropIndex() {
            expect("DROP");
            expect("INDEX");
            in.acceptAll("IF", "EXISTS");
            plainName();
            expect("ON");
            tableName();
            while (!in.atEnd()) {
                int before = in.position();
                algorithmOrLock();
                if (in.position() == before) {
                    fail("unexpected");
                }
            }
        }

        void dropTable() {
            expect("DROP");
            in.accept("TEMPORARY");
            if (!in.accept("TABLE")) {
                expect("TABLES");
            }
            in.acceptAll("IF", "EXISTS");
            do {
                tableName();
            } while (in.acceptSymbol(","));
            if (!in.accept("RESTRICT")) {
                in.accept("CASCADE");
            }
        }

        void renameTable() {
            expect("RENAME");
            if (!in.accept("TABLE")) {
                expect("TABLES");
            }
            do {
                tableName();
                expect("TO");
                tableName();
            } while (in.acceptSymbol(","));
        }

        void set() {
            expect("SET");
            do {
                assignment();
            } while (in.acceptSymbol(","));
        }

        /** {@code [GLOBAL|SESSION|…] name = expression}, {@code NAMES x [COLLATE y]}, {@code CHARACTER SET x}. */
        void assignment() {
            if (!in.accept("GLOBAL") && !in.accept("SESSION") && !in.accept("LOCAL") && !in.accept("PERSIST")) {
                in.accept("PERSIST_ONLY");
            }
            if (in.accept("NAMES")) {
                oneValue();
                if (in.accept("COLLATE")) {
                    oneValue();
                }
                return;
            }
            if (in.acceptAll("CHARACTER", "SET") || in.accept("CHARSET")) {
                oneValue();
                return;
            }
            Token target = in.peek();
            if (target == null || target.type() != Token.Type.WORD
                    || target.is("TRANSACTION") || target.is("PASSWORD") || target.is("ROLE")
                    || target.is("DEFAULT") || target.is("RESOURCE") || target.is("STATEMENT")) {
                fail("not an assignment:");
            }
            in.next();
            if (target.value().startsWith("@@") && in.acceptSymbol(".")) {
                plainName();
            }
            if (!in.acceptSymbol("=")) {
                expectSymbol(":");
                expectSymbol("=");
            }
            expression();
        }

        /** Any tokens up to a top-level comma or the end, parentheses balanced; at least one. */
        void expression() {
            int depth = 0;
            int count = 0;
            while (!in.atEnd()) {
                Token t = in.peek();
                if (depth == 0 && t.isSymbol(",")) {
                    break;
                }
                if (t.isSymbol("(")) {
                    depth++;
                } else if (t.isSymbol(")") && --depth < 0) {
                    fail("unbalanced");
                }
                in.next();
                count++;
            }
            if (depth != 0 || count == 0) {
                throw new Doubt(count == 0 ? "no value" : "unbalanced parentheses");
            }
        }
    }
}
