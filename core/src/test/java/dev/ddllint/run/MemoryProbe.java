package dev.ddllint.run;

import dev.ddllint.analysis.MigrationFiles;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.TableSource;
import dev.ddllint.estimate.StatisticsSource;
import dev.ddllint.report.ReportFormat;
import dev.ddllint.report.ReportOptions;
import dev.ddllint.report.StreamingReport;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM with a small heap by {@link BoundedMemoryTest}: a streamed check of a folder into a JSON
 * report, measuring the heap still in use (after a full GC) when a tenth of the files and when all of them have
 * been reported. Prints {@code files=… early=… late=… exit=…} (bytes) on standard output.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path report = Path.of(args[1]);
        LintRun run = LintRun.builder().configFolders(List.of()).load();
        List<SourceFile> files = MigrationFiles.collect(List.of(folder), folder,
                run.configuration().limits().maxFileSize());
        int early = Math.max(1, files.size() / 10);
        long[] retained = new long[2];
        int[] seen = {0};
        StreamedResult result;
        try (Writer out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            StreamingReport json = ReportFormat.JSON.stream(run.header(), ReportOptions.DEFAULT, out);
            result = run.stream(files, TableSource.NONE, StatisticsSource.NONE, (file, findings) -> {
                json.accept(file, findings);
                seen[0]++;
                if (seen[0] == early) {
                    retained[0] = usedAfterGc();
                }
            });
            retained[1] = usedAfterGc();
            json.finish();
        }
        System.out.println("files=" + result.files() + " early=" + retained[0] + " late=" + retained[1]
                + " exit=" + result.exitCode());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
