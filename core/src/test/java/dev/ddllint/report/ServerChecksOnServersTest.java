package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.Configuration;
import dev.ddllint.testing.TestServers;
import dev.ddllint.verify.Verification;
import dev.ddllint.verify.Verifier;
import dev.ddllint.verify.VerifierTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report format from a real verification on MySQL 9.7 and both MariaDBs, with a knowledge base that calls a
 * column type change INSTANT: each format reports the server's copy as a disagreement with the reproducer the
 * server ran, and (but in GitLab's, which lists issues only) the confirmed index build beside it.
 */
class ServerChecksOnServersTest {

    @TestFactory
    List<DynamicTest> everyFormatReportsTheDisagreement() {
        return TestServers.eachServer(server -> {
            AnalysisReport report = new Analyzer(Configuration.DEFAULT.withTarget(server.target())).analyze(List.of(
                    new SourceFile("V1__t.sql", """
                            CREATE TABLE t (id INT PRIMARY KEY, n INT NOT NULL, s VARCHAR(10)) ENGINE=InnoDB;
                            ALTER TABLE t MODIFY COLUMN n BIGINT NOT NULL;
                            ALTER TABLE t ADD INDEX ix_s (s);
                            """.getBytes(StandardCharsets.UTF_8))));
            Verification v;
            try (Connection c = server.connect()) {
                v = Verifier.builder().scratch(c, server::connect).verdicts(VerifierTest.TYPE_CHANGE_IS_INSTANT).build()
                        .verify(report);
            }
            assertThat(v.disagreements()).hasSize(1);
            String reproducerEnd = "ALTER TABLE t MODIFY COLUMN n BIGINT NOT NULL;";
            for (ReportFormat format : ReportFormat.values()) {
                if (format == ReportFormat.TEXT || format == ReportFormat.JSON) {
                    continue;
                }
                String out = format.render(v.report(), ReportOptions.DEFAULT);
                assertThat(out).as(format.id()).contains(ServerChecks.RULE).contains(v.server())
                        .contains("UNSAFE_").contains("COPY,");
                if (format != ReportFormat.GITLAB) {
                    // Code Quality lists issues only: the confirmed index build (no finding) is not one
                    assertThat(out).as(format.id()).contains("CONFIRMED");
                }
                // the reproducer's CREATE TABLE, in the format's own escaping
                assertThat(out).as(format.id()).containsAnyOf("CREATE TABLE t (id INT PRIMARY KEY",
                        "CREATE TABLE t (id INT PRIMARY KEY".replace(" ", "%20"));
                assertThat(out).as(format.id()).contains(reproducerEnd);
            }
        });
    }
}
