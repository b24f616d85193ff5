package dev.ddllint.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code mvn ddl-lint:verify}: the same core Verifier as the CLI, on MySQL ({@code DDL_LINT_MYSQL_URL}). */
class VerifyMojoTest {

    private static VerifyMojo mojo(Path basedir, String scratchUrl) throws Exception {
        Model model = new Model();
        model.setBuild(new Build());
        Resource resources = new Resource();
        resources.setDirectory(basedir.resolve("src/main/resources").toString());
        model.getBuild().addResource(resources);
        MavenProject project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        VerifyMojo mojo = new VerifyMojo();
        mojo.project = project;
        mojo.scratchUrl = scratchUrl;
        mojo.formats = List.of("json");
        mojo.outputDirectory = basedir.resolve("target/ddl-lint").toFile();
        mojo.docsBaseUrl = dev.ddllint.report.ReportOptions.DEFAULT_DOCS_BASE_URL;
        return mojo;
    }

    private static String mysqlUrl() {
        String url = System.getenv("DDL_LINT_MYSQL_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("DDL_LINT_MYSQL_URL is not set (CI=true)");
            }
            Assumptions.abort("DDL_LINT_MYSQL_URL is not set");
        }
        return url;
    }

    @Test
    void verifiesTheMigrationsOnTheScratchServerAndWritesTheServersAnswer(@TempDir Path dir) throws Exception {
        String url = mysqlUrl();
        Path migrations = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__t.sql"), "CREATE TABLE t (id INT PRIMARY KEY, n INT);\n");
        Files.writeString(migrations.resolve("V2__add.sql"), "SET SESSION lock_wait_timeout = 5;\n"
                + "ALTER TABLE t ADD COLUMN c INT, ALGORITHM=INSTANT;\n");
        mojo(dir, url).execute();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("target/ddl-lint/ddl-lint.json").toFile());
        assertThat(report.path("verification").path("checked").asInt()).isEqualTo(1);
        assertThat(report.path("verification").path("disagreements").asInt()).isZero();
        assertThat(report.path("target").asText()).startsWith("mysql:9.").as("the scratch server's version");

        // an unsafe migration still fails the build on its finding
        Files.writeString(migrations.resolve("V3__type.sql"), "SET SESSION lock_wait_timeout = 5;\n"
                + "ALTER TABLE t MODIFY COLUMN n BIGINT;\n");
        assertThatThrownBy(() -> mojo(dir, url).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("column-type-change");
    }

    @Test
    void sampleRowsTimesTheAlterOnSourceRowsAndNeedsASource(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V2__ix.sql"), "SET SESSION lock_wait_timeout = 5;\n"
                + "ALTER TABLE t ADD INDEX ix_n (n);\n");
        VerifyMojo noSource = mojo(dir, "jdbc:mysql://127.0.0.1:1/?user=root&connectTimeout=2000");
        noSource.sampleRows = 10;
        assertThatThrownBy(noSource::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("ddl-lint: verify: sampleRows copies rows from the source database: set sourceUrl "
                        + "(-Dddl-lint.sourceUrl=…)");

        String url = mysqlUrl();
        String db = "ddl_lint_16s_mvn_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
            s.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, n INT)");
            s.execute("INSERT INTO " + db + ".t VALUES (1, 1), (2, 4), (3, 9)");
        }
        try {
            VerifyMojo mojo = mojo(dir, url);
            mojo.sourceUrl = url.replaceFirst("^(jdbc:[a-z]+://[^/?]+/)[^?]*", "$1" + db);
            mojo.allowSameServer = true;
            mojo.sampleRows = 5; // more than the table has: the count is exact
            mojo.formats = List.of("text");
            mojo.execute();
            assertThat(Files.readString(dir.resolve("target/ddl-lint/ddl-lint.txt")))
                    .contains("measured on 3 sample rows").contains("for the source's ~3 rows");
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                 java.sql.Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }

    @Test
    void aDeadScratchServerIsAnExecutionErrorWithoutThePassword(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__t.sql"), "ALTER TABLE t ADD COLUMN c INT;\n");
        assertThatThrownBy(() -> mojo(dir, "jdbc:mysql://127.0.0.1:1/?user=root&password=s3cret&connectTimeout=2000")
                .execute()).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("ddl-lint: verify: cannot use the scratch server")
                .hasMessageNotContaining("s3cret");
    }

    /** The plugin carries ddl-lint-testcontainers: without Docker, the same refusal as the CLI's, before the check. */
    @Test
    void withoutDockerATestcontainersScratchUrlIsAnExecutionErrorSayingWhatToDoInstead(@TempDir Path dir)
            throws Exception {
        Assumptions.assumeFalse(org.testcontainers.DockerClientFactory.instance().isDockerAvailable(),
                "Docker runs here: the refusal cannot be seen");
        Path migrations = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__t.sql"), "ALTER TABLE t ADD COLUMN c INT;\n");
        assertThatThrownBy(() -> mojo(dir, "testcontainers:mariadb:10.11").execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("ddl-lint: verify: scratch URL testcontainers:mariadb:10.11 starts the server "
                        + "in a container, but there is no Docker here (")
                .hasMessageContaining("docker run -d --rm -e MARIADB_ROOT_PASSWORD=scratch -p 127.0.0.1:3306:3306 "
                        + "mariadb:10.11");
        assertThat(dir.resolve("target/ddl-lint")).as("no report: nothing was checked").doesNotExist();
    }
}
