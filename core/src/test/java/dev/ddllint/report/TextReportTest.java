package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.Configuration;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The text report as people read it: folded findings, marked clauses in the author's text, help once, summary. */
class TextReportTest {

    private static AnalysisReport analyze(String... pathAndSql) {
        List<SourceFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < pathAndSql.length; i += 2) {
            files.add(new SourceFile(pathAndSql[i], pathAndSql[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return new Analyzer(LAYOUT_RULES_ONLY).analyze(files);
    }

    /**
     * The report's layout is under test, so the rules that also speak about these clauses for other causes (the
     * unknown earlier definition, INT display widths) stay off here; their golden cases test them.
     */
    private static final Configuration LAYOUT_RULES_ONLY = new Configuration(Configuration.DEFAULT.target(),
            Severity.ERROR, Map.of(), Map.of(), Map.of("lossy-column-change", Severity.OFF, "column-made-not-null",
            Severity.OFF, "int-display-width", Severity.OFF), Configuration.DEFAULT.parseTimeoutMillis(),
            Configuration.DEFAULT.newTables());

    private static final String TWO_CLAUSES = """
            ALTER TABLE orders
            \tMODIFY amount BIGINT(20) NOT NULL, -- wider
              ADD COLUMN note TEXT,
              MODIFY status VARCHAR(32);
            ALTER TABLE orders MODIFY x INT;
            """;

    @Test
    void oneFindingPerStatementAndCauseWithTheOthersFoldedAndNamed() {
        AnalysisReport report = analyze("V1__a.sql", TWO_CLAUSES);
        assertThat(report.findings()).extracting(Finding::rule, Finding::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("column-type-change", 1),
                org.assertj.core.groups.Tuple.tuple("column-type-change", 5));
        assertThat(report.findings().get(0).folded()).extracting(Finding::rule)
                .containsExactly("column-type-change", "missing-lock-wait-timeout");
        assertThat(report.findings().get(1).folded()).extracting(Finding::rule).containsExactly("repeated-rebuild");

        String text = TextReport.render(report);
        assertThat(text).contains("= also: \"MODIFY status VARCHAR(32)\" may change the data type")
                .contains("= also warning[missing-lock-wait-timeout]: DDL on `orders` waits")
                .contains("= also warning[repeated-rebuild]: ALTER on `orders` rebuilds the table again");
    }

    @Test
    void theStatementIsShownAsWrittenWithEachClauseMarked() {
        String text = TextReport.render(analyze("V1__a.sql", TWO_CLAUSES));
        // Every line of a short statement; the marks under the clauses, tabs kept so they line up.
        assertThat(text).contains("""
                     1 | ALTER TABLE orders
                     2 | \tMODIFY amount BIGINT(20) NOT NULL, -- wider
                       | \t^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                     3 |   ADD COLUMN note TEXT,
                     4 |   MODIFY status VARCHAR(32)
                       |   ^^^^^^^^^^^^^^^^^^^^^^^^^
                """);
        // Quoted as written, never as a parser prints it.
        assertThat(text).contains("\"MODIFY amount BIGINT(20) NOT NULL\"").doesNotContain("BIGINT (20)");
    }

    @Test
    void aLongStatementShowsItsFirstLineAndTheMarkedOnes() {
        StringBuilder sql = new StringBuilder("ALTER TABLE orders\n");
        for (int i = 0; i < 8; i++) {
            sql.append("  ADD COLUMN c").append(i).append(" INT,\n");
        }
        sql.append("  MODIFY amount BIGINT NOT NULL;\n");
        String text = TextReport.render(analyze("V1__a.sql", sql.toString()));
        assertThat(text).contains("     1 | ALTER TABLE orders\n   ...\n    10 |   MODIFY amount BIGINT NOT NULL\n"
                + "       |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n").doesNotContain("c3 INT");
    }

    @Test
    void eachHelpOnceThenReferredToAndEveryFindingLinksItsPage() {
        String text = TextReport.render(analyze("V1__a.sql", "SET SESSION lock_wait_timeout = 5;\n"
                + "ALTER TABLE a MODIFY x BIGINT;\n", "V2__b.sql", "SET SESSION lock_wait_timeout = 5;\n"
                + "ALTER TABLE b MODIFY y BIGINT;\n"), ReportOptions.DEFAULT);
        String help = "= help: add a new column with the new definition";
        assertThat(text.split(java.util.regex.Pattern.quote(help), -1)).hasSize(2);
        assertThat(text).contains("= help: see above, [column-type-change]");
        assertThat(text.split("= docs: " + java.util.regex.Pattern.quote(ReportOptions.DEFAULT
                .ruleUrl("column-type-change")), -1)).hasSize(3);
    }

    @Test
    void summaryPerRuleAndPerFile() {
        String text = TextReport.render(analyze("V1__a.sql", TWO_CLAUSES, "V2__b.sql",
                "SET SESSION lock_wait_timeout = 5;\nALTER TABLE b MODIFY y BIGINT;\n"));
        assertThat(text).contains("summary by rule:\n  column-type-change         3 errors; +1 folded into other "
                        + "findings\n  repeated-rebuild           +1 folded into other findings\n"
                        + "  missing-lock-wait-timeout  +1 folded into other findings\n")
                .contains("summary by file:\n  V1__a.sql: 2 errors\n  V2__b.sql: 1 error\n")
                .endsWith("ddl-lint: 2 files, 4 statements checked for MySQL 8.4.0: 3 errors, 0 warnings, 0 info\n");
    }

    @Test
    void quietAndColour() {
        AnalysisReport report = analyze("V1__a.sql", "CREATE TABLE IF NOT EXISTS t (id INT NOT NULL PRIMARY KEY, "
                + "a INT);\nALTER TABLE t ADD COLUMN b INT;\n");
        String quiet = TextReport.render(report, ReportOptions.DEFAULT.withQuiet(true));
        assertThat(TextReport.render(report)).contains("warning[");
        assertThat(quiet).doesNotContain("warning[").doesNotContain("summary by rule");
        assertThat(TextReport.render(report, ReportOptions.DEFAULT.withColor(true))).contains("\u001b[1;33mwarning[");
        assertThat(TextReport.render(report)).doesNotContain("\u001b[");
    }
}
