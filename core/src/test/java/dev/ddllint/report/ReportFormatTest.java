package dev.ddllint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddllint.analysis.AnalysisReport;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

class ReportFormatTest {

    @Test
    void parsesCommaSeparatedAndRepeatedListsKeepingOrderOnce() {
        assertThat(ReportFormat.parseList(List.of("text,sarif", " JUNIT ", "text", "github,,json")))
                .containsExactly(ReportFormat.TEXT, ReportFormat.SARIF, ReportFormat.JUNIT, ReportFormat.GITHUB,
                        ReportFormat.JSON);
    }

    @Test
    void unknownOrMissingFormatsAreRefusedWithTheList() {
        assertThatThrownBy(() -> ReportFormat.parseList(List.of("text,xml")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'xml' (use text, json, sarif, junit, github, gitlab, checkstyle, "
                        + "html, markdown, compact)");
        assertThatThrownBy(() -> ReportFormat.parseList(List.of(" , "))).hasMessageContaining("no report format");
    }

    @Test
    void fileNamesAreDistinctAndEveryFormatRenders() {
        assertThat(Arrays.stream(ReportFormat.values()).map(ReportFormat::fileName).distinct())
                .hasSize(ReportFormat.values().length);
        AnalysisReport report = ReportFixtures.sample();
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(f.render(report, ReportOptions.DEFAULT)).as(f.id()).contains("column-type-change");
        }
        assertThat(ReportFormat.TEXT.console()).isTrue();
        assertThat(ReportFormat.GITHUB.console()).isTrue();
        assertThat(ReportFormat.SARIF.console()).isFalse();
    }
}
