package dev.ddllint.rules;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.Configuration;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The file of issue 14, which once passed with "0 errors, 0 warnings, 0 info", now reports each of its problems. */
class IssueExampleTest {

    private static final String FILE = """
            CREATE TABLE nopk (name VARCHAR(40), value INT) ENGINE=MyISAM;
            ALTER TABLE users DROP COLUMN legacy;
            ALTER TABLE users RENAME COLUMN nickname TO display_name;
            DROP TABLE nopk;
            ALTER TABLE users ADD INDEX idx_email (email), ADD INDEX idx_email2 (email);
            """;

    @Test
    void everyProblemOfTheFileIsReported() {
        AnalysisReport report = new Analyzer(Configuration.DEFAULT).analyze(List.of(new SourceFile("V1__issue.sql",
                FILE.getBytes(StandardCharsets.UTF_8))));
        Set<String> lines = report.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.rule() + "@" + f.line()).collect(Collectors.toSet());
        assertThat(lines).contains(TableWithoutPrimaryKey.ID + "@1", NonInnodbEngine.ID + "@1", DropColumn.ID + "@2",
                RenameColumn.ID + "@3", DuplicateIndex.ID + "@5");
        assertThat(report.findings()).anyMatch(f -> f.rule().equals(DropTable.ID) && f.line() == 4);
        assertThat(report.findings().stream().filter(f -> f.severity() == Severity.ERROR)).isNotEmpty();
    }

    @Test
    void theDroppedTableExistedBeforeTheMigration() {
        AnalysisReport report = new Analyzer(Configuration.DEFAULT).analyze(List.of(new SourceFile("V2__drop.sql",
                "DROP TABLE nopk;".getBytes(StandardCharsets.UTF_8))));
        assertThat(report.findings()).anyMatch(f -> f.rule().equals(DropTable.ID) && f.severity() == Severity.ERROR);
    }
}
