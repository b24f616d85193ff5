package dev.ddllint.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads every {@code *.sql} of the shared corpus of real migration files (outside the repository; skipped when
 * absent). Location: system property {@code ddllint.corpus}, else {@code <repo>/../shared/corpus}.
 */
class ScriptReaderCorpusTest {

    /** How the real tool would be configured for the projects of the corpus. */
    private static final ScriptOptions OPTIONS = new ScriptOptions(Map.of(),
            Map.of("{$NAMESPACE}", "phabricator", "%TABLE_PREFIX%", "ost_", "#__", "jos_"), true);

    @Test
    void readsEveryCorpusFileQuicklyWithoutException() throws IOException {
        Path corpus = corpusDirectory();
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assumeTrue(!files.isEmpty(), "no .sql files in " + corpus);

        int statements = 0;
        int compound = 0;
        int customDelimiter = 0;
        Map<String, Integer> problems = new TreeMap<>();
        long totalNanos = 0;
        long slowestNanos = 0;
        Path slowest = null;
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            long start = System.nanoTime();
            ScriptReadResult result = ScriptReader.read(content, OPTIONS);
            long nanos = System.nanoTime() - start;
            assertThat(Duration.ofNanos(nanos)).as("time to read %s", file).isLessThan(Duration.ofSeconds(2));
            totalNanos += nanos;
            if (nanos > slowestNanos) {
                slowestNanos = nanos;
                slowest = file;
            }
            statements += result.statements().size();
            for (ScriptStatement statement : result.statements()) {
                compound += statement.compound() ? 1 : 0;
                customDelimiter += statement.delimiter().equals(";") ? 0 : 1;
                assertThat(statement.sql()).as("statement of %s", file).isNotBlank();
                assertThat(statement.line()).isPositive();
                assertThat(statement.column()).isPositive();
            }
            for (ScriptProblem problem : result.problems()) {
                problems.merge(problem.code(), 1, Integer::sum);
                System.out.printf("corpus problem: %s:%d:%d %s: %s%n", corpus.relativize(file), problem.line(),
                        problem.column(), problem.code(), problem.message());
            }
        }
        System.out.printf("corpus %s: %d files, %d statements (%d compound, %d under a custom delimiter),"
                        + " problems by code %s; read in %d ms, slowest %s in %d ms%n",
                corpus, files.size(), statements, compound, customDelimiter, problems, totalNanos / 1_000_000,
                slowest == null ? "-" : corpus.relativize(slowest), slowestNanos / 1_000_000);
        assertThat(statements).isGreaterThanOrEqualTo(files.size() / 2);
    }

    static Path corpusDirectory() {
        String configured = System.getProperty("ddllint.corpus");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return repoRoot().resolve("..").resolve("shared").resolve("corpus").normalize();
    }

    static Path repoRoot() {
        String configured = System.getProperty("ddllint.repoRoot");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return dir;
    }
}
