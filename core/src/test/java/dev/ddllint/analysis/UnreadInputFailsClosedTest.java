package dev.ddllint.analysis;

import dev.ddllint.config.Configuration;
import dev.ddllint.config.InputLimits;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.Finding;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file or statement that was not read may have changed any table it names: the tables do not keep the state
 * replayed before it, later statements on them get the verdict of a table not known, and the finding says why.
 */
class UnreadInputFailsClosedTest {

    private static final Configuration MYSQL = Configuration.DEFAULT.withTarget(TargetServer.parse("mysql:8.4"));

    private static final String CREATE = "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL) "
            + "CHARACTER SET utf8mb4;\nCREATE TABLE u (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL) "
            + "CHARACTER SET utf8mb4;\n";
    /** Safe while `name` is known to be VARCHAR(10) utf8mb4 (the length prefix stays one byte); COPY otherwise. */
    private static final String WIDEN_T = "ALTER TABLE t MODIFY name VARCHAR(20) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;\n";
    private static final String WIDEN_U = "ALTER TABLE u MODIFY name VARCHAR(20) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;\n";

    private static SourceFile file(String name, String sql) {
        return new SourceFile(name, sql.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Finding> errorsIn(AnalysisReport r, String path) {
        return r.findings().stream().filter(f -> f.path().equals(path) && f.severity().id().equals("error"))
                .toList();
    }

    private static AnalysisReport analyze(Configuration c, SourceFile... files) {
        return new Analyzer(c).analyze(List.of(files));
    }

    @Test
    void withEverythingReadTheWideningIsSafe() {
        AnalysisReport r = analyze(MYSQL, file("V1__t.sql", CREATE), file("V2__mid.sql", "SELECT 1;\n"),
                file("V3__widen.sql", WIDEN_T + WIDEN_U));
        assertThat(errorsIn(r, "V3__widen.sql")).isEmpty();
        assertThat(r.files().get(2).statements().get(0).verdict().effective().toString())
                .isEqualTo("INPLACE, LOCK=NONE");
    }

    @Test
    void aFileNotReadLeavesEveryTableUnknownAfterIt() {
        AnalysisReport r = analyze(MYSQL, file("V1__t.sql", CREATE), SourceFile.unread("V2__big.sql", 300_000_000L),
                file("V3__widen.sql", WIDEN_T + WIDEN_U));
        List<Finding> errors = errorsIn(r, "V3__widen.sql");
        assertThat(errors).extracting(Finding::line).contains(1, 2);
        assertThat(errors).filteredOn(f -> f.rule().equals("column-type-change")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("V2__big.sql was not read (it is larger than maxFileSize), "
                        + "so the state of `t` after it is unknown"))
                .anySatisfy(m -> assertThat(m).contains("so the state of `u` after it is unknown"));
        assertThat(r.files().get(2).statements().get(0).verdict().effective().toString()).startsWith("COPY");
    }

    @Test
    void aTableCreatedAgainAfterTheUnreadFileIsKnownAgain() {
        AnalysisReport r = analyze(MYSQL, file("V1__t.sql", CREATE), SourceFile.unread("V2__big.sql", 300_000_000L),
                file("V3__again.sql", "DROP TABLE IF EXISTS t;\n" + CREATE.lines().findFirst().orElseThrow() + "\n"
                        + WIDEN_T));
        // The DROP TABLE (line 1) still says why `t` was unknown; once created again it is known.
        assertThat(errorsIn(r, "V3__again.sql")).extracting(Finding::line).containsExactly(1);
        assertThat(r.findings()).filteredOn(f -> f.line() > 1).noneMatch(f -> f.message().contains("after it is unknown"));
        assertThat(r.files().get(2).statements().get(2).verdict().effective().toString())
                .isEqualTo("INPLACE, LOCK=NONE");
    }

    @Test
    void aTooLargeAlterLeavesItsOwnTableUnknownAndTheOthersKnown() {
        String huge = "ALTER TABLE t ADD COLUMN a INT, COMMENT '" + "x".repeat(5_000) + "';\n";
        AnalysisReport r = analyze(MYSQL.withLimits(InputLimits.DEFAULT.withMaxStatementSize(4_096)),
                file("V1__t.sql", CREATE), file("V2__huge.sql", huge), file("V3__widen.sql", WIDEN_T + WIDEN_U));
        List<Finding> errors = errorsIn(r, "V3__widen.sql");
        assertThat(errors).extracting(Finding::line).contains(1).doesNotContain(2);
        assertThat(errors).filteredOn(f -> f.rule().equals("column-type-change")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("V2__huge.sql:1 was not read (the statement is "
                        + "larger than maxStatementSize), so the state of `t` after it is unknown"));
    }

    @Test
    void aTooLargeStatementWhoseTargetIsNotKnownLeavesEveryTableUnknown() {
        String huge = "CREATE PROCEDURE p() BEGIN SELECT '" + "x".repeat(5_000) + "'; END;\n";
        AnalysisReport r = analyze(MYSQL.withLimits(InputLimits.DEFAULT.withMaxStatementSize(4_096)),
                file("V1__t.sql", CREATE), file("V2__huge.sql", huge), file("V3__widen.sql", WIDEN_T + WIDEN_U));
        assertThat(errorsIn(r, "V3__widen.sql")).extracting(Finding::line).contains(1, 2);
    }

    @Test
    void aTooLargeInsertChangesNoDefinition() {
        String huge = "INSERT INTO t VALUES (1, '" + "x".repeat(5_000) + "');\n";
        AnalysisReport r = analyze(MYSQL.withLimits(InputLimits.DEFAULT.withMaxStatementSize(4_096)),
                file("V1__t.sql", CREATE), file("V2__huge.sql", huge), file("V3__widen.sql", WIDEN_T + WIDEN_U));
        assertThat(errorsIn(r, "V3__widen.sql")).isEmpty();
    }

    @Test
    void aStatementWithBytesLostToTheEncodingLeavesItsTableUnknown() {
        byte[] start = ("ALTER TABLE t COMMENT 'caf").getBytes(StandardCharsets.UTF_8);
        byte[] end = "';\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[start.length + 1 + end.length];
        System.arraycopy(start, 0, bytes, 0, start.length);
        bytes[start.length] = (byte) 0xFF; // not UTF-8
        System.arraycopy(end, 0, bytes, start.length + 1, end.length);
        AnalysisReport r = analyze(MYSQL, file("V1__t.sql", CREATE), new SourceFile("V2__latin1.sql", bytes),
                file("V3__widen.sql", WIDEN_T + WIDEN_U));
        List<Finding> errors = errorsIn(r, "V3__widen.sql");
        assertThat(errors).extracting(Finding::line).contains(1).doesNotContain(2);
        assertThat(errors).filteredOn(f -> f.rule().equals("column-type-change")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("V2__latin1.sql:1 was not read as written"));
    }
}
