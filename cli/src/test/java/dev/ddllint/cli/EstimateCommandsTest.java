package dev.ddllint.cli;

import dev.ddllint.cli.CheckCommandTest.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ddl-lint stats}, {@code ddl-lint calibrate} and {@code check} with live or snapshot statistics. */
class EstimateCommandsTest {

    @TempDir
    Path dir;

    static Result run(String... args) {
        return CheckCommandTest.run(args);
    }

    /** The MySQL server of the test run ({@code DDL_LINT_MYSQL_URL}, set by .ci/run). */
    static String mysqlUrl() {
        String url = System.getenv("DDL_LINT_MYSQL_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("DDL_LINT_MYSQL_URL is not set (CI=true)");
            }
            Assumptions.abort("DDL_LINT_MYSQL_URL is not set");
        }
        return url;
    }

    static String withDatabase(String url, String db) {
        return url.replaceFirst("^(jdbc:mysql://[^/?]+/)[^?]*", "$1" + db);
    }

    @Test
    void statsWritesASnapshotThatCheckUsesAndCheckUsesLiveStatistics() throws Exception {
        String url = mysqlUrl();
        String db = "ddl_lint_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
            s.execute("CREATE TABLE " + db + ".orders (id BIGINT PRIMARY KEY, amount INT NOT NULL)");
            s.execute("INSERT INTO " + db + ".orders VALUES (1, 1), (2, 2), (3, 3)");
            s.execute("CREATE TABLE " + db + ".other (id INT PRIMARY KEY)");
        }
        try {
            String dbUrl = withDatabase(url, db);
            Path snapshot = dir.resolve("db/ddl-lint-stats.json");
            Result stats = run("stats", "--jdbc-url", dbUrl, "--sample-seconds", "0", "--table", "orders",
                    "-o", snapshot.toString());
            assertThat(stats.exit()).as(stats.err()).isZero();
            assertThat(stats.out()).contains("wrote " + snapshot).contains("1 table");
            JsonNode json = new ObjectMapper().readTree(snapshot.toFile());
            assertThat(json.at("/format").asText()).isEqualTo("ddl-lint-stats/1");
            assertThat(json.at("/tables/0/table").asText()).isEqualTo("orders");
            assertThat(json.at("/tables/0/writes/method").asText()).startsWith("counters / uptime");
            assertThat(Files.readString(snapshot)).doesNotContain("password").doesNotContain("\"user\"");

            Path migration = write("V2__rebuild.sql", "CREATE TABLE IF NOT EXISTS orders (id BIGINT PRIMARY KEY, "
                    + "amount INT NOT NULL);\nSET SESSION lock_wait_timeout = 5;\nALTER TABLE orders FORCE;\n");
            Path config = write("ddl-lint.yml", "estimate:\n  statsFile: db/ddl-lint-stats.json\n");
            Result fromSnapshot = run("check", "--config", config.toString(), "--format", "json", migration.toString());
            assertThat(fromSnapshot.exit()).as(fromSnapshot.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(fromSnapshot.out());
            JsonNode estimate = first(report, "long-rebuild");
            assertThat(estimate.at("/severity").asText()).isEqualTo("info");
            assertThat(estimate.at("/help").asText()).contains("[snapshot ddl-lint-stats.json (");

            Result live = run("check", "--jdbc-url", dbUrl, "--format", "json", migration.toString());
            assertThat(live.exit()).as(live.err()).isZero();
            assertThat(first(new ObjectMapper().readTree(live.out()), "long-rebuild").at("/help").asText())
                    .contains("[live 127.0.0.1:").contains("counters / uptime").doesNotContain("password=");
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }

    @Test
    void calibratePrintsTheThroughputForTheConfiguration() {
        Result r = run("calibrate", "--jdbc-url", mysqlUrl(), "--rows", "5000");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("estimate:\n  rebuildThroughput: ").contains("indexThroughput: ")
                .doesNotContain("password=");
        assertThat(r.err()).contains("creating scratch schema ddl_lint_calibrate_").contains("dropped scratch schema");
    }

    @Test
    void withoutAConnectionTheCommandsSaySo() {
        Assumptions.assumeTrue(System.getenv("DDL_LINT_JDBC_URL") == null);
        Result stats = run("stats");
        assertThat(stats.exit()).isEqualTo(2);
        assertThat(stats.err()).contains("stats needs --jdbc-url");
        Result calibrate = run("calibrate", "--rows", "10");
        assertThat(calibrate.exit()).isEqualTo(2);
        assertThat(run("--help").out()).contains("stats").contains("calibrate");
    }

    @Test
    void aBrokenSnapshotIsAToolFailure() throws IOException {
        write("stats.json", "{}");
        Path config = write("ddl-lint.yml", "estimate:\n  statsFile: stats.json\n");
        Path migration = write("V1__x.sql", "ALTER TABLE t FORCE;\n");
        Result r = run("check", "--config", config.toString(), migration.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("stats.json: not a ddl-lint statistics snapshot");
    }

    private static JsonNode first(JsonNode report, String rule) {
        for (JsonNode f : report.path("findings")) {
            if (f.path("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " finding in " + report);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
