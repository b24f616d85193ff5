package dev.ddllint.fuzz;

import dev.ddllint.analysis.SourceFile;
import dev.ddllint.rules.Finding;
import dev.ddllint.run.LintRun;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The failures the fuzzer found (docs/fuzzing.md), each on its minimal input. */
class FuzzRegressionTest {

    /**
     * Found by the fuzzer (ADD_COLUMN_LIST, seed 20261203): an ALTER of thousands of clauses on one line ran a 256 MiB
     * CLI out of memory, because every clause's finding held its own copy of the statement's first line (clauses x
     * statement size). The findings of one statement share one excerpt, so memory follows the statement.
     */
    @Test
    void findingsOfOneStatementShareOneExcerpt() throws Exception {
        StringBuilder sql = new StringBuilder("ALTER TABLE t ");
        for (int i = 0; i < 50; i++) {
            sql.append(i == 0 ? "" : ", ").append("MODIFY c").append(i).append(" BIGINT");
        }
        byte[] bytes = (sql + ";\n").getBytes(StandardCharsets.UTF_8);
        List<Finding> findings = LintRun.builder().load().check(List.of(new SourceFile("V1__wide.sql", bytes)))
                .report().findings().stream().flatMap(Finding::withAllFolded).toList();
        assertThat(findings).hasSizeGreaterThan(10);
        String first = findings.get(0).excerpt();
        assertThat(first).startsWith("ALTER TABLE t MODIFY c0 BIGINT");
        assertThat(findings).allSatisfy(f -> assertThat(f.excerpt()).isSameAs(first));
    }
}
