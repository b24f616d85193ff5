package dev.ddllint.analysis;

import dev.ddllint.config.Configuration;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code -- ddl-lint:ignore-file RULE REASON}: the per-statement exception, for every statement of the file. */
class IgnoreFileDirectiveTest {

    private static List<Finding> findings(String sql) {
        return new Analyzer(Configuration.DEFAULT).analyze(List.of(new SourceFile("V1__t.sql",
                sql.getBytes(StandardCharsets.UTF_8)))).findings();
    }

    private static List<Finding> of(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void allowsTheRuleOnEveryStatementOfTheFileWithItsReason() {
        List<Finding> findings = findings("""
                SET SESSION lock_wait_timeout = 5;
                ALTER TABLE a MODIFY COLUMN x BIGINT NOT NULL;
                -- ddl-lint:ignore-file column-type-change lookup tables of a few hundred rows
                ALTER TABLE b MODIFY COLUMN y BIGINT NOT NULL;
                """);
        List<Finding> changes = of(findings, "column-type-change");
        assertThat(changes).extracting(Finding::line).containsExactly(2, 4);
        // Anywhere in the file: the statement before the comment is allowed too.
        assertThat(changes).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).endsWith("allowed by the ddl-lint:ignore-file comment at line 3: lookup tables "
                    + "of a few hundred rows");
        });
        assertThat(of(findings, "invalid-directive")).isEmpty();
    }

    @Test
    void otherRulesStillReport() {
        List<Finding> findings = findings("""
                -- ddl-lint:ignore-file missing-lock-wait-timeout the runner sets it
                ALTER TABLE a MODIFY COLUMN x BIGINT NOT NULL;
                """);
        assertThat(of(findings, "column-type-change")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(findings.stream().flatMap(f -> java.util.stream.Stream.concat(java.util.stream.Stream.of(f),
                f.folded().stream())).filter(f -> f.rule().equals("missing-lock-wait-timeout")))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void aMissingReasonIsAnInvalidDirectiveAndAllowsNothing() {
        List<Finding> findings = findings("""
                SET SESSION lock_wait_timeout = 5;
                -- ddl-lint:ignore-file column-type-change
                ALTER TABLE a MODIFY COLUMN x BIGINT NOT NULL;
                """);
        assertThat(of(findings, "column-type-change")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(of(findings, "invalid-directive")).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("ddl-lint:ignore-file ignored: give the reason");
        });
    }

    @Test
    void aCommentThatAllowsNothingIsReported() {
        List<Finding> findings = findings("""
                -- ddl-lint:ignore-file table-rebuild we know
                SET SESSION lock_wait_timeout = 5;
                ALTER TABLE a ADD INDEX ix (x);
                """);
        assertThat(of(findings, "invalid-directive")).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).isEqualTo("ddl-lint:ignore-file table-rebuild allowed nothing: no statement of "
                    + "this file has such a finding (remove the comment)");
        });
    }

    @Test
    void fileRulesCannotBeIgnoredByAComment() {
        List<Finding> findings = findings("""
                -- ddl-lint:ignore-file invalid-encoding legacy file
                SELECT 1;
                """);
        assertThat(of(findings, "invalid-directive")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("reports on the file, not on a statement"));
    }
}
