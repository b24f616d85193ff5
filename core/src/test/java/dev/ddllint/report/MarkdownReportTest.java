package dev.ddllint.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** The Markdown report of the job summary and the pull-request comment. */
class MarkdownReportTest {

    @Test
    void countsVerdictsPerMigrationAndOneRowPerFinding() {
        AnalysisReport report = ReportFixtures.sample();
        String md = MarkdownReport.render(report, ReportOptions.DEFAULT);
        assertThat(md).startsWith("### ddl-lint: unsafe migrations for MySQL 8.0.28\n")
                .contains("2 migrations, 5 statements: **1 error**, 1 warning, 0 info")
                .contains("| `db/migration/V1__create.sql` | no ALTER | none |")
                .contains("| `db/migration/V2__changes.sql` | INSTANT ×1, INPLACE rebuild ×1, COPY ×1 | 1 error, 1 warning |")
                .contains("| **error** | `db/migration/V2__changes.sql:2` | [column-type-change]("
                        + ReportOptions.DEFAULT.ruleUrl("column-type-change") + ") | ");
        assertThat(md.lines().filter(l -> l.startsWith("| **error** |") || l.startsWith("| warning |")))
                .hasSize(report.findings().size());
    }

    @Test
    void cellsHoldNoLineBreaksOrPipes() {
        String md = MarkdownReport.render(ReportFixtures.synthetic(List.of(ReportFixtures.finding("blocking-alter",
                Severity.ERROR, "db/a|b.sql", 3, "first | second\nthird"))), ReportOptions.DEFAULT);
        assertThat(md).contains("`db/a\\|b.sql:3`").contains("first \\| second third |");
    }

    @Test
    void staysUnderTheSizeLimitAndCountsWhatItLeftOut() {
        List<Finding> many = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            many.add(ReportFixtures.finding("table-rebuild", Severity.WARNING, "db/V" + i + "__x.sql", i,
                    "x".repeat(300)));
        }
        String md = MarkdownReport.render(ReportFixtures.synthetic(many), ReportOptions.DEFAULT);
        assertThat(md.length()).isLessThanOrEqualTo(MarkdownReport.MAX_CHARS);
        long rows = md.lines().filter(l -> l.startsWith("| warning |")).count();
        assertThat(rows).isPositive().isLessThan(2000);
        assertThat(md).endsWith("… and " + (2000 - rows) + " more findings not shown here (size limit); the SARIF, "
                + "JSON and HTML reports list them all.\n");
        assertThat(MarkdownReport.render(ReportFixtures.synthetic(many), ReportOptions.DEFAULT, 5_000).length())
                .isLessThanOrEqualTo(5_000);
    }

    @Test
    void safeRunSaysSo() {
        String md = MarkdownReport.render(ReportFixtures.synthetic(List.of()), ReportOptions.DEFAULT);
        assertThat(md).startsWith("### ddl-lint: safe for").doesNotContain("| Severity |");
    }
}
