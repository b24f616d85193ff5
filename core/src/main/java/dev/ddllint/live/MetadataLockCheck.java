package dev.ddllint.live;

import dev.ddllint.model.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who holds the given tables right now, read-only. An ALTER (and every other DDL) needs an exclusive metadata lock
 * on its table; while it waits for one, every new query on the table queues behind it. So a transaction that has
 * touched the table and stays open, or a long statement on it, stalls the table for as long as it lasts.
 *
 * <p>Sources, best first:
 * <ol>
 *   <li>{@code performance_schema.metadata_locks} (MySQL 5.7+ with the {@code wait/lock/metadata/sql/mdl}
 *       instrument, on by default from 8.0; MariaDB 10.5+ with that instrument switched on): exactly the sessions
 *       holding, or waiting for, a lock on one of the tables, with their transaction's age from
 *       {@code information_schema.INNODB_TRX}.</li>
 *   <li>Otherwise {@code information_schema.INNODB_TRX} alone: every transaction older than the threshold, since
 *       it may hold one of the tables; the result says the table is not known
 *       ({@link Result#metadataLocksVisible()} is false).</li>
 * </ol>
 * The checking session itself is never reported. Holders younger than {@code minAge} are counted but not
 * reported: on a busy table there is always some short transaction in flight, and the ALTER's
 * {@code lock_wait_timeout} covers those.
 */
public final class MetadataLockCheck {

    /** Where a holder was seen. */
    public enum Source {
        /** a metadata lock on the table, granted or pending, in {@code performance_schema.metadata_locks} */
        METADATA_LOCK,
        /** a long-running transaction in {@code INNODB_TRX}; which tables it holds is not known */
        LONG_TRANSACTION
    }

    /**
     * One session that holds (or waits for) one of the tables.
     *
     * @param connectionId        the session's {@code CONNECTION_ID()}, as {@code KILL} takes it
     * @param table               {@code schema.table}, or null when not known ({@link Source#LONG_TRANSACTION})
     * @param lockType            e.g. {@code SHARED_READ}, {@code SHARED_WRITE}, {@code EXCLUSIVE}; null when unknown
     * @param lockDuration        {@code TRANSACTION}, {@code STATEMENT} or {@code EXPLICIT}; null when unknown
     * @param lockStatus          {@code GRANTED} or {@code PENDING}; null when unknown
     * @param transactionSeconds  age of its open InnoDB transaction, or null when it has none
     * @param commandSeconds      seconds in its current command ({@code PROCESSLIST_TIME}: for an idle session,
     *                            since its last statement), or null
     * @param query               the statement it runs now, or null when idle
     */
    public record Holder(Source source, long connectionId, String user, String host, String db, String command,
                         String table, String lockType, String lockDuration, String lockStatus,
                         Long transactionSeconds, Long commandSeconds, String transactionState, String query) {

        /** How long it has held the table, as far as can be told: its transaction's age, else its command's. */
        public long ageSeconds() {
            if (transactionSeconds != null) {
                return transactionSeconds;
            }
            return commandSeconds == null ? 0 : commandSeconds;
        }

        public boolean pending() {
            return "PENDING".equalsIgnoreCase(lockStatus);
        }

        /** One line: who, what, how long. */
        public String describe() {
            StringBuilder b = new StringBuilder("connection ").append(connectionId);
            if (user != null) {
                b.append(" (").append(user).append(host == null || host.isEmpty() ? "" : "@" + host).append(')');
            }
            if (source == Source.METADATA_LOCK) {
                b.append(pending() ? " waits for a " : " holds a ").append(lockType).append(" metadata lock on ")
                        .append(table).append(" (").append(lockDuration == null ? "?" : lockDuration.toLowerCase(
                                Locale.ROOT)).append(" duration)");
            } else {
                b.append(" has a long-running transaction (the tables it holds are not visible)");
            }
            if (transactionSeconds != null) {
                b.append(", transaction open for ").append(transactionSeconds).append(" s");
                if (transactionState != null) {
                    b.append(" (").append(transactionState).append(')');
                }
            }
            if (command != null) {
                b.append(", ").append(command.equalsIgnoreCase("Sleep") ? "idle" : command);
                if (commandSeconds != null) {
                    b.append(" for ").append(commandSeconds).append(" s");
                }
            }
            if (query != null && !query.isBlank()) {
                String q = query.strip().replaceAll("\\s+", " ");
                b.append(", running: ").append(q.length() > 200 ? q.substring(0, 200) + "…" : q);
            }
            return b.toString();
        }
    }

    /**
     * What the check saw.
     *
     * @param holders               sessions at or above the age threshold, oldest first
     * @param ignoredYounger        sessions below the threshold (not reported)
     * @param metadataLocksVisible  true when {@code performance_schema.metadata_locks} was read
     * @param note                  why it fell back, or null
     */
    public record Result(List<Holder> holders, int ignoredYounger, boolean metadataLocksVisible, String note) {

        public Result {
            holders = List.copyOf(holders);
        }

        public boolean blocked() {
            return !holders.isEmpty();
        }

        /** A few lines naming each holder; empty when none. */
        public String describe() {
            StringBuilder b = new StringBuilder();
            for (Holder h : holders) {
                b.append("  - ").append(h.describe()).append('\n');
            }
            if (note != null) {
                b.append("  (").append(note).append(")\n");
            }
            return b.toString();
        }
    }

    static final String MDL_SQL = "SELECT m.OBJECT_SCHEMA, m.OBJECT_NAME, m.LOCK_TYPE, m.LOCK_DURATION, "
            + "m.LOCK_STATUS, t.PROCESSLIST_ID, t.PROCESSLIST_USER, t.PROCESSLIST_HOST, t.PROCESSLIST_DB, "
            + "t.PROCESSLIST_COMMAND, t.PROCESSLIST_TIME, t.PROCESSLIST_INFO, "
            + "TIMESTAMPDIFF(SECOND, x.trx_started, NOW()) AS trx_age, x.trx_state "
            + "FROM performance_schema.metadata_locks m "
            + "JOIN performance_schema.threads t ON t.THREAD_ID = m.OWNER_THREAD_ID "
            + "LEFT JOIN information_schema.INNODB_TRX x ON x.trx_mysql_thread_id = t.PROCESSLIST_ID "
            + "WHERE m.OBJECT_TYPE = 'TABLE' AND t.PROCESSLIST_ID IS NOT NULL AND t.PROCESSLIST_ID <> CONNECTION_ID() "
            + "AND (";
    /** The same without transaction ages, for a user who may read performance_schema but not INNODB_TRX. */
    static final String MDL_ONLY_SQL = MDL_SQL.replace("TIMESTAMPDIFF(SECOND, x.trx_started, NOW()) AS trx_age, "
            + "x.trx_state ", "NULL AS trx_age, NULL AS trx_state ").replace(
            "LEFT JOIN information_schema.INNODB_TRX x ON x.trx_mysql_thread_id = t.PROCESSLIST_ID ", "");

    /** INNODB_TRX is a cache InnoDB refreshes at most every 100 ms: a transaction younger than that may be missed. */
    static final String TRX_SQL = "SELECT x.trx_mysql_thread_id, TIMESTAMPDIFF(SECOND, x.trx_started, NOW()) AS age, "
            + "x.trx_state, x.trx_query FROM information_schema.INNODB_TRX x "
            + "WHERE x.trx_mysql_thread_id <> CONNECTION_ID() ORDER BY x.trx_started";
    /** The same with the session's user, host, schema and command, where PROCESSLIST can be read. */
    static final String TRX_PROCESSLIST_SQL = "SELECT x.trx_mysql_thread_id, "
            + "TIMESTAMPDIFF(SECOND, x.trx_started, NOW()) AS age, x.trx_state, x.trx_query, "
            + "p.USER, p.HOST, p.DB, p.COMMAND, p.TIME FROM information_schema.INNODB_TRX x "
            + "LEFT JOIN information_schema.PROCESSLIST p ON p.ID = x.trx_mysql_thread_id "
            + "WHERE x.trx_mysql_thread_id <> CONNECTION_ID() ORDER BY x.trx_started";

    private MetadataLockCheck() {
    }

    /**
     * Checks the given tables (unqualified names are in {@code defaultSchema}).
     *
     * @param minAge holders younger than this are not reported ({@link Duration#ZERO}: report every holder)
     * @throws SQLException when not even {@code INNODB_TRX} can be read
     */
    public static Result check(Connection connection, String defaultSchema, Collection<TableName> tables,
                               Duration minAge) throws SQLException {
        return check(connection, defaultSchema, tables, minAge, true);
    }

    /** As {@link #check(Connection, String, Collection, Duration)}; {@code usePerformanceSchema=false} forces the fallback. */
    public static Result check(Connection connection, String defaultSchema, Collection<TableName> tables,
                               Duration minAge, boolean usePerformanceSchema) throws SQLException {
        Map<String, String[]> wanted = new LinkedHashMap<>();
        for (TableName t : tables) {
            String schema = t.schema() != null ? t.schema() : defaultSchema;
            if (schema != null && t.name() != null) {
                wanted.putIfAbsent(TableStatistics.key(schema, t.name()), new String[]{schema, t.name()});
            }
        }
        long min = Math.max(0, minAge.toSeconds());
        if (wanted.isEmpty()) {
            return new Result(List.of(), 0, usePerformanceSchema, null);
        }
        String why;
        if (!usePerformanceSchema) {
            why = "performance_schema.metadata_locks not used";
        } else {
            why = metadataLocksUnavailable(connection);
        }
        if (why == null) {
            try {
                return viaMetadataLocks(connection, wanted, min, MDL_SQL, null);
            } catch (SQLException e) {
                try {
                    return viaMetadataLocks(connection, wanted, min, MDL_ONLY_SQL, "INNODB_TRX could not be read ("
                            + e.getMessage() + "): ages are those of the sessions' current commands");
                } catch (SQLException e2) {
                    why = "performance_schema.metadata_locks could not be read: " + e2.getMessage();
                }
            }
        }
        return viaTransactions(connection, min, why + "; every transaction older than " + min
                + " s is reported, as it may hold the tables");
    }

    /** Null when metadata locks are visible, else the reason. */
    private static String metadataLocksUnavailable(Connection connection) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@performance_schema")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return "performance_schema is OFF, so metadata locks are not visible";
            }
        } catch (SQLException e) {
            return "performance_schema is not available (" + e.getMessage() + ")";
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT ENABLED FROM performance_schema.setup_instruments "
                     + "WHERE NAME = 'wait/lock/metadata/sql/mdl'")) {
            if (!rs.next() || !"YES".equalsIgnoreCase(rs.getString(1))) {
                return "the performance_schema instrument wait/lock/metadata/sql/mdl is disabled, so metadata locks "
                        + "are not recorded";
            }
        } catch (SQLException e) {
            return "performance_schema.setup_instruments could not be read (" + e.getMessage() + ")";
        }
        return null;
    }

    private static Result viaMetadataLocks(Connection connection, Map<String, String[]> wanted, long min,
                                           String baseSql, String note) throws SQLException {
        StringBuilder sql = new StringBuilder(baseSql);
        List<String> params = new ArrayList<>();
        String sep = "";
        for (String[] st : wanted.values()) {
            sql.append(sep).append("(m.OBJECT_SCHEMA = ? AND LOWER(m.OBJECT_NAME) = ?)");
            params.add(st[0]);
            params.add(st[1].toLowerCase(Locale.ROOT));
            sep = " OR ";
        }
        sql.append(')');
        List<Holder> holders = new ArrayList<>();
        int younger = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Holder h = new Holder(Source.METADATA_LOCK, rs.getLong(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), "`" + rs.getString(1) + "`.`" + rs.getString(2) + "`",
                            rs.getString(3), rs.getString(4), rs.getString(5), nullableLong(rs, 13),
                            nullableLong(rs, 11), rs.getString(14), rs.getString(12));
                    if (h.ageSeconds() >= min) {
                        holders.add(h);
                    } else {
                        younger++;
                    }
                }
            }
        }
        holders.sort((a, b) -> Long.compare(b.ageSeconds(), a.ageSeconds()));
        return new Result(holders, younger, true, note);
    }

    private static Result viaTransactions(Connection connection, long min, String note) throws SQLException {
        try {
            return viaTransactions(connection, min, note, true);
        } catch (SQLException e) {
            return viaTransactions(connection, min, note, false);
        }
    }

    private static Result viaTransactions(Connection connection, long min, String note, boolean withProcesslist)
            throws SQLException {
        List<Holder> holders = new ArrayList<>();
        int younger = 0;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery(withProcesslist ? TRX_PROCESSLIST_SQL : TRX_SQL)) {
            while (rs.next()) {
                long age = rs.getLong(2);
                if (age < min) {
                    younger++;
                    continue;
                }
                holders.add(withProcesslist
                        ? new Holder(Source.LONG_TRANSACTION, rs.getLong(1), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), null, null, null, null, age, nullableLong(rs, 9),
                        rs.getString(3), rs.getString(4))
                        : new Holder(Source.LONG_TRANSACTION, rs.getLong(1), null, null, null, null, null, null,
                        null, null, age, null, rs.getString(3), rs.getString(4)));
            }
        }
        return new Result(holders, younger, false, note);
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
