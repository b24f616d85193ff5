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
        System.out.printf("benchmark: script reading %d ms (%.1f µs/statement); parsing %d ms (%.0f µs/statement)%n",
                reading, reading * 1000.0 / all.size(), parsing, parsing * 1000.0 / all.size());
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
