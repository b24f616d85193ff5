package dev.ddllint.parse.jsqlparser;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.RequestedAlgorithm;
import dev.ddllint.model.RequestedLock;
import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;
import dev.ddllint.model.TableName;
import dev.ddllint.parse.ParseBudget;
import dev.ddllint.sql.AlterClauseReader;
import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.TolerantStatementReader;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.drop.Drop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The only place that touches JSqlParser. JSqlParser decides a statement's structure (its kind, its table, the
 * list of ALTER operations and what each one is); the project's own readers then fill in the MySQL details
 * JSqlParser keeps only as raw tokens (column attributes, positions, table options). Statements it rejects, and
 * operations it leaves unspecified, are read by the tolerant clause reader instead.
 */
public final class JSqlParserAdapter {

    private final long timeoutMillis;
    private final ParseBudget budget;

    /** @param timeoutMillis the last-resort wall-clock limit; a parse that reaches it fails closed */
    public JSqlParserAdapter(long timeoutMillis) {
        this(timeoutMillis, ParseBudget.DEFAULT);
    }

    /**
     * @param timeoutMillis the last-resort wall-clock limit; a parse that reaches it fails closed
     * @param budget        the work JSqlParser is given: a statement over it is left to the tolerant reader
     */
    public JSqlParserAdapter(long timeoutMillis, ParseBudget budget) {
        this.timeoutMillis = timeoutMillis;
        this.budget = budget;
    }

    /**
     * What JSqlParser made of a statement: a model statement, or why it could not.
     *
     * @param gaveUp the wall-clock limit stopped the parse: what the statement is cannot be said the same way on
     *               every machine, so it is read as not understood (worst verdict), not by another reader
     */
    public record Outcome(Statement statement, String error, int errorLine, int errorColumn, boolean gaveUp) {
        public Outcome(Statement statement, String error, int errorLine, int errorColumn) {
            this(statement, error, errorLine, errorColumn, false);
        }

        public boolean ok() {
            return statement != null;
        }
    }

    public Outcome parse(String sql) {
        // The bound that decides is the work, counted on our tokens: the same text goes the same way on any machine.
        String over = budget.exceededBy(sql);
        if (over != null) {
            return new Outcome(null, over, 0, 0);
        }
        net.sf.jsqlparser.statement.Statement parsed;
        // On this thread (JSqlParser's executor API run in place: what it throws comes wrapped as from a pool),
        // with the shared watchdog as the wall-clock last resort instead of a hand-off to another thread.
        try (ParseWatchdog.Watch watch = ParseWatchdog.SHARED.start(timeoutMillis)) {
            try {
                parsed = CCJSqlParserUtil.parse(sql, ParseWatchdog.CALLER, p -> {
                    p.withTimeOut(timeoutMillis).withDialect(AbstractJSqlParser.Dialect.MYSQL)
                            .withBackslashEscapeCharacter(true);
                    watch.watch(p);
                });
            } catch (JSQLParserException e) {
                return watch.fired() ? timedOut() : failure(e);
            } catch (RuntimeException | StackOverflowError e) {
                return watch.fired() ? timedOut() : new Outcome(null, "JSqlParser failed: " + e, 0, 0);
            }
            if (watch.fired()) {
                // An interrupted parse may return a tree cut short: the limit was reached, so it is not used.
                return timedOut();
            }
        }
        try {
            Statement s = map(parsed, sql);
            return s == null ? new Outcome(null, "JSqlParser returned " + parsed.getClass().getSimpleName(), 0, 0)
                    : new Outcome(s, null, 0, 0);
        } catch (RuntimeException e) {
            return new Outcome(null, "could not read JSqlParser's tree: " + e, 0, 0);
        }
    }

    private Outcome timedOut() {
        return new Outcome(null, "JSqlParser did not finish within the last-resort limit of " + timeoutMillis
                + " ms (parseTimeoutMillis)", 0, 0, true);
    }

    private Outcome failure(JSQLParserException e) {
        Throwable cause = e.getCause();
        if (cause instanceof TimeoutException || e.getMessage() != null && e.getMessage().contains("Time out")) {
            return timedOut();
        }
        if (cause instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
            net.sf.jsqlparser.parser.Token next = pe.currentToken.next;
            return new Outcome(null, "JSqlParser: unexpected \"" + next.image + "\"", next.beginLine,
                    next.beginColumn);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return new Outcome(null, "JSqlParser: " + message, 0, 0);
    }

    private static Statement map(net.sf.jsqlparser.statement.Statement parsed, String sql) {
        if (parsed instanceof Alter alter) {
            return mapAlter(alter, sql);
        }
        if (parsed instanceof CreateTable create) {
            // The body's MySQL details (column attributes, table options) are read by our reader from the text
            // JSqlParser accepted; JSqlParser vouches for the structure and names the table.
            Statement s = TolerantStatementReader.read(sql);
            return s.kind() == StatementKind.CREATE_TABLE && s.table() != null
                    && s.table().name().equalsIgnoreCase(unquote(create.getTable().getName())) ? s : null;
        }
        if (parsed instanceof CreateIndex || parsed instanceof RenameTableStatement
                || parsed instanceof net.sf.jsqlparser.statement.SetStatement) {
            Statement s = TolerantStatementReader.read(sql);
            return s.parsed() ? s : null;
        }
        if (parsed instanceof Drop drop) {
            String type = drop.getType() == null ? "" : drop.getType().toUpperCase(java.util.Locale.ROOT);
            if (type.equals("INDEX") || type.equals("TABLE")) {
                Statement s = TolerantStatementReader.read(sql);
                return s.parsed() ? s : null;
            }
        }
        return null;
    }

    private static Statement mapAlter(Alter alter, String sql) {
        Table table = alter.getTable();
        TableName name = new TableName(table.getSchemaName() == null ? null : unquote(table.getSchemaName()),
                unquote(table.getName()));
        List<AlterOperation> operations = new ArrayList<>();
        RequestedAlgorithm algorithm = RequestedAlgorithm.DEFAULT;
        RequestedLock lock = RequestedLock.DEFAULT;
        boolean written = false;
        List<AlterExpression> expressions = alter.getAlterExpressions() == null ? List.of()
                : alter.getAlterExpressions();
        AuthorText authorText = new AuthorText(sql);
        for (AlterExpression e : expressions) {
            net.sf.jsqlparser.statement.alter.AlterOperation op = e.getOperation();
            if (op == net.sf.jsqlparser.statement.alter.AlterOperation.ALGORITHM) {
                algorithm = AlterClauseReader.parseAlgorithm(word(e.getAlgorithmOption()));
                written = true;
                continue;
            }
            if (op == net.sf.jsqlparser.statement.alter.AlterOperation.LOCK) {
                lock = AlterClauseReader.parseLock(word(e.getLockOption()));
                written = true;
                continue;
            }
            String text = op == net.sf.jsqlparser.statement.alter.AlterOperation.UNSPECIFIC
                    && e.getOptionalSpecifier() != null ? e.getOptionalSpecifier() : e.toString();
            AlterClauseReader.Clauses read = AlterClauseReader.read(text, SqlLexer.tokenize(text));
            if (read.algorithm() != RequestedAlgorithm.DEFAULT) {
                algorithm = read.algorithm();
            }
            if (read.lock() != RequestedLock.DEFAULT) {
                lock = read.lock();
            }
            written |= read.written();
            ClauseKind expected = expectedKind(e);
            for (AlterOperation detailed : read.operations()) {
                // JSqlParser's reading of what the clause is wins; ours supplies the details when both agree.
                // Except for partition clauses, which JSqlParser 5.4 reads as columns named PARTITION, and MariaDB's
                // ADD/DROP SYSTEM VERSIONING and PERIOD FOR, which it may read as columns too.
                if (expected != null && detailed.kind() != expected && !compatible(expected, detailed.kind())
                        && !detailed.kind().isPartitionOperation()
                        && detailed.kind() != ClauseKind.SYSTEM_VERSIONING) {
                    detailed = new AlterOperation(expected, detailed.text(), detailed.column(), detailed.newName(),
                            null, detailed.index(), detailed.value());
                }
                operations.add(authorText.of(detailed));
            }
        }
        return new Statement(StatementKind.ALTER_TABLE, name, AlterClauseReader.joinPartitionNameLists(operations),
                algorithm, lock, null, List.of(),
                List.of(), sql.toUpperCase(java.util.Locale.ROOT).matches("(?s)\\s*ALTER\\s+(ONLINE\\s+)?IGNORE\\b.*"),
                true, null).withClausesWritten(written);
    }

    /**
     * JSqlParser prints a clause its own way ({@code BIGINT (20)}); messages quote, and reports mark, the clause as
     * the author wrote it. The clause reader's reading of the statement keeps the author's text: a JSqlParser clause
     * is given ({@link AlterOperation#written()}) the text of the author's clause that has the same tokens (ignoring
     * spacing, quotes and case), in order; one without such a twin has only JSqlParser's text.
     */
    private static final class AuthorText {
        private final List<String> written;
        private final boolean[] used;

        AuthorText(String sql) {
            Statement read = TolerantStatementReader.read(sql);
            written = read.kind() == StatementKind.ALTER_TABLE
                    ? read.operations().stream().map(AlterOperation::text).toList() : List.of();
            used = new boolean[written.size()];
        }

        AlterOperation of(AlterOperation op) {
            String key = key(op.text());
            for (int i = 0; i < written.size(); i++) {
                if (!used[i] && key(written.get(i)).equals(key)) {
                    used[i] = true;
                    return op.withWritten(written.get(i));
                }
            }
            return op;
        }

        private static String key(String text) {
            return text == null ? "" : text.replaceAll("[\\s`\"]", "").toUpperCase(java.util.Locale.ROOT);
        }
    }

    private static boolean compatible(ClauseKind expected, ClauseKind read) {
        return expected == ClauseKind.ADD_INDEX && (read == ClauseKind.ADD_PRIMARY_KEY
                || read == ClauseKind.ADD_FOREIGN_KEY || read == ClauseKind.ADD_CHECK_CONSTRAINT)
                || expected == ClauseKind.DROP_INDEX && read == ClauseKind.DROP_PRIMARY_KEY
                || expected == ClauseKind.DROP_CONSTRAINT && (read == ClauseKind.DROP_FOREIGN_KEY
                || read == ClauseKind.DROP_CHECK_CONSTRAINT)
                || expected == ClauseKind.DEFAULT_CHARSET && read == ClauseKind.CONVERT_CHARSET
                || expected == ClauseKind.TABLE_OPTION;
    }

    /** The operation kind JSqlParser's tree states, or null when it leaves it to the text. */
    private static ClauseKind expectedKind(AlterExpression e) {
        return switch (e.getOperation()) {
            case ADD -> e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()
                    ? ClauseKind.ADD_COLUMN : e.getIndex() != null || e.getPkColumns() != null
                    || e.getUkColumns() != null || e.getFkColumns() != null ? ClauseKind.ADD_INDEX : null;
            case DROP -> e.getColumnName() != null ? ClauseKind.DROP_COLUMN
                    : e.getIndex() != null ? ClauseKind.DROP_INDEX
                    : e.getConstraintName() != null ? ClauseKind.DROP_CONSTRAINT : null;
            case DROP_PRIMARY_KEY -> ClauseKind.DROP_PRIMARY_KEY;
            case DROP_UNIQUE -> ClauseKind.DROP_INDEX;
            case DROP_FOREIGN_KEY -> ClauseKind.DROP_FOREIGN_KEY;
            case MODIFY -> ClauseKind.MODIFY_COLUMN;
            case CHANGE -> ClauseKind.CHANGE_COLUMN;
            case RENAME_TABLE -> ClauseKind.RENAME_TABLE;
            case RENAME_INDEX, RENAME_KEY -> ClauseKind.RENAME_INDEX;
            case FORCE -> ClauseKind.FORCE;
            case ENGINE -> ClauseKind.ENGINE;
            case KEY_BLOCK_SIZE -> ClauseKind.KEY_BLOCK_SIZE;
            case COMMENT, COMMENT_WITH_EQUAL_SIGN -> ClauseKind.TABLE_COMMENT;
            case PARTITION_BY -> ClauseKind.PARTITION_BY;
            case REMOVE_PARTITIONING -> ClauseKind.REMOVE_PARTITIONING;
            case ADD_PARTITION -> ClauseKind.ADD_PARTITION;
            case DROP_PARTITION -> ClauseKind.DROP_PARTITION;
            case TRUNCATE_PARTITION -> ClauseKind.TRUNCATE_PARTITION;
            case COALESCE_PARTITION -> ClauseKind.COALESCE_PARTITION;
            case REORGANIZE_PARTITION -> ClauseKind.REORGANIZE_PARTITION;
            case EXCHANGE_PARTITION -> ClauseKind.EXCHANGE_PARTITION;
            case CONVERT -> e.getConvertType() == AlterExpression.ConvertType.CONVERT_TO
                    ? ClauseKind.CONVERT_CHARSET : ClauseKind.DEFAULT_CHARSET;
            default -> null;
        };
    }

    private static dev.ddllint.sql.Token word(String s) {
        if (s == null) {
            return null;
        }
        List<dev.ddllint.sql.Token> tokens = SqlLexer.tokenize(s.replace("=", " "));
        return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    }

    private static String unquote(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim();
        if (n.length() >= 2 && (n.startsWith("`") && n.endsWith("`") || n.startsWith("\"") && n.endsWith("\""))) {
            return n.substring(1, n.length() - 1);
        }
        return n;
    }

}
