package dev.ddllint.corpus;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.MigrationFiles;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.Configuration;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.golden.RepoRoot;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.StatementKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every file of the shared corpus of real migrations (../shared/corpus, or -Dddllint.corpus=…; skipped when
 * absent). Every statement must be modelled or reported as unparseable, no exception may escape, no file may take
 * more than 2 s; the coverage figures are printed.
 */
public class CorpusCoverageTest {

    /** Table-name tokens of the corpus projects' own migration tools. */
    static final Map<String, String> REPLACEMENTS = Map.of("{$NAMESPACE}", "phabricator", "%TABLE_PREFIX%", "ost_",
            "#__", "jos_");

    public static Path corpus() {
        String prop = System.getProperty("ddllint.corpus");
        Path dir = prop != null ? Path.of(prop) : RepoRoot.find().resolve("../shared/corpus").normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir), "no corpus at " + dir);
        return dir;
    }

    static Configuration config() {
        Configuration d = Configuration.DEFAULT;
        return new Configuration(d.target(), d.failOn(), Map.of(), REPLACEMENTS, Map.of(), d.parseTimeoutMillis(),
                NewTableScope.FILE);
    }

    @Test
    void everyStatementIsModelledOrReported() throws Exception {
        Path corpus = corpus();
        int files = 0;
        int statements = 0;
        int modelled = 0;
        int alterOps = 0;
        int recognisedOps = 0;
        int recovered = 0;
        int embedded = 0;
        int columnChanges = 0;
        int exactColumnChanges = 0;
        long slowest = 0;
        String slowestFile = "";
        Map<String, Integer> findings = new TreeMap<>();
        List<Path> projects;
        try (Stream<Path> s = Files.list(corpus)) {
            projects = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path project : projects) {
            List<SourceFile> sources = MigrationFiles.collect(List.of(project), corpus);
            // Each file alone must analyse too; the slowest is printed, not asserted (speed: bench/, docs/benchmarks.md).
            for (SourceFile f : sources) {
                long start = System.nanoTime();
                new Analyzer(config()).analyze(List.of(f));
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (ms > slowest) {
                    slowest = ms;
                    slowestFile = f.path();
                }
            }
            // The whole project in migration order, so earlier CREATE TABLEs inform later verdicts.
            AnalysisReport report = new Analyzer(config()).analyze(sources);
            files += report.files().size();
            for (FileReport file : report.files()) {
                for (StatementReport s : file.statements()) {
                    if (s.embedded()) {
                        embedded++;
                    } else {
                        statements++;
                    }
                    boolean unknownClause = s.statement().operations().stream()
                            .anyMatch(o -> o.kind() == ClauseKind.UNKNOWN);
                    if (s.statement().parsed()) {
                        modelled += s.embedded() ? 0 : 1;
                        recovered += s.statement().parseNote() != null ? 1 : 0;
                    } else {
                        assertThat(report.findings()).as("unparsed %s:%d is reported", file.path(), s.source().line())
                                .anyMatch(f -> f.path().equals(file.path()) && f.line() == s.source().line()
                                        && f.rule().equals("unparseable-statement"));
                    }
                    if (s.statement().kind() == StatementKind.ALTER_TABLE) {
                        alterOps += s.statement().operations().size();
                        recognisedOps += (int) s.statement().operations().stream()
                                .filter(o -> o.kind() != ClauseKind.UNKNOWN).count();
                    }
                    if (unknownClause) {
                        assertThat(report.findings()).anyMatch(f -> f.path().equals(file.path())
                                && f.line() == s.source().line() && f.rule().equals("unparseable-statement"));
                    }
                    if (s.verdict() != null) {
                        for (ClassifiedOperation c : s.verdict().operations()) {
                            ClauseKind k = c.operation().kind();
                            if (k == ClauseKind.MODIFY_COLUMN || k == ClauseKind.CHANGE_COLUMN) {
                                columnChanges++;
                                exactColumnChanges += c.isExact() ? 1 : 0;
                            }
                        }
                    }
                }
            }
            report.findings().forEach(f -> findings.merge(f.rule() + "/" + f.severity().id(), 1, Integer::sum));
        }
        System.out.printf("corpus: %d files, %d statements, %d modelled (%.2f %%); ALTER operations recognised "
                        + "%d / %d (%.2f %%); %d DDL strings for PREPARE analysed too; %d statements JSqlParser rejected were recovered by the clause reader; "
                        + "MODIFY/CHANGE exact %d, conservative %d; slowest file %d ms (%s)%n",
                files, statements, modelled, 100.0 * modelled / statements, recognisedOps, alterOps,
                100.0 * recognisedOps / alterOps, embedded, recovered, exactColumnChanges, columnChanges - exactColumnChanges, slowest,
                slowestFile);
        System.out.println("corpus findings: " + findings);
        assertThat(files).isGreaterThan(0);
        assertThat(100.0 * modelled / statements).as("statements modelled (%)").isGreaterThanOrEqualTo(99.0);
        assertThat(100.0 * recognisedOps / alterOps).as("ALTER operations recognised (%)").isGreaterThanOrEqualTo(99.0);
    }

    static List<Path> sqlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
