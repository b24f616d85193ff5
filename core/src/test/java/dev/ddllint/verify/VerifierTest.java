package dev.ddllint.verify;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.MigrationFiles;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.Configuration;
import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.DdlOperation;
import dev.ddllint.kb.LockLevel;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.Verdict;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Verifier} on the real servers: the examples confirmed, a knowledge-base error caught. */
public class VerifierTest {

    static final Path EXAMPLES = Path.of("..", "examples", "db", "migration");

    static AnalysisReport analyse(TestServers.Server server, List<SourceFile> files) {
        return new Analyzer(Configuration.DEFAULT.withTarget(server.target())).analyze(files);
    }

    static SourceFile file(String path, String sql) {
        return new SourceFile(path, sql.getBytes(StandardCharsets.UTF_8));
    }

    static Verification verify(TestServers.Server server, AnalysisReport report, VerdictSource verdicts)
            throws Exception {
        try (Connection c = server.connect()) {
            return Verifier.builder().scratch(c, server::connect).verdicts(verdicts).build().verify(report);
        }
    }

    static boolean databaseExists(TestServers.Server server, String name) throws SQLException {
        try (Connection c = server.connect(); java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW DATABASES LIKE '" + name.replace("_", "\\_") + "'")) {
            return rs.next();
        }
    }

    @TestFactory
    List<DynamicTest> examplesAreConfirmedOrConservative() {
        return TestServers.eachServer(server -> {
            List<SourceFile> files = MigrationFiles.collect(List.of(EXAMPLES), EXAMPLES);
            Verification v = verify(server, analyse(server, files), VerdictSource.ANALYSIS);
            System.out.println("verify examples on " + server + ": " + v.summary());
            v.checked().forEach(s -> System.out.println("  " + s.source().line() + " " + s.server().outcome() + " "
                    + s.server().answer() + " " + s.server().details()));
            // every ALTER / CREATE INDEX of the examples (4 files after V1) is checked
            assertThat(v.checked()).hasSize(9);
            assertThat(v.checked()).allSatisfy(s -> assertThat(s.server().outcome())
                    .as("%s line %d: %s", s.source().sql(), s.source().line(), s.server().details())
                    .isIn(Agreement.Outcome.CONFIRMED, Agreement.Outcome.CONSERVATIVE));
            assertThat(v.disagreements()).isEmpty();
            assertThat(v.notes()).as("nothing left out of the replay").isEmpty();
            assertThat(databaseExists(server, v.scratchDatabase())).as("scratch database dropped").isFalse();
        });
    }

    /** A knowledge base that calls a column type change INSTANT: the server copies, the Verifier says so. */
    public static final VerdictSource TYPE_CHANGE_IS_INSTANT = s -> {
        StatementVerdict v = s.verdict();
        if (v == null || v.operations().stream().noneMatch(o -> o.ddlOperation() == DdlOperation.COLUMN_TYPE_CHANGE)) {
            return v;
        }
        Verdict instant = new Verdict(Algorithm.INSTANT, false, LockLevel.NONE);
        return new StatementVerdict(v.operations(), instant, instant, v.refusals());
    };

    @TestFactory
    List<DynamicTest> aKnowledgeBaseErrorIsADisagreement() {
        return TestServers.eachServer(server -> {
            AnalysisReport report = analyse(server, List.of(file("V1__t.sql", """
                    CREATE TABLE t (id INT PRIMARY KEY, n INT NOT NULL, s VARCHAR(10)) ENGINE=InnoDB;
                    ALTER TABLE t MODIFY COLUMN n BIGINT NOT NULL;
                    ALTER TABLE t ADD INDEX ix_s (s);
                    """)));
            Verification v = verify(server, report, TYPE_CHANGE_IS_INSTANT);
            assertThat(v.checked()).hasSize(2);
            StatementReport typeChange = v.checked().get(0);
            // MariaDB 11.8 copies with LOCK=NONE: the algorithm is the lie there, the lock too elsewhere
            assertThat(typeChange.server().outcome()).isIn(Agreement.Outcome.UNSAFE_LOCK,
                    Agreement.Outcome.UNSAFE_ALGORITHM);
            assertThat(typeChange.server().answer()).startsWith("COPY,");
            assertThat(typeChange.server().refusals()).anyMatch(r -> r.startsWith("INSTANT: "));
            assertThat(typeChange.server().howToFile()).contains(ServerCheck.ISSUES);
            assertThat(typeChange.server().reproducer()).contains("CREATE TABLE t (id INT PRIMARY KEY")
                    .endsWith("ALTER TABLE t MODIFY COLUMN n BIGINT NOT NULL;\n");
            assertThat(v.disagreements()).containsExactly(typeChange);
            // the same statements with the real knowledge base agree
            Verification real = verify(server, report, VerdictSource.ANALYSIS);
            assertThat(real.disagreements()).isEmpty();
            assertThat(real.checked().get(0).server().outcome()).isEqualTo(Agreement.Outcome.CONFIRMED);
        });
    }
}
