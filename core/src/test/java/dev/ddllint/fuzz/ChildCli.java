package dev.ddllint.fuzz;

import dev.ddllint.golden.RepoRoot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder of fuzzed files checked as a user would: the CLI in a child JVM with a small heap, its exit code, its JSON
 * report and, from its GC log, the most heap it used. The real CLI jar ({@code -Dddllint.fuzz.cliJar}, default
 * {@code cli/target/ddl-lint.jar}) when it is built, else {@link FuzzCliMain}, the same calls into core.
 */
final class ChildCli {

    /**
     * What the child did. {@code peakHeapBytes}: the largest heap in use before a collection (what the heap had to
     * hold, garbage included); {@code liveHeapBytes}: the largest left after one (what the run kept); -1 with none.
     */
    record Run(int exitCode, boolean timedOut, String json, String stderr, long peakHeapBytes, long liveHeapBytes,
               long millis, String how) {
    }

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final String maxHeap;
    private final long timeoutSeconds;

    ChildCli(String maxHeap, long timeoutSeconds) {
        this.maxHeap = maxHeap;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The CLI jar this run uses, or null for the stand-in. */
    static Path cliJar() {
        String prop = System.getProperty("ddllint.fuzz.cliJar");
        Path jar = prop != null && !prop.isBlank() ? Path.of(prop) : RepoRoot.find().resolve("cli/target/ddl-lint.jar");
        return Files.isRegularFile(jar) ? jar : null;
    }

    Run check(Path folder) throws IOException, InterruptedException {
        Path work = folder.getParent();
        Path out = work.resolve(folder.getFileName() + ".json");
        Path gc = work.resolve(folder.getFileName() + ".gc.log");
        Path err = work.resolve(folder.getFileName() + ".stderr");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + maxHeap, "-Xlog:gc:file=" + gc, "-XX:+UseSerialGC"));
        Path jar = cliJar();
        String how;
        if (jar != null) {
            command.addAll(List.of("-jar", jar.toString(), "check", folder.getFileName().toString(), "--format",
                    "json", "--output", out.toString(), "--color=never"));
            how = "the CLI jar " + jar.getFileName();
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), FuzzCliMain.class.getName(),
                    folder.getFileName().toString(), out.toString()));
            how = "FuzzCliMain (cli/target/ddl-lint.jar not built)";
        }
        Files.deleteIfExists(out);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String json = Files.isRegularFile(out) ? Files.readString(out, StandardCharsets.UTF_8) : null;
        String stderr = Files.isRegularFile(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
        long[] heap = heap(gc);
        return new Run(done ? p.exitValue() : -1, !done, json, stderr, heap[0], heap[1], millis, how);
    }

    /** The largest heap in use before and after a collection in the unified GC log ({@code 12M->3M(30M)}). */
    static long[] heap(Path gcLog) throws IOException {
        long[] peak = {-1, -1};
        if (!Files.isRegularFile(gcLog)) {
            return peak;
        }
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = GC_LINE.matcher(line);
            while (m.find()) {
                peak[0] = Math.max(peak[0], bytes(m.group(1), m.group(2)));
                peak[1] = Math.max(peak[1], bytes(m.group(3), m.group(4)));
            }
        }
        return peak;
    }

    private static long bytes(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "K" -> v << 10;
            case "M" -> v << 20;
            default -> v << 30;
        };
    }
}
