package dev.ddllint.parse;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.Configuration;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.report.JsonReport;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsing is bounded by work counted on our tokens, so the same input gives the same report on any machine. */
class ParseBudgetTest {

    /** The statement alone: any other table DDL would be given to JSqlParser and could reach a 1 ms limit. */
    private static AnalysisReport analyze(String sql, long timeoutMillis) {
        Configuration config = new Configuration(TargetServer.parse("mysql:8.4"), Severity.ERROR, Map.of(), Map.of(),
                Map.of(), timeoutMillis, NewTableScope.FILE);
        return new Analyzer(config).analyze(List.of(new SourceFile("V2__big.sql",
                sql.getBytes(StandardCharsets.UTF_8))));
    }

    /** An ALTER of 2,500 added columns: 12,500 tokens, over the default budget of 10,000. */
    private static String manyColumns(int n) {
        return "ALTER TABLE t " + IntStream.range(0, n).mapToObj(i -> "ADD COLUMN c" + i + " INT")
                .collect(Collectors.joining(", ")) + ";\n";
    }

    @Test
    void overBudgetStatementGetsTheSameReportWithATinyAndAHugeTimeLimit() {
        String sql = manyColumns(2_500);
        assertThat(ParseBudget.DEFAULT.exceededBy(sql)).contains("12503 tokens");
        AnalysisReport tiny = analyze(sql, 1);
        AnalysisReport huge = analyze(sql, 600_000);
        assertThat(JsonReport.render(tiny)).isEqualTo(JsonReport.render(huge));
        StatementReport st = huge.files().get(0).statements().get(0);
        assertThat(st.statement().parseNote()).contains("more than the 10000 JSqlParser is given")
                .contains("recovered by the clause reader");
        assertThat(st.statement().operations()).hasSize(2_500);
        assertThat(st.statement().parsed()).isTrue();
    }

    @Test
    void tooDeepStatementGetsTheSameReportWithATinyAndAHugeTimeLimit() {
        String sql = "ALTER TABLE t ADD COLUMN g INT AS (" + "(".repeat(40) + "c" + ")".repeat(40) + ");\n";
        AnalysisReport tiny = analyze(sql, 1);
        AnalysisReport huge = analyze(sql, 600_000);
        assertThat(JsonReport.render(tiny)).isEqualTo(JsonReport.render(huge));
        assertThat(huge.files().get(0).statements().get(0).statement().parseNote())
                .contains("deeper than the 32 levels");
    }

    @Test
    void withinBudgetStatementThatReachesTheLastResortLimitFailsClosed() {
        // 9,500 tokens: within the budget, so JSqlParser is called; no machine reads them in 1 ms.
        String sql = manyColumns(1_900);
        assertThat(ParseBudget.DEFAULT.exceededBy(sql)).isNull();
        AnalysisReport r = analyze(sql, 1);
        StatementReport st = r.files().get(0).statements().get(0);
        assertThat(st.statement().parsed()).isFalse();
        assertThat(st.verdict().effective().toString()).isEqualTo("COPY, LOCK=EXCLUSIVE");
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("unparseable-statement");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("last-resort limit of 1 ms");
        });
    }

    @Test
    void budgetCountsTokensAndDepthOnly() {
        ParseBudget small = new ParseBudget(6, 2);
        assertThat(small.exceededBy("ALTER TABLE t FORCE")).isNull();
        assertThat(small.exceededBy("ALTER TABLE t ADD COLUMN c INT")).contains("7 tokens");
        assertThat(small.exceededBy("SELECT ((1))")).isNull();
        assertThat(small.exceededBy("SELECT (((1")).contains("2 levels");
        // Parentheses inside strings and comments are not nesting.
        assertThat(small.exceededBy("SELECT '(((' /* ((( */")).isNull();
    }
}
