package dev.ddllint.verify;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Confirms the analysis' verdicts on a scratch server, the one component every front end's {@code verify} uses. In a
 * {@link ScratchSchema} of its own it replays the files in order: each file starts from the server's session values
 * and applies its own SET statements; CREATE/DROP/RENAME/TRUNCATE TABLE run as written; each ALTER TABLE, CREATE
 * INDEX, DROP INDEX and OPTIMIZE TABLE goes through the {@link ServerLadder} (strongest ALGORITHM/LOCK first) on its
 * table as the earlier statements left it, and its answer is judged against the static verdict ({@link Agreement}).
 * A table no earlier statement creates is read from the source database ({@code SHOW CREATE TABLE}, read only) when
 * one is given. DML is not run: the tables stay empty. The scratch database is dropped when done, also on failure.
 */
public final class Verifier {

    private static final Set<StatementKind> VERIFIED = EnumSet.of(StatementKind.ALTER_TABLE,
            StatementKind.CREATE_INDEX, StatementKind.DROP_INDEX, StatementKind.OPTIMIZE_TABLE);
    private static final Set<StatementKind> REPLAYED = EnumSet.of(StatementKind.CREATE_TABLE,
            StatementKind.DROP_TABLE, StatementKind.RENAME_TABLE, StatementKind.TRUNCATE_TABLE);
    /** How far a source table's foreign keys are followed to their parent tables. */
    private static final int PARENT_DEPTH = 3;

    private final Connection scratchConnection;
    private final ScratchSchema.Reconnect reconnect;
    private final boolean dropOnExit;
    private final Connection sourceConnection;
    private final VerdictSource verdicts;
    private final boolean allowSameServer;
    private final long sampleRows;
    private final int sampleChunk;

    private Verifier(Builder b) {
        this.scratchConnection = b.scratch;
        this.reconnect = b.reconnect;
        this.dropOnExit = b.dropOnExit;
        this.sourceConnection = b.source;
        this.verdicts = b.verdicts;
        this.allowSameServer = b.allowSameServer;
        this.sampleRows = b.sampleRows;
        this.sampleChunk = b.sampleChunk;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The scratch server's version, as its {@code SELECT VERSION()} says. */
    public static TargetServer serverOf(Connection connection) throws SQLException {
        try (java.sql.Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return TargetServer.fromVersionString(rs.getString(1));
        }
    }

    /**
     * Runs the report's statements on the scratch server and returns the report with each verified statement's
     * {@link ServerCheck}.
     */
    public Verification verify(AnalysisReport report) throws VerifyException {
        TargetServer server;
        SourceTables source = null;
        try {
            server = serverOf(scratchConnection);
            if (sourceConnection != null) {
                source = new SourceTables(sourceConnection);
                ServerIdentity scratchId = ServerIdentity.of(scratchConnection, false);
                ServerIdentity sourceId = ServerIdentity.of(sourceConnection, true);
                if (!allowSameServer && scratchId.sameServerAndSchema(sourceId)) {
                    throw new VerifyException("the scratch URL points at the source's server and database ("
                            + sourceId.schema() + "); verify runs DDL there, so it refuses: give a scratch server "
                            + "or database of its own, or allow it with --allow-same-server");
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read the " + (source == null && sourceConnection != null ? "source" : "scratch")
                    + " server", e);
        }
        List<String> notes = new ArrayList<>();
        if (report.target() != null && (report.target().flavor() != server.flavor()
                || report.target().version().major() != server.version().major()
                || report.target().version().minor() != server.version().minor())) {
            notes.add("the static verdicts are for " + report.target().displayName() + ", the scratch server is "
                    + server.displayName() + ": give --target " + server + " (or leave it out) to compare like with like");
        }
        ScratchSchema scratch;
        try {
            scratch = ScratchSchema.create(scratchConnection, reconnect, dropOnExit);
        } catch (SQLException e) {
            throw failure("cannot create a scratch database", e);
        }
        try (scratch) {
            Run run = new Run(scratch, server, source, notes);
            List<FileReport> files = new ArrayList<>();
            for (FileReport f : report.files()) {
                files.add(run.file(f));
            }
            notes.addAll(run.session.problems());
            return new Verification(report.with(files, report.findings()), server.displayName(), scratch.name(),
                    notes);
        } catch (SQLException e) {
            throw failure("the scratch server failed", e);
        }
    }

    private static VerifyException failure(String what, SQLException e) {
        return new VerifyException(what + ": " + ServerLadder.oneLine(e.getMessage())
                + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"), e);
    }

    /** One verification: the scratch database, its session and its tables. */
    private final class Run {
        private final ScratchSchema scratch;
        private final String serverName;
        private final SourceTables source;
        private final List<String> notes;
        private final MigrationSession session;
        private final ServerLadder ladder;
        private final ReplayedTables tables;
        private final Set<String> notInSource = new LinkedHashSet<>();
        /** Tables created from the source (lower case): the ones {@code --sample-rows} fills. */
        private final Set<String> sampled = new java.util.HashSet<>();
        private final SampleRows sampler;
        /** Tables a failed statement or setup may have left otherwise than their history says (lower case). */
        private final Set<String> unsure = new java.util.HashSet<>();

        Run(ScratchSchema scratch, TargetServer server, SourceTables source, List<String> notes) throws SQLException {
            this.scratch = scratch;
            this.serverName = server.displayName();
            this.source = source;
            this.notes = notes;
            this.session = new MigrationSession(scratch);
            this.ladder = new ServerLadder(scratch, server.flavor());
            this.tables = new ReplayedTables(scratch);
            this.sampler = source == null || sampleRows == 0 ? null
                    : new SampleRows(source, scratch, sampleRows, sampleChunk);
        }

        FileReport file(FileReport f) throws SQLException {
            List<String> sets = new ArrayList<>();
            enter(sets, f.path());
            List<StatementReport> out = new ArrayList<>();
            for (StatementReport s : f.statements()) {
                String where = f.path() + ":" + s.source().line();
                Statement model = s.statement();
                if (s.embedded()) {
                    // in a routine or a string: it may never run, and not where it is written
                    out.add(VERIFIED.contains(model.kind()) ? s.withServer(notVerified(
                            "inside a routine or a prepared string; not run on the scratch server", null)) : s);
                    continue;
                }
                String sql = s.source().sql();
                if (model.kind() == StatementKind.SET) {
                    runSet(sql, sets, where);
                    out.add(s);
                } else if (VERIFIED.contains(model.kind())) {
                    out.add(s.withServer(check(s, sql, sets, where)));
                } else if (REPLAYED.contains(model.kind())) {
                    replay(model, sql, sets, where);
                    out.add(s);
                } else {
                    out.add(s);
                }
            }
            return new FileReport(f.path(), out);
        }

        private void enter(List<String> sets, String where) throws SQLException {
            try {
                session.enter(sets);
            } catch (ScratchSchema.UnsafeStatementException e) {
                notes.add(where + ": " + e.getMessage());
            }
        }

        private void runSet(String sql, List<String> sets, String where) throws SQLException {
            try (java.sql.Statement st = scratch.connection().createStatement()) {
                scratch.execute(st, sql);
                sets.add(sql);
            } catch (ScratchSchema.UnsafeStatementException e) {
                notes.add(where + ": not run: " + e.getMessage());
            } catch (SQLException e) {
                rethrowIfConnection(e);
                notes.add(where + ": SET failed on the scratch server: " + e.getErrorCode() + " "
                        + ServerLadder.oneLine(e.getMessage()));
            }
        }

        private void replay(Statement model, String sql, List<String> sets, String where) throws SQLException {
            String table = model.table() == null ? null : model.table().name();
            Set<String> needed = new LinkedHashSet<>(ReplayedTables.referencedTables(sql));
            if (model.kind() != StatementKind.CREATE_TABLE && table != null) {
                needed.add(table);
            }
            model.renames().forEach(r -> needed.add(r.from().name()));
            fromSource(needed, sets, where);
            Map<String, String> before = tables.list();
            try (java.sql.Statement st = scratch.connection().createStatement()) {
                scratch.execute(st, sql);
            } catch (ScratchSchema.UnsafeStatementException e) {
                notes.add(where + ": not replayed: " + e.getMessage());
                return;
            } catch (SQLException e) {
                rethrowIfConnection(e);
                notes.add(where + ": replay failed: " + e.getErrorCode() + " " + ServerLadder.oneLine(e.getMessage()));
                return;
            } finally {
                ladder.invalidate();
            }
            tables.observe(table, new ReplayedTables.Entry(sets, sql), before, tables.list());
        }

        private ServerCheck check(StatementReport s, String sql, List<String> sets, String where)
                throws SQLException {
            Statement model = s.statement();
            String table = LadderSql.target(sql);
            if (table == null && model.table() != null) {
                table = model.table().name();
            }
            if (table == null) {
                return notVerified("its table is not recognised", null);
            }
            Set<String> needed = new LinkedHashSet<>(ReplayedTables.referencedTables(sql));
            needed.add(table);
            fromSource(needed, sets, where);
            if (!tables.has(table)) {
                return notVerified("table `" + table + "` is unknown: no earlier statement creates it"
                        + (source == null ? " (give --source-url to read it from the database)"
                        : " and the source database has no such table"), null);
            }
            String reproducer = tables.reproducer(table, sets, sql);
            Map<String, String> before = tables.list();
            LadderAnswer answer;
            ServerLadder.Setup setup = tables.setup(table, session, sets);
            String key = table.toLowerCase(java.util.Locale.ROOT);
            if (!unsure.contains(key)) {
                // the table stands as its history leaves it: the replay is needed only after an accepted attempt
                ladder.assumeIntact(setup);
            }
            try {
                answer = ladder.ask(sql, setup);
            } catch (ScratchSchema.UnsafeStatementException e) {
                ladder.invalidate();
                unsure.add(key);
                return notVerified(e.getMessage(), reproducer);
            }
            if (answer.mode() != LadderAnswer.Mode.INVALID) {
                tables.observe(table, new ReplayedTables.Entry(sets, sql), before, tables.list());
                unsure.remove(key);
            } else {
                unsure.add(key);
                notes.add(where + ": the server did not run it: " + answer.error());
            }
            StatementVerdict verdict = verdicts.verdict(s);
            Agreement agreement = Agreement.judge(answer, verdict, model.kind() == StatementKind.OPTIMIZE_TABLE);
            ServerCheck.Measured measured = null;
            if (sampler != null && answer.mode() != LadderAnswer.Mode.INVALID && sampled.contains(key)) {
                // the work grows with the rows when the server rebuilt or copied, or built an index (not INSTANT)
                boolean scales = answer.rebuilt() || answer.algorithm() == dev.ddllint.kb.Algorithm.COPY
                        || answer.algorithm() != dev.ddllint.kb.Algorithm.INSTANT && buildsAnIndex(s);
                measured = timeOnSample(s, table, sql, sets, setup, where, scales);
            }
            return new ServerCheck(serverName, agreement.outcome(),
                    answer.mode() == LadderAnswer.Mode.INVALID ? null : answer.describe(), answer.rebuilt(),
                    answer.refusals(), agreement.details(), reproducer, measured);
        }

        /**
         * {@code --sample-rows}: the table put back as its history leaves it, filled with up to N rows of the
         * source table, then the statement run as written (as the migration will run it) and timed. The ladder's
         * next attempt builds its tables afresh. Null, with a note, when it cannot be timed.
         */
        private ServerCheck.Measured timeOnSample(StatementReport s, String table, String sql, List<String> sets,
                                                  ServerLadder.Setup setup, String where, boolean scales)
                throws SQLException {
            ladder.invalidate();
            try (java.sql.Statement st = scratch.connection().createStatement()) {
                String failed = setup.apply(scratch);
                if (failed != null) {
                    notes.add(where + ": not timed on sample rows: the table's setup failed: " + failed);
                    return null;
                }
                session.withoutForeignKeyChecks();
                SampleRows.Copy copy = sampler.copy(table);
                session.enter(sets);
                if (copy.rows() == 0) {
                    notes.add(where + ": not timed on sample rows: " + (copy.note() == null
                            ? "the source table `" + table + "` is empty" : copy.note()));
                    return null;
                }
                scratch.execute(st, "ANALYZE TABLE " + ReplayedTables.quote(table));
                long sampleBytes = tableBytes(scratch.connection().prepareStatement(sizeQuery(table)))[1];
                long t0 = System.nanoTime();
                scratch.execute(st, sql);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long[] src = tableBytes(source.prepare(sizeQuery(table)));
                Double staticSeconds = s.estimate() != null && s.estimate().estimated()
                        ? s.estimate().result().seconds() : null;
                // fewer rows than asked: that is the whole table; else information_schema's estimate, which may
                // lag (MySQL caches it), but the table has at least what was copied
                Long sourceRows = copy.rows() < sampleRows ? Long.valueOf(copy.rows())
                        : src[0] < 0 ? null : Long.valueOf(Math.max(src[0], copy.rows()));
                return new ServerCheck.Measured(copy.rows(), seconds, sampleBytes, sourceRows,
                        src[1] < 0 ? null : src[1], staticSeconds, copy.note(), scales);
            } catch (ScratchSchema.UnsafeStatementException e) {
                notes.add(where + ": not timed on sample rows: " + e.getMessage());
                return null;
            } catch (SQLException e) {
                rethrowIfConnection(e);
                notes.add(where + ": not timed on sample rows: " + e.getErrorCode() + " "
                        + ServerLadder.oneLine(e.getMessage()));
                return null;
            } finally {
                ladder.invalidate();
                unsure.add(key(table));
            }
        }

        /** The statement adds an index or a primary key (ddl-lint's operations, or its estimate's work). */
        private static boolean buildsAnIndex(StatementReport s) {
            if (s.estimate() != null && s.estimate().work() == dev.ddllint.estimate.RowLogEstimator.Work.INDEX_BUILD) {
                return true;
            }
            return s.verdict() != null && s.verdict().operations().stream().filter(o -> o.ddlOperation() != null)
                    .map(o -> o.ddlOperation().name())
                    .anyMatch(n -> n.startsWith("ADD_") && (n.contains("INDEX") || n.equals("ADD_PRIMARY_KEY")));
        }

        private static String key(String table) {
            return table.toLowerCase(java.util.Locale.ROOT);
        }

        private static String sizeQuery(String table) {
            return "SELECT TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES WHERE "
                    + "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = " + SampleRows.literal(table);
        }

        /** {rows, bytes} of the size query's answer, -1 for what it does not say. */
        private static long[] tableBytes(java.sql.PreparedStatement ps) throws SQLException {
            try (ps; ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new long[]{-1, -1};
                }
                long rows = rs.getLong(1);
                boolean noRows = rs.wasNull();
                long bytes = rs.getLong(2);
                return new long[]{noRows ? -1 : rows, rs.wasNull() ? -1 : bytes};
            }
        }

        /** Tables the statement needs that nothing has created yet, from the source (and their FK parents). */
        private void fromSource(Set<String> needed, List<String> sets, String where) throws SQLException {
            if (source == null) {
                return;
            }
            boolean loaded = false;
            Set<String> wanted = new LinkedHashSet<>(needed);
            for (int depth = 0; depth <= PARENT_DEPTH && !wanted.isEmpty(); depth++) {
                Set<String> parents = new LinkedHashSet<>();
                for (String table : wanted) {
                    if (tables.has(table) || notInSource.contains(table.toLowerCase(java.util.Locale.ROOT))) {
                        continue;
                    }
                    Optional<String> create = source.createTable(table);
                    if (create.isEmpty()) {
                        notInSource.add(table.toLowerCase(java.util.Locale.ROOT));
                        continue;
                    }
                    if (!loaded) {
                        enter(List.of(), where);
                        session.withoutForeignKeyChecksQuietly(notes, where);
                        loaded = true;
                    }
                    try (java.sql.Statement st = scratch.connection().createStatement()) {
                        scratch.execute(st, create.get());
                        tables.started(table, create.get());
                        sampled.add(table.toLowerCase(java.util.Locale.ROOT));
                        parents.addAll(ReplayedTables.referencedTables(create.get()));
                    } catch (ScratchSchema.UnsafeStatementException e) {
                        notes.add(where + ": source table `" + table + "` not created: " + e.getMessage());
                    } catch (SQLException e) {
                        rethrowIfConnection(e);
                        notes.add(where + ": source table `" + table + "` not created on the scratch server: "
                                + e.getErrorCode() + " " + ServerLadder.oneLine(e.getMessage()));
                    }
                }
                wanted = parents;
            }
            if (loaded) {
                ladder.invalidate();
                enter(sets, where);
            }
        }

        private ServerCheck notVerified(String why, String reproducer) {
            return new ServerCheck(serverName, Agreement.Outcome.NOT_VERIFIED, null, false, List.of(),
                    List.of(why), reproducer);
        }
    }

    private static void rethrowIfConnection(SQLException e) throws SQLException {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            throw e;
        }
    }

    /** How a front end sets up a {@link Verifier}. */
    public static final class Builder {
        private Connection scratch;
        private ScratchSchema.Reconnect reconnect;
        private boolean dropOnExit = true;
        private Connection source;
        private VerdictSource verdicts = VerdictSource.ANALYSIS;
        private boolean allowSameServer;
        private long sampleRows;
        private int sampleChunk = SampleRows.CHUNK;

        /**
         * The scratch server, where the scratch database is created.
         *
         * @param reconnect a second connection for dropping the database on interrupt, or null
         */
        public Builder scratch(Connection connection, ScratchSchema.Reconnect reconnect) {
            this.scratch = connection;
            this.reconnect = reconnect;
            this.dropOnExit = true;
            return this;
        }

        /**
         * The scratch server a front end opened ({@link ScratchServer#open}) and a connection to it; the second
         * connection comes from the server too. On a server started for this run the scratch database has no
         * shutdown hook: the server's own stop throws it away.
         */
        public Builder scratch(ScratchServer server, Connection connection) {
            this.scratch = connection;
            this.reconnect = server::connect;
            this.dropOnExit = !server.startedHere();
            return this;
        }

        /** The source database, read only (SELECT and SHOW), for the tables no migration creates; optional. */
        public Builder source(Connection connection) {
            this.source = connection;
            return this;
        }

        /** Where the static verdicts come from; {@link VerdictSource#ANALYSIS} unless a test says otherwise. */
        public Builder verdicts(VerdictSource source) {
            this.verdicts = source;
            return this;
        }

        /** Runs even when the scratch URL reaches the source's server and database. */
        public Builder allowSameServer(boolean allow) {
            this.allowSameServer = allow;
            return this;
        }

        /**
         * {@code --sample-rows N}: copy up to N rows of each table read from the source (in primary-key order, in
         * chunks) and time each checked statement on them; 0 (the default) copies nothing.
         */
        public Builder sampleRows(long rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("sample rows must be 0 or more, not " + rows);
            }
            this.sampleRows = rows;
            return this;
        }

        /** Rows per SELECT from the source when sampling ({@value SampleRows#CHUNK} unless a test says otherwise). */
        Builder sampleChunk(int rows) {
            this.sampleChunk = rows;
            return this;
        }

        public Verifier build() {
            if (scratch == null) {
                throw new IllegalStateException("a scratch connection is required");
            }
            return new Verifier(this);
        }
    }
}
