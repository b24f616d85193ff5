package dev.ddllint.verify;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.LockLevel;
import dev.ddllint.kb.ServerFlavor;
import dev.ddllint.verify.LadderAnswer.Attempt;
import dev.ddllint.verify.LadderAnswer.Mode;
import dev.ddllint.verify.LadderAnswer.Rebuild;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Asks a real server what it does with one statement, on the tables of a {@link ScratchSchema} (every statement
 * runs through it, so only there):
 * <ol>
 *   <li>the statement as written, when it names ALGORITHM=/LOCK= (accepted or refused);</li>
 *   <li>the ladder, strongest first, on the statement without clauses: INSTANT; NOCOPY (MariaDB); INPLACE with
 *       LOCK=NONE, SHARED, EXCLUSIVE; COPY with LOCK=NONE (accepted by MariaDB 11.2+ only), SHARED, EXCLUSIVE. The
 *       first rung accepted is the answer. Clauses go right after the table name; if that is a syntax error, after
 *       the table name without comma, then at the end; CREATE/DROP INDEX get them appended.</li>
 * </ol>
 * A refused attempt changes nothing (checked: the table ids are compared), so the next rung reuses the tables; an
 * accepted one is always followed by a fresh {@link Setup}. Rebuilds are seen in the InnoDB table ids of the target
 * table and its partitions before and after ({@code information_schema.innodb_tables} on MySQL,
 * {@code innodb_sys_tables} on MariaDB). An accepted non-COPY rung that copied rows (MariaDB 10.11 ignores
 * ALGORITHM=INSTANT on PARTITION BY) does not count: the ladder continues with COPY. When no placement of the clause
 * is valid SQL (MariaDB partition operations, DROP INDEX ... ON t), the statement runs without clauses and only
 * copies (affected rows) and rebuilds are observed.
 */
public final class ServerLadder {

    private static final Pattern NEW_IDS_WITHOUT_REBUILD = Pattern.compile("(?i)\\b(TRUNCATE|EXCHANGE)\\s+PARTITION\\b");
    private static final int SYNTAX_ERROR = 1064;
    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\bORDER\\s+BY\\b");

    /** Puts the tables a statement needs into the scratch database, from nothing. */
    public interface Setup {
        /** Equal keys build equal tables: a setup still intact from the last attempt is not run again. */
        String key();

        /**
         * Re-creates the scratch database and builds the tables in it.
         *
         * @return why that failed (the server's error), or null
         */
        String apply(ScratchSchema scratch) throws SQLException, ScratchSchema.UnsafeStatementException;
    }

    private final ScratchSchema scratch;
    private final Connection connection;
    private final String idsView;
    private final boolean mariadb;
    /** The key of the setup in the scratch database, untouched since it ran (null: none). */
    private String intactSetup;
    private int attemptCount;

    public ServerLadder(ScratchSchema scratch, ServerFlavor flavor) {
        this.scratch = scratch;
        this.connection = scratch.connection();
        this.mariadb = flavor == ServerFlavor.MARIADB;
        this.idsView = mariadb ? "information_schema.innodb_sys_tables" : "information_schema.innodb_tables";
    }

    /** Statements run so far, setups not counted. */
    public int attemptCount() {
        return attemptCount;
    }

    /**
     * The scratch database holds what {@code setup} builds already (the caller built it, statement by statement):
     * the first attempt runs without running the setup again.
     */
    public void assumeIntact(Setup setup) {
        intactSetup = setup.key();
    }

    /** Forgets the intact setup (the caller changed the scratch database). */
    public void invalidate() {
        intactSetup = null;
    }

    /**
     * Asks the server about {@code ddl} (one ALTER TABLE, CREATE/DROP INDEX or OPTIMIZE TABLE) on the tables
     * {@code setup} builds.
     */
    public LadderAnswer ask(String ddl, Setup setup) throws SQLException, ScratchSchema.UnsafeStatementException {
        List<String> log = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        String base = LadderSql.strip(ddl);
        String table = LadderSql.target(base);
        Attempt asWritten = null;
        if (LadderSql.hasClauses(ddl)) {
            Optional<Attempt> o = attempt(setup, ddl, table, "AS_WRITTEN", log);
            if (o.isEmpty()) {
                return invalid(log, flags, refusals, "setup failed: " + last(log));
            }
            asWritten = o.get();
        }
        LadderSql.Kind kind = LadderSql.kind(base);
        if (kind == LadderSql.Kind.OTHER) {
            return noClause(setup, base, table, asWritten, log, flags, refusals);
        }
        Integer placement = null;
        boolean skipInplace = false;
        boolean onlyCopy = false;
        for (LadderRung rung : LadderRung.ladder(mariadb)) {
            if ((skipInplace && rung.algorithm() == Algorithm.INPLACE && !rung.nocopy())
                    || (onlyCopy && rung.algorithm() != Algorithm.COPY)) {
                continue;
            }
            Attempt o = null;
            List<Integer> placements = placement != null ? List.of(placement)
                    : kind == LadderSql.Kind.INDEX ? List.of(1, 2) : List.of(1, 2, 3);
            for (int p : placements) {
                Optional<String> stmt = LadderSql.place(base, p, rung.sqlAlgorithm(),
                        rung.lock() == null ? null : rung.lock().name());
                if (stmt.isEmpty()) {
                    continue;
                }
                Optional<Attempt> r = attempt(setup, stmt.get(), table, rung.toString(), log);
                if (r.isEmpty()) {
                    return invalid(log, flags, refusals, "setup failed: " + last(log));
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
                return noClause(setup, base, table, asWritten, log, flags, refusals);
            }
            if (o == null) {
                continue;
            }
            if (o.accepted()) {
                if (o.resultSet()) {
                    // ANALYZE/OPTIMIZE/CHECK/REPAIR PARTITION: an admin command that ignores the clause.
                    flags.add("CLAUSE_IGNORED");
                    return noClause(setup, base, table, asWritten, log, flags, refusals);
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
                if (mariadb && rung.algorithm() == Algorithm.COPY && rung.lock() == LockLevel.NONE
                        && ORDER_BY.matcher(base).find()) {
                    // MariaDB 11.2+ accepts LOCK=NONE beside ORDER BY and blocks writes all the same
                    // (OrderByBlocksWritesTest): what it accepts there is not what it does.
                    flags.add("LOCK_NONE_NOT_HONOURED(" + rung + ")");
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
                return new LadderAnswer(Mode.LADDER, algorithm, rebuilt, lock, rung.toString(), asWritten, refusals,
                        flags, log, null);
            }
            refusals.add(rung + ": " + o.errorCode() + " " + o.message());
            if (rung.algorithm() == Algorithm.INPLACE && !rung.nocopy()
                    && o.message() != null && o.message().startsWith("ALGORITHM=INPLACE is not supported")) {
                skipInplace = true;
            }
        }
        // Nothing accepted: the statement refuses every clause (DISCARD TABLESPACE), or it is not valid at all.
        flags.add("EVERY_CLAUSE_REFUSED");
        return noClause(setup, base, table, asWritten, log, flags, refusals);
    }

    private LadderAnswer noClause(Setup setup, String base, String table, Attempt asWritten, List<String> log,
                                  List<String> flags, List<String> refusals)
            throws SQLException, ScratchSchema.UnsafeStatementException {
        Optional<Attempt> r = attempt(setup, base, table, "NO_CLAUSE", log);
        if (r.isEmpty() || !r.get().accepted()) {
            return invalid(log, flags, refusals, "the statement fails without clauses: " + last(log));
        }
        Attempt o = r.get();
        Algorithm algorithm = o.copiedRows() ? Algorithm.COPY : o.rebuild() == Rebuild.FULL ? Algorithm.INPLACE : null;
        if (o.rebuild() != Rebuild.NONE && o.rebuild() != Rebuild.FULL) {
            flags.add("NEW_IDS_" + o.rebuild());
        }
        return new LadderAnswer(Mode.NO_CLAUSE, algorithm,
                o.rebuild() == Rebuild.FULL || algorithm == Algorithm.COPY, null, "NO_CLAUSE", asWritten, refusals,
                flags, log, null);
    }

    private static LadderAnswer invalid(List<String> log, List<String> flags, List<String> refusals, String why) {
        return new LadderAnswer(Mode.INVALID, null, false, null, null, null, refusals, flags, log, why);
    }

    private static String last(List<String> log) {
        return log.isEmpty() ? "" : log.get(log.size() - 1);
    }

    /**
     * Runs the setup (unless the scratch database still holds it untouched) and then {@code statement}.
     * Empty when the setup failed.
     */
    private Optional<Attempt> attempt(Setup setup, String statement, String table, String step, List<String> log)
            throws SQLException, ScratchSchema.UnsafeStatementException {
        attemptCount++;
        if (!setup.key().equals(intactSetup)) {
            intactSetup = null;
            String failure = setup.apply(scratch);
            if (failure != null) {
                log.add(step + "\tSETUP\t" + failure);
                return Optional.empty();
            }
            intactSetup = setup.key();
        }
        Map<String, Long> before = tableIds();
        Attempt o;
        try (Statement s = connection.createStatement()) {
            boolean resultSet = scratch.execute(s, statement);
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
            o = new Attempt(true, 0, null, rows, rebuild, resultSet);
            intactSetup = null;
            log.add(step + "\t" + oneLine(statement) + "\t" + o + (warnings.isEmpty() ? "" : "\twarnings: " + warnings));
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e;
            }
            o = new Attempt(false, e.getErrorCode(), oneLine(e.getMessage()), 0, Rebuild.NONE, false);
            log.add(step + "\t" + oneLine(statement) + "\t" + o);
            if (!before.equals(tableIds())) {
                intactSetup = null; // a refused statement that still changed something: start afresh next time
                log.add(step + "\tNOTE\tthe refused statement changed table ids");
            }
        }
        return Optional.of(o);
    }

    /** True when the table can be read and holds rows. */
    private boolean hasRows(String table) throws SQLException {
        if (table == null) {
            return true;
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + scratch.name() + "`.`"
                     + table.replace("`", "``") + "`")) {
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
        String name = scratch.name();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, table_id FROM " + idsView + " WHERE name LIKE '"
                     + name.replace("_", "\\_") + "/%'")) {
            while (rs.next()) {
                ids.put(rs.getString(1).substring(name.length() + 1).toLowerCase(Locale.ROOT), rs.getLong(2));
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
            return Collections.disjoint(a.values(), b.values()) ? Rebuild.FULL : Rebuild.NONE;
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
}
