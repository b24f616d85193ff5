package dev.ddllint.flyway;

import dev.ddllint.live.ScratchDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What Flyway recorded in a test database: the versions of {@code flyway_schema_history}, in order. */
public final class FlywayHistory {

    private FlywayHistory() {
    }

    /** "1", "2", "3 FAILED", …; empty when Flyway has not created its table yet. */
    public static List<String> versions(ScratchDatabase db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history "
                     + "WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + (rs.getBoolean(2) ? "" : " FAILED"));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146) {
                return rows; // no history table yet
            }
            throw e;
        }
        return rows;
    }
}
