package dev.ddllint.oracle;

import dev.ddllint.kb.TargetServer;
import dev.ddllint.oracle.ServerAnswer.Mode;
import dev.ddllint.testing.TestServers;
import dev.ddllint.verify.LadderAnswer;
import dev.ddllint.verify.LadderSql;
import dev.ddllint.verify.ScratchSchema;
import dev.ddllint.verify.ServerLadder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Asks one real server what it does with each case (a port of {@code ../shared/recipes/oracle.sh} to JDBC), with
 * core's {@link ServerLadder} (the ladder, strongest first; rebuilds seen in the InnoDB table ids), the same
 * component {@code ddl-lint verify} uses. Every DDL runs in a scratch database of its own ({@value #SCRATCH_PREFIX}
 * + the process id + a counter, so runners in parallel, in one JVM or several, never share one), re-created before
 * each setup; cases name it {@value #CASE_SCRATCH_NAME}.
 */
public final class OracleRunner implements AutoCloseable {

    public static final String SCRATCH_PREFIX = "ddl_lint_oracle_";

    /** The name cases use for the scratch database (schema-qualified names, RENAME TO another name). */
    public static final String CASE_SCRATCH_NAME = "ddl_lint_oracle";
    private static final Pattern CASE_NAME_PATTERN = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_$])" + CASE_SCRATCH_NAME + "(?![A-Za-z0-9_$])");
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final TestServers.Server server;
    private final TargetServer target;
    private final Connection connection;
    private final ScratchSchema scratch;
    private final ServerLadder ladder;
    private final String initialSqlMode;

    public OracleRunner(TestServers.Server server) throws SQLException {
        this.server = server;
        this.target = server.target();
        this.connection = server.connect();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode")) {
            rs.next();
            initialSqlMode = rs.getString(1);
        }
        this.scratch = ScratchSchema.create(connection,
                SCRATCH_PREFIX + ProcessHandle.current().pid() + "_" + INSTANCES.incrementAndGet(), null);
        this.ladder = new ServerLadder(scratch, target.flavor());
    }

    public int attemptCount() {
        return ladder.attemptCount();
    }

    public ServerAnswer run(OracleCase c) throws SQLException {
        if (!c.appliesTo(target)) {
            return new ServerAnswer(Mode.NOT_APPLICABLE, null, false, null, null, null, List.of(), List.of(), null);
        }
        try {
            return ServerAnswer.of(ladder.ask(inScratch(c.alter()), new CaseSetup(c.setup())));
        } catch (ScratchSchema.UnsafeStatementException e) {
            return ServerAnswer.of(new LadderAnswer(LadderAnswer.Mode.INVALID, null, false, null, null, null,
                    List.of(), List.of(), List.of(), e.getMessage()));
        }
    }

    /** The case's setup: a fresh scratch database, the session reset, the setup statements. */
    private final class CaseSetup implements ServerLadder.Setup {
        private final String setup;

        CaseSetup(String setup) {
            this.setup = setup;
        }

        @Override
        public String key() {
            return setup;
        }

        @Override
        public String apply(ScratchSchema schema) throws SQLException, ScratchSchema.UnsafeStatementException {
            try (Statement s = connection.createStatement()) {
                s.execute("SET SESSION foreign_key_checks = 1");
                s.execute("SET SESSION sql_mode = '" + initialSqlMode + "'");
                s.execute("SET SESSION lock_wait_timeout = 30");
                schema.recreate();
                for (String sql : LadderSql.splitStatements(setup)) {
                    try {
                        schema.execute(s, inScratch(sql));
                    } catch (SQLException e) {
                        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                            throw e;
                        }
                        return "ERROR " + e.getErrorCode() + " " + oneLine(e.getMessage()) + " in: " + oneLine(sql);
                    }
                }
            }
            return null;
        }
    }

    /** Cases name the scratch database {@value #CASE_SCRATCH_NAME}; it runs in this runner's own. */
    private String inScratch(String sql) {
        return CASE_NAME_PATTERN.matcher(sql).replaceAll(scratch.name());
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    public String serverName() {
        return server.name();
    }

    /** Drops the scratch database. */
    @Override
    public void close() throws SQLException {
        try {
            scratch.close();
        } finally {
            connection.close();
        }
    }
}
