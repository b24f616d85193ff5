package dev.ddllint.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddllint.config.Configuration;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class BaselineTest {

    private static final String CREATE = """
            CREATE TABLE orders (id BIGINT PRIMARY KEY, amount INT NOT NULL, total INT) ENGINE=InnoDB;
            """;
    private static final String OLD = """
            ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;
            """;

    private static AnalysisReport analyze(String... pathAndSql) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < pathAndSql.length; i += 2) {
            files.add(new SourceFile(pathAndSql[i], pathAndSql[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        // These fixtures are about baselines and report formats, not lock_wait_timeout (missing-lock-wait-timeout).
        return new Analyzer(Configuration.DEFAULT.withTarget(TargetServer.parse("mysql:8.4"))
                .withLockWaitTimeoutSetByRunner(true)).analyze(files);
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().flatMap(Finding::withAllFolded).map(f -> f.rule() + "@" + f.path() + ":" + f.line())
                .toList();
    }

    @Test
    void knownFindingsAreSuppressedNewOnesKept() {
        AnalysisReport before = analyze("V1__create.sql", CREATE, "V2__old.sql", OLD);
        assertThat(before.findings()).hasSize(1);
        Baseline baseline = Baseline.of(before);
        assertThat(baseline.size()).isEqualTo(1);

        AnalysisReport after = analyze("V1__create.sql", CREATE, "V2__old.sql", OLD, "V3__new.sql",
                "ALTER TABLE orders MODIFY COLUMN total BIGINT;\n");
        Baseline.Applied applied = baseline.apply(after);
        assertThat(rules(applied.suppressed())).containsExactly("column-type-change@V2__old.sql:1");
        assertThat(rules(applied.report().findings())).containsExactly("column-type-change@V3__new.sql:1");
        assertThat(applied.unmatched()).isEmpty();
        // Files and statements stay: only findings go.
        assertThat(applied.report().files()).hasSize(3);
    }

    @Test
    void editsAboveAFindingOrWhitespaceChangesDoNotResurrectIt() {
        Baseline baseline = Baseline.of(analyze("V1__create.sql", CREATE, "V2__old.sql", OLD));
        AnalysisReport edited = analyze("V1__create.sql", CREATE, "V2__old.sql",
                "-- a comment added later\nSET SESSION lock_wait_timeout = 5;\n\nALTER TABLE orders\n"
                        + "    MODIFY COLUMN amount   BIGINT NOT NULL;\n");
        assertThat(edited.findings()).hasSize(1);
        assertThat(edited.findings().get(0).line()).isEqualTo(4);
        Baseline.Applied applied = baseline.apply(edited);
        assertThat(applied.report().findings()).isEmpty();
        assertThat(applied.suppressed()).hasSize(1);
    }

    @Test
    void aChangedStatementOrAnotherFileIsNew() {
        Baseline baseline = Baseline.of(analyze("V1__create.sql", CREATE, "V2__old.sql", OLD));
        Baseline.Applied changed = baseline.apply(analyze("V1__create.sql", CREATE, "V2__old.sql",
                "ALTER TABLE orders MODIFY COLUMN amount DECIMAL(12,2) NOT NULL;\n"));
        assertThat(changed.report().findings()).hasSize(1);
        assertThat(changed.unmatched()).hasSize(1);

        Baseline.Applied moved = baseline.apply(analyze("V1__create.sql", CREATE, "V9__copy.sql", OLD));
        assertThat(moved.report().findings()).hasSize(1);
    }

    @Test
    void countsIdenticalStatements() {
        String force = "ALTER TABLE orders FORCE;\n";
        Baseline baseline = Baseline.of(analyze("V1__create.sql", CREATE, "V2__old.sql", force));
        AnalysisReport twice = analyze("V1__create.sql", CREATE, "V2__old.sql", force + force);
        assertThat(rules(twice.findings())).containsExactly("table-rebuild@V2__old.sql:1",
                "table-rebuild@V2__old.sql:2", "repeated-rebuild@V2__old.sql:2");
        Baseline.Applied applied = baseline.apply(twice);
        assertThat(rules(applied.suppressed())).containsExactly("table-rebuild@V2__old.sql:1");
        assertThat(rules(applied.report().findings())).containsExactly("table-rebuild@V2__old.sql:2",
                "repeated-rebuild@V2__old.sql:2");

        Baseline both = Baseline.of(twice);
        assertThat(both.entries()).extracting(Baseline.Entry::rule, Baseline.Entry::count)
                .containsExactlyInAnyOrder(tuple("table-rebuild", 2), tuple("repeated-rebuild", 1));
        assertThat(both.apply(twice).report().findings()).isEmpty();
    }

    @Test
    void fixedFindingsAreReportedAsUnmatched() {
        Baseline baseline = Baseline.of(analyze("V1__create.sql", CREATE, "V2__old.sql", OLD));
        Baseline.Applied applied = baseline.apply(analyze("V1__create.sql", CREATE));
        assertThat(applied.unmatched()).extracting(Baseline.Entry::path).containsExactly("V2__old.sql");
    }

    @Test
    void writesAndReadsTheSameBaselineStably(@TempDir Path dir) throws Exception {
        AnalysisReport report = analyze("V1__create.sql", CREATE, "V2__old.sql",
                "ALTER TABLE orders FORCE;\nALTER TABLE orders FORCE;\n", "V3__x.sql",
                "ALTER TABLE orders MODIFY COLUMN total BIGINT;\n");
        Baseline baseline = Baseline.of(report);
        Path file = dir.resolve("sub/ddl-lint-baseline.json");
        baseline.write(file);
        String text = Files.readString(file);
        assertThat(text).contains("\"ddlLintBaseline\" : 1").contains("\"rule\" : \"column-type-change\"")
                .contains("\"rule\" : \"table-rebuild\"").contains("\"path\" : \"V2__old.sql\"")
                .contains("\"count\" : 2");
        Baseline read = Baseline.read(file);
        assertThat(read.entries()).isEqualTo(baseline.entries());
        assertThat(read.toJson()).isEqualTo(text);
        assertThat(read.apply(report).report().findings()).isEmpty();
    }

    @Test
    void badFilesAreNamedInTheError(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Baseline.read(dir.resolve("none.json")))
                .isInstanceOf(Baseline.BaselineException.class).hasMessageContaining("no such baseline file");
        Path notJson = Files.writeString(dir.resolve("a.json"), "{");
        assertThatThrownBy(() -> Baseline.read(notJson)).hasMessageStartingWith(notJson.toString())
                .hasMessageContaining("not valid JSON");
        Path other = Files.writeString(dir.resolve("b.json"), "{\"findings\": []}");
        assertThatThrownBy(() -> Baseline.read(other)).hasMessageContaining("not a ddl-lint baseline");
        Path missing = Files.writeString(dir.resolve("c.json"),
                "{\"ddlLintBaseline\": 1, \"findings\": [{\"rule\": \"x\", \"path\": \"V1.sql\"}]}");
        assertThatThrownBy(() -> Baseline.read(missing)).hasMessageContaining("findings[0]")
                .hasMessageContaining("\"fingerprint\" is missing");
        Path future = Files.writeString(dir.resolve("d.json"), "{\"ddlLintBaseline\": 7, \"findings\": []}");
        assertThatThrownBy(() -> Baseline.read(future)).hasMessageContaining("format 7 is not supported");
    }

    @Test
    void fingerprintIgnoresWhitespaceOnly() {
        assertThat(BaselineFingerprint.normalize("  ALTER TABLE a\n\t  ADD x INT ")).isEqualTo("ALTER TABLE a ADD x INT");
        assertThat(BaselineFingerprint.hash("a")).hasSize(16).isNotEqualTo(BaselineFingerprint.hash("b"));
    }
}
