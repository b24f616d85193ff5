package dev.ddllint.oracle;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.LockLevel;
import dev.ddllint.kb.ServerFlavor;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.oracle.ServerAnswer.Mode;
import dev.ddllint.oracle.ServerAnswer.Observation;
import dev.ddllint.oracle.ServerAnswer.Rebuild;
import dev.ddllint.testing.TestServers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks one real server what it does with each case (a port of {@code ../shared/recipes/oracle.sh} to JDBC).
 * Every DDL runs in a scratch database of its own ({@value #SCRATCH_PREFIX} + the process id + a counter, so runners
 * in parallel, in one JVM or several, never share one), dropped and re-created before each accepted attempt:
 * <ol>
 *   <li>the DDL as written, when it names ALGORITHM=/LOCK= (accepted or refused);</li>
 *   <li>the ladder, strongest first, on the DDL without clauses: INSTANT; NOCOPY (MariaDB); INPLACE with LOCK=NONE,
 *       SHARED, EXCLUSIVE; COPY with LOCK=NONE (accepted by MariaDB 11.2+ only), SHARED, EXCLUSIVE. The first rung
 *       accepted is the answer. Clauses go right after the table name; if that is a syntax error, after the
 *       table name without comma, then at the end; CREATE/DROP INDEX get them appended.</li>
 * </ol>
 * A refused attempt changes nothing (checked: the table ids are compared), so the next rung reuses the table;
 * an accepted one is always followed by a fresh setup. Rebuilds are seen in the InnoDB table ids of the target
 * table and its partitions before and after. An accepted non-COPY rung that copied rows (MariaDB 10.11 ignores
 * ALGORITHM=INSTANT on PARTITION BY) does not count: the ladder continues with COPY. When no placement of the
 * clause is valid SQL (MariaDB partition operations, DROP INDEX ... ON t), the DDL runs without clauses and only
 * copies (affected rows) and rebuilds are observed.
 */
public final class OracleRunner implements AutoCloseable {

    public static final String SCRATCH_PREFIX = "ddl_lint_oracle_";
    private static final java.util.regex.Pattern NEW_IDS_WITHOUT_REBUILD = java.util.regex.Pattern.compile(
            "(?i)\\b(TRUNCATE|EXCHANGE)\\s+PARTITION\\b");

    /** The name cases use for the scratch database (schema-qualified names, RENAME TO another name). */
    public static final String CASE_SCRATCH_NAME = "ddl_lint_oracle";
    private static final java.util.regex.Pattern CASE_NAME_PATTERN = java.util.regex.Pattern.compile(
            "(?i)(?<![A-Za-z0-9_$])" + CASE_SCRATCH_NAME + "(?![A-Za-z0-9_$])");
    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();
    private static final int SYNTAX_ERROR = 1064;

    private final TestServers.Server server;
    private final TargetServer target;
    private final boolean mariadb;
    private final String idsView;
    private final Connection connection;
    private final String scratch;
    private final String initialSqlMode;
    /** The setup currently in the scratch database, untouched since it ran (null: none). */
    private String intactSetup;
    private int attemptCount;

    public OracleRunner(TestServers.Server server) throws SQLException {
        this.server = server;
        this.target = server.target();
        this.mariadb = target.flavor() == ServerFlavor.MARIADB;
        this.idsView = mariadb ? "information_schema.innodb_sys_tables" : "information_schema.innodb_tables";
        this.connection = server.connect();
        this.scratch = SCRATCH_PREFIX + ProcessHandle.current().pid() + "_" + INSTANCES.incrementAndGet();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode")) {
            rs.next();
            initialSqlMode = rs.getString(1);
        }
    }

    public int attemptCount() {
        return attemptCount;
    }

    public ServerAnswer run(OracleCase c) throws SQLException {
        List<String> log = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        if (!c.appliesTo(target)) {
            return new ServerAnswer(Mode.NOT_APPLICABLE, null, false, null, null, null, flags, log, null);
        }
        String ddl = c.alter();
        String base = OracleSql.strip(ddl);
        String table = OracleSql.target(base);
        Observation asWritten = null;
        if (OracleSql.hasClauses(ddl)) {
            Optional<Observation> o = attempt(c, ddl, table, "AS_WRITTEN", log);
            if (o.isEmpty()) {
                return invalid(log, flags, "setup failed: " + last(log));
            }
            asWritten = o.get();
        }
        OracleSql.Kind kind = OracleSql.kind(base);
        if (kind == OracleSql.Kind.OTHER) {
            return noClause(c, base, table, asWritten, log, flags);
        }
        Integer placement = null;
        boolean skipInplace = false;
        boolean onlyCopy = false;
        for (LadderRung rung : LadderRung.ladder(mariadb)) {
            if ((skipInplace && rung.algorithm() == Algorithm.INPLACE && !rung.nocopy())
                    || (onlyCopy && rung.algorithm() != Algorithm.COPY)) {
                continue;
            }
            Observation o = null;
            List<Integer> placements = placement != null ? List.of(placement)
                    : kind == OracleSql.Kind.INDEX ? List.of(1) : List.of(1, 2, 3);
            for (int p : placements) {
                Optional<String> stmt = OracleSql.place(base, p, rung.sqlAlgorithm(),
                        rung.lock() == null ? null : rung.lock().name());
                if (stmt.isEmpty()) {
                    continue;
                }
                Optional<Observation> r = attempt(c, stmt.get(), table, rung.toString(), log);
                if (r.isEmpty()) {
                    return invalid(log, flags, "setup failed: " + last(log));
                }
                o = r.get();
                if (!o.accepted() && o.errorCode() == SYNTAX_ERROR && placement == null) {
                    o = null;
                    continue;
                }
                placement = p;
                break;
            }
            if (placement == null) {
                return noClause(c, base, table, asWritten, log, flags);
            }
            if (o == null) {
                continue;
            }
            if (o.accepted()) {
                if (o.resultSet()) {
                    // ANALYZE/OPTIMIZE/CHECK/REPAIR PARTITION: an admin command that ignores the clause.
                    flags.add("CLAUSE_IGNORED");
                    return noClause(c, base, table, asWritten, log, flags);
                }
                if (rung.algorithm() != Algorithm.COPY && o.copiedRows()) {
                    // The clause was accepted and ignored: the server copied the table anyway.
                    flags.add("ACCEPTED_BUT_COPIED(" + rung + ")");
                    onlyCopy = true;
                    continue;
                }
                if (rung.nocopy() && o.rebuild() != Rebuild.NONE && o.rebuild() != Rebuild.PARTIAL
                        && !NEW_IDS_WITHOUT_REBUILD.matcher(base).find()) {
                    // NOCOPY that renewed every id: accepted and ignored (no rows to show the copy).
                    flags.add("ACCEPTED_BUT_RECREATED(" + rung + ")");
                    onlyCopy = true;
                    continue;
                }
                Algorithm algorithm = rung.algorithm();
                // A copy always writes a new table, whatever became of the partitions' names.
                // An empty table rebuilt in place looks "recreated empty" (new ids, no rows to count); in place only
                // TRUNCATE/EXCHANGE PARTITION renew ids without a rebuild.
                boolean rebuilt = o.rebuild() == Rebuild.FULL || algorithm == Algorithm.COPY
                        || algorithm == Algorithm.INPLACE && o.rebuild() == Rebuild.RECREATED_EMPTY
                        && !NEW_IDS_WITHOUT_REBUILD.matcher(base).find();
                if (algorithm == Algorithm.INSTANT && o.rebuild() != Rebuild.NONE) {
                    if (!NEW_IDS_WITHOUT_REBUILD.matcher(base).find()) {
                        // New ids without rows to count: the clause was accepted and ignored, the table recreated
                        // (MariaDB before 11.8 with partitioning, differential).
                        flags.add("ACCEPTED_BUT_RECREATED(" + rung + ")");
                        onlyCopy = true;
                        continue;
                    }
                    // TRUNCATE/EXCHANGE PARTITION: partitions get new ids, no row is copied.
                    flags.add("INSTANT_WITH_NEW_IDS_" + o.rebuild());
                    rebuilt = false;
                }
                LockLevel lock = rung.lock() == null ? LockLevel.NONE : rung.lock();
                return new ServerAnswer(Mode.LADDER, algorithm, rebuilt, lock, rung.toString(), asWritten, flags, log,
                        null);
            }
            if (rung.algorithm() == Algorithm.INPLACE && !rung.nocopy()
                    && o.message() != null && o.message().startsWith("ALGORITHM=INPLACE is not supported")) {
                skipInplace = true;
            }
        }
        // Nothing accepted: the statement refuses every clause (DISCARD TABLESPACE), or it is not valid at all.
        flags.add("EVERY_CLAUSE_REFUSED");
        return noClause(c, base, table, asWritten, log, flags);
    }

    private ServerAnswer noClause(OracleCase c, String base, String table, Observation asWritten, List<String> log,
                                  List<String> flags) throws SQLException {
        Optional<Observation> r = attempt(c, base, table, "NO_CLAUSE", log);
        if (r.isEmpty() || !r.get().accepted()) {
            return invalid(log, flags, "the DDL fails without clauses: " + last(log));
        }
        Observation o = r.get();
        Algorithm algorithm = o.copiedRows() ? Algorithm.COPY : o.rebuild() == Rebuild.FULL ? Algorithm.INPLACE : null;
        if (o.rebuild() != Rebuild.NONE && o.rebuild() != Rebuild.FULL) {
            flags.add("NEW_IDS_" + o.rebuild());
        }
        return new ServerAnswer(Mode.NO_CLAUSE, algorithm, o.rebuild() == Rebuild.FULL || algorithm == Algorithm.COPY,
                null, "NO_CLAUSE", asWritten, flags, log, null);
    }

    private static ServerAnswer invalid(List<String> log, List<String> flags, String why) {
        return new ServerAnswer(Mode.INVALID, null, false, null, null, null, flags, log, why);
    }

    private static String last(List<String> log) {
        return log.isEmpty() ? "" : log.get(log.size() - 1);
    }

    /**
     * Runs the setup (unless the scratch database still holds it untouched) and then {@code statement}.
     * Empty when the setup failed.
     */
    private Optional<Observation> attempt(OracleCase c, String statement, String table, String step, List<String> log)
            throws SQLException {
        attemptCount++;
        if (!c.setup().equals(intactSetup)) {
            String failure = freshSetup(c.setup());
            if (failure != null) {
                log.add(step + "\tSETUP\t" + failure);
                intactSetup = null;
                return Optional.empty();
            }
            intactSetup = c.setup();
        }
        Map<String, Long> before = tableIds();
        Observation o;
        try (Statement s = connection.createStatement()) {
            boolean resultSet = s.execute(inScratch(statement));
            long rows = resultSet ? -1 : s.getUpdateCount();
            if (resultSet) {
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) {
                        // ANALYZE/OPTIMIZE PARTITION return a status table.
                    }
                }
            }
            String warnings = warnings(s.getWarnings());
            Map<String, Long> after = tableIds();
            Rebuild rebuild = rebuild(before, after, table);
            boolean renamedAway = table != null && only(after, table).isEmpty();
            if (rebuild == Rebuild.FULL && rows <= 0 && !renamedAway && !hasRows(table)) {
                rebuild = Rebuild.RECREATED_EMPTY;
            }
            o = new Observation(true, 0, null, rows, rebuild, resultSet);
            intactSetup = null;
            log.add(step + "\t" + oneLine(statement) + "\t" + o + (warnings.isEmpty() ? "" : "\twarnings: " + warnings));
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e;
            }
            o = new Observation(false, e.getErrorCode(), oneLine(e.getMessage()), 0, Rebuild.NONE, false);
            log.add(step + "\t" + oneLine(statement) + "\t" + o);
            if (!before.equals(tableIds())) {
                intactSetup = null; // a refused statement that still changed something: start afresh next time
                log.add(step + "\tNOTE\tthe refused statement changed table ids");
            }
        }
        return Optional.of(o);
    }

    /** Re-creates the scratch database, resets the session and runs the setup; returns the failure or null. */
    private String freshSetup(String setup) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 1");
            s.execute("SET SESSION sql_mode = '" + initialSqlMode + "'");
            s.execute("SET SESSION lock_wait_timeout = 30");
            s.execute("DROP DATABASE IF EXISTS " + scratch);
            s.execute("CREATE DATABASE " + scratch);
            s.execute("USE " + scratch);
            for (String sql : OracleSql.splitStatements(setup)) {
                try {
                    s.execute(inScratch(sql));
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

    /** Cases name the scratch database {@value #CASE_SCRATCH_NAME}; it runs in this runner's own. */
    private String inScratch(String sql) {
        return CASE_NAME_PATTERN.matcher(sql).replaceAll(scratch);
    }

    /** True when the table can be read and holds rows. */
    private boolean hasRows(String table) throws SQLException {
        if (table == null) {
            return true;
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table.replace("`", "``") + "`")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e;
            }
            return false; // discarded tablespace, renamed away, ...
        }
    }

    private Map<String, Long> tableIds() throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, table_id FROM " + idsView + " WHERE name LIKE '"
                     + scratch.replace("_", "\\_") + "/%'")) {
            while (rs.next()) {
                ids.put(rs.getString(1).substring(scratch.length() + 1).toLowerCase(java.util.Locale.ROOT),
                        rs.getLong(2));
            }
        }
        return ids;
    }

    /**
     * Compares the ids of the target table and its partitions ({@code t#p#p0}); with no name in common (RENAME,
     * PARTITION BY, REMOVE PARTITIONING) the id sets are compared instead.
     */
    static Rebuild rebuild(Map<String, Long> before, Map<String, Long> after, String table) {
        Map<String, Long> a = only(before, table);
        Map<String, Long> b = only(after, table);
        if (a.isEmpty()) {
            a = before;
        }
        if (b.isEmpty()) {
            b = after;
        }
        int common = 0;
        int changed = 0;
        for (Map.Entry<String, Long> e : a.entrySet()) {
            Long id = b.get(e.getKey());
            if (id != null) {
                common++;
                if (!id.equals(e.getValue())) {
                    changed++;
                }
            }
        }
        if (common == 0) {
            // Renamed: rebuilt when none of the table's ids is left.
            return java.util.Collections.disjoint(a.values(), b.values()) ? Rebuild.FULL : Rebuild.NONE;
        }
        return changed == 0 ? Rebuild.NONE : changed == common ? Rebuild.FULL : Rebuild.PARTIAL;
    }

    private static Map<String, Long> only(Map<String, Long> ids, String table) {
        Map<String, Long> out = new HashMap<>();
        if (table == null) {
            return out;
        }
        ids.forEach((name, id) -> {
            if (name.equals(table) || name.startsWith(table + "#p#")) {
                out.put(name, id);
            }
        });
        return out;
    }

    private static String warnings(SQLWarning w) {
        StringBuilder sb = new StringBuilder();
        for (SQLWarning x = w; x != null; x = x.getNextWarning()) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(x.getErrorCode()).append(' ').append(oneLine(x.getMessage()));
        }
        return sb.toString();
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
        try (Statement s = connection.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + scratch);
        } finally {
            connection.close();
        }
    }
}
