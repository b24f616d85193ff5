package dev.ddllint.flyway.load;

import dev.ddllint.live.ScratchDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The versions a named Flyway history table holds ("2", "3 FAILED"), in order. */
final class FlywayHistoryVersions {

    private FlywayHistoryVersions() {
    }

    static List<String> of(ScratchDatabase db, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM `" + table
                     + "` WHERE version IS NOT NULL AND type <> 'BASELINE' ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + (rs.getBoolean(2) ? "" : " FAILED"));
            }
        }
        return rows;
    }
}
