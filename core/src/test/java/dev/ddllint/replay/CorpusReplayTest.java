package dev.ddllint.replay;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.MigrationFiles;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.Configuration;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.corpus.CorpusCoverageTest;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.replay.ReplayComparison.Line;
import dev.ddllint.replay.ReplayComparison.Outcome;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a check: replays every corpus project ({@code ../shared/corpus}) on every real server of
 * {@link TestServers} with {@link CorpusReplay} and compares each ALTER/CREATE INDEX/DROP INDEX/OPTIMIZE with
 * ddl-lint's verdict ({@link ReplayComparison}). Runs only with {@code -Dddllint.replay=true};
 * {@code -Dddllint.replay.projects=REGEX} picks projects. Servers run in parallel, one thread each, projects one
 * after the other. Reports: {@code target/replay/<server>.tsv} (one line per classified statement) and
 * {@code target/replay/<server>.log.tsv} (statements the server refused or the replay skipped). Fails only on a
 * crash or when nothing at all was classified.
 */
class CorpusReplayTest {

    record Project(String name, List<SourceFile> files) {
    }

    record Result(TestServers.Server server, String project, CorpusReplay.Run run,
                  ReplayComparison.Comparison comparison) {
    }

    @Test
    void replayEveryProjectOnEveryServer() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("ddllint.replay"), "the corpus replay runs with -Dddllint.replay=true");
        Path corpus = CorpusCoverageTest.corpus();
        String filter = System.getProperty("ddllint.replay.projects", "");
        Pattern only = filter.isBlank() ? null : Pattern.compile(filter);
        List<Project> projects = new ArrayList<>();
        try (Stream<Path> s = Files.list(corpus)) {
            for (Path dir : s.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (only == null || only.matcher(name).find()) {
                    projects.add(new Project(name, MigrationFiles.collect(List.of(dir), corpus)));
                }
            }
        }
        assertThat(projects).as("projects").isNotEmpty();
        List<TestServers.Server> servers = TestServers.all();
        ExecutorService pool = Executors.newFixedThreadPool(servers.size());
        List<Future<List<Result>>> futures = new ArrayList<>();
        for (TestServers.Server server : servers) {
            futures.add(pool.submit(() -> runServer(server, projects)));
        }
        int classified = 0;
        StringBuilder out = new StringBuilder();
        try {
            for (Future<List<Result>> f : futures) {
                List<Result> results = f.get();
                classified += summarise(results, out);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.print(out);
        System.out.flush();
        assertThat(classified).as("statements classified over all servers and projects").isGreaterThan(0);
    }

    private static List<Result> runServer(TestServers.Server server, List<Project> projects) throws Exception {
        List<Result> results = new ArrayList<>();
        Configuration config = new Configuration(server.target(), Configuration.DEFAULT.failOn(), Map.of(),
                CorpusReplay.REPLACEMENTS, Map.of(), Configuration.DEFAULT.parseTimeoutMillis(), NewTableScope.NONE);
        for (Project p : projects) {
            CorpusReplay.Run run;
            try (CorpusReplay replay = new CorpusReplay(server, p.name(), p.files())) {
                run = replay.run();
            }
            AnalysisReport report = new Analyzer(config).analyze(p.files());
            results.add(new Result(server, p.name(), run, ReplayComparison.compare(run, report)));
            System.out.printf(Locale.ROOT, "replay %s %s: %d statements in %.1f s%n", server.name(), p.name(),
                    run.statements(), run.millis() / 1000.0);
        }
        write(server, results);
        return results;
    }

    private static void write(TestServers.Server server, List<Result> results) throws Exception {
        Path dir = Path.of("target", "replay");
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add("project\tposition\tkind\tclass\tlint_online_server_blocks\tserver_answer\tddl_lint_natural"
                + "\tddl_lint_effective\trefusals\toperations\ttable_model\tassumptions\tengine\trows\tstatement");
        List<String> log = new ArrayList<>();
        log.add("project\tposition\tstatus\treason\tstatement");
        for (Result r : results) {
            for (Line l : r.comparison().lines()) {
                CorpusReplay.Replayed d = l.replayed();
                StatementVerdict v = l.verdict();
                lines.add(String.join("\t", r.project(), d.file() + ":" + d.line() + (d.embedded() ? "(prepared)" : ""),
                        d.kind().name(), l.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        l.blockingMiss() ? "YES" : "", d.result().describe(),
                        v == null ? "-" : ReplayComparison.describe(v.natural()),
                        v == null ? "-" : ReplayComparison.describe(v.effective()),
                        v == null ? "" : String.join(" | ", v.refusals()), l.operations(),
                        l.tableKnown() ? "known" : "unknown", l.assumptions(),
                        d.result().engine() == null ? "-" : d.result().engine(), Long.toString(d.result().rows()),
                        CorpusReplay.oneLine(d.sql(), 300)));
            }
            for (String entry : r.run().log()) {
                log.add(r.project() + "\t" + entry);
            }
            for (String entry : r.comparison().notReplayed()) {
                String[] parts = entry.split("\t", 2);
                log.add(r.project() + "\t" + parts[0] + "\tNOT_REPLAYED\tddl-lint has a verdict, the replay ran no "
                        + "DDL here\t" + parts[1]);
            }
        }
        Files.write(dir.resolve(server.name() + ".tsv"), lines, StandardCharsets.UTF_8);
        Files.write(dir.resolve(server.name() + ".log.tsv"), log, StandardCharsets.UTF_8);
        List<String> details = new ArrayList<>();
        for (Result r : results) {
            for (Line l : r.comparison().lines()) {
                if (l.outcome() == Outcome.UNSAFE || l.outcome() == Outcome.NO_VERDICT) {
                    CorpusReplay.Replayed d = l.replayed();
                    details.add("### " + l.outcome() + " " + d.file() + ":" + d.line() + "\n-- server: "
                            + d.result().describe() + "\n-- ddl-lint: " + (l.verdict() == null ? "-"
                            : l.verdict().natural() + " " + l.operations() + " " + l.assumptions()) + "\n"
                            + d.createTable() + ";\n" + d.sql() + ";\n");
                }
            }
        }
        Files.write(dir.resolve(server.name() + ".unsafe.txt"), details, StandardCharsets.UTF_8);
        List<String> attempts = new ArrayList<>();
        attempts.add("project\tposition\tstatement\toutcome");
        for (Result r : results) {
            r.run().attempts().forEach(a -> attempts.add(r.project() + "\t" + a));
        }
        Files.write(dir.resolve(server.name() + ".attempts.tsv"), attempts, StandardCharsets.UTF_8);
    }

    /** Prints the figures per project and server; returns the number of statements classified. */
    private static int summarise(List<Result> results, StringBuilder out) {
        int total = 0;
        Map<Outcome, Integer> sum = new EnumMap<>(Outcome.class);
        int statements = 0;
        int failed = 0;
        int skipped = 0;
        int blocking = 0;
        int unknown = 0;
        int notReplayed = 0;
        long millis = 0;
        String server = results.isEmpty() ? "?" : results.get(0).server().toString();
        out.append(String.format(Locale.ROOT, "%nreplay %s%n%-28s %7s %6s %6s %6s %7s %6s %6s %6s %6s %6s %6s%n",
                server, "project", "stmts", "failed", "skip", "class.", "agree%", "unsafe", "blockM", "consrv",
                "no-vrd", "refusd", "unrepl"));
        for (Result r : results) {
            Map<Outcome, Integer> c = new EnumMap<>(Outcome.class);
            int b = 0;
            for (Line l : r.comparison().lines()) {
                c.merge(l.outcome(), 1, Integer::sum);
                b += l.blockingMiss() ? 1 : 0;
                unknown += l.outcome() == Outcome.UNSAFE && !l.tableKnown() ? 1 : 0;
            }
            int classified = c.getOrDefault(Outcome.AGREE, 0) + c.getOrDefault(Outcome.UNSAFE, 0)
                    + c.getOrDefault(Outcome.CONSERVATIVE, 0) + c.getOrDefault(Outcome.NO_VERDICT, 0);
            out.append(row(r.project(), r.run().statements(), r.run().failed(), r.run().skipped(), classified, c, b,
                    r.comparison().verdictsNotReplayed()));
            c.forEach((k, v) -> sum.merge(k, v, Integer::sum));
            statements += r.run().statements();
            failed += r.run().failed();
            skipped += r.run().skipped();
            blocking += b;
            notReplayed += r.comparison().verdictsNotReplayed();
            millis += r.run().millis();
            total += classified;
        }
        out.append(row("TOTAL", statements, failed, skipped, total, sum, blocking, notReplayed));
        out.append(String.format(Locale.ROOT, "replay %s: %d unsafe with an unknown table model; replay time %.1f s "
                + "(blockM: ddl-lint LOCK=NONE, server needs SHARED/EXCLUSIVE; unrepl: ddl-lint verdicts with no "
                + "replayed statement)%n", server, unknown, millis / 1000.0));
        return total;
    }

    private static String row(String name, int statements, int failed, int skipped, int classified,
                              Map<Outcome, Integer> c, int blocking, int notReplayed) {
        int agree = c.getOrDefault(Outcome.AGREE, 0);
        return String.format(Locale.ROOT, "%-28s %7d %6d %6d %6d %7.1f %6d %6d %6d %6d %6d %6d%n", name, statements,
                failed, skipped, classified, classified == 0 ? 0.0 : 100.0 * agree / classified,
                c.getOrDefault(Outcome.UNSAFE, 0), blocking, c.getOrDefault(Outcome.CONSERVATIVE, 0),
                c.getOrDefault(Outcome.NO_VERDICT, 0), c.getOrDefault(Outcome.SERVER_REFUSED, 0), notReplayed);
    }
}
