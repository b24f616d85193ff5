package dev.ddllint.estimate;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.Configuration;
import dev.ddllint.config.NewTableScope;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** missing-lock-wait-timeout with the configuration: runner flag, maximum, new-table scope, per file. */
class MissingLockWaitTimeoutTest {

    static List<Integer> lines(Configuration c, String... namesAndSql) {
        List<SourceFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < namesAndSql.length; i += 2) {
            files.add(new SourceFile(namesAndSql[i], namesAndSql[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        AnalysisReport r = new Analyzer(c).analyze(files);
        return r.findings().stream().filter(f -> f.rule().equals("missing-lock-wait-timeout")).map(f -> f.line())
                .toList();
    }

    @Test
    void oncePerFileAndQuietWhenTheRunnerSetsIt() {
        String v1 = "CREATE TABLE t (id INT PRIMARY KEY);\nALTER TABLE t ADD COLUMN a INT;\n";
        String v2 = "ALTER TABLE t ADD COLUMN b INT;\nALTER TABLE t ADD COLUMN c INT;\n";
        String v3 = "SET SESSION lock_wait_timeout = 120;\nDROP TABLE t;\n";
        // V1: the table is new in that file; V2 and V3: it exists (created by an earlier migration).
        assertThat(lines(Configuration.DEFAULT, "V1__a.sql", v1, "V2__b.sql", v2, "V3__c.sql", v3))
                .containsExactly(1, 2);
        assertThat(lines(Configuration.DEFAULT.withMaxLockWaitTimeout(300), "V3__c.sql", v3)).isEmpty();
        assertThat(lines(Configuration.DEFAULT.withLockWaitTimeoutSetByRunner(true), "V2__b.sql", v2)).isEmpty();
        // Pending migrations of one run (the Flyway callback): a table created by an earlier one is new.
        assertThat(lines(Configuration.DEFAULT.withNewTables(NewTableScope.RUN), "V1__a.sql", v1, "V2__b.sql", v2))
                .isEmpty();
    }
}
