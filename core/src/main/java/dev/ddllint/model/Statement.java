package dev.ddllint.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a migration, as the analyzer understands it.
 *
 * @param table       the table it works on (ALTER/CREATE/DROP/…); for RENAME TABLE the first source table
 * @param operations  ALTER operations (CREATE/DROP INDEX are modelled as one ADD_INDEX/DROP_INDEX operation)
 * @param createTable the columns and keys of a CREATE TABLE, or null
 * @param parsed      false when the statement could not be understood at all ({@code unparseable-statement})
 * @param parseNote   why parsing fell back or failed (JSqlParser's message, position-mapped), or null
 * @param online      written {@code ALTER ONLINE TABLE}: MariaDB's spelling of LOCK=NONE, a syntax error on MySQL
 * @param clausesWritten the statement writes ALGORITHM= or LOCK=, DEFAULT included (MariaDB refuses any on some
 *                    statements)
 */
public record Statement(StatementKind kind, TableName table, List<AlterOperation> operations,
                        RequestedAlgorithm algorithm, RequestedLock lock, CreateTableDefinition createTable,
                        List<RenamePair> renames, List<SessionSetting> settings, boolean ignore,
                        boolean parsed, String parseNote, boolean online, boolean clausesWritten) {

    public Statement {
        operations = List.copyOf(operations);
        renames = List.copyOf(renames);
        settings = List.copyOf(settings);
    }

    public Statement(StatementKind kind, TableName table, List<AlterOperation> operations,
                     RequestedAlgorithm algorithm, RequestedLock lock, CreateTableDefinition createTable,
                     List<RenamePair> renames, List<SessionSetting> settings, boolean ignore, boolean parsed,
                     String parseNote) {
        this(kind, table, operations, algorithm, lock, createTable, renames, settings, ignore, parsed, parseNote,
                false);
    }

    public Statement(StatementKind kind, TableName table, List<AlterOperation> operations,
                     RequestedAlgorithm algorithm, RequestedLock lock, CreateTableDefinition createTable,
                     List<RenamePair> renames, List<SessionSetting> settings, boolean ignore, boolean parsed,
                     String parseNote, boolean online) {
        this(kind, table, operations, algorithm, lock, createTable, renames, settings, ignore, parsed, parseNote,
                online, algorithm != RequestedAlgorithm.DEFAULT || lock != RequestedLock.DEFAULT);
    }

    /** The same statement, noting that it writes ALGORITHM= or LOCK= (an explicit DEFAULT counts). */
    public Statement withClausesWritten(boolean written) {
        return new Statement(kind, table, operations, algorithm, lock, createTable, renames, settings, ignore, parsed,
                parseNote, online, written || clausesWritten);
    }

    public static Statement simple(StatementKind kind, TableName table) {
        return new Statement(kind, table, List.of(), RequestedAlgorithm.DEFAULT, RequestedLock.DEFAULT, null,
                List.of(), List.of(), false, true, null);
    }

    public static Statement unparseable(String note) {
        return new Statement(StatementKind.OTHER, null, List.of(), RequestedAlgorithm.DEFAULT,
                RequestedLock.DEFAULT, null, List.of(), List.of(), false, false, note);
    }

    /** A statement of the given kind (from its leading keywords) that could not be read further. */
    public static Statement unparseable(StatementKind kind, String note) {
        return new Statement(kind, null, List.of(), RequestedAlgorithm.DEFAULT, RequestedLock.DEFAULT, null,
                List.of(), List.of(), false, false, note);
    }

    public Statement withOperations(List<AlterOperation> ops) {
        return new Statement(kind, table, ops, algorithm, lock, createTable, renames, settings, ignore, parsed,
                parseNote, online, clausesWritten);
    }

    public Statement withParseNote(String note) {
        return new Statement(kind, table, operations, algorithm, lock, createTable, renames, settings, ignore,
                parsed, note, online, clausesWritten);
    }

    /**
     * OPTIMIZE TABLE a, b: one statement per table, each a rebuild of its own table (DROP TABLE keeps its list,
     * which the schema replay uses).
     */
    public List<Statement> perTable() {
        if (kind != StatementKind.OPTIMIZE_TABLE || renames.isEmpty()) {
            return List.of(this);
        }
        List<Statement> all = new ArrayList<>();
        all.add(new Statement(kind, table, operations, algorithm, lock, createTable, List.of(), settings, ignore,
                parsed, parseNote));
        for (RenamePair more : renames) {
            all.add(new Statement(kind, more.from(), operations, algorithm, lock, createTable, List.of(), settings,
                    ignore, parsed, parseNote));
        }
        return all;
    }

    /** RENAME TABLE a TO b pair. */
    public record RenamePair(TableName from, TableName to) {
    }

    /** SET [SESSION|GLOBAL] name = value. */
    public record SessionSetting(String name, String value) {
    }
}
