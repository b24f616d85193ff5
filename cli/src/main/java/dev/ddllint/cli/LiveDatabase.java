package dev.ddllint.cli;

import dev.ddllint.analysis.TableSource;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.live.JdbcConnections;
import dev.ddllint.model.TableName;
import dev.ddllint.schema.TableFacts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;

/** A read-only connection to the production (or staging) database, used only for reading definitions. */
final class LiveDatabase implements TableSource, AutoCloseable {

    /** The database cannot be used; the message never contains the password. */
    static final class UnusableDatabaseException extends Exception {
        UnusableDatabaseException(String message) {
            super(message);
        }
    }

    private final Connection connection;
    private final TargetServer target;

    private LiveDatabase(Connection connection, TargetServer target) {
        this.connection = connection;
        this.target = target;
    }

    static LiveDatabase connect(String url) throws UnusableDatabaseException {
        try {
            Connection c = JdbcConnections.open(url, true);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
                rs.next();
                return new LiveDatabase(c, TargetServer.fromVersionString(rs.getString(1)));
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new UnusableDatabaseException("cannot connect to " + redact(url) + ": " + redact(firstLine(e)));
        }
    }

    TargetServer target() {
        return target;
    }

    /** The read-only connection itself (for the statistics of the estimates). */
    Connection connection() {
        return connection;
    }

    @Override
    public List<TableFacts> tables(Collection<TableName> referenced) throws Exception {
        return TableSource.live(connection).tables(referenced);
    }

    @Override
    public String defaultDatabase() throws Exception {
        return TableSource.live(connection).defaultDatabase();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing a read-only connection cannot lose anything.
        }
    }

    static String redact(String text) {
        return JdbcConnections.redact(text);
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
