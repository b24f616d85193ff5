package dev.ddllint.analysis;

import dev.ddllint.model.TableName;
import dev.ddllint.schema.TableFacts;

import java.util.Collection;
import java.util.List;

/**
 * Where table definitions come from besides the migrations themselves, e.g. a live database. Asked once per
 * analysis, for the tables the migrations mention; what it returns wins over CREATE TABLEs replayed from files.
 */
@FunctionalInterface
public interface TableSource {

    TableSource NONE = tables -> List.of();

    List<TableFacts> tables(Collection<TableName> referenced) throws Exception;

    /** The database the tables are read from (a name qualified with it is the unqualified one), or null. */
    default String defaultDatabase() throws Exception {
        return null;
    }

    /** The tables of the connection's current database, read-only ({@code information_schema}, SHOW CREATE TABLE). */
    static TableSource live(java.sql.Connection connection) {
        return new TableSource() {
            @Override
            public List<TableFacts> tables(Collection<TableName> referenced) throws Exception {
                return dev.ddllint.schema.LiveSchema.read(connection, referenced);
            }

            @Override
            public String defaultDatabase() throws Exception {
                try (java.sql.Statement s = connection.createStatement();
                     java.sql.ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        };
    }
}
