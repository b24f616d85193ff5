package dev.ddllint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar as users run it ({@code java -jar ddl-lint.jar}), in its own JVM with nothing else on the class
 * path: every report format, the configuration file, the JDBC driver and the statistics snapshot. The in-process
 * tests cannot see a dependency the jar lacks (the test class path has them all); this one can.
 */
class CliJarIT {

    static final Path JAR = Path.of(System.getProperty("ddllint.it.cliJar", "target/ddl-lint.jar"));
    static final Path EXAMPLES = Path.of(System.getProperty("ddllint.it.examples", "../examples/db/migration"));

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run jar(String... args) throws IOException, InterruptedException {
        return jar(List.of(), args);
    }

    /** {@code java JVM_OPTIONS -jar ddl-lint.jar ARGS}. */
    static Run jar(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("ddl-lint-jar", ".out");
        Path err = Files.createTempFile("ddl-lint-jar", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("java -jar ddl-lint.jar " + String.join(" ", args) + " did not finish");
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void everyReportFormatIsWrittenByTheJar() throws Exception {
        Path reports = dir.resolve("reports");
        Run r = jar("check", EXAMPLES.toString(), "--format", "text,json,sarif,junit,github",
                "--output-dir", reports.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");

        JsonNode json = new ObjectMapper().readTree(reports.resolve("ddl-lint.json").toFile());
        assertThat(json.at("/tool/name").asText()).isEqualTo("ddl-lint");
        assertThat(json.at("/findings").findValuesAsText("rule")).contains("column-type-change");
        JsonNode sarif = new ObjectMapper().readTree(reports.resolve("ddl-lint.sarif").toFile());
        assertThat(sarif.at("/version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.at("/runs/0/results").findValuesAsText("ruleId")).contains("column-type-change");
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve("ddl-lint-junit.xml").toFile());
        assertThat(junit.getElementsByTagName("failure").getLength()).isPositive();
        assertThat(Files.readString(reports.resolve("ddl-lint-github.txt")))
                .contains("::error file=").contains("title=ddl-lint column-type-change");
        assertThat(Files.readString(reports.resolve("ddl-lint.txt"))).contains("error[column-type-change]");
    }

    @Test
    void theConfigurationFileIsRead() throws Exception {
        Path config = dir.resolve("ddl-lint.yml");
        Files.writeString(config, "target: mariadb:10.11\nfailOn: never\n", StandardCharsets.UTF_8);
        Run r = jar("check", "--config", config.toString(), "--format", "json", EXAMPLES.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).at("/target").asText()).startsWith("mariadb:10.11");

        Files.writeString(config, "target: mysql:8.4\nfailOn: sometimes\n", StandardCharsets.UTF_8);
        Run bad = jar("check", "--config", config.toString(), EXAMPLES.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("ddl-lint.yml:2").doesNotContain("\tat ");
    }

    @Test
    void theJdbcDriverIsInTheJar() throws Exception {
        // Nothing listens on port 1: the driver must be found and fail to connect, with a message, exit 2.
        Run r = jar("check", "--jdbc-url", "jdbc:mysql://127.0.0.1:1/ddl_lint?connectTimeout=2000",
                EXAMPLES.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("No suitable driver").doesNotContain("\tat ")
                .contains("127.0.0.1:1");
    }

    /** The jar carries Testcontainers for verify's container URLs; a check never loads a class of it. */
    @Test
    void aPlainCheckLoadsNoTestcontainersClass() throws Exception {
        Run r = jar(List.of("-Xlog:class+load=info"), "check", EXAMPLES.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<String> loaded = r.out().lines().filter(l -> l.contains("[class,load]")).toList();
        assertThat(loaded).as("the class-load log").hasSizeGreaterThan(500)
                .anyMatch(l -> l.contains("dev.ddllint.cli.CheckCommand"));
        assertThat(loaded).noneMatch(l -> l.contains("org.testcontainers") || l.contains("com.github.dockerjava")
                || l.contains("dev.ddllint.testcontainers") || l.contains("org.slf4j"));
    }

    /** Without Docker (this project's CI has no engine): exit 2, one line, Testcontainers' logging silent. */
    @Test
    void withoutDockerAContainerScratchUrlIsRefusedInOneLine() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                org.testcontainers.DockerClientFactory.instance().isDockerAvailable(),
                "Docker runs here: the refusal cannot be seen");
        long t0 = System.nanoTime();
        Run r = jar("verify", EXAMPLES.toString(), "--scratch-url", "testcontainers:mysql:8.4.3");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("ddl-lint: verify: scratch URL testcontainers:mysql:8.4.3 starts the server "
                + "in a container, but there is no Docker here (").contains("docker run -d --rm");
        assertThat(r.out()).isEmpty();
        System.out.printf("java -jar ddl-lint.jar verify --scratch-url testcontainers:mysql:8.4.3 without Docker: "
                + "exit 2 after %.2f s%n", seconds);
    }

    /** Where Docker runs: the jar starts the image itself (Testcontainers, its service files and JNA, shaded). */
    @Test
    void withDockerTheJarStartsTheImageAndVerifiesTheExamples() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                org.testcontainers.DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine here: the container path of the jar is not exercised");
        Run r = jar("verify", EXAMPLES.toString(), "--scratch-url", "testcontainers:mysql:8.4.3", "--format", "json");
        // the examples' unsafe migration fails the run on its finding, not on a disagreement
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("ddl-lint: verify: starting mysql:8.4.3 with Testcontainers")
                .contains("9 statements checked on MySQL 8.4.3").doesNotContain("disagrees")
                .doesNotContain("\tat ");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/target").asText()).startsWith("mysql:8.4.3");
        assertThat(json.at("/verification/checked").asInt()).isEqualTo(9);
        assertThat(json.at("/verification/disagreements").asInt()).isZero();
    }

    @Test
    void statsWritesASnapshotFromARealServer() throws Exception {
        String url = EstimateCommandsTest.mysqlUrl();
        String db = "ddl_lint_jar_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
            s.execute("CREATE TABLE " + db + ".orders (id BIGINT PRIMARY KEY, amount INT NOT NULL)");
        }
        try {
            Path snapshot = dir.resolve("ddl-lint-stats.json");
            Run stats = jar("stats", "--jdbc-url", EstimateCommandsTest.withDatabase(url, db), "--sample-seconds",
                    "0", "--table", "orders", "-o", snapshot.toString());
            assertThat(stats.exit()).as(stats.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(snapshot.toFile());
            assertThat(json.at("/format").asText()).isEqualTo("ddl-lint-stats/1");
            assertThat(json.at("/tables/0/table").asText()).isEqualTo("orders");
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }
}
