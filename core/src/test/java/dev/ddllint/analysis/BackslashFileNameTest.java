package dev.ddllint.analysis;

import dev.ddllint.config.Configuration;
import dev.ddllint.report.ReportFormat;
import dev.ddllint.report.ReportOptions;
import dev.ddllint.rules.Finding;
import dev.ddllint.run.LintRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On Linux a backslash is a character of a file's name, not a folder separator: every report names the file
 * that exists, and the Flyway version in such a name still orders it.
 */
class BackslashFileNameTest {

    @Test
    void aNameWithABackslashIsReportedAsGiven(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().getSeparator().equals("/"), "a backslash is a separator on Windows");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/V2__c\\d.sql"), "ALTER TABLE t MODIFY a BIGINT;\n");
        Files.writeString(dir.resolve("V1__a\\b.sql"), "ALTER TABLE t MODIFY a BIGINT;\n");
        List<SourceFile> files = MigrationFiles.collect(List.of(dir), dir);
        // Flyway order: V1 then V2 (the name after the last '/', backslash included, carries the version).
        assertThat(files).extracting(SourceFile::path).containsExactly("V1__a\\b.sql", "sub/V2__c\\d.sql");

        AnalysisReport report = new Analyzer(Configuration.DEFAULT).analyze(files);
        assertThat(report.findings()).extracting(Finding::path).isNotEmpty()
                .allSatisfy(p -> assertThat(dir.resolve(p)).exists());

        String sarif = ReportFormat.SARIF.render(report, ReportOptions.DEFAULT);
        assertThat(sarif).contains("\"uri\" : \"V1__a%5Cb.sql\"").contains("\"uri\" : \"sub/V2__c%5Cd.sql\"")
                .doesNotContain("V1__a/b.sql");
        String gitlab = ReportFormat.GITLAB.render(report, ReportOptions.DEFAULT);
        assertThat(gitlab).contains("\"path\" : \"V1__a\\\\b.sql\"").doesNotContain("V1__a/b.sql");
        assertThat(ReportFormat.COMPACT.render(report, ReportOptions.DEFAULT)).contains("V1__a\\b.sql:1:1:");

        // A front end that reports relative to another folder keeps the name too.
        AnalysisReport moved = LintRun.rebase(report, dir, dir.resolve("sub"));
        assertThat(moved.files()).extracting(FileReport::path).containsExactly(
                dir.toAbsolutePath().normalize().resolve("V1__a\\b.sql").toString(), "V2__c\\d.sql");
    }
}
