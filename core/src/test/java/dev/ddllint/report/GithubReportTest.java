package dev.ddllint.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class GithubReportTest {

    @Test
    void oneWorkflowCommandPerFinding() {
        String out = GithubReport.render(ReportFixtures.sample());
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("::error file=db/migration/V2__changes.sql,line=2,col=1,endLine=3,"
                + "title=ddl-lint column-type-change::");
        assertThat(lines.get(0)).contains("%0AHelp: ");
        // A one-line statement also gets its column range.
        assertThat(lines.get(1)).startsWith("::warning file=db/migration/V2__changes.sql,line=4,col=1,endLine=4,"
                + "endColumn=38,title=ddl-lint table-rebuild::");
    }

    @Test
    void escapesDataAndProperties() {
        Finding f = new Finding("blocking-alter", Severity.ERROR, "db/a,b:c%.sql", 3, 2, 3, 9,
                "100% blocked: line one\r\nline two, still", "", "");
        String line = GithubReport.render(ReportFixtures.synthetic(List.of(f))).strip();
        assertThat(line).isEqualTo("::error file=db/a%2Cb%3Ac%25.sql,line=3,col=2,endLine=3,endColumn=9,"
                + "title=ddl-lint blocking-alter::100%25 blocked: line one%0D%0Aline two, still");
        assertThat(GithubReport.property("a:b,c%\n")).isEqualTo("a%3Ab%2Cc%25%0A");
        assertThat(GithubReport.data("a:b,c%\r")).isEqualTo("a:b,c%25%0D");
    }

    @Test
    void infoBecomesNotice() {
        Finding f = ReportFixtures.finding("table-rebuild", Severity.INFO, "V1.sql", 1, "harmless");
        assertThat(GithubReport.render(ReportFixtures.synthetic(List.of(f)))).startsWith("::notice file=V1.sql,");
    }

    @Test
    void capsAtTenErrorsAndTenWarningsThenSummarizesTheRest() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            findings.add(ReportFixtures.finding("column-type-change", Severity.ERROR, "V1.sql", i, "e" + i));
        }
        for (int i = 1; i <= 11; i++) {
            findings.add(ReportFixtures.finding("table-rebuild", Severity.WARNING, "V2.sql", i, "w" + i));
        }
        findings.add(ReportFixtures.finding("table-rebuild", Severity.INFO, "V3.sql", 1, "i1"));
        List<String> lines = GithubReport.render(ReportFixtures.synthetic(findings)).lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("::error "))).hasSize(10);
        assertThat(lines.stream().filter(l -> l.startsWith("::warning "))).hasSize(10);
        assertThat(lines.stream().filter(l -> l.startsWith("::notice "))).hasSize(1);
        // Migration order is kept: the first ten errors are shown.
        assertThat(lines.stream().filter(l -> l.startsWith("::error ")).toList().get(9)).contains("::e10%0A");
        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith("ddl-lint: 4 more findings not annotated (3 errors, 1 warning, 0 info)");
        assertThat(last).doesNotStartWith("::");
    }

    @Test
    void noSummaryWhenEverythingFits() {
        String out = GithubReport.render(ReportFixtures.sample());
        assertThat(out).doesNotContain("not annotated");
        assertThat(GithubReport.render(ReportFixtures.synthetic(List.of()))).isEmpty();
    }
}
