package dev.ddllint.osc;

import dev.ddllint.kb.TargetServer;
import dev.ddllint.live.TableDependencies;
import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;
import dev.ddllint.model.TableName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What would make pt-online-schema-change refuse the change, or run it wrongly, checked before it runs, read-only
 * on the live server: the statement is an ALTER it can take; the table exists and keeps a PRIMARY KEY or UNIQUE key
 * (its DELETE trigger needs one); foreign keys that reference the table have a chosen
 * {@code --alter-foreign-keys-method}; triggers are kept with {@code --preserve-triggers} where the server allows
 * several per event; replicas can be watched for lag. Anything that cannot be read is a blocker (fails closed).
 */
public final class OscPreconditions {

    /** The statements pt-osc can run: as an {@code --alter} of one table. */
    public static final Set<StatementKind> RUNNABLE = EnumSet.of(StatementKind.ALTER_TABLE, StatementKind.CREATE_INDEX,
            StatementKind.DROP_INDEX);
    /** Clauses pt-osc cannot apply to its new table (they are not about the table's definition, or rename it). */
    private static final Set<ClauseKind> NOT_ON_A_COPY = EnumSet.of(ClauseKind.RENAME_TABLE,
            ClauseKind.DISCARD_TABLESPACE, ClauseKind.IMPORT_TABLESPACE, ClauseKind.EXCHANGE_PARTITION,
            ClauseKind.DROP_PARTITION, ClauseKind.TRUNCATE_PARTITION, ClauseKind.PARTITION_MAINTENANCE);

    private OscPreconditions() {
    }

    /**
     * The outcome.
     *
     * @param database the table's schema, as pt-osc's {@code D=}
     * @param table    the table's name as the server spells it, as {@code t=}
     * @param blockers why pt-osc must not run it (empty: it may)
     * @param notes    what it will do that the author should know (renamed foreign keys, child tables rebuilt)
     * @param replicas replicas connected to this server (binlog dump threads); pt-osc then watches their lag
     * @param sessionVariables what pt-osc's session must set ({@code --set-vars}) for its own reading of the server
     *                 to hold, e.g. {@code explain_format=TRADITIONAL}
     */
    public record Check(String database, String table, List<String> blockers, List<String> notes, int replicas,
                        List<String> sessionVariables) {

        public Check {
            blockers = List.copyOf(blockers);
            notes = List.copyOf(notes);
            sessionVariables = List.copyOf(sessionVariables);
        }

        public Check(String database, String table, List<String> blockers, List<String> notes, int replicas) {
            this(database, table, blockers, notes, replicas, List.of());
        }

        public boolean runnable() {
            return blockers.isEmpty();
        }
    }

    /**
     * Checks one statement.
     *
     * @param defaultSchema the connection's schema, for an unqualified table
     * @param ptOscVersion  the installed pt-online-schema-change's version ("3.2.1"), or null when not known
     */
    public static Check check(Connection connection, String defaultSchema, Statement statement, TargetServer target,
                              OscOptions options, String ptOscVersion) {
        List<String> blockers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!statement.parsed() || !RUNNABLE.contains(statement.kind()) || statement.table() == null) {
            blockers.add("pt-online-schema-change runs one ALTER TABLE (or CREATE/DROP INDEX) of one table; this is "
                    + (statement.parsed() ? statement.kind().toString().replace('_', ' ') : "a statement ddl-lint "
                    + "could not read"));
            return new Check(defaultSchema, null, blockers, notes, 0);
        }
        TableName name = statement.table();
        String schema = name.schema() != null ? name.schema() : defaultSchema;
        for (AlterOperation op : statement.operations()) {
            if (NOT_ON_A_COPY.contains(op.kind())) {
                blockers.add("pt-online-schema-change copies the table to apply the change; " + op.kind().toString()
                        .replace('_', ' ') + " cannot be applied to the copy (run it on its own)");
            }
            if (op.kind() == ClauseKind.DROP_PRIMARY_KEY) {
                blockers.add("the ALTER drops the PRIMARY KEY: pt-online-schema-change's DELETE trigger needs the "
                        + "key of the old table on the new one (add the new key first in one migration, drop the old "
                        + "in another)");
            }
            if (op.kind() == ClauseKind.ADD_INDEX && op.index() != null && op.index().kind() == IndexKind.UNIQUE) {
                blockers.add("the ALTER adds a UNIQUE key: pt-online-schema-change copies with INSERT IGNORE, so "
                        + "duplicate rows would be dropped silently (make sure there are none, then add the key "
                        + "with an online ALTER)");
            }
            if (op.kind() == ClauseKind.RENAME_COLUMN || op.kind() == ClauseKind.CHANGE_COLUMN
                    && op.definition() != null && op.column() != null
                    && !op.column().equalsIgnoreCase(op.definition().name())) {
                blockers.add("the ALTER renames a column: pt-online-schema-change copies renamed columns only "
                        + "with --no-check-alter and loses their data when it guesses wrong; rename with an online "
                        + "ALTER (RENAME COLUMN is instant)");
            }
        }
        if (schema == null) {
            blockers.add("the table's schema is not known: qualify it (schema.table) or connect to its schema");
            return new Check(null, name.name(), blockers, notes, 0);
        }
        if (name.name().contains(",") || name.name().contains("=") || schema.contains(",") || schema.contains("=")) {
            blockers.add("pt-online-schema-change's DSN cannot name a table or schema with ',' or '='");
        }
        TableDependencies deps;
        int replicas;
        List<String> sessionVariables = new ArrayList<>();
        try {
            Map<String, TableDependencies> read = TableDependencies.read(connection, schema, List.of(name));
            deps = read.values().stream().findFirst().orElse(null);
            replicas = replicas(connection);
            String explainFormat = explainFormat(connection);
            if (explainFormat != null && !explainFormat.equalsIgnoreCase("TRADITIONAL")) {
                // pt-osc (3.2.1 at least) reads the row estimate from EXPLAIN's `rows` column; under
                // explain_format=TREE (MySQL 9's default) there is none, it estimates 0 rows and copies the whole
                // table in one chunk, its rows locked in share mode: writers wait for the whole copy (measured).
                sessionVariables.add("explain_format=TRADITIONAL");
            }
        } catch (SQLException e) {
            blockers.add("cannot read the table's keys, foreign keys, triggers or replicas (" + e.getMessage()
                    + "): ddl-lint does not run pt-online-schema-change unchecked");
            return new Check(schema, name.name(), blockers, notes, 0);
        }
        if (deps == null) {
            blockers.add("table " + schema + "." + name.name() + " does not exist on the server");
            return new Check(schema, name.name(), blockers, notes, replicas);
        }
        if (!deps.hasPrimaryKey() && deps.uniqueNotNullKeys().isEmpty()) {
            blockers.add("the table has no PRIMARY KEY and no UNIQUE key on NOT NULL columns: "
                    + "pt-online-schema-change's DELETE trigger needs one");
        }
        if (!deps.foreignKeys().isEmpty()) {
            notes.add("the table's foreign keys are recreated on the new table with a '_' before their names: "
                    + String.join(", ", deps.foreignKeys()));
        }
        if (!deps.referencedBy().isEmpty()) {
            String children = String.join(", ", deps.referencedBy());
            if (options.alterForeignKeysMethod() == null) {
                blockers.add("foreign keys reference the table (" + children + "): choose how they follow the "
                        + "swap with --alter-foreign-keys-method=rebuild_constraints (each child table is altered "
                        + "after the swap: a copy of the child, so only for small children) or drop_swap (the table "
                        + "is missing for a moment, foreign_key_checks=0 during the swap)");
            } else if (options.alterForeignKeysMethod().equals("none")) {
                blockers.add("--alter-foreign-keys-method=none leaves " + children + " pointing at the old table, "
                        + "which is dropped: their foreign keys would break");
            } else {
                notes.add("foreign keys referencing the table (" + children + ") follow with "
                        + options.alterForeignKeysMethod());
            }
        }
        if (!deps.triggers().isEmpty()) {
            boolean severalPerEvent = target.isMySql() ? target.version().atLeast(5, 7, 2)
                    : target.version().atLeast(10, 2, 3);
            String triggers = String.join(", ", deps.triggers());
            if (!severalPerEvent) {
                blockers.add("the table has triggers (" + triggers + ") and " + target.displayName() + " allows one "
                        + "trigger per event: pt-online-schema-change needs its own");
            } else if (!options.preserveTriggers()) {
                blockers.add("the table has triggers (" + triggers + "): pt-online-schema-change refuses it unless "
                        + "--preserve-triggers (which copies them to the new table)");
            }
        }
        if (replicas > 0 && target.isMySql() && target.version().atLeast(8, 4, 0) && before(ptOscVersion, 3, 6)) {
            blockers.add(replicas + " replica(s) are connected and pt-online-schema-change "
                    + (ptOscVersion == null ? "of unknown version" : ptOscVersion) + " reads their lag with SHOW "
                    + "SLAVE STATUS, which " + target.displayName() + " no longer has: it could not pause for lag "
                    + "(use percona-toolkit 3.6 or later)");
        } else if (replicas > 0) {
            notes.add(replicas + " replica(s) connected: the copy pauses while one lags more than "
                    + OscOptions.number(options.maxLag()) + " s");
        }
        return new Check(schema, deps.table(), blockers, notes, replicas, sessionVariables);
    }

    private static final int UNKNOWN_SYSTEM_VARIABLE = 1193;

    /** The session's {@code explain_format} (MySQL 8.0.32+), or null where the server has no such variable. */
    static String explainFormat(Connection connection) throws SQLException {
        try (java.sql.Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@SESSION.explain_format")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            if (e.getErrorCode() == UNKNOWN_SYSTEM_VARIABLE) {
                return null;
            }
            throw e;
        }
    }

    /** Binlog dump threads: replicas reading this server's binary log (needs PROCESS to see them). */
    static int replicas(Connection connection) throws SQLException {
        try (java.sql.Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                     + "WHERE COMMAND LIKE 'Binlog Dump%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** True when the version is not known or is before major.minor. */
    static boolean before(String version, int major, int minor) {
        if (version == null) {
            return true;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)").matcher(version);
        if (!m.find()) {
            return true;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        return a < major || a == major && b < minor;
    }
}
