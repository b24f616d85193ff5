package dev.ddllint.kb;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.Configuration;
import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.schema.LiveSchema;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ALTER ONLINE TABLE} is MariaDB's spelling of {@code LOCK=NONE} and a syntax error on MySQL. The oracle's
 * explicit clauses cannot express it, so this test runs the statements themselves on every real server: a statement
 * the server refuses must carry a refusal in ddl-lint's verdict, and one it accepts must not.
 */
class AlterOnlineTest {

    static final List<String> STATEMENTS = List.of(
            "ALTER ONLINE TABLE t ADD INDEX kb (b)",
            "ALTER ONLINE TABLE t MODIFY a BIGINT");

    @TestFactory
    List<DynamicTest> theServerRefusesExactlyWhatDdlLintSaysItRefuses() {
        return TestServers.eachServer(AlterOnlineTest::check);
    }

    private static void check(TestServers.Server server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_online");
             Connection c = db.connect()) {
            db.execute("CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT) ENGINE=InnoDB",
                    "INSERT INTO t VALUES (1, 1, 1), (2, 2, 2)");
            String sql = String.join(";\n", STATEMENTS) + ";\n";
            AnalysisReport report = new Analyzer(Configuration.DEFAULT.withTarget(server.target()),
                    tables -> LiveSchema.read(c, tables))
                    .analyze(List.of(new SourceFile("V1__online.sql", sql.getBytes(StandardCharsets.UTF_8))));
            List<StatementReport> verdicts = report.files().get(0).statements();
            for (int i = 0; i < STATEMENTS.size(); i++) {
                String refused = null;
                try (Statement s = c.createStatement()) {
                    s.execute(STATEMENTS.get(i));
                } catch (SQLException e) {
                    refused = e.getErrorCode() + " " + e.getMessage();
                }
                List<String> refusals = verdicts.get(i).verdict().refusals();
                System.out.println("ONLINE " + server + ": " + STATEMENTS.get(i) + " -> server "
                        + (refused == null ? "accepts" : "refuses (" + refused + ")") + "; ddl-lint " + refusals);
                if (refused == null) {
                    assertThat(refusals).as("%s accepts %s", server, STATEMENTS.get(i)).isEmpty();
                } else {
                    assertThat(refusals).as("%s refuses %s: %s", server, STATEMENTS.get(i), refused).isNotEmpty();
                }
            }
        }
    }
}
