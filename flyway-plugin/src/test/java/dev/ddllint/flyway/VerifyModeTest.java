package dev.ddllint.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.testing.TestServers;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mode=verify} on each real server: the pending migrations are confirmed on a scratch server before anything
 * runs, with Flyway's connection as the read-only source of the tables; a scratch server that cannot be used stops
 * migrate (verify was asked for), and the scratch database never stays behind.
 */
class VerifyModeTest {

    @TestFactory
    List<DynamicTest> pendingMigrationsAreConfirmedOnTheScratchServerFirst() {
        return TestServers.eachServer(VerifyModeTest::check);
    }

    private static void check(TestServers.Server server) throws Exception {
        Path dir = Files.createTempDirectory("ddl-lint-verify-mode");
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_vfy")) {
            Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE orders (id INT PRIMARY KEY, "
                    + "note VARCHAR(20));\n");
            flyway(db, dir).load().migrate();
            Files.writeString(dir.resolve("V2__add_column.sql"), "SET SESSION lock_wait_timeout = 5;\n"
                    + "ALTER TABLE orders ADD COLUMN placed_at DATETIME NULL;\n");
            List<String> before = scratchDatabases(server);

            // verify without a scratch server is a configuration error, before anything runs
            assertThatThrownBy(() -> flyway(db, dir).callbacks(DdlLintCallback.builder()
                    .mode(DdlLintOptions.Mode.VERIFY).build()).load().migrate())
                    .hasMessageContaining("mode=verify").hasMessageContaining("needs scratchUrl");
            // a dead scratch server stops migrate, and its password is not in the message
            String dead = "jdbc:mysql://127.0.0.1:1/scratch?user=root&password=s3cret&connectTimeout=2000";
            assertThatThrownBy(() -> flyway(db, dir).callbacks(DdlLintCallback.builder().verifyOn(dead).build())
                    .load().migrate()).isInstanceOf(FlywayException.class)
                    .hasMessageContaining("cannot reach the scratch server").hasMessageNotContaining("s3cret")
                    .hasMessageContaining("Nothing of these migrations was applied");
            // the scratch URL may not be the database Flyway migrates
            assertThatThrownBy(() -> flyway(db, dir).callbacks(DdlLintCallback.builder().verifyOn(db.jdbcUrl())
                    .build()).load().migrate()).isInstanceOf(FlywayException.class)
                    .hasMessageContaining("points at the source's server and database");
            assertThat(FlywayHistory.versions(db)).containsExactly("1");

            // the server's own database (ddl_lint) as scratch: the ALTER is confirmed, then migrate runs it
            flyway(db, dir).callbacks(DdlLintCallback.builder().verifyOn(server.jdbcUrl()).build()).load()
                    .migrate();
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE "
                         + "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'placed_at'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThat(scratchDatabases(server)).as("scratch databases left behind").isEqualTo(before);
        }
    }

    private static FluentConfiguration flyway(ScratchDatabase db, Path dir) {
        return Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + dir);
    }

    private static List<String> scratchDatabases(TestServers.Server server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
                     + "WHERE SCHEMA_NAME LIKE 'ddl\\_lint\\_verify\\_%' ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
