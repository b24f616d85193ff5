package dev.ddllint.sql;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.Configuration;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ClauseKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Partition name lists: one clause however many names, and the names a CREATE lists kept in the table facts. */
class PartitionNameListTest {

    private static final String CREATE = "CREATE TABLE t (id INT NOT NULL PRIMARY KEY) ENGINE=InnoDB "
            + "DEFAULT CHARSET=utf8mb4 PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), "
            + "PARTITION `P1` VALUES LESS THAN (1000));\n";
    private static final String REORGANIZE_ALL =
            "ALTER TABLE t REORGANIZE PARTITION p0, p1 INTO (PARTITION p01 VALUES LESS THAN (1000));\n";

    private static List<AlterOperation> read(String clauses) {
        return AlterClauseReader.read(clauses, SqlLexer.tokenize(clauses)).operations();
    }

    @Test
    void aPartitionNameListIsOneClause() {
        assertThat(read("REORGANIZE PARTITION p1, p0 INTO (PARTITION p01 VALUES LESS THAN (1000))"))
                .singleElement().satisfies(op -> {
                    assertThat(op.kind()).isEqualTo(ClauseKind.REORGANIZE_PARTITION);
                    assertThat(op.text()).isEqualTo("REORGANIZE PARTITION p1, p0 INTO (PARTITION p01 VALUES LESS "
                            + "THAN (1000))");
                });
        assertThat(read("TRUNCATE PARTITION p0, `p1`")).extracting(AlterOperation::kind)
                .containsExactly(ClauseKind.TRUNCATE_PARTITION);
        assertThat(read("ALGORITHM=INPLACE, LOCK=SHARED, DROP PARTITION p0, p1")).extracting(AlterOperation::kind)
                .containsExactly(ClauseKind.DROP_PARTITION);
        // Clauses after an ordinary one stay clauses.
        assertThat(read("DROP COLUMN a, DROP COLUMN b")).hasSize(2);
    }

    @Test
    void theNamesACreateListsAreKnownAndNoneWhenItListsNone() {
        assertThat(TolerantStatementReader.partitionNamesOf("PARTITION BY RANGE COLUMNS (id) (PARTITION p0 VALUES "
                + "LESS THAN (10), PARTITION `P1` VALUES LESS THAN (1000))")).isEqualTo("p0,p1");
        assertThat(TolerantStatementReader.partitionNamesOf("PARTITION BY HASH (id) PARTITIONS 4")).isNull();
    }

    @Test
    void reorganizingEveryKnownPartitionRebuildsTheTableAndSomeOfThemDoesNot() {
        assertThat(verdict(CREATE + REORGANIZE_ALL).natural().rebuildsTable()).isTrue();
        assertThat(verdict(CREATE + "ALTER TABLE t REORGANIZE PARTITION p1 INTO (PARTITION p1a VALUES LESS THAN "
                + "(100), PARTITION p1b VALUES LESS THAN (1000));\n").natural().rebuildsTable()).isFalse();
    }

    @Test
    void partitionsAddedOrDroppedSinceTheCreateStayKnown() {
        String added = CREATE + "ALTER TABLE t ADD PARTITION (PARTITION p2 VALUES LESS THAN (2000));\n";
        assertThat(verdict(added + "ALTER TABLE t REORGANIZE PARTITION p0 INTO (PARTITION p0a VALUES LESS THAN (5), "
                + "PARTITION p0b VALUES LESS THAN (10));\n").natural().rebuildsTable()).isFalse();
        assertThat(verdict(added + "ALTER TABLE t REORGANIZE PARTITION p0, p1, p2 INTO (PARTITION p VALUES LESS THAN "
                + "(2000));\n").natural().rebuildsTable()).isTrue();
        assertThat(verdict(CREATE + "ALTER TABLE t DROP PARTITION p0;\n" + "ALTER TABLE t REORGANIZE PARTITION p1 INTO "
                + "(PARTITION p1a VALUES LESS THAN (500), PARTITION p1b VALUES LESS THAN (1000));\n").natural()
                .rebuildsTable()).isTrue();
    }

    @Test
    void partitionsNotListedByTheCreateAreNotKnownAndTheRebuildIsAssumed() {
        StatementVerdict v = verdict("CREATE TABLE t (id INT NOT NULL PRIMARY KEY) PARTITION BY HASH (id) "
                + "PARTITIONS 4;\n" + "ALTER TABLE t REORGANIZE PARTITION p0 INTO (PARTITION p0a, PARTITION p0b);\n");
        assertThat(v.natural().rebuildsTable()).isTrue();
        assertThat(v.operations().get(0).assumptions()).anyMatch(a -> a.contains("partitions are not known"));
    }

    private static StatementVerdict verdict(String sql) {
        Analyzer analyzer = new Analyzer(Configuration.DEFAULT.withTarget(TargetServer.parse("mysql:9.7"))
                .withNewTables(NewTableScope.NONE));
        AnalysisReport report = analyzer.analyze(List.of(new SourceFile("v.sql", sql.getBytes(StandardCharsets.UTF_8))));
        List<StatementReport> statements = report.files().get(0).statements();
        return statements.get(statements.size() - 1).verdict();
    }
}
