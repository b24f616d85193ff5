package dev.ddllint.parse;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;
import dev.ddllint.parse.jsqlparser.JSqlParserAdapter;
import dev.ddllint.sql.ReaderConfidence;
import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.Token;
import dev.ddllint.sql.TolerantStatementReader;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns one statement's text into the model. Statements that do not shape a verdict are classified from their
 * leading keywords. Of those that do (table DDL and SET), our own reader models on its own what it is sure of
 * ({@link ReaderConfidence}: CREATE TABLE, CREATE INDEX, DROP TABLE/INDEX, RENAME TABLE, SET, every token in a form
 * it knows); the rest, ALTER TABLE among them, go through JSqlParser, which is only loaded when first needed. When
 * JSqlParser rejects a statement the tolerant reader recovers it; only what neither understands is returned with
 * {@code parsed=false}.
 */
public final class StatementParser {

    /** Statement kinds whose details matter to a verdict or to the schema replay. */
    private static final Set<StatementKind> VERDICT_SHAPING = EnumSet.of(StatementKind.ALTER_TABLE,
            StatementKind.CREATE_TABLE, StatementKind.CREATE_INDEX, StatementKind.DROP_INDEX,
            StatementKind.RENAME_TABLE, StatementKind.DROP_TABLE, StatementKind.SET);

    private final long parseTimeoutMillis;
    /** Created on first use: a run whose statements the reader models alone never loads JSqlParser's classes. */
    private volatile JSqlParserAdapter jsqlparser;

    public StatementParser(long parseTimeoutMillis) {
        this.parseTimeoutMillis = parseTimeoutMillis;
    }

    public Statement parse(String sql) {
        return withUnknownTypes(read(sql));
    }

    private Statement read(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        StatementKind kind = TolerantStatementReader.kindOf(tokens);
        // ALTER ONLINE TABLE (MariaDB): JSqlParser has no place for the keyword, the clause reader keeps it.
        boolean online = kind == StatementKind.ALTER_TABLE && tokens.size() > 1 && tokens.get(1).is("ONLINE");
        if (!VERDICT_SHAPING.contains(kind) || online) {
            return keepKind(TolerantStatementReader.read(sql, tokens), kind);
        }
        if (ReaderConfidence.doubt(kind, tokens) == null) {
            // For these kinds the model was always the reader's; JSqlParser only vouched for the syntax.
            Statement read = TolerantStatementReader.read(sql, tokens);
            if (read.parsed() && read.kind() == kind) {
                return read;
            }
        }
        JSqlParserAdapter.Outcome outcome = jsqlparser().parse(sql);
        if (outcome.gaveUp()) {
            return Statement.unparseable(kind, outcome.error());
        }
        if (outcome.ok() && outcome.statement().kind() == kind) {
            return outcome.statement();
        }
        Statement recovered = TolerantStatementReader.read(sql, tokens);
        String note = outcome.ok() ? "JSqlParser read it as " + outcome.statement().kind() : outcome.error()
                + (outcome.errorLine() > 0 ? " at line " + outcome.errorLine() + ", column " + outcome.errorColumn()
                : "");
        if (!recovered.parsed()) {
            return keepKind(recovered, kind).withParseNote(note + "; " + recovered.parseNote());
        }
        if (kind == StatementKind.ALTER_TABLE && !recovered.operations().isEmpty()
                && recovered.operations().stream().allMatch(o -> o.kind() == ClauseKind.UNKNOWN)) {
            return new Statement(recovered.kind(), recovered.table(), recovered.operations(), recovered.algorithm(),
                    recovered.lock(), null, recovered.renames(), recovered.settings(), recovered.ignore(), false,
                    note + "; no clause could be read", recovered.online());
        }
        return recovered.withParseNote(note + "; recovered by the clause reader");
    }

    private JSqlParserAdapter jsqlparser() {
        JSqlParserAdapter adapter = jsqlparser;
        if (adapter == null) {
            synchronized (this) {
                adapter = jsqlparser;
                if (adapter == null) {
                    adapter = new JSqlParserAdapter(parseTimeoutMillis);
                    jsqlparser = adapter;
                }
            }
        }
        return adapter;
    }

    /**
     * A statement not understood keeps the kind its leading keywords name, so an ALTER TABLE nothing could read is
     * still table DDL (worst verdict, an error) rather than an unknown statement.
     */
    private static Statement keepKind(Statement s, StatementKind kind) {
        return s.parsed() || s.kind() == kind ? s : Statement.unparseable(kind, s.parseNote());
    }

    /**
     * A column type neither MySQL nor MariaDB has ({@code MODIFY c VARCHARR(10)}) means the clause is not
     * understood: it becomes UNKNOWN (worst verdict), keeping its definition for the message.
     */
    private static Statement withUnknownTypes(Statement s) {
        if (s.kind() != StatementKind.ALTER_TABLE || s.operations().stream().allMatch(StatementParser::knownType)) {
            return s;
        }
        return s.withOperations(s.operations().stream().map(o -> knownType(o) ? o
                : new AlterOperation(ClauseKind.UNKNOWN, o.text(), o.column(), o.newName(), o.definition(),
                o.index(), o.value())).toList());
    }

    private static boolean knownType(AlterOperation o) {
        return o.definition() == null || o.definition().type() == null || o.definition().type().isKnownName();
    }

    /** The column type of an UNKNOWN clause that made it unknown, or null. */
    public static String unknownTypeOf(AlterOperation o) {
        return o.kind() == ClauseKind.UNKNOWN && !knownType(o) ? o.definition().type().name() : null;
    }

    /** Clauses of a statement that neither reader understood. */
    public static boolean hasUnknownOperation(Statement s) {
        return s.operations().stream().map(AlterOperation::kind).anyMatch(k -> k == ClauseKind.UNKNOWN);
    }
}
