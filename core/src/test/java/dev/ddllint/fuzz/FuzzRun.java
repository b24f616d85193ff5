package dev.ddllint.fuzz;

import dev.ddllint.kb.TargetServer;
import dev.ddllint.run.LintRun;
import dev.ddllint.run.RunOverrides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The fuzzer: {@code cases} files made by the {@link Mutator} from one seed, each analysed in this JVM
 * ({@link CaseCheck}, timed; every 10th again under tight limits, every 20th twice to compare the reports), written
 * in batches to a temporary folder that the CLI then checks in a child JVM with a small heap ({@link ChildCli}).
 * A failing input is written to {@code core/target/fuzz/} with its seed and index, and shrunk.
 */
final class FuzzRun {

    /** How the run is set up; see {@link FuzzTest} for the defaults and the system properties. */
    record Settings(long seed, int cases, int batchSize, int childEvery, int maxCount, int maxLiteral,
                    String childHeap, long hangSeconds, Path failures) {
    }

    /** One input that broke a property. */
    record Failure(long seed, int index, String mutation, String kind, String detail, Path reproducer) {
        String line() {
            return String.format(Locale.ROOT, "  %s  case %d (%s)  seed %d  %s%n      %s", kind, index, mutation, seed,
                    reproducer == null ? "" : reproducer, detail.lines().limit(4).reduce((a, b) -> a + "\n      " + b)
                            .orElse(""));
        }
    }

    /** One case's analysis time. */
    record Timing(int index, String mutation, long nanos, int bytes) {
    }

    /** What the run saw. */
    static final class Result {
        int cases;
        long statements;
        long bytes;
        int filesInChildRuns;
        int childRuns;
        long childPeakHeap = -1;
        long childLiveHeap = -1;
        long childMaxMillis;
        String childHow = "none";
        int tightChecks;
        int determinismChecks;
        int generatorErrors;
        long wallMillis;
        final List<Failure> failures = new ArrayList<>();
        final Map<String, Integer> perMutation = new TreeMap<>();
        final List<Timing> slowest = new ArrayList<>();

        void time(Timing t) {
            slowest.add(t);
            if (slowest.size() > 40) {
                slowest.sort(Comparator.comparingLong(Timing::nanos).reversed());
                slowest.subList(10, slowest.size()).clear();
            }
        }

        private static String mib(long bytes) {
            return bytes < 0 ? "n/a (no collection)" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        }

        List<Timing> slowest(int n) {
            return slowest.stream().sorted(Comparator.comparingLong(Timing::nanos).reversed()).limit(n).toList();
        }

        long crashes() {
            return failures.stream().filter(f -> f.kind().startsWith("crash") || f.kind().startsWith("exit-")).count();
        }

        long hangs() {
            return failures.stream().filter(f -> f.kind().startsWith("hang")).count();
        }

        String summary(Settings s) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "fuzz: seed %d, %,d files (cases), %,d statements in their reports, "
                            + "%,d bytes; %,d tight-limit checks, %,d determinism checks%n", s.seed(), cases, statements,
                    bytes, tightChecks, determinismChecks));
            b.append(String.format(Locale.ROOT, "fuzz: child JVM (-Xmx%s, %s): %d runs over %,d files, peak heap %s "
                            + "before a collection, %s live after one; slowest run %,d ms%n", s.childHeap(), childHow,
                    childRuns, filesInChildRuns, mib(childPeakHeap), mib(childLiveHeap), childMaxMillis));
            b.append(String.format(Locale.ROOT, "fuzz: failures %d (crashes/exit 2: %d, hangs: %d); cases the fuzzer "
                    + "failed to generate: %d; wall time %,d ms%n", failures.size(), crashes(), hangs(), generatorErrors,
                    wallMillis));
            b.append("fuzz: slowest statements (analysis + JSON report, in this JVM):\n");
            for (Timing t : slowest(5)) {
                b.append(String.format(Locale.ROOT, "  %8.1f ms  case %d  %s  %,d bytes%n", t.nanos() / 1e6,
                        t.index(), t.mutation(), t.bytes()));
            }
            b.append("fuzz: cases per mutation: ").append(perMutation).append('\n');
            failures.forEach(f -> b.append(f.line()).append('\n'));
            return b.toString();
        }
    }

    private final Settings settings;
    private final SeedStatements seeds;
    private final Result result = new Result();
    private final Map<String, Integer> shrunkPerKind = new TreeMap<>();
    private ExecutorService worker = newWorker();

    FuzzRun(Settings settings, SeedStatements seeds) {
        this.settings = settings;
        this.seeds = seeds;
    }

    /** The random source of case {@code index}: the same case for the same seed, whatever ran before it. */
    static Random random(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    Result run() throws Exception {
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("ddl-lint-fuzz-");
        List<LintRun> runs = new ArrayList<>();
        for (String target : List.of("mysql:8.4.0", "mariadb:10.11", "mysql:8.0.35")) {
            runs.add(LintRun.builder().configFolders(List.of(work)).reportBase(work)
                    .overrides(RunOverrides.NONE.withTarget(TargetServer.parse(target))).load());
        }
        LintRun tight = LintRun.builder().configFolders(List.of(work)).reportBase(work).overrides(RunOverrides.NONE
                .withMaxStatementSize(4096L).withMaxFileSize(65536L).withMaxFindingsPerRule(3)).load();
        Mutator mutator = new Mutator(seeds, settings.maxCount(), settings.maxLiteral());
        ChildCli child = new ChildCli(settings.childHeap(), Math.max(600, settings.hangSeconds() * 5));
        try {
            int batches = (settings.cases() + settings.batchSize() - 1) / settings.batchSize();
            for (int batch = 0; batch < batches; batch++) {
                Path folder = Files.createDirectories(work.resolve("batch-" + batch));
                int from = batch * settings.batchSize();
                int to = Math.min(settings.cases(), from + settings.batchSize());
                for (int i = from; i < to; i++) {
                    Mutator.Input input;
                    try {
                        input = mutator.next(random(settings.seed(), i));
                    } catch (RuntimeException | StackOverflowError e) {
                        // The fuzzer's own bug, not the tool's: counted and printed, the run goes on.
                        result.generatorErrors++;
                        System.out.println("fuzz: case " + i + " not generated: " + e);
                        continue;
                    }
                    String name = String.format(Locale.ROOT, "V%d__%s.sql", i, input.mutation().toLowerCase(Locale.ROOT)
                            .replaceAll("[^a-z0-9]+", "_"));
                    result.cases++;
                    result.bytes += input.bytes().length;
                    result.perMutation.merge(input.mutation().startsWith(Mutator.STACKED) ? Mutator.STACKED
                            : input.mutation(), 1, Integer::sum);
                    checkCase(runs.get(i % runs.size()), i, name, input, false);
                    if (i % 10 == 3) {
                        result.tightChecks++;
                        checkCase(tight, i, name, input, true);
                    }
                    Files.write(folder.resolve(name), input.bytes());
                }
                if (batch % settings.childEvery() == 0) {
                    checkInChild(child, folder, batch);
                }
                deleteTree(folder);
            }
        } finally {
            worker.shutdownNow();
            deleteTree(work);
        }
        result.wallMillis = (System.nanoTime() - start) / 1_000_000;
        return result;
    }

    private void checkCase(LintRun run, int index, String name, Mutator.Input input, boolean tightLimits)
            throws IOException {
        CaseCheck.Outcome o = analyse(run, name, input.bytes());
        String label = input.mutation() + (tightLimits ? " (tight limits)" : "");
        if (!tightLimits) {
            result.statements += o.statements();
            result.time(new Timing(index, input.mutation(), o.nanos(), input.bytes().length));
        }
        if (!o.ok()) {
            fail(run, index, label, name, input.bytes(), o);
            return;
        }
        if (!tightLimits && index % 20 == 7) {
            result.determinismChecks++;
            CaseCheck.Outcome again = analyse(run, name, input.bytes());
            if (again.ok() && !again.json().equals(o.json())) {
                fail(run, index, label, name, input.bytes(), new CaseCheck.Outcome("nondeterministic",
                        "the same file analysed twice gave two different JSON reports", 0, 0, null));
            }
        }
    }

    /** One analysis on the worker thread (the default stack, as a CLI's main thread), with a watchdog for hangs. */
    private CaseCheck.Outcome analyse(LintRun run, String name, byte[] bytes) {
        Future<CaseCheck.Outcome> f = worker.submit(() -> CaseCheck.run(run, name, bytes));
        try {
            return f.get(settings.hangSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow(); // the stuck thread is a daemon: leave it, take a new one
            worker = newWorker();
            return new CaseCheck.Outcome("hang", "no answer within " + settings.hangSeconds() + " s", 0, 0, null);
        } catch (ExecutionException e) {
            return new CaseCheck.Outcome("crash:" + e.getCause().getClass().getSimpleName(),
                    CaseCheck.stack(e.getCause()), 0, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void fail(LintRun run, int index, String mutation, String name, byte[] bytes, CaseCheck.Outcome o)
            throws IOException {
        Files.createDirectories(settings.failures());
        String base = "seed-" + settings.seed() + "-case-" + index;
        Path reproducer = settings.failures().resolve(base + ".sql");
        Files.write(reproducer, bytes);
        StringBuilder note = new StringBuilder("seed " + settings.seed() + ", case " + index + ", mutation " + mutation
                + ", file name " + name + "\nfailure: " + o.failure() + "\n" + o.detail() + "\n"
                + "reproduce: mvn -o -pl core test -Pfuzz -Dddllint.fuzz.seed=" + settings.seed()
                + " -Dddllint.fuzz.statements=" + (index + 1) + " (or analyse " + reproducer.getFileName() + ")\n");
        // Shrink the first few of each kind only: later ones are most often the same bug again.
        if (!o.failure().equals("hang") && !o.failure().equals("nondeterministic")
                && shrunkPerKind.merge(o.failure(), 1, Integer::sum) <= 3) {
            byte[] small = InputShrinker.shrink(bytes, b -> o.failure().equals(analyse(run, name, b).failure()), 300);
            Path min = settings.failures().resolve(base + ".min.sql");
            Files.write(min, small);
            note.append("shrunk to ").append(small.length).append(" bytes: ").append(min.getFileName()).append('\n');
        }
        Files.writeString(settings.failures().resolve(base + ".txt"), note, StandardCharsets.UTF_8);
        result.failures.add(new Failure(settings.seed(), index, mutation, o.failure(), o.detail(), reproducer));
    }

    private void checkInChild(ChildCli child, Path folder, int batch) throws IOException, InterruptedException {
        List<String> expected;
        try (Stream<Path> s = Files.list(folder)) {
            expected = s.map(p -> folder.getFileName() + "/" + p.getFileName()).sorted().toList();
        }
        ChildCli.Run r = child.check(folder);
        result.childRuns++;
        result.filesInChildRuns += expected.size();
        result.childHow = r.how();
        result.childPeakHeap = Math.max(result.childPeakHeap, r.peakHeapBytes());
        result.childLiveHeap = Math.max(result.childLiveHeap, r.liveHeapBytes());
        result.childMaxMillis = Math.max(result.childMaxMillis, r.millis());
        String kind = null;
        String detail = null;
        if (r.timedOut()) {
            kind = "hang (child JVM)";
            detail = "the CLI did not finish within its limit";
        } else if (r.exitCode() != 0 && r.exitCode() != 1) {
            kind = r.stderr().contains("out of memory") || r.stderr().contains("OutOfMemoryError")
                    ? "crash:OutOfMemoryError (child JVM)" : "exit-" + r.exitCode() + " (child JVM)";
            detail = r.stderr();
        } else if (r.json() == null) {
            kind = "json-invalid (child JVM)";
            detail = "exit " + r.exitCode() + " but no JSON report; stderr: " + r.stderr();
        } else {
            String problem = CaseCheck.jsonProblem(r.json(), expected);
            if (problem != null) {
                kind = (problem.startsWith("missing") ? "file-missing" : "json-invalid") + " (child JVM)";
                detail = problem;
            }
        }
        if (kind != null) {
            Path keep = settings.failures().resolve("seed-" + settings.seed() + "-batch-" + batch);
            copyTree(folder, keep);
            result.failures.add(new Failure(settings.seed(), batch * settings.batchSize(), "batch of "
                    + expected.size() + " files", kind, detail, keep));
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ddl-lint-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
