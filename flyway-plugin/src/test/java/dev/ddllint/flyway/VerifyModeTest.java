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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mode=verify} on each real server: the pending migrations are confirmed on a scratch server before anything
 * runs, with Flyway's connection as the read-only source of the tables; a scratch server that cannot be used stops
 * migrate (verify was asked for), and the scratch database never stays behind; {@code sampleRows} times each
 * statement on Flyway's own rows.
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

    /**
     * {@code scratchUrl=testcontainers:…} with ddl-lint-testcontainers on the class path (a test dependency here, as
     * an application adds it): without Docker, migrate stops before anything runs, saying what to do instead.
     */
    @org.junit.jupiter.api.Test
    void withoutDockerAContainerScratchUrlStopsMigrateSayingWhatToDoInstead() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                org.testcontainers.DockerClientFactory.instance().isDockerAvailable(),
                "Docker runs here: the refusal cannot be seen");
        TestServers.Server server = TestServers.all().get(0);
        Path dir = Files.createTempDirectory("ddl-lint-verify-container");
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_vfc")) {
            Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE orders (id INT PRIMARY KEY);\n");
            flyway(db, dir).load().migrate();
            Files.writeString(dir.resolve("V2__add_column.sql"), "SET SESSION lock_wait_timeout = 5;\n"
                    + "ALTER TABLE orders ADD COLUMN placed_at DATETIME NULL;\n");
            assertThatThrownBy(() -> flyway(db, dir).callbacks(DdlLintCallback.builder()
                    .verifyOn("testcontainers:mysql:8.4.3").build()).load().migrate())
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("ddl-lint (mode=verify): scratch URL testcontainers:mysql:8.4.3 starts the "
                            + "server in a container, but there is no Docker here (")
                    .hasMessageContaining("docker run -d --rm -e MYSQL_ROOT_PASSWORD=scratch")
                    .hasMessageEndingWith("Nothing of these migrations was applied.");
            assertThat(FlywayHistory.versions(db)).containsExactly("1");
        }
    }

    /** Where Docker runs: the container is the scratch server, the ALTER is confirmed there, then migrate runs it. */
    @org.junit.jupiter.api.Test
    void withDockerAContainerIsTheScratchServerForTheRun() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                org.testcontainers.DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine here: the callback's container path is not exercised");
        TestServers.Server server = TestServers.all().get(0);
        Path dir = Files.createTempDirectory("ddl-lint-verify-container");
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_vfc")) {
            Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE orders (id INT PRIMARY KEY);\n");
            flyway(db, dir).load().migrate();
            Files.writeString(dir.resolve("V2__add_column.sql"), "SET SESSION lock_wait_timeout = 5;\n"
                    + "ALTER TABLE orders ADD COLUMN placed_at DATETIME NULL;\n");
            CapturedLog.clear();
            flyway(db, dir).loggers(CapturedLog.class.getName()).callbacks(DdlLintCallback.builder()
                    .verifyOn("testcontainers:mysql:8.4.3").build()).load().migrate();
            assertThat(CapturedLog.TEXT.toString()).contains("ddl-lint (mode=verify): starting mysql:8.4.3")
                    .contains("1 statement checked on MySQL 8.4.3");
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");
        }
    }

    /**
     * {@code sampleRows}: the rows come from Flyway's own connection (the tables' source), each statement is timed
     * on them, the log shows it as {@code ddl-lint verify --sample-rows} does, and then migrate runs.
     */
    @TestFactory
    List<DynamicTest> sampleRowsTimesEachStatementOnFlywaysOwnRows() {
        return TestServers.eachServer(server -> {
            Path dir = Files.createTempDirectory("ddl-lint-verify-sample");
            try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_vfs")) {
                Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE orders (id INT PRIMARY KEY, "
                        + "note VARCHAR(20), qty INT NOT NULL);\n");
                flyway(db, dir).load().migrate();
                try (Connection c = db.connect();
                     PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?)")) {
                    for (int i = 1; i <= 2_500; i++) {
                        ps.setInt(1, i);
                        ps.setString(2, "note " + (i % 97));
                        ps.setInt(3, i % 13);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                Files.writeString(dir.resolve("V2__index.sql"), "SET SESSION lock_wait_timeout = 5;\n"
                        + "ALTER TABLE orders ADD INDEX ix_note (note), ALGORITHM=INPLACE, LOCK=NONE;\n"
                        + "ALTER TABLE orders ADD COLUMN placed_at DATETIME NULL;\n");
                List<String> before = scratchDatabases(server);
                CapturedLog.clear();
                flyway(db, dir).loggers(CapturedLog.class.getName()).callbacks(DdlLintCallback.builder()
                        .verifyOn(server.jdbcUrl()).sampleRows(1_000).build()).load().migrate();
                String out = CapturedLog.TEXT.toString();
                System.out.println("sampleRows on " + server + ":\n" + out.lines()
                        .filter(l -> l.contains("mode=verify") || l.contains("measured")).toList());
                assertThat(out).contains("ddl-lint (mode=verify): 2 statements checked on");
                // the index build reads the rows: timed and extrapolated to the source's; the instant column is not
                assertThat(out).containsPattern("V2__index\\.sql:2: measured on 1,000 sample rows \\([^)]*\\): "
                        + "[0-9.]+ s, [0-9,]+ rows/s; for the source's ~[0-9,]+ rows: ~");
                assertThat(out).containsPattern("V2__index\\.sql:3: measured on 1,000 sample rows .*does not grow "
                        + "with the rows");
                assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");
                try (Connection c = db.connect(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(qty) FROM orders")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(2_500);
                    assertThat(rs.getLong(2)).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 2_500)
                            .map(i -> i % 13).sum());
                }
                assertThat(scratchDatabases(server)).as("scratch databases left behind").isEqualTo(before);
            }
        });
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
