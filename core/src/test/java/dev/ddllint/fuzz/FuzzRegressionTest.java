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

    /**
     * Issue 13 §3's crash, on the path FailClosedTest does not take: one file is analysed on the caller's thread (a
     * CLI's main thread), not on the analysis threads' deep stack. A CHECK of 1,300 and of 20,000 {@code OR} terms,
     * alone in its file, on a 512 KiB stack: a report and exit 1 (a CHECK is added by a table copy), never a crash.
     */
    @Test
    void aLongOrChainAloneInItsFileIsReportedOnASmallStack() throws Exception {
        LintRun run = LintRun.builder().load();
        for (int terms : new int[] {1_300, 20_000}) {
            String chain = java.util.stream.IntStream.range(0, terms).mapToObj(i -> "c = " + i)
                    .collect(java.util.stream.Collectors.joining(" OR "));
            byte[] sql = ("ALTER TABLE t ADD CONSTRAINT ck CHECK (" + chain + ");\n").getBytes(StandardCharsets.UTF_8);
            Object result = onSmallStack(() -> run.check(List.of(new SourceFile("V1__check.sql", sql))));
            assertThat(result).as(terms + " terms").isInstanceOf(dev.ddllint.run.LintResult.class);
            dev.ddllint.run.LintResult r = (dev.ddllint.run.LintResult) result;
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.report().files()).singleElement().satisfies(f -> assertThat(f.statements()).hasSize(1));
        }
    }

    /** What the call returned or threw, on a thread of 512 KiB of stack. */
    private static Object onSmallStack(java.util.concurrent.Callable<?> call) throws InterruptedException {
        Object[] outcome = new Object[1];
        Thread small = new Thread(null, () -> {
            try {
                outcome[0] = call.call();
            } catch (Throwable e) {
                outcome[0] = e;
            }
        }, "main-like", 512 << 10);
        small.start();
        small.join();
        return outcome[0];
    }

    /**
     * Found by the fuzzer's nested expressions (NESTED_FUNCTIONS): dynamic SQL nested thousands of levels deep
     * ({@code SET @s = IF(1, IF(1, …))}) overflowed the stack in analysis.DynamicSql, outside the guarded parse, and
     * ended the run with no report for any file; 100,000 levels did not finish at all. Deeper than
     * {@code DynamicSql.MAX_DEPTH} the value is unknown: the PREPARE's DDL is reported unchecked, the other files keep
     * their findings, on the small stack of a CLI's main thread too.
     */
    @Test
    void deeplyNestedDynamicSqlIsUncheckedNotACrash() throws Exception {
        int levels = 20_000;
        String set = "SET @s = " + "IF(1, ".repeat(levels) + "'ALTER TABLE t DROP COLUMN a'" + ", 'x')".repeat(levels)
                + ";\nPREPARE st FROM @s;\nEXECUTE st;\n";
        List<SourceFile> files = List.of(new SourceFile("V1__nested.sql", set.getBytes(StandardCharsets.UTF_8)),
                new SourceFile("V2__widen.sql", "ALTER TABLE t MODIFY c BIGINT;\n".getBytes(StandardCharsets.UTF_8)));
        LintRun run = LintRun.builder().load();
        for (List<SourceFile> input : List.of(files.subList(0, 1), files)) {
            Object outcome = onSmallStack(() -> run.check(input));
            assertThat(outcome).isInstanceOf(dev.ddllint.run.LintResult.class);
            dev.ddllint.run.LintResult result = (dev.ddllint.run.LintResult) outcome;
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.report().files()).hasSize(input.size());
            assertThat(result.report().findings()).anySatisfy(f -> {
                assertThat(f.path()).isEqualTo("V1__nested.sql");
                assertThat(f.rule()).isEqualTo("dynamic-ddl-not-checked");
            });
            if (input.size() == 2) {
                assertThat(result.report().findings()).anySatisfy(f -> {
                    assertThat(f.path()).isEqualTo("V2__widen.sql");
                    assertThat(f.rule()).isEqualTo("column-type-change");
                });
            }
        }
    }
}
