package dev.ddllint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed JSON report: findings kept on disk read back the same; a report streamed file by file. */
class JsonReportStreamTest {

    private static AnalysisReport report() {
        List<String> pathAndSql = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            pathAndSql.add("V" + i + "__f.sql");
            pathAndSql.add(ReportFixtures.CREATE.replace("orders", "orders" + i)
                    + ReportFixtures.CHANGES.replace("orders", "orders" + i) + "-- é, \u2028, \"quoted\"\n");
        }
        return ReportFixtures.analyze("mysql:8.4", pathAndSql.toArray(String[]::new));
    }

    @Test
    void findingsSpilledToATemporaryFileComeBackByteForByte() throws Exception {
        AnalysisReport report = report();
        assertThat(report.findings()).hasSizeGreaterThanOrEqualTo(40);
        String inMemory = JsonReport.render(report, ReportOptions.DEFAULT);
        String spilled = JsonReport.render(report, ReportOptions.DEFAULT, 0);
        String half = JsonReport.render(report, ReportOptions.DEFAULT, inMemory.length() / 20);
        assertThat(spilled).isEqualTo(inMemory);
        assertThat(half).isEqualTo(inMemory);
        JsonNode tree = new ObjectMapper().readTree(inMemory);
        assertThat(tree.get("findings")).hasSize(report.findings().size());
        assertThat(tree.at("/summary/files").asInt()).isEqualTo(40);
    }

    /**
     * The findings are kept as their text, indented one level deeper than a root value: the report is exactly what
     * Jackson's indenting writes for its tree, from memory and from the temporary file.
     */
    @Test
    void theReportIsWhatJacksonIndentsForItsTree() throws Exception {
        List<String> pathAndSql = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            // quotes, a tab, a line separator and non-ASCII in the findings' paths and messages: escaped in JSON
            pathAndSql.add("V" + i + "__é \"q\"\t\u2028.sql");
            pathAndSql.add(ReportFixtures.CREATE.replace("orders", "orders" + i) + ReportFixtures.CHANGES);
        }
        AnalysisReport report = ReportFixtures.analyze("mysql:8.4", pathAndSql.toArray(String[]::new));
        assertThat(report.findings()).hasSizeGreaterThanOrEqualTo(40)
                .anySatisfy(f -> assertThat(f.fullMessage()).contains("\""));
        ObjectMapper indenting = new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature
                .INDENT_OUTPUT);
        for (int inMemory : new int[] {FindingSpool.IN_MEMORY_CHARS, 0}) {
            String text = JsonReport.render(report, ReportOptions.DEFAULT, inMemory);
            assertThat(text).isEqualTo(indenting.writeValueAsString(indenting.readTree(text)) + "\n");
        }
    }

    @Test
    void aReportStreamedFileByFileIsTheWholeReport() {
        AnalysisReport report = report();
        StringWriter out = new StringWriter();
        StreamingReport stream = ReportFormat.JSON.stream(report.with(List.of(), List.of()), ReportOptions.DEFAULT,
                out);
        for (FileReport f : report.files()) {
            stream.accept(f, report.findings().stream().filter(x -> x.path().equals(f.path())).toList());
        }
        stream.finish();
        assertThat(out.toString()).isEqualTo(JsonReport.render(report, ReportOptions.DEFAULT));
    }

    @Test
    void textAndCompactStreamedFileByFileAreTheWholeReports() {
        AnalysisReport report = report();
        for (ReportFormat format : List.of(ReportFormat.TEXT, ReportFormat.COMPACT)) {
            StringWriter out = new StringWriter();
            StreamingReport stream = format.stream(report.with(List.of(), List.of()), ReportOptions.DEFAULT, out);
            for (FileReport f : report.files()) {
                stream.accept(f, report.findings().stream().filter(x -> x.path().equals(f.path())).toList());
            }
            stream.finish();
            assertThat(out.toString()).as(format.id()).isEqualTo(format.render(report, ReportOptions.DEFAULT));
        }
    }
}
