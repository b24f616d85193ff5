package dev.ddllint.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.LockLevel;
import dev.ddllint.kb.Verdict;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTML report's content, without a browser (HtmlReportScreenshotTest renders it in Chromium). */
class HtmlReportTest {

    @Test
    void isOneSelfContainedPage() {
        String html = HtmlReport.render(ReportFixtures.sample(), ReportOptions.DEFAULT);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        // Nothing loaded from elsewhere: no scripts, stylesheets, images, fonts or frames.
        assertThat(html).doesNotContain("<script", "<link", "<img", "<iframe", "@import", "url(", " src=");
        Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (hrefs.find()) {
            assertThat(hrefs.group(1)).as("links are anchors or rule pages")
                    .matches("#m\\d+-s\\d+|" + Pattern.quote(ReportOptions.DEFAULT_DOCS_BASE_URL) + ".*");
        }
    }

    @Test
    void everyStatementHasARowWithItsVerdictCategoryAndLock() {
        AnalysisReport report = ReportFixtures.sample();
        String html = HtmlReport.render(report, ReportOptions.DEFAULT);
        assertThat(count(html, "<tr class=\"stmt\"")).isEqualTo(report.statementCount());
        // V2: MODIFY INT -> BIGINT copies; ADD COLUMN … AFTER on 8.0.28 rebuilds in place; the last is INSTANT.
        assertThat(row(html, "m2-s1")).contains("data-verdict=\"copy\"").contains(">COPY<")
                .contains("COPY, LOCK=SHARED").contains("LOCK=SHARED").contains("writes wait");
        assertThat(row(html, "m2-s2")).contains("data-verdict=\"rebuild\"").contains(">INPLACE rebuild<")
                .contains("INPLACE with table rebuild, LOCK=NONE");
        assertThat(row(html, "m2-s3")).contains("data-verdict=\"instant\"").contains("INSTANT, LOCK=NONE");
        // CREATE TABLE has no online-DDL verdict.
        assertThat(row(html, "m1-s1")).contains("data-verdict=\"none\"").contains("CREATE TABLE");
        // The timeline: one segment per statement, linked to its row, in the verdict's colour.
        assertThat(html).contains("<a class=\"seg v-copy\" href=\"#m2-s1\"")
                .contains("<a class=\"seg v-rebuild\" href=\"#m2-s2\"")
                .contains("<a class=\"seg v-instant\" href=\"#m2-s3\"");
    }

    @Test
    void findingsSitUnderTheirStatementWithHelpAndRuleLink() {
        AnalysisReport report = ReportFixtures.sample();
        String html = HtmlReport.render(report, ReportOptions.DEFAULT);
        assertThat(count(html, "<li class=\"finding")).isEqualTo(report.findings().size());
        String afterCopy = html.substring(html.indexOf("id=\"m2-s1\""), html.indexOf("id=\"m2-s2\""));
        Finding error = report.findings().stream().filter(f -> f.rule().equals("column-type-change")).findFirst()
                .orElseThrow();
        assertThat(afterCopy).contains("sev-error").contains(HtmlReport.esc(error.message()))
                .contains(HtmlReport.esc(error.help()))
                .contains("href=\"" + ReportOptions.DEFAULT.ruleUrl("column-type-change") + "\"");
        assertThat(html).contains("1 error").contains("1 warning");
    }

    @Test
    void estimatesAreDrawnAgainstTheLimits() {
        // 40 GB at the default 32 MiB/s: about 20 minutes, over the 10-minute estimate.maxDuration.
        AnalysisReport report = ReportFixtures.analyze("mysql:8.4", "db/V2__big.sql",
                "-- ddl-lint:stats orders rows=100M data=40GB index=0 avgRow=400 inserts=1000/s updates=0 deletes=0\n"
                        + "ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;\n"
                        + "ALTER TABLE orders ADD INDEX ix_amount (amount), ALGORITHM=INPLACE, LOCK=NONE;\n");
        String html = HtmlReport.render(report, ReportOptions.DEFAULT);
        String copy = row(html, "m1-s1");
        assertThat(copy).contains("<div class=\"bar over\">").contains("≥ limit 600 s (10 min)")
                .contains("none: writes wait instead");
        String index = row(html, "m1-s2");
        assertThat(index).contains("data-verdict=\"inplace\"").contains("< limit 600 s (10 min)").contains("holds ");
        assertThat(count(index, "<span class=\"limit\">")).isEqualTo(2);
    }

    @Test
    void withoutStatisticsItSaysSo() {
        String html = HtmlReport.render(ReportFixtures.sample(), ReportOptions.DEFAULT);
        assertThat(row(html, "m2-s1")).contains("no statistics for").contains("not estimated");
        assertThat(row(html, "m2-s3")).contains("no rebuild or index build");
    }

    @Test
    void escapesEverythingItQuotes() {
        List<Finding> findings = List.of(new Finding("blocking-alter", Severity.ERROR, "db/<x>&\"y\".sql", 1, 1, 1,
                5, "bad <script>alert(1)</script> & \"q\"", "help <b>", ""));
        String html = HtmlReport.render(ReportFixtures.synthetic(findings), ReportOptions.DEFAULT);
        assertThat(html).doesNotContain("<script>", "<x>", "help <b>")
                .contains("bad &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;")
                .contains("db/&lt;x&gt;&amp;&quot;y&quot;.sql");
    }

    @Test
    void categoriesFollowTheVerdict() {
        assertThat(HtmlReport.Category.of(new Verdict(Algorithm.INSTANT, false, LockLevel.NONE)))
                .isEqualTo(HtmlReport.Category.INSTANT);
        assertThat(HtmlReport.Category.of(new Verdict(Algorithm.INPLACE, false, LockLevel.NONE)))
                .isEqualTo(HtmlReport.Category.INPLACE);
        assertThat(HtmlReport.Category.of(new Verdict(Algorithm.INPLACE, true, LockLevel.NONE)))
                .isEqualTo(HtmlReport.Category.REBUILD);
        assertThat(HtmlReport.Category.of(new Verdict(Algorithm.COPY, true, LockLevel.SHARED)))
                .isEqualTo(HtmlReport.Category.COPY);
        assertThat(HtmlReport.Category.of(null)).isEqualTo(HtmlReport.Category.NONE);
    }

    private static String row(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("row %s", id).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
