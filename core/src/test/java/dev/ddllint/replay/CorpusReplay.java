package dev.ddllint.replay;


import dev.ddllint.analysis.SourceFile;
import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.LockLevel;
import dev.ddllint.kb.ServerFlavor;
import dev.ddllint.model.StatementKind;
import dev.ddllint.verify.LadderRung;
import dev.ddllint.verify.LadderSql;
import dev.ddllint.script.ScriptOptions;
import dev.ddllint.script.ScriptReadResult;
import dev.ddllint.script.ScriptReader;
import dev.ddllint.script.ScriptStatement;
import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.Token;
import dev.ddllint.sql.TolerantStatementReader;
import dev.ddllint.testing.TestServers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replays one project's migration history, statement by statement, on one real server, in scratch databases of its
 * own ({@code ddl_lint_replay_<pid>_<project>} and, for every other database the migrations name,
 * {@code …_<n>}; see {@link SchemaMapper}), all dropped at the end.
 *
 * <p>Files are taken in ddl-lint's order (as {@code MigrationFiles.collect} returns them) and split by ddl-lint's own
 * {@link ScriptReader} (placeholders and tokens replaced, DELIMITER blocks, versioned comments). Every statement
 * runs (INSERT/UPDATE too, so tables hold rows); one the server refuses is logged and skipped. Each file starts in
 * the home database with the session defaults (ddl-lint reads each file with a fresh session).
 *
 * <p>Each ALTER TABLE, CREATE INDEX, DROP INDEX and OPTIMIZE TABLE (and such a DDL run by PREPARE/EXECUTE) is asked,
 * before it runs, the ALGORITHM/LOCK ladder on its text without its own clauses, strongest first: INSTANT;
 * NOCOPY,NONE (MariaDB); INPLACE,NONE|SHARED|EXCLUSIVE; COPY,NONE|SHARED|EXCLUSIVE. A refused attempt changes
 * nothing (checked on the table ids), so the first accepted rung answers and applies the change. Rebuilds are seen
 * in the InnoDB table ids, copies in the affected rows. OPTIMIZE TABLE accepts no clause: the ladder runs on
 * {@code ALTER TABLE t FORCE} instead (what InnoDB maps it to); MariaDB accepts no LOCK= on DROP INDEX: the ladder
 * runs on {@code ALTER TABLE t DROP INDEX i}.
 */
final class CorpusReplay implements AutoCloseable {

    /** Table-name tokens of the corpus projects' own migration tools (as {@code CorpusCoverageTest}). */
    static final Map<String, String> REPLACEMENTS = Map.of("{$NAMESPACE}", "phabricator", "%TABLE_PREFIX%", "ost_",
            "#__", "jos_");
    static final Set<StatementKind> CLASSIFIED = EnumSet.of(StatementKind.ALTER_TABLE, StatementKind.CREATE_INDEX,
            StatementKind.DROP_INDEX, StatementKind.OPTIMIZE_TABLE);
    private static final int SYNTAX_ERROR = 1064;
    private static final Pattern PREPARE = Pattern.compile("(?is)^PREPARE\\s+(\\S+)\\s+FROM\\s+(@\\w+)\\s*$");
    private static final Pattern EXECUTE = Pattern.compile("(?is)^EXECUTE\\s+(\\S+?)(\\s+USING\\s+.*)?\\s*$");
    private static final Pattern SET_VARIABLE = Pattern.compile("(?is)^SET\\s+(@[A-Za-z0-9_$.]+)\\s*:?=.*");

    /** One replayed DDL statement (for OPTIMIZE TABLE a, b: one per table). */
    record Replayed(String file, int line, int column, StatementKind kind, String table, String sql, String ran,
                    ServerResult result, boolean embedded, String createTable) {
    }

    /** The whole replay of one project on one server. */
    record Run(String project, String server, List<Replayed> ddl, int statements, int ok, int failed, int skipped,
               List<String> log, List<String> attempts, long millis) {
    }

    private final TestServers.Server server;
    private final boolean mariadb;
    private final String idsView;
    private final String project;
    private final List<SourceFile> files;
    private Connection connection;
    private final SchemaMapper mapper;
    private final String sqlMode;
    private final List<String> log = new ArrayList<>();
    private final List<String> attempts = new ArrayList<>();
    private String position = "";
    /** SHOW CREATE TABLE of the last probed DDL's table before it ran (scratch database names replaced by db). */
    private String lastCreateTable;
    private final List<Replayed> ddl = new ArrayList<>();
    private int statements;
    private int ok;
    private int failed;
    private int skipped;

    CorpusReplay(TestServers.Server server, String project, List<SourceFile> files) throws SQLException {
        this.server = server;
        this.mariadb = server.target().flavor() == ServerFlavor.MARIADB;
        this.idsView = mariadb ? "information_schema.innodb_sys_tables" : "information_schema.innodb_tables";
        this.project = project;
        this.files = files;
        String slug = project.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        slug = slug.length() > 20 ? slug.substring(slug.length() - 20) : slug;
        this.mapper = new SchemaMapper("ddl_lint_replay_" + ProcessHandle.current().pid() + "_" + slug);
        this.connection = server.connect();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode")) {
            rs.next();
            // MySQL's zero-date checks refuse many old migrations; MariaDB's default has none. Strict mode stays:
            // it decides whether MODIFY ... NOT NULL may run in place.
            List<String> modes = new ArrayList<>(List.of(rs.getString(1).split(",")));
            modes.removeAll(List.of("NO_ZERO_DATE", "NO_ZERO_IN_DATE", "ONLY_FULL_GROUP_BY"));
            this.sqlMode = String.join(",", modes);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + mapper.home() + "`");
        }
    }

    Run run() throws SQLException {
        long start = System.nanoTime();
        ScriptOptions options = new ScriptOptions(Map.of(), REPLACEMENTS, true);
        for (SourceFile file : files) {
            ScriptReadResult script = ScriptReader.read(file.content(), options);
            resetSession();
            Map<String, int[]> assigned = new HashMap<>();
            Map<String, Prepared> prepared = new HashMap<>();
            for (ScriptStatement st : script.statements()) {
                statements++;
                try {
                    replay(file.path(), st, assigned, prepared);
                } catch (SQLException e) {
                    if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
                        throw e;
                    }
                    // the server went away (a crash caused by another client): wait, reconnect, go on
                    log.add(file.path() + ":" + st.line() + "\tRECONNECT\t" + oneLine(e.getMessage(), 200) + "\t"
                            + oneLine(st.sql(), 200));
                    reconnect();
                    replay(file.path(), st, assigned, prepared);
                }
            }
        }
        return new Run(project, server.name(), List.copyOf(ddl), statements, ok, failed, skipped, List.copyOf(log),
                List.copyOf(attempts), (System.nanoTime() - start) / 1_000_000);
    }

    private record Prepared(String raw, String sql, int line, int column) {
    }

    private void replay(String file, ScriptStatement st, Map<String, int[]> assigned, Map<String, Prepared> prepared)
            throws SQLException {
        String sql = st.sql();
        String where = file + ":" + st.line();
        SchemaMapper.Rewritten rw = mapper.rewrite(sql);
        if (!rw.runnable()) {
            skipped++;
            log.add(where + "\tSKIPPED\t" + rw.refusal() + "\t" + oneLine(sql, 200));
            return;
        }
        String ran = rw.sql();
        if (rw.use() != null) {
            // USE of a database the history never created (it came from an installer script): an empty one
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS `" + rw.use() + "`");
            }
        }
        StatementKind kind = st.compound() ? StatementKind.OTHER : TolerantStatementReader.kindOf(SqlLexer.tokenize(sql));
        if (CLASSIFIED.contains(kind)) {
            classify(file, st.line(), st.column(), kind, sql, ran, false);
            return;
        }
        java.util.regex.Matcher m = SET_VARIABLE.matcher(ran);
        if (m.matches()) {
            assigned.put(m.group(1).toLowerCase(Locale.ROOT), new int[] {st.line(), st.column()});
        }
        m = PREPARE.matcher(ran);
        if (m.matches()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = variable(m.group(2));
            if (value == null) {
                execute(where, ran);
                return;
            }
            SchemaMapper.Rewritten inner = mapper.rewrite(value);
            if (!inner.runnable()) {
                skipped++;
                log.add(where + "\tSKIPPED\tprepared: " + inner.refusal() + "\t" + oneLine(value, 200));
                return;
            }
            int[] pos = assigned.getOrDefault(m.group(2).toLowerCase(Locale.ROOT), new int[] {st.line(), st.column()});
            prepared.put(name, new Prepared(value, inner.sql(), pos[0], pos[1]));
            execute(where, "PREPARE " + m.group(1) + " FROM '" + inner.sql().replace("\\", "\\\\").replace("'", "''")
                    + "'");
            return;
        }
        m = EXECUTE.matcher(ran);
        if (m.matches() && m.group(2) == null) {
            Prepared p = prepared.get(m.group(1).toLowerCase(Locale.ROOT));
            if (p != null) {
                StatementKind inner = TolerantStatementReader.kindOf(SqlLexer.tokenize(p.sql()));
                if (CLASSIFIED.contains(inner)) {
                    statements++; // the prepared DDL counts as a statement of its own
                    classify(file, p.line(), p.column(), inner, p.raw(), p.sql(), true);
                    ok++; // the EXECUTE itself
                    return;
                }
            }
        }
        execute(where, ran);
    }

    /** Runs a statement that is not asked the ladder; the server's refusal is logged. */
    private boolean execute(String where, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            drain(s, s.execute(sql));
            ok++;
            return true;
        } catch (SQLException e) {
            rethrowConnectionLoss(e);
            failed++;
            log.add(where + "\tFAILED\t" + e.getErrorCode() + " " + oneLine(e.getMessage(), 200) + "\t"
                    + oneLine(sql, 200));
            return false;
        }
    }

    private static void drain(Statement s, boolean resultSet) throws SQLException {
        boolean rs = resultSet;
        while (true) {
            if (rs) {
                try (ResultSet r = s.getResultSet()) {
                    while (r.next()) {
                        // results are not used
                    }
                }
            } else if (s.getUpdateCount() == -1) {
                return;
            }
            rs = s.getMoreResults();
        }
    }

    private String variable(String name) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT " + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void reconnect() throws SQLException {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already gone
        }
        SQLException last = null;
        for (int i = 0; i < 90; i++) {
            try {
                connection = server.connect();
                resetSession();
                return;
            } catch (SQLException e) {
                last = e;
                if (i == 10) {
                    restartServer();
                }
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    /**
     * The shared servers crash on other clients' statements (FULLTEXT cases of the oracle suite) and nobody restarts
     * them: after 20 s without an answer, the project's own idempotent start script ({@code shared/recipes}) runs.
     */
    private void restartServer() {
        Path script = Path.of("..", "..", "shared", "recipes", "start-" + server.name() + ".sh").toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(script)) {
            log.add("-\tRESTART\tno " + script + "\t");
            return;
        }
        try {
            Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            log.add("-\tRESTART\t" + script + " rc=" + p.waitFor() + "\t");
        } catch (IOException e) {
            log.add("-\tRESTART\t" + e + "\t");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void resetSession() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + mapper.home() + "`");
            s.execute("USE `" + mapper.home() + "`");
            s.execute("SET SESSION foreign_key_checks = 1, unique_checks = 1, sql_mode = '" + sqlMode + "'");
            s.execute("SET SESSION lock_wait_timeout = 30");
        }
    }

    // ---- the ladder ------------------------------------------------------------------------------------------

    /** A table the DDL works on: its scratch database and its name (lower case). */
    private record Target(String db, String table, String text) {
        String key() {
            return table == null ? null : table.toLowerCase(Locale.ROOT);
        }
    }

    private void classify(String file, int line, int column, StatementKind kind, String sql, String ran,
                          boolean embedded) throws SQLException {
        List<Target> targets = targets(ran, kind);
        if (kind == StatementKind.OPTIMIZE_TABLE) {
            for (Target t : targets) {
                ServerResult r = probe(file + ":" + line, t, "ALTER TABLE " + t.text() + " FORCE",
                        "ALTER TABLE " + t.text() + " FORCE");
                ddl.add(new Replayed(file, line, column, kind, t.key(), sql, ran, r, embedded, lastCreateTable));
            }
            return;
        }
        Target t = targets.isEmpty() ? new Target(currentDatabase(), null, null) : targets.get(0);
        ServerResult r = probe(file + ":" + line, t, ran, null);
        ddl.add(new Replayed(file, line, column, kind, t.key(), sql, ran, r, embedded, lastCreateTable));
    }

    private void count(ServerResult r, String where, String ran) {
        if (r.mode() == ServerResult.Mode.FAILED) {
            failed++;
            log.add(where + "\tFAILED\t" + r.error() + "\t" + oneLine(ran, 200));
        } else {
            ok++;
        }
    }

    private record Obs(boolean accepted, int errno, String message, long rows, Boolean rebuilt, boolean resultSet,
                       boolean refusedButChanged) {
        String error() {
            return errno + " " + message;
        }
    }

    /** Asks the ladder on {@code statement} (or on {@code proxy}, which replaces it) and applies the change. */
    private ServerResult probe(String where, Target t, String statement, String proxy) throws SQLException {
        position = where;
        lastCreateTable = null;
        String engine = null;
        long rows = -1;
        if (t.table() != null) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT engine FROM information_schema.tables WHERE table_schema = '" + t.db()
                            + "' AND table_name = '" + t.table().replace("'", "''") + "'")) {
                if (rs.next()) {
                    engine = rs.getString(1);
                }
            }
            if (engine != null) {
                String name = "`" + t.db() + "`.`" + t.table().replace("`", "``") + "`";
                try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT COUNT(*) FROM " + name)) {
                    rows = rs.next() ? rs.getLong(1) : -1;
                } catch (SQLException e) {
                    rethrowConnectionLoss(e);
                }
                try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                        "SHOW CREATE TABLE " + name)) {
                    lastCreateTable = rs.next() ? rs.getString(2).replace(t.db(), "db") : null;
                } catch (SQLException e) {
                    rethrowConnectionLoss(e);
                }
            }
        }
        List<String> flags = new ArrayList<>();
        String asWritten = null;
        if (proxy == null && LadderSql.hasClauses(statement)) {
            Obs o = exec(statement, t);
            if (o.accepted()) {
                ServerResult r = new ServerResult(ServerResult.Mode.AS_WRITTEN, o.rows() > 0 ? Algorithm.COPY : null,
                        o.rebuilt(), null, "AS_WRITTEN", flags, "accepted", null, engine, rows, null);
                count(r, where, statement);
                return r;
            }
            asWritten = "refused: " + o.error();
        }
        String base = LadderSql.strip(statement);
        Optional<ServerResult> r = ladder(base, t, flags, asWritten, engine, rows, proxy);
        if (r.isEmpty() && proxy == null) {
            String dropIndex = dropIndexProxy(base);
            if (dropIndex != null) {
                r = ladder(dropIndex, t, flags, asWritten, engine, rows, dropIndex);
            }
        }
        ServerResult result = r.isPresent() ? r.get() : noClause(base, t, flags, asWritten, engine, rows, proxy);
        count(result, where, statement);
        return result;
    }

    private Optional<ServerResult> ladder(String base, Target t, List<String> flags, String asWritten, String engine,
                                          long rows, String proxy) throws SQLException {
        LadderSql.Kind kind = LadderSql.kind(base);
        if (kind == LadderSql.Kind.OTHER) {
            return Optional.empty();
        }
        Integer placement = null;
        boolean skipInplace = false;
        for (LadderRung rung : LadderRung.ladder(mariadb)) {
            if (skipInplace && rung.algorithm() == Algorithm.INPLACE && !rung.nocopy()) {
                continue;
            }
            Obs o = null;
            List<Integer> placements = placement != null ? List.of(placement)
                    : kind == LadderSql.Kind.INDEX ? List.of(1) : List.of(1, 2, 3);
            for (int p : placements) {
                Optional<String> stmt = LadderSql.place(base, p, rung.sqlAlgorithm(),
                        rung.lock() == null ? null : rung.lock().name());
                if (stmt.isEmpty()) {
                    continue;
                }
                o = exec(stmt.get(), t);
                if (!o.accepted() && o.errno() == SYNTAX_ERROR && placement == null) {
                    o = null;
                    continue;
                }
                placement = p;
                break;
            }
            if (placement == null) {
                return Optional.empty();
            }
            if (o == null) {
                continue;
            }
            if (o.refusedButChanged()) {
                flags.add("REFUSED_BUT_CHANGED(" + rung + ")");
            }
            if (!o.accepted()) {
                if (rung.algorithm() == Algorithm.INPLACE && !rung.nocopy() && o.message() != null
                        && o.message().startsWith("ALGORITHM=INPLACE is not supported")) {
                    skipInplace = true;
                }
                if (!isClauseRefusal(o)) {
                    // the statement itself is wrong (unknown column, duplicate key, ...): no rung will do
                    flags.add("REFUSED(" + rung + ": " + o.errno() + ")");
                    return Optional.of(noClause(base, t, flags, asWritten, engine, rows, proxy));
                }
                continue;
            }
            if (o.resultSet()) {
                flags.add("CLAUSE_IGNORED");
                return Optional.of(observed(ServerResult.Mode.NO_CLAUSE, o, flags, asWritten, engine, rows, proxy));
            }
            if (rung.algorithm() != Algorithm.COPY && o.rows() > 0) {
                // accepted and ignored: the server copied the table anyway (the change is applied, no more rungs)
                flags.add("ACCEPTED_BUT_COPIED(" + rung + ")");
                return Optional.of(new ServerResult(ServerResult.Mode.LADDER, Algorithm.COPY, true, null,
                        rung.toString(), flags, asWritten, null, engine, rows, proxy));
            }
            Boolean rebuilt = rung.algorithm() == Algorithm.COPY ? Boolean.TRUE : o.rebuilt();
            if (rung.algorithm() == Algorithm.INSTANT && Boolean.TRUE.equals(rebuilt)) {
                flags.add("INSTANT_WITH_NEW_IDS");
                rebuilt = false;
            }
            if (rebuilt == null && rung.algorithm() == Algorithm.INSTANT) {
                rebuilt = false;
            }
            if (rebuilt == null && rung.nocopy()) {
                rebuilt = false;
            }
            if (rebuilt == null && engine != null && !engine.equalsIgnoreCase("InnoDB")) {
                flags.add("NOT_INNODB(" + engine + ")");
            }
            return Optional.of(new ServerResult(ServerResult.Mode.LADDER, rung.algorithm(), rebuilt,
                    rung.lock() == null ? LockLevel.NONE : rung.lock(), rung.toString(), flags, asWritten, null, engine,
                    rows, proxy));
        }
        flags.add("EVERY_CLAUSE_REFUSED");
        return Optional.of(noClause(base, t, flags, asWritten, engine, rows, proxy));
    }

    private static boolean isClauseRefusal(Obs o) {
        if (o.errno() == 1845 || o.errno() == 1846) {
            return true;
        }
        String m = o.message() == null ? "" : o.message().toLowerCase(Locale.ROOT);
        return m.contains("algorithm") || m.contains("lock=") || m.contains("instant") || m.contains("not supported");
    }

    private ServerResult noClause(String base, Target t, List<String> flags, String asWritten, String engine, long rows,
                                  String proxy) throws SQLException {
        String stmt = proxy != null ? proxy : base;
        Obs o = exec(stmt, t);
        if (!o.accepted()) {
            return new ServerResult(ServerResult.Mode.FAILED, null, null, null, null, flags, asWritten, o.error(),
                    engine, rows, proxy);
        }
        return observed(ServerResult.Mode.NO_CLAUSE, o, flags, asWritten, engine, rows, proxy);
    }

    private static ServerResult observed(ServerResult.Mode mode, Obs o, List<String> flags, String asWritten,
                                         String engine, long rows, String proxy) {
        Algorithm a = o.rows() > 0 ? Algorithm.COPY : Boolean.TRUE.equals(o.rebuilt()) ? Algorithm.INPLACE : null;
        if (rows == 0 && a != Algorithm.COPY) {
            flags.add("EMPTY_TABLE(copy not observable)");
        }
        return new ServerResult(mode, a, a == Algorithm.COPY ? Boolean.TRUE : o.rebuilt(), null, "NO_CLAUSE", flags,
                asWritten, null, engine, rows, proxy);
    }

    /** Runs one attempt and observes affected rows and the target's InnoDB ids. */
    private Obs exec(String sql, Target t) throws SQLException {
        Map<String, Long> before = tableIds(t.db());
        try (Statement s = connection.createStatement()) {
            boolean resultSet = s.execute(sql);
            long rows = resultSet ? -1 : s.getUpdateCount();
            drain(s, resultSet);
            Map<String, Long> after = tableIds(t.db());
            Obs o = new Obs(true, 0, null, rows, rebuilt(before, after, t.key()), resultSet, false);
            attempts.add(position + "\t" + oneLine(sql, 300) + "\tOK rows=" + rows + " rebuilt=" + o.rebuilt());
            return o;
        } catch (SQLException e) {
            rethrowConnectionLoss(e);
            boolean changed = !before.equals(tableIds(t.db()));
            Obs o = new Obs(false, e.getErrorCode(), oneLine(e.getMessage(), 300), 0, null, false, changed);
            attempts.add(position + "\t" + oneLine(sql, 300) + "\tERROR " + o.error() + (changed ? " CHANGED" : ""));
            return o;
        }
    }

    /**
     * True when every InnoDB id of the table (and its partitions) changed; null when the table has no InnoDB id
     * (another engine, or unknown). A renamed table is found by its ids.
     */
    static Boolean rebuilt(Map<String, Long> before, Map<String, Long> after, String table) {
        if (table == null) {
            return null;
        }
        Map<String, Long> a = only(before, table);
        if (a.isEmpty()) {
            return null;
        }
        Map<String, Long> b = only(after, table);
        if (b.isEmpty()) {
            // renamed (ALTER TABLE ... RENAME TO): kept ids mean no rebuild
            return !new HashSet<>(after.values()).containsAll(a.values());
        }
        int common = 0;
        int changed = 0;
        for (Map.Entry<String, Long> e : a.entrySet()) {
            Long id = b.get(e.getKey());
            if (id != null) {
                common++;
                changed += id.equals(e.getValue()) ? 0 : 1;
            }
        }
        if (common == 0) {
            // partitions renamed (PARTITION BY / REMOVE PARTITIONING): compare the id sets
            return !new HashSet<>(a.values()).equals(new HashSet<>(b.values()));
        }
        return changed == common;
    }

    private static Map<String, Long> only(Map<String, Long> ids, String table) {
        Map<String, Long> out = new HashMap<>();
        ids.forEach((name, id) -> {
            if (name.equals(table) || name.startsWith(table + "#p#")) {
                out.put(name, id);
            }
        });
        return out;
    }

    private Map<String, Long> tableIds(String db) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (db == null) {
            return ids;
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, table_id FROM " + idsView + " WHERE name LIKE '"
                     + db.replace("_", "\\_") + "/%'")) {
            while (rs.next()) {
                ids.put(rs.getString(1).substring(db.length() + 1).toLowerCase(Locale.ROOT), rs.getLong(2));
            }
        }
        return ids;
    }

    private String currentDatabase() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    // ---- statement text --------------------------------------------------------------------------------------

    /** The tables a DDL works on (OPTIMIZE TABLE: all of them), with their scratch database. */
    private List<Target> targets(String sql, StatementKind kind) throws SQLException {
        List<Token> tokens = SqlLexer.tokenize(sql);
        List<Target> out = new ArrayList<>();
        int i = 1;
        switch (kind) {
            case ALTER_TABLE -> {
                while (i < tokens.size() && !tokens.get(i).is("TABLE")) {
                    i++;
                }
                i++;
                if (i + 1 < tokens.size() && tokens.get(i).is("IF") && tokens.get(i + 1).is("EXISTS")) {
                    i += 2;
                }
                addName(tokens, i, out);
            }
            case CREATE_INDEX, DROP_INDEX -> {
                while (i < tokens.size() && !tokens.get(i).is("ON")) {
                    i++;
                }
                addName(tokens, i + 1, out);
            }
            case OPTIMIZE_TABLE -> {
                while (i < tokens.size() && !tokens.get(i).is("TABLE") && !tokens.get(i).is("TABLES")) {
                    i++;
                }
                i++;
                while (i < tokens.size()) {
                    i = addName(tokens, i, out);
                    if (i < tokens.size() && tokens.get(i).isSymbol(",")) {
                        i++;
                    } else {
                        break;
                    }
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** Adds the (qualified) name at {@code i}; returns the index after it. */
    private int addName(List<Token> tokens, int i, List<Target> out) throws SQLException {
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            return i;
        }
        Token first = tokens.get(i);
        if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".") && tokens.get(i + 2).isName()) {
            Token second = tokens.get(i + 2);
            out.add(new Target(first.value().toLowerCase(Locale.ROOT), second.value(),
                    first.text() + "." + second.text()));
            return i + 3;
        }
        out.add(new Target(currentDatabase(), first.value(), first.text()));
        return i + 1;
    }

    /** DROP INDEX i ON t [...] as ALTER TABLE t DROP INDEX i (MariaDB takes no LOCK= on DROP INDEX); else null. */
    private static String dropIndexProxy(String base) {
        List<Token> tokens = SqlLexer.tokenize(base);
        if (tokens.size() < 5 || !tokens.get(0).is("DROP")) {
            return null;
        }
        int i = 1;
        if (tokens.get(i).is("ONLINE") || tokens.get(i).is("OFFLINE")) {
            i++;
        }
        if (!tokens.get(i).is("INDEX")) {
            return null;
        }
        i++;
        if (i + 1 < tokens.size() && tokens.get(i).is("IF") && tokens.get(i + 1).is("EXISTS")) {
            i += 2;
        }
        if (i + 2 >= tokens.size() || !tokens.get(i + 1).is("ON")) {
            return null;
        }
        String index = tokens.get(i).text();
        int tableStart = tokens.get(i + 2).offset();
        int j = i + 3;
        if (j + 1 < tokens.size() && tokens.get(j).isSymbol(".")) {
            j += 2;
        }
        int tableEnd = tokens.get(j - 1).offset() + tokens.get(j - 1).text().length();
        if (j < tokens.size()) {
            return null; // WAIT n / NOWAIT ...: leave it alone
        }
        return "ALTER TABLE " + base.substring(tableStart, tableEnd) + " DROP INDEX " + index;
    }

    private static void rethrowConnectionLoss(SQLException e) throws SQLException {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            throw e;
        }
    }

    static String oneLine(String s, int max) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return t.length() > max ? t.substring(0, max) + "…" : t;
    }

    /** Drops every scratch database of this replay. */
    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String db : mapper.databases()) {
                s.execute("DROP DATABASE IF EXISTS `" + db + "`");
            }
        } finally {
            connection.close();
        }
    }
}
