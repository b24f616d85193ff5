package dev.ddllint.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory follows the largest file, not the run: a 10,000-file folder analysed in a child JVM with a 96 MiB heap
 * (the whole-report path ran out of memory there) and a 100,000-statement file in 192 MiB, the report streamed to
 * a file. For the folder, the heap in use after a full
 * GC when the last file is reported is no larger than when a tenth of them were (plus a small margin for the
 * summary's counters): nothing of a reported file stays. Memory is asserted; time is not.
 */
class BoundedMemoryTest {

    private static final long MIB = 1L << 20;
    private static final Pattern PROBE = Pattern.compile("files=(\\d+) early=(\\d+) late=(\\d+) exit=(\\d+)");

    @Test
    void aTenThousandFileFolderRunsInASmallHeapThatDoesNotGrowWithTheFiles(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("migrations"));
        for (int i = 1; i <= 10_000; i++) {
            Files.writeString(folder.resolve("V" + i + "__t" + i + ".sql"), "CREATE TABLE t" + i
                    + " (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL);\nALTER TABLE t" + i
                    + " ADD COLUMN c INT, ALGORITHM=INSTANT;\nALTER TABLE t" + i + " MODIFY name VARCHAR(300) NOT NULL;\n",
                    StandardCharsets.UTF_8);
        }
        Map<String, Long> probe = probe(folder, dir.resolve("report.json"), "96m");
        assertThat(probe.get("files")).isEqualTo(10_000L);
        assertThat(probe.get("late")).as("heap in use after the last file vs after the first thousand, bytes")
                .isLessThan(probe.get("early") + 4 * MIB);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(report.at("/summary/files").asInt()).isEqualTo(10_000);
        assertThat(report.get("files")).hasSize(10_000);
        assertThat(report.at("/summary/statements").asInt()).isEqualTo(30_000);
        // A finding per file at least (the VARCHAR past 255 bytes), all of them after the files.
        assertThat(report.get("findings").size()).isGreaterThanOrEqualTo(10_000);
        assertThat(report.at("/summary/infos").asLong() + report.at("/summary/warnings").asLong()
                + report.at("/summary/errors").asLong()).isEqualTo(report.get("findings").size());
    }

    @Test
    void aHundredThousandStatementFileRunsInABoundedHeap(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("migrations"));
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("V1__many.sql"), StandardCharsets.UTF_8)) {
            // 100 tables whose definitions stay the same size (a table of 50,000 columns would measure the
            // schema, not the report): ALTERs of table options and INSERTs.
            for (int t = 0; t < 100; t++) {
                w.write("CREATE TABLE t" + t + " (id INT PRIMARY KEY, a INT);\n");
            }
            for (int i = 100; i < 100_000; i++) {
                w.write(i % 2 == 0 ? "ALTER TABLE t" + (i % 100) + " COMMENT 'c" + i + "', ALGORITHM=INPLACE;\n"
                        : "INSERT INTO t" + (i % 100) + " (id, a) VALUES (" + i + ", " + i + ");\n");
            }
        }
        // One file is held whole while it is replayed (its statements, then its report): about 1 KiB a statement,
        // so this one needs twice the folder's heap (docs/benchmarks.md), and no more for the findings it streams.
        Map<String, Long> probe = probe(folder, dir.resolve("report.json"), "192m");
        assertThat(probe.get("files")).isEqualTo(1L);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(report.at("/summary/statements").asInt()).isEqualTo(100_000);
    }

    /** Runs {@link MemoryProbe} with the heap given and reads its figures. */
    private static Map<String, Long> probe(Path folder, Path report, String heap) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                MemoryProbe.class.getName(), folder.toString(), report.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        Matcher m = PROBE.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        System.out.printf("BoundedMemoryTest %s: %s files, heap in use after GC %d MiB at a tenth, %d MiB at the end%n",
                folder.getParent().getFileName(), m.group(1), Long.parseLong(m.group(2)) / MIB,
                Long.parseLong(m.group(3)) / MIB);
        return Map.of("files", Long.parseLong(m.group(1)), "early", Long.parseLong(m.group(2)), "late",
                Long.parseLong(m.group(3)), "exit", Long.parseLong(m.group(4)));
    }
}
