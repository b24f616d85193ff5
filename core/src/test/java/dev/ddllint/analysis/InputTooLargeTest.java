package dev.ddllint.analysis;

import dev.ddllint.config.Configuration;
import dev.ddllint.config.InputLimits;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code maxFileSize} and {@code maxStatementSize}: over them, input-too-large, fail closed, the rest goes on. */
class InputTooLargeTest {

    private static final Configuration MYSQL = Configuration.DEFAULT.withTarget(TargetServer.parse("mysql:8.4"));

    private static List<Finding> of(AnalysisReport r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private static SourceFile file(String name, String sql) {
        return new SourceFile(name, sql.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aStatementOverTheLimitIsNotReadAndGetsTheWorstVerdict() {
        String huge = "ALTER TABLE orders ADD COLUMN a INT, ALGORITHM=INSTANT, COMMENT '" + "x".repeat(5_000) + "'";
        String sql = "CREATE TABLE orders (id INT PRIMARY KEY);\n" + huge + ";\nALTER TABLE orders ADD COLUMN b INT;\n";
        AnalysisReport r = new Analyzer(MYSQL.withLimits(InputLimits.DEFAULT.withMaxStatementSize(4_096)))
                .analyze(List.of(file("V1__big.sql", sql)));
        assertThat(of(r, "input-too-large")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("statement of 5,066 characters").contains("maxStatementSize (4,096)")
                    .contains("COPY, LOCK=EXCLUSIVE");
        });
        // Its only finding: unparseable-statement does not repeat it, no rule reads the part kept.
        assertThat(r.findings().stream().filter(f -> f.line() == 2).map(Finding::rule)).containsExactly(
                "input-too-large");
        List<StatementReport> statements = r.files().get(0).statements();
        assertThat(statements).hasSize(3);
        StatementReport big = statements.get(1);
        assertThat(big.statement().parsed()).isFalse();
        assertThat(big.verdict().effective().toString()).isEqualTo("COPY, LOCK=EXCLUSIVE");
        assertThat(big.source().sql().length()).isLessThanOrEqualTo(4_096);
        // The next statement is read as usual, but the ALTER not read may have changed `orders` in any way, so it
        // gets the verdict of a table not known (UnreadInputFailsClosedTest), not the INSTANT of the table created.
        assertThat(statements.get(2).statement().parsed()).isTrue();
        assertThat(statements.get(2).verdict().effective().toString()).isEqualTo("COPY, LOCK=SHARED");
        assertThat(r.findings()).filteredOn(f -> f.line() == 3).anySatisfy(f -> assertThat(f.message())
                .contains("V1__big.sql:2 was not read (the statement is larger than maxStatementSize), so the state "
                        + "of `orders` after it is unknown"));
        assertThat(r.fails(Severity.ERROR)).isTrue();
    }

    @Test
    void underTheLimitTheSameStatementIsRead() {
        String huge = "ALTER TABLE orders ADD COLUMN a INT, ALGORITHM=INSTANT, COMMENT '" + "x".repeat(5_000) + "'";
        AnalysisReport r = new Analyzer(MYSQL).analyze(List.of(file("V1__big.sql", huge + ";\n")));
        assertThat(of(r, "input-too-large")).isEmpty();
        assertThat(r.files().get(0).statements().get(0).statement().parsed()).isTrue();
    }

    @Test
    void aFileOverTheLimitIsNotReadAndTheOthersAre(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__small.sql"), "ALTER TABLE t ADD COLUMN a INT;\n");
        Path big = dir.resolve("V2__big.sql");
        Files.writeString(big, "ALTER TABLE t MODIFY a BIGINT;\n" + "-- padding\n".repeat(1_000));
        Files.writeString(dir.resolve("V3__small.sql"), "ALTER TABLE t MODIFY a BIGINT;\n");
        List<SourceFile> files = MigrationFiles.collect(List.of(dir), dir, 8_192);
        assertThat(files).extracting(SourceFile::path).containsExactly("V1__small.sql", "V2__big.sql",
                "V3__small.sql");
        SourceFile unread = files.get(1);
        assertThat(unread.content()).isEmpty();
        assertThat(unread.size()).isEqualTo(Files.size(big));

        AnalysisReport r = new Analyzer(MYSQL.withLimits(InputLimits.DEFAULT.withMaxFileSize(8_192)))
                .analyze(files);
        assertThat(of(r, "input-too-large")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("V2__big.sql");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("file of 11,031 bytes is larger than maxFileSize (8,192)");
        });
        assertThat(r.files()).hasSize(3);
        assertThat(r.files().get(1).statements()).isEmpty();
        assertThat(of(r, "column-type-change")).extracting(Finding::path).containsExactly("V3__small.sql");
    }

    @Test
    void a300MegabyteFileCostsNoMemory(@TempDir Path dir) throws Exception {
        // Sparse: 300 MB on paper, made in no time; read whole it would not fit the test JVM's heap beside the rest.
        Path big = dir.resolve("V1__dump.sql");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(300L << 20);
        }
        Files.writeString(dir.resolve("V2__add.sql"), "ALTER TABLE t ADD COLUMN a INT;\n");
        List<SourceFile> files = MigrationFiles.collect(List.of(dir), dir, InputLimits.DEFAULT_MAX_FILE_SIZE);
        assertThat(files.get(0).content()).isEmpty();
        AnalysisReport r = new Analyzer(MYSQL).analyze(files);
        assertThat(of(r, "input-too-large")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("file of 314,572,800 bytes is larger than maxFileSize (67,108,864)"));
        assertThat(r.files().get(1).statements()).hasSize(1);
    }

    @Test
    void aFileAFrontEndHadInMemoryIsDroppedUnreadToo() {
        // The Flyway callback hands over the text Flyway read.
        AnalysisReport r = new Analyzer(MYSQL.withLimits(InputLimits.DEFAULT.withMaxFileSize(2_048))).analyze(
                List.of(file("V1__big.sql", "ALTER TABLE t MODIFY a BIGINT;\n" + "-- padding\n".repeat(200))));
        assertThat(of(r, "input-too-large")).hasSize(1);
        assertThat(of(r, "column-type-change")).isEmpty();
        assertThat(r.fails(Severity.ERROR)).isTrue();
    }
}
