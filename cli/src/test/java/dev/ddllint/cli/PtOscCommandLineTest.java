package dev.ddllint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.osc.PtOscRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

/** {@code ddl-lint pt-osc FILE --jdbc-url URL}: prints the checked command, or runs it with --execute. */
class PtOscCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void printsTheCheckedCommandsAndRunsThemWithExecute() throws Exception {
        String url = EstimateCommandsTest.mysqlUrl();
        String db = "ddl_lint_ptosc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
            s.execute("CREATE TABLE " + db + ".orders (id INT PRIMARY KEY, amount INT NOT NULL)");
            s.execute("INSERT INTO " + db + ".orders VALUES (1, 1), (2, 2)");
            s.execute("CREATE TABLE " + db + ".nokey (a INT)");
        }
        try {
            String dbUrl = EstimateCommandsTest.withDatabase(url, db);
            // The server's port as the URL gives it (CI runs its servers on other ports than a workstation).
            java.util.regex.Matcher hostPort = java.util.regex.Pattern.compile("//([^/:?]+):(\\d+)").matcher(url);
            assertThat(hostPort.find()).as(url).isTrue();
            String port = hostPort.group(2);
            Path ok = Files.writeString(dir.resolve("V2__widen.sql"), "SET SESSION lock_wait_timeout = 5;\n"
                    + "-- ddl-lint:run-with pt-online-schema-change --chunk-time=0.2\n"
                    + "ALTER TABLE orders MODIFY amount BIGINT NOT NULL;\n");
            CheckCommandTest.Result printed = CheckCommandTest.run("pt-osc", ok.toString(), "--jdbc-url", dbUrl);
            assertThat(printed.exit()).as(printed.err()).isZero();
            assertThat(printed.out()).contains(ok + ":3: " + db + ".orders")
                    .contains("pt-online-schema-change --alter 'MODIFY amount BIGINT NOT NULL' --execute")
                    .contains("--chunk-time=0.2").contains("--ask-pass").contains("h=127.0.0.1,P=" + port + ",u=root,D=" + db
                            + ",t=orders")
                    .contains("gh-ost --host=127.0.0.1").contains("spirit --host=127.0.0.1:" + port);
            // The only password is Spirit's reference to the environment.
            assertThat(printed.out().replace("--password=\"$MYSQL_PWD\"", "")).doesNotContainIgnoringCase("password");

            Path blocked = Files.writeString(dir.resolve("V3__nokey.sql"), "ALTER TABLE nokey MODIFY a BIGINT;\n");
            CheckCommandTest.Result refused = CheckCommandTest.run("pt-osc", blocked.toString(), "--jdbc-url", dbUrl,
                    "--execute");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.out()).contains("blocked: the table has no PRIMARY KEY");
            assertThat(refused.err()).contains("nothing run");

            Assumptions.assumeTrue(PtOscRunner.version(PtOscRunner.executable()) != null
                    || "true".equalsIgnoreCase(System.getenv("CI")), "pt-online-schema-change is not installed");
            CheckCommandTest.Result ran = CheckCommandTest.run("pt-osc", ok.toString(), "--jdbc-url", dbUrl,
                    "--execute");
            assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
            assertThat(ran.out()).contains("pt-online-schema-change: Successfully altered");
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                         + db + "' AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'amount'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("bigint");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }
}
