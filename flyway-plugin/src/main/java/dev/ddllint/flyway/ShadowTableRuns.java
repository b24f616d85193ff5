package dev.ddllint.flyway;

import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.RunWithDirectives;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.estimate.ConnectionHint;
import dev.ddllint.osc.OscPreconditions;
import dev.ddllint.osc.PtOscCommand;
import dev.ddllint.osc.PtOscRunner;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The statements marked {@code -- ddl-lint:run-with pt-online-schema-change}, run by the tool instead of by
 * Flyway's JDBC connection. Checked in BEFORE_MIGRATE with the rest (the tool installed, its preconditions on the
 * live table); run when Flyway reaches the statement (BEFORE_EACH_MIGRATE_STATEMENT): on success Flyway skips the
 * statement and goes on, so the version is recorded only when the whole migration succeeded; on failure the
 * migration fails there, with pt-osc's triggers and new table dropped and the original table as it was.
 */
final class ShadowTableRuns {

    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)(?:--[ \\t]|#)[^\\n]*$|(?m)--$");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*(?!!).*?\\*/", Pattern.DOTALL);

    /**
     * One marked statement, checked.
     *
     * @param firstChange nothing before it in its migration changes the schema (only SET statements): when pt-osc
     *                    fails, the migration changed nothing, so Flyway's FAILED row is taken out again
     */
    record Marked(String script, int line, StatementReport statement, OscPreconditions.Check check, String key,
                  boolean firstChange) {
    }

    /** The migration whose pt-osc run failed with nothing changed: its FAILED history row is removed. */
    private volatile Marked failedUnchanged;

    private final Map<String, Deque<Marked>> byScript;
    private final String ptOsc;
    private final String ptOscVersion;

    private ShadowTableRuns(Map<String, Deque<Marked>> byScript, String ptOsc, String ptOscVersion) {
        this.byScript = byScript;
        this.ptOsc = ptOsc;
        this.ptOscVersion = ptOscVersion;
    }

    static final ShadowTableRuns NONE = new ShadowTableRuns(Map.of(), null, null);

    /**
     * The marked statements of the pending migrations with their preconditions, read on Flyway's connection.
     *
     * @return the runs and, in {@code problems}, why a statement cannot be run by the tool (file:line: why)
     */
    static ShadowTableRuns check(Connection connection, MigrationGate.Result result, List<String> problems) {
        Map<String, Deque<Marked>> byScript = new LinkedHashMap<>();
        String executable = PtOscRunner.executable();
        String version = null;
        boolean looked = false;
        for (FileReport file : result.report().files()) {
            boolean changedBefore = false;
            for (StatementReport s : file.statements()) {
                RunWithDirectives.RunWith runWith = s.runWith();
                boolean first = !changedBefore;
                changedBefore |= s.statement().kind() != dev.ddllint.model.StatementKind.SET;
                if (runWith == null) {
                    continue;
                }
                String where = file.path() + ":" + s.source().line();
                if (!looked) {
                    version = PtOscRunner.version(executable);
                    looked = true;
                }
                if (version == null) {
                    problems.add(where + ": marked ddl-lint:run-with " + runWith.tool() + " (line " + runWith.line()
                            + "), but " + executable + " cannot be run here (install percona-toolkit, or set "
                            + "DDL_LINT_PT_OSC to its path)");
                    continue;
                }
                if (!statementEventsDispatched()) {
                    problems.add(where + ": this Flyway does not tell callbacks about each statement "
                            + "(BEFORE_EACH_MIGRATE_STATEMENT), so the statement cannot be handed to " + runWith.tool());
                    continue;
                }
                OscPreconditions.Check check = OscPreconditions.check(connection, result.facts().currentSchema(),
                        s.statement(), result.facts().server(), runWith.options(), version);
                if (!check.runnable()) {
                    check.blockers().forEach(b -> problems.add(where + ": " + runWith.tool() + " cannot run it: " + b));
                    continue;
                }
                byScript.computeIfAbsent(file.path(), p -> new ArrayDeque<>()).add(new Marked(file.path(),
                        s.source().line(), s, check, key(s.source().sql()), first));
            }
        }
        return byScript.isEmpty() ? NONE : new ShadowTableRuns(byScript, executable, version);
    }

    boolean isEmpty() {
        return byScript.isEmpty();
    }

    /** All checked runs, for the log. */
    List<Marked> all() {
        List<Marked> all = new ArrayList<>();
        byScript.values().forEach(all::addAll);
        return all;
    }

    /** The marked statement this SQL of this script is, or null; it is then taken (each runs once). */
    Marked take(String script, String sql) {
        Deque<Marked> queue = script == null ? null : byScript.get(script);
        if (queue == null || queue.isEmpty() || !queue.peekFirst().key().equals(key(sql))) {
            return null;
        }
        return queue.pollFirst();
    }

    /** Marked statements of the script that Flyway never showed the callback (they would have run by JDBC). */
    List<Marked> untaken(String script) {
        Deque<Marked> queue = script == null ? null : byScript.get(script);
        return queue == null ? List.of() : List.copyOf(queue);
    }

    /**
     * Runs the statement with pt-osc; returns normally when the table was swapped, throws a FlywayException (the
     * migration fails) when not.
     */
    void run(Marked m, Configuration flyway, Connection connection, Consumer<String> log) {
        Credentials c = Credentials.of(flyway, connection);
        log.accept("ddl-lint: " + m.script() + ":" + m.line() + " runs with " + ptOsc + " " + ptOscVersion
                + " instead of Flyway's connection" + (m.check().notes().isEmpty() ? ""
                : " (" + String.join("; ", m.check().notes()) + ")"));
        PtOscRunner.Result r;
        try {
            r = PtOscRunner.run(file -> PtOscCommand.of(ptOsc, m.statement().statement(), m.check(), c.where(),
                            m.statement().runWith().options(), file, true), c.password(),
                    line -> log.accept("pt-online-schema-change: " + line),
                    new PtOscRunner.Cleanup(connection, m.check().database(), m.check().table()));
        } catch (IOException e) {
            throw new FlywayException("ddl-lint could not start " + ptOsc + " for " + m.script() + ":" + m.line()
                    + ": " + e.getMessage() + "; nothing was changed and the migration is not recorded");
        }
        if (r.succeeded()) {
            return;
        }
        if (m.firstChange()) {
            failedUnchanged = m;
        }
        throw new FlywayException(m.script() + ":" + m.line() + ": " + ptOsc + " did not alter "
                + m.check().database() + "." + m.check().table() + (r.interrupted() ? " (interrupted)"
                : " (exit code " + r.exitCode() + ")") + "; the original table is unchanged"
                + (r.cleanedUp().isEmpty() ? "" : ", ddl-lint dropped what it left: " + String.join(", ",
                r.cleanedUp())) + ". Its last lines:\n  " + String.join("\n  ", r.tail()));
    }

    /**
     * After a failed migrate: when the failure was a pt-osc run before which the migration changed nothing, the
     * FAILED row Flyway wrote for it is deleted (MySQL cannot roll the row back with the DDL), so the history says
     * what the schema is: without the version. Returns what was done, for the log, or null.
     */
    String forgetFailedVersion(Configuration flyway, Connection connection, String version) {
        Marked m = failedUnchanged;
        failedUnchanged = null;
        if (m == null || version == null) {
            return null;
        }
        String schema = flyway.getDefaultSchema() != null ? flyway.getDefaultSchema()
                : flyway.getSchemas().length > 0 ? flyway.getSchemas()[0] : null;
        String table = "`" + flyway.getTable().replace("`", "``") + "`";
        String qualified = schema == null ? table : "`" + schema.replace("`", "``") + "`." + table;
        try (java.sql.PreparedStatement ps = connection.prepareStatement("DELETE FROM " + qualified
                + " WHERE version = ? AND success = 0")) {
            ps.setString(1, version);
            int rows = ps.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return rows == 0 ? null : "ddl-lint: version " + version + " taken out of " + flyway.getTable()
                    + " again: its pt-online-schema-change run (" + m.script() + ":" + m.line() + ") failed before "
                    + "anything of the migration changed the schema, so it can simply run again";
        } catch (SQLException e) {
            return "ddl-lint: could not take the FAILED row of version " + version + " out of " + flyway.getTable()
                    + " (" + e.getMessage() + "): the schema is unchanged, run 'flyway repair' before migrating again";
        }
    }

    /** The statement without comments and with single spaces: Flyway's text and ddl-lint's compare equal. */
    static String key(String sql) {
        String s = BLOCK_COMMENT.matcher(sql).replaceAll(" ");
        s = LINE_COMMENT.matcher(s).replaceAll(" ");
        s = s.replaceAll("\\s+", " ").trim();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        return s;
    }

    /** Flyway 10.x-13.x's open-source script executor dispatches statement events; older ones do not. */
    static boolean statementEventsDispatched() {
        try {
            Class<?> executor = Class.forName("org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor");
            for (java.lang.reflect.Method method : executor.getDeclaredMethods()) {
                if (method.getName().equals("handleEachMigrateOrUndoStatementCallback")) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Where pt-osc connects, as whom, and the password it reads from its option file (never logged). */
    record Credentials(ConnectionHint where, String password) {

        static Credentials of(Configuration flyway, Connection connection) {
            String url = flyway.getUrl();
            String user = flyway.getUser();
            try {
                if (url == null) {
                    url = connection.getMetaData().getURL();
                }
                if (user == null) {
                    String u = connection.getMetaData().getUserName();
                    user = u == null ? null : u.replaceFirst("@.*$", "");
                }
            } catch (SQLException e) {
                // no URL: pt-osc is given what is known, and fails with its own message
            }
            ConnectionHint hint = ConnectionHint.fromJdbcUrl(url);
            String password = flyway.getPassword();
            if (password == null) {
                password = System.getenv(dev.ddllint.live.JdbcConnections.PASSWORD_VARIABLE);
            }
            return new Credentials(new ConnectionHint(hint.host(), hint.port(), null,
                    user != null ? user : hint.user()), password);
        }
    }
}
