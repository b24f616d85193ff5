package dev.ddllint.estimate;

import dev.ddllint.live.ServerFacts;
import dev.ddllint.live.TableDependencies;
import dev.ddllint.live.TableStatistics;
import dev.ddllint.live.WriteRates;
import dev.ddllint.model.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Statistics from a live server, read-only: {@code information_schema.TABLES} (sizes), the server's row-log
 * settings, write rates from {@code performance_schema} and, for the escalation, keys, foreign keys and triggers.
 * What cannot be read (performance_schema off, no privilege) is left out with a note, never an error.
 */
public final class LiveStatistics implements StatisticsSource {

    private final Connection connection;
    private final Duration window;
    private final ConnectionHint hint;
    private ServerFacts facts;
    private final List<String> notes = new ArrayList<>();

    /**
     * @param window write-rate sampling window ({@link Duration#ZERO}: counters / uptime)
     * @param hint   host/port/user for the gh-ost / pt-osc commands (never a password); may be null
     */
    public LiveStatistics(Connection connection, Duration window, ConnectionHint hint) {
        this.connection = connection;
        this.window = window == null ? Duration.ZERO : window;
        this.hint = hint == null ? ConnectionHint.UNKNOWN : hint;
    }

    private ServerFacts facts() throws SQLException {
        if (facts == null) {
            facts = ServerFacts.read(connection);
        }
        return facts;
    }

    @Override
    public Optional<ServerStats> server() throws SQLException {
        ServerFacts f = facts();
        ConnectionHint h = hint.database() == null ? hint.withDatabase(f.currentSchema()) : hint;
        return Optional.of(new ServerStats(describe(), f.versionString(), f.onlineAlterLogMaxSize(),
                f.sortBufferSize(), h));
    }

    @Override
    public List<TableStats> tables(Collection<TableName> tables) throws SQLException {
        String schema = facts().currentSchema();
        Map<String, TableStatistics> sizes = TableStatistics.read(connection, schema, tables);
        Map<String, WriteRates> rates = Map.of();
        boolean ratesRead = false;
        try {
            rates = WriteRates.measure(connection, schema, tables, window);
            ratesRead = facts().performanceSchema();
        } catch (SQLException e) {
            notes.add("write rates not readable from performance_schema (" + firstLine(e) + ")");
        }
        Map<String, TableDependencies> deps = Map.of();
        try {
            deps = TableDependencies.read(connection, schema, tables);
        } catch (SQLException e) {
            notes.add("keys, foreign keys and triggers not readable (" + firstLine(e) + ")");
        }
        List<TableStats> result = new ArrayList<>();
        for (Map.Entry<String, TableStatistics> e : sizes.entrySet()) {
            TableStatistics s = e.getValue();
            TableStats t = new TableStats(s.schema(), s.table(), describe(), (double) s.rows(),
                    (double) s.avgRowLength(), (double) s.dataLength(), (double) s.indexLength(), null, null, null,
                    null, null, null, null, null, null);
            WriteRates r = rates.get(e.getKey());
            if (r != null) {
                t = t.withRates(r.insertsPerSecond(), r.updatesPerSecond(), r.deletesPerSecond(), r.method());
            } else if (ratesRead) {
                // Not in the summary: nothing has written to (or opened) the table since the server started.
                t = t.withRates(0d, 0d, 0d, "no performance_schema row: no writes since the server started");
            }
            TableDependencies d = deps.get(e.getKey());
            if (d != null) {
                t = t.withDependencies(d.hasPrimaryKey(), d.uniqueNotNullKeys(), d.foreignKeys(), d.referencedBy(),
                        d.triggers());
            }
            result.add(t);
        }
        return result;
    }

    /** Every base table of the connection's schema. */
    public List<TableName> allTables() throws SQLException {
        List<TableName> all = new ArrayList<>();
        try (java.sql.Statement s = connection.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES "
                     + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                all.add(TableName.of(rs.getString(1), rs.getString(2)));
            }
        }
        return all;
    }

    /** What could not be read, for the working. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("live");
        if (hint.host() != null) {
            b.append(' ').append(hint.host()).append(hint.port() == null ? "" : ":" + hint.port());
        }
        return b.toString();
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
