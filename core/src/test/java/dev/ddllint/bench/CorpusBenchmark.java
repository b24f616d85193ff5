package dev.ddllint.bench;

import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.MigrationFiles;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.Configuration;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.corpus.CorpusCoverageTest;
import dev.ddllint.parse.StatementParser;
import dev.ddllint.script.ScriptOptions;
import dev.ddllint.script.ScriptReader;
import dev.ddllint.script.ScriptStatement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Throughput and memory over the shared corpus. Not a timed assertion: it only runs with -Dddllint.benchmark=true
 * and prints the figures that docs/benchmarks.md records.
 * <pre>mvn -pl core test -Dtest=CorpusBenchmark -Dddllint.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class CorpusBenchmark {

    @Test
    void corpusThroughput() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("ddllint.benchmark"), "benchmark: pass -Dddllint.benchmark=true");
        Path corpus = CorpusCoverageTest.corpus();
        List<SourceFile> files = MigrationFiles.collect(List.of(corpus), corpus);
        long bytes = files.stream().mapToLong(f -> f.content().length).sum();
        Configuration config = new Configuration(Configuration.DEFAULT.target(), Configuration.DEFAULT.failOn(),
                Map.of(), Map.of("{$NAMESPACE}", "p", "%TABLE_PREFIX%", "ost_", "#__", "jos_"), Map.of(), 2000,
                NewTableScope.FILE);
        resetPeaks();
        long cold = time(() -> new Analyzer(config).analyze(files));
        int statements = new Analyzer(config).analyze(files).statementCount();
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            warm.add(time(() -> new Analyzer(config).analyze(files)));
        }
        long best = warm.stream().mapToLong(Long::longValue).min().orElseThrow();
        long median = warm.stream().sorted().toList().get(2);
        long peakHeap = peakHeap();
        dev.ddllint.analysis.AnalysisReport kept = new Analyzer(config).analyze(files);
        long retained = retainedHeap();

        // One large file: 100,000 ALTER/UPDATE statements against one table.
        StringBuilder big = new StringBuilder("CREATE TABLE big (id INT PRIMARY KEY, a INT, note VARCHAR(20));\n");
        for (int i = 0; i < 50_000; i++) {
            big.append("ALTER TABLE big ADD COLUMN c").append(i % 50).append(" INT, ALGORITHM=INSTANT;\n")
                    .append("UPDATE big SET a = ").append(i).append(" WHERE id = ").append(i).append(";\n");
        }
        byte[] bigFile = big.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long bigMs = time(() -> new Analyzer(config).analyze(List.of(new SourceFile("big.sql", bigFile))));

        // The same work on one thread: each file analysed alone.
        long single = time(() -> files.forEach(f -> new Analyzer(config).analyze(List.of(f))));

        // Where the time goes: script reading alone, then JSqlParser + readers per statement.
        List<ScriptStatement> all = new ArrayList<>();
        long reading = time(() -> files.forEach(f -> all.addAll(ScriptReader.read(f.content(),
                ScriptOptions.withTokenReplacements(config.replacements())).statements())));
        StatementParser parser = new StatementParser(2000);
        long parsing = time(() -> all.forEach(s -> parser.parse(s.sql())));

        System.out.printf("benchmark: %d files, %d statements, %.1f MiB; %d cores, Java %s%n", files.size(),
                statements, bytes / 1048576.0, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf("benchmark: cold %d ms; warm best %d ms, median %d ms (%.0f statements/s); one thread "
                + "%d ms; peak heap %.0f MiB%n", cold, best, median, statements * 1000.0 / median, single,
                peakHeap / 1048576.0);
        System.out.printf("benchmark: heap retained by one report of the whole corpus %.0f MiB (%d findings)%n",
                retained / 1048576.0, kept.findings().size());
        System.out.printf("benchmark: one %.1f MiB file of 100,001 statements: %d ms%n", bigFile.length / 1048576.0,
                bigMs);
        System.out.printf("benchmark: script reading %d ms (%.1f µs/statement); parsing %d ms (%.0f µs/statement)%n",
                reading, reading * 1000.0 / all.size(), parsing, parsing * 1000.0 / all.size());
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
