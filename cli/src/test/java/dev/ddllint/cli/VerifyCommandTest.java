package dev.ddllint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ddl-lint verify} on the real servers (the URLs of {@code .ci/run}): reports, exit codes, failures. */
class VerifyCommandTest {

    private static final Map<String, String> SERVERS = Map.of("DDL_LINT_MYSQL_URL", "mysql",
            "DDL_LINT_MARIADB_URL", "mariadb", "DDL_LINT_MARIADB11_URL", "mariadb11");

    @TempDir
    Path dir;

    /** One test per server URL set; none set: skipped, or a failure under CI=true. */
    private static List<DynamicTest> eachServer(ServerTest test) {
        List<DynamicTest> tests = new ArrayList<>();
        SERVERS.keySet().stream().sorted().forEach(variable -> {
            String url = System.getenv(variable);
            if (url != null && !url.isBlank()) {
                tests.add(DynamicTest.dynamicTest(SERVERS.get(variable), () -> test.run(url)));
            }
        });
        if (tests.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("no DDL_LINT_*_URL is set (CI=true)");
            }
            Assumptions.abort("no DDL_LINT_*_URL is set");
        }
        return tests;
    }

    @FunctionalInterface
    private interface ServerTest {
        void run(String url) throws Exception;
    }

    @TestFactory
    List<DynamicTest> theExamplesAreConfirmedInJsonAndText() {
        return eachServer(url -> {
            String examples = Path.of("..", "examples", "db", "migration").toString();
            CheckCommandTest.Result json = CheckCommandTest.run("verify", examples, "--scratch-url", url,
                    "--format", "json");
            // the examples hold unsafe migrations on purpose: exit 1 for them, not for a disagreement
            assertThat(json.exit()).as(json.err()).isEqualTo(1);
            assertThat(json.err()).contains("9 statements checked on").doesNotContain("disagrees");
            JsonNode root = new ObjectMapper().readTree(json.out());
            assertThat(root.path("verification").path("checked").asInt()).isEqualTo(9);
            assertThat(root.path("verification").path("disagreements").asInt()).isZero();
            JsonNode first = root.path("files").get(1).path("statements");
            List<String> outcomes = new ArrayList<>();
            root.path("files").forEach(f -> f.path("statements").forEach(s -> {
                if (s.has("server")) {
                    outcomes.add(s.path("server").path("outcome").asText());
                }
            }));
            assertThat(outcomes).hasSize(9).allMatch(o -> o.equals("CONFIRMED") || o.equals("CONSERVATIVE"));
            assertThat(first.toString()).contains("\"answer\"");

            CheckCommandTest.Result text = CheckCommandTest.run("verify", examples, "--scratch-url", url,
                    "--fail-on", "never");
            assertThat(text.exit()).as(text.err()).isZero();
            assertThat(text.out()).contains("server verification on ")
                    .contains("V3__widen_amount.sql:4: CONFIRMED  server: COPY,");
        });
    }

    @TestFactory
    List<DynamicTest> aWrittenClauseTheServerRefusesIsReportedWithItsRefusals() {
        // A written clause the server refuses is a REFUSAL_MISSED disagreement unless ddl-lint reports it; ddl-lint
        // does (algorithm-lock-refused), so the statement agrees and the run exits 1 on the finding alone.
        return eachServer(url -> {
            Path f = Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id INT PRIMARY KEY, n INT);\n"
                    + "SET SESSION lock_wait_timeout = 5;\n"
                    + "ALTER TABLE t MODIFY COLUMN n BIGINT, ALGORITHM=INPLACE, LOCK=NONE;\n");
            CheckCommandTest.Result r = CheckCommandTest.run("verify", f.toString(), "--scratch-url", url,
                    "--format", "json");
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            JsonNode server = new ObjectMapper().readTree(r.out()).path("files").get(0).path("statements").get(2)
                    .path("server");
            assertThat(server.path("outcome").asText()).isIn("CONFIRMED", "CONSERVATIVE");
            assertThat(server.path("refusals").toString()).contains("INSTANT: 1846");
        });
    }

    @TestFactory
    List<DynamicTest> theSourcesServerAndDatabaseAreRefused() {
        return eachServer(url -> {
            String db = "ddl_lint_16v_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + db);
                s.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
            }
            try {
                String dbUrl = url.replaceFirst("^(jdbc:[a-z]+://[^/?]+/)[^?]*", "$1" + db);
                Path f = Files.writeString(dir.resolve("V2__a.sql"), "ALTER TABLE t ADD COLUMN a INT;\n");
                CheckCommandTest.Result refused = CheckCommandTest.run("verify", f.toString(), "--scratch-url", dbUrl,
                        "--source-url", dbUrl);
                assertThat(refused.exit()).isEqualTo(2);
                assertThat(refused.err()).contains("--allow-same-server").doesNotContain("\tat ");
                CheckCommandTest.Result allowed = CheckCommandTest.run("verify", f.toString(), "--scratch-url", dbUrl,
                        "--source-url", dbUrl, "--allow-same-server", "--format", "json");
                assertThat(allowed.exit()).as(allowed.err()).isZero();
                assertThat(allowed.out()).contains("\"outcome\" : \"CONFIRMED\"");
            } finally {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + db);
                }
            }
        });
    }

    @TestFactory
    List<DynamicTest> sampleRowsTimesTheAlterOnRowsFromTheSource() {
        return eachServer(url -> {
            String db = "ddl_lint_16s_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + db);
                s.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, a INT NOT NULL)");
                s.execute("INSERT INTO " + db + ".t WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        + "WHERE i < 80) SELECT i, i * 3 FROM n");
            }
            try {
                String dbUrl = url.replaceFirst("^(jdbc:[a-z]+://[^/?]+/)[^?]*", "$1" + db);
                Path f = Files.writeString(dir.resolve("V2__a.sql"), "ALTER TABLE t ADD INDEX ix_a (a);\n");
                // more than the table has: all 80 copied, so the source's count is exact
                CheckCommandTest.Result r = CheckCommandTest.run("verify", f.toString(), "--scratch-url", url,
                        "--source-url", dbUrl, "--allow-same-server", "--sample-rows", "100", "--format", "text");
                assertThat(r.exit()).as(r.err()).isZero();
                assertThat(r.out()).contains("CONFIRMED").contains("measured on 80 sample rows")
                        .contains("for the source's ~80 rows");
            } finally {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + db);
                }
            }
        });
    }

    @org.junit.jupiter.api.Test
    void sampleRowsWithoutASourceOrBelowZeroExitsTwo() throws Exception {
        Path f = Files.writeString(dir.resolve("V1__t.sql"), "ALTER TABLE t ADD COLUMN a INT;\n");
        String dead = "jdbc:mysql://127.0.0.1:1/?user=root&connectTimeout=2000";
        CheckCommandTest.Result noSource = CheckCommandTest.run("verify", f.toString(), "--scratch-url", dead,
                "--sample-rows", "10");
        assertThat(noSource.exit()).isEqualTo(2);
        assertThat(noSource.err()).isEqualTo("ddl-lint: verify: --sample-rows copies rows from the source database: "
                + "give --source-url\n");
        CheckCommandTest.Result negative = CheckCommandTest.run("verify", f.toString(), "--scratch-url", dead,
                "--sample-rows", "-1");
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--sample-rows must be 0 or more, not -1");
    }

    /** Where Docker runs, ddl-lint-testcontainers' ContainerVerifyTest and CliJarIT start real containers. */
    @org.junit.jupiter.api.Test
    void withoutDockerATestcontainersScratchUrlExitsTwoWithWhatToDoInstead() throws Exception {
        Assumptions.assumeFalse(org.testcontainers.DockerClientFactory.instance().isDockerAvailable(),
                "Docker runs here: the refusal cannot be seen");
        Path f = Files.writeString(dir.resolve("V1__t.sql"), "ALTER TABLE t ADD COLUMN a INT;\n");
        CheckCommandTest.Result r = CheckCommandTest.run("verify", f.toString(), "--scratch-url",
                "testcontainers:mysql:8.4.3");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("ddl-lint: verify: scratch URL testcontainers:mysql:8.4.3 starts the server in "
                        + "a container, but there is no Docker here (")
                .contains("start Docker, or start the scratch server yourself (docker run -d --rm -e "
                        + "MYSQL_ROOT_PASSWORD=scratch -p 127.0.0.1:3306:3306 mysql:8.4.3)")
                .doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
        // a bad image is refused as such, before Docker is asked
        CheckCommandTest.Result bad = CheckCommandTest.run("verify", f.toString(), "--scratch-url",
                "testcontainers:postgres:16");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("ddl-lint: verify: scratch URL testcontainers:postgres:16: name an image as "
                + "testcontainers:mysql:8.4.3 or testcontainers:mariadb:10.11\n");
    }

    @org.junit.jupiter.api.Test
    void aDeadScratchServerExitsTwoWithoutPasswordOrStackTrace() throws Exception {
        Path f = Files.writeString(dir.resolve("V1__t.sql"), "ALTER TABLE t ADD COLUMN a INT;\n");
        String dead = "jdbc:mysql://127.0.0.1:1/?user=root&password=s3cret&connectTimeout=2000";
        CheckCommandTest.Result r = CheckCommandTest.run("verify", f.toString(), "--scratch-url", dead);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("ddl-lint: verify: cannot use the scratch server")
                .doesNotContain("s3cret").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }
}
