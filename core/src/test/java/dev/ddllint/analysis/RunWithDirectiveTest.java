package dev.ddllint.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddllint.config.Configuration;
import dev.ddllint.report.JsonReport;
import dev.ddllint.report.ReportOptions;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code -- ddl-lint:run-with pt-online-schema-change}: the next ALTER runs through the shadow-table tool. */
class RunWithDirectiveTest {

    private static AnalysisReport analyze(String sql) {
        return new Analyzer(Configuration.DEFAULT).analyze(List.of(new SourceFile("V1__t.sql",
                sql.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<Finding> all(AnalysisReport report) {
        return report.findings().stream().flatMap(f -> Stream.concat(Stream.of(f), f.folded().stream())).toList();
    }

    @Test
    void theBlockingFindingsOfTheNextAlterBecomeInfoAndItsDataFindingsStay() {
        AnalysisReport report = analyze("""
                CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(20), legacy INT);
                INSERT INTO orders VALUES (1, 'a', 1);
                -- ddl-lint:run-with pt-online-schema-change --chunk-time=0.2
                ALTER TABLE orders MODIFY note TEXT, DROP COLUMN legacy;
                ALTER TABLE orders MODIFY note MEDIUMTEXT;
                """);
        List<Finding> line4 = all(report).stream().filter(f -> f.line() == 4).toList();
        assertThat(line4).extracting(Finding::rule).contains("column-type-change", "drop-column");
        assertThat(line4).filteredOn(f -> f.rule().equals("column-type-change")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("run by pt-online-schema-change (ddl-lint:run-with at line 3)");
        });
        assertThat(line4).filteredOn(f -> f.rule().equals("drop-column")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        // Only the next statement.
        assertThat(all(report)).filteredOn(f -> f.line() == 5 && f.rule().equals("column-type-change"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        StatementReport marked = report.files().get(0).statements().get(2);
        assertThat(marked.runWith()).isNotNull();
        assertThat(marked.runWith().options().chunkTime()).isEqualTo(0.2);
        assertThat(report.files().get(0).statements().get(3).runWith()).isNull();
        assertThat(all(report)).noneMatch(f -> f.rule().equals("invalid-directive"));
        JsonNode statements = JsonReport.toTree(report, ReportOptions.DEFAULT).get("files").get(0).get("statements");
        assertThat(statements.get(2).get("runWith").get("tool").asText()).isEqualTo("pt-online-schema-change");
        assertThat(statements.get(2).get("runWith").get("line").asInt()).isEqualTo(3);
        assertThat(statements.get(3).has("runWith")).isFalse();
    }

    @Test
    void aCommentThatCannotApplyIsAnInvalidDirectiveAndChangesNothing() {
        AnalysisReport report = analyze("""
                -- ddl-lint:run-with gh-ost
                ALTER TABLE a MODIFY x BIGINT;
                -- ddl-lint:run-with pt-online-schema-change --execute
                ALTER TABLE b MODIFY x BIGINT;
                -- ddl-lint:run-with pt-online-schema-change
                UPDATE c SET x = 1 WHERE id = 1;
                -- ddl-lint:run-with
                -- ddl-lint:run-with pt-online-schema-change
                """);
        List<Finding> invalid = all(report).stream().filter(f -> f.rule().equals("invalid-directive")).toList();
        assertThat(invalid).extracting(Finding::line).containsExactly(1, 3, 5, 7, 8);
        assertThat(invalid.get(0).message()).contains("runs only pt-online-schema-change");
        assertThat(invalid.get(1).message()).contains("--execute is not an option");
        assertThat(invalid.get(2).message()).contains("the next statement is DML");
        assertThat(invalid.get(3).message()).contains("needs the tool");
        assertThat(invalid.get(4).message()).contains("no statement follows it");
        assertThat(all(report)).filteredOn(f -> f.rule().equals("column-type-change"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR)).hasSize(2);
        assertThat(report.files().get(0).statements()).allSatisfy(s -> assertThat(s.runWith()).isNull());
    }
}
