package dev.ddllint.verify;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.MigrationFiles;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.Configuration;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.corpus.CorpusCoverageTest;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Verifier} over a slice of {@code ../shared/corpus} (skipped when absent): each project's migrations
 * replayed on each server, every verdict checked; the counts are printed (docs/verify.md quotes them). No
 * disagreement is allowed; {@code -Dddllint.verify.projects=a,b} picks other projects.
 */
class CorpusSliceVerifyTest {

    /**
     * Request Tracker's upgrade scripts: ALTERs of many kinds, about a minute on the three servers together.
     * Roundcube adds 200 statements at about a minute per server; the other small projects hold upgrade scripts
     * only (no CREATE TABLE to replay: every statement is NOT_VERIFIED without a source database).
     */
    static final List<String> SLICE = List.of("bestpractical__rt");
    static final Map<String, String> REPLACEMENTS = Map.of("{$NAMESPACE}", "phabricator", "%TABLE_PREFIX%", "ost_",
            "#__", "jos_");

    @TestFactory
    List<DynamicTest> aCorpusSliceAgreesWithTheServers() {
        Path corpus = CorpusCoverageTest.corpus();
        String prop = System.getProperty("ddllint.verify.projects");
        List<String> projects = prop == null || prop.isBlank() ? SLICE : List.of(prop.split(","));
        return TestServers.eachServer(server -> {
            Configuration d = Configuration.DEFAULT;
            Configuration config = new Configuration(server.target(), d.failOn(), Map.of(), REPLACEMENTS, Map.of(),
                    d.parseTimeoutMillis(), NewTableScope.NONE);
            Map<Agreement.Outcome, Integer> total = new EnumMap<>(Agreement.Outcome.class);
            List<String> disagreements = new ArrayList<>();
            int notes = 0;
            long start = System.nanoTime();
            for (String project : projects) {
                Path dir = corpus.resolve(project);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                List<SourceFile> files = MigrationFiles.collect(List.of(dir), corpus);
                AnalysisReport report = new Analyzer(config).analyze(files);
                long projectStart = System.nanoTime();
                Verification v = VerifierTest.verify(server, report, VerdictSource.ANALYSIS);
                v.counts().forEach((o, n) -> total.merge(o, n, Integer::sum));
                notes += v.notes().size();
                System.out.println("verify " + server.name() + " " + project + ": " + v.summary() + "; "
                        + v.notes().size() + " replay notes, " + String.format(Locale.ROOT, "%.1f s",
                        (System.nanoTime() - projectStart) / 1e9));
                for (StatementReport s : v.disagreements()) {
                    disagreements.add(v.pathOf(s) + ":" + s.source().line() + " " + s.server().outcome() + " "
                            + s.server().details() + "\n" + s.server().reproducer());
                }
                if (Boolean.getBoolean("ddllint.verify.verbose")) {
                    v.notes().forEach(n -> System.out.println("  note " + n));
                    v.checked().stream().filter(s -> s.server().outcome() != Agreement.Outcome.CONFIRMED)
                            .forEach(s -> System.out.println("  " + v.pathOf(s) + ":" + s.source().line() + " "
                                    + s.server().outcome() + " " + s.server().details()));
                }
            }
            int checked = total.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf(Locale.ROOT, "verify %s corpus slice: %d statements checked %s, %d replay notes, "
                    + "%.1f s%n", server.name(), checked, total, notes, (System.nanoTime() - start) / 1e9);
            assertThat(checked).as("statements checked").isPositive();
            assertThat(disagreements).as("disagreements (knowledge-base errors)").isEmpty();
        });
    }
}
