package dev.ddllint.oracle;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.Configuration;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.kb.Verdict;
import dev.ddllint.oracle.ServerAnswer.Mode;
import dev.ddllint.verify.LadderAnswer.Attempt;
import dev.ddllint.verify.LadderAnswer.Rebuild;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base against real servers: for every case of {@code src/test/resources/oracle/*.cases} and every
 * server of {@link TestServers}, the server's own answer ({@link OracleRunner}: strongest ALGORITHM/LOCK accepted,
 * table rebuilt or not) must equal ddl-lint's {@code verdict.natural()} for that server's flavor and version, and a
 * DDL that names ALGORITHM=/LOCK= must be refused by the server exactly when ddl-lint reports a refusal (and, when
 * accepted, copy or rebuild as ddl-lint's {@code verdict.effective()} says).
 *
 * <p>Servers run in parallel, one connection each. Reports: {@code target/oracle/<server>.tsv} (one line per case)
 * and {@code target/oracle/<server>.attempts.tsv} (every statement run). {@code -Dddllint.oracle.cases=REGEX}
 * restricts the run to matching case names, for quick iterations.
 */
class OnlineDdlOracleTest {

    static final int MINIMUM_CASES = 150;

    /**
     * Cases whose answer cannot be settled on a server, keyed {@code case} or {@code case@flavor}, with the reason.
     * Every entry is excluded from the agreement figure and listed in the output. Keep this list short.
     */
    static final Map<String, String> KNOWN_UNSETTLEABLE = Map.of(
            "reorder_virtual_column@mysql", "MySQL moves a VIRTUAL column instantly when its expression is unchanged; "
                    + "ddl-lint does not keep generation expressions and assumes the expression changes (COPY)",
            "reorder_stored_column@mysql", "MySQL moves a STORED generated column in place (rebuild) when its "
                    + "expression is unchanged; ddl-lint does not keep generation expressions and assumes the "
                    + "expression changes (COPY)",
            "replay_guarded_drop_column_not_taken@mariadb", "the setup drops the column in a PREPARE string that may "
                    + "or may not run, so ddl-lint no longer knows the column and assumes it shares an index with "
                    + "others (a rebuild); MariaDB, with the column indexed alone, drops it NOCOPY");

    record CaseResult(OracleCase c, ServerAnswer answer, StatementVerdict verdict, List<String> mismatches) {
    }

    record ServerRun(TestServers.Server server, List<CaseResult> results, int attempts, long millis) {
    }

    @Test
    void everyCaseAgreesWithTheKnowledgeBaseOnEveryServer() throws Exception {
        List<OracleCase> all = OracleCase.loadAll();
        if (System.getProperty("ddllint.oracle.dir") == null) {
            assertThat(all).as("oracle cases").hasSizeGreaterThanOrEqualTo(MINIMUM_CASES);
        }
        String filter = System.getProperty("ddllint.oracle.cases", "");
        Pattern only = filter.isBlank() ? null : Pattern.compile(filter);
        List<OracleCase> cases = only == null ? all : all.stream().filter(c -> only.matcher(c.name()).find()).toList();
        List<TestServers.Server> servers = TestServers.all();

        ExecutorService pool = Executors.newFixedThreadPool(servers.size());
        List<Future<ServerRun>> futures = new ArrayList<>();
        for (TestServers.Server server : servers) {
            futures.add(pool.submit(() -> runServer(server, cases)));
        }
        List<ServerRun> runs = new ArrayList<>();
        try {
            for (Future<ServerRun> f : futures) {
                runs.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> failures = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (ServerRun run : runs) {
            summarise(run, out, failures);
        }
        System.out.print(out);
        System.out.flush();
        assertThat(failures).as("oracle disagreements (see the lines above and target/oracle/*.tsv)").isEmpty();
    }

    private static ServerRun runServer(TestServers.Server server, List<OracleCase> cases) throws Exception {
        long start = System.nanoTime();
        List<CaseResult> results = new ArrayList<>();
        List<String> attempts = new ArrayList<>();
        TargetServer target = TargetServer.fromVersionString(server.versionString());
        int count;
        try (OracleRunner runner = new OracleRunner(server)) {
            for (OracleCase c : cases) {
                ServerAnswer answer = runner.run(c);
                for (String a : answer.attempts()) {
                    attempts.add(c.name() + "\t" + a);
                }
                StatementVerdict verdict = answer.mode() == Mode.NOT_APPLICABLE ? null : verdict(c, target);
                results.add(new CaseResult(c, answer, verdict, compare(answer, verdict)));
            }
            count = runner.attemptCount();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        writeReports(server, results, attempts);
        return new ServerRun(server, results, count, millis);
    }

    /** ddl-lint's verdict for the case's DDL, with the setup replayed before it in the same file. */
    static StatementVerdict verdict(OracleCase c, TargetServer target) {
        String sql = c.setup() + "\n;\n" + c.alter() + ";\n";
        Configuration config = Configuration.DEFAULT.withTarget(target).withNewTables(NewTableScope.NONE);
        AnalysisReport report = new Analyzer(config).analyze(
                List.of(new SourceFile(c.name() + ".sql", sql.getBytes(StandardCharsets.UTF_8))));
        List<StatementReport> statements = report.files().get(0).statements();
        return statements.isEmpty() ? null : statements.get(statements.size() - 1).verdict();
    }

    static List<String> compare(ServerAnswer a, StatementVerdict v) {
        List<String> m = new ArrayList<>();
        switch (a.mode()) {
            case NOT_APPLICABLE -> {
                return m;
            }
            case INVALID -> {
                m.add("the case does not run on this server: " + a.error());
                return m;
            }
            default -> {
            }
        }
        if (v == null) {
            m.add("ddl-lint gives no verdict for the DDL");
            return m;
        }
        Verdict n = v.natural();
        if (a.mode() == Mode.LADDER) {
            if (n.algorithm() != a.algorithm() || n.rebuildsTable() != a.rebuilt() || n.lock() != a.lock()) {
                m.add("server: " + new Verdict(a.algorithm(), a.rebuilt(), a.lock()) + "; ddl-lint: " + n);
            }
        } else if (a.mode() == Mode.NO_CLAUSE) {
            boolean ok = a.algorithm() == null ? n.algorithm() != Algorithm.COPY && !n.rebuildsTable()
                    : a.algorithm() == Algorithm.COPY ? n.algorithm() == Algorithm.COPY
                    : n.algorithm() == Algorithm.INPLACE && n.rebuildsTable();
            if (!ok) {
                m.add("server (no clause accepted): " + (a.algorithm() == null ? "no copy, no rebuild"
                        : a.algorithm() == Algorithm.COPY ? "copies rows" : "rebuilds in place") + "; ddl-lint: " + n);
            }
        }
        Attempt w = a.asWritten();
        if (w != null) {
            boolean lintRefuses = !v.refusals().isEmpty();
            if (w.accepted() == lintRefuses) {
                m.add("as written: server " + (w.accepted() ? "accepts it" : "refuses it (" + w.errorCode() + " "
                        + w.message() + ")") + "; ddl-lint " + (lintRefuses ? "reports a refusal: " + v.refusals()
                        : "reports no refusal"));
            } else if (w.accepted()) {
                Verdict e = v.effective();
                boolean lintCopies = e.algorithm() == Algorithm.COPY;
                boolean lintRebuilds = lintCopies || e.rebuildsTable();
                if (w.copiedRows() != lintCopies || (w.rebuild() == Rebuild.FULL) != lintRebuilds) {
                    m.add("as written: server " + w + "; ddl-lint effective: " + e);
                }
            }
        }
        return m;
    }

    private static String key(OracleCase c, TestServers.Server server) {
        return c.name() + "@" + server.name();
    }

    private static void summarise(ServerRun run, StringBuilder out, List<String> failures) {
        TestServers.Server server = run.server();
        List<CaseResult> applicable = run.results().stream()
                .filter(r -> r.answer().mode() != Mode.NOT_APPLICABLE).toList();
        List<CaseResult> known = new ArrayList<>();
        List<CaseResult> disagreeing = new ArrayList<>();
        int agree = 0;
        for (CaseResult r : applicable) {
            String reason = knownReason(r.c(), server);
            if (reason != null) {
                known.add(r);
            } else if (r.mismatches().isEmpty()) {
                agree++;
            } else {
                disagreeing.add(r);
            }
        }
        int settled = applicable.size() - known.size();
        int noClause = (int) applicable.stream().filter(r -> r.answer().mode() == Mode.NO_CLAUSE).count();
        out.append(String.format(Locale.ROOT, "oracle %s %s: %d cases, %d agree (%.1f %%)%s; %d attempts in %.1f s%n",
                server.name(), server.versionString(), settled, agree, settled == 0 ? 100.0 : 100.0 * agree / settled,
                known.isEmpty() ? "" : ", " + known.size() + " known unsettleable", run.attempts(),
                run.millis() / 1000.0));
        out.append(String.format(Locale.ROOT, "oracle %s: %d cases answered without ALGORITHM/LOCK clause "
                + "(copy/rebuild observed, lock not askable), %d not applicable%n", server.name(), noClause,
                run.results().size() - applicable.size()));
        for (CaseResult r : known) {
            out.append("  known unsettleable ").append(r.c().name()).append(": ").append(knownReason(r.c(), server))
                    .append('\n');
            if (r.mismatches().isEmpty()) {
                String line = "  STALE " + server.name() + " " + r.c().name()
                        + ": listed as known unsettleable but agrees now; remove it from KNOWN_UNSETTLEABLE";
                out.append(line).append('\n');
                failures.add(line);
            }
        }
        for (CaseResult r : disagreeing) {
            String line = "  DISAGREE " + server.name() + " " + r.c().name() + " [" + r.c().alter().replaceAll("\\s+", " ")
                    + "]: " + String.join("; ", r.mismatches());
            out.append(line).append('\n');
            failures.add(line);
        }
    }

    private static String knownReason(OracleCase c, TestServers.Server server) {
        String r = KNOWN_UNSETTLEABLE.get(key(c, server));
        if (r == null) {
            r = KNOWN_UNSETTLEABLE.get(c.name() + "@" + server.target().flavor().id());
        }
        return r != null ? r : KNOWN_UNSETTLEABLE.get(c.name());
    }

    private static void writeReports(TestServers.Server server, List<CaseResult> results, List<String> attempts)
            throws IOException {
        Path dir = Path.of("target", "oracle");
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add("case\tfile\tserver_answer\tddl_lint_natural\tddl_lint_effective\trefusals\tas_written\tagree\tmismatch\tddl");
        for (CaseResult r : results) {
            StatementVerdict v = r.verdict();
            lines.add(String.join("\t", r.c().name(), r.c().file(), r.answer().describe(),
                    v == null ? "-" : v.natural().toString(), v == null ? "-" : v.effective().toString(),
                    v == null ? "-" : String.join(" | ", v.refusals()),
                    r.answer().asWritten() == null ? "-" : r.answer().asWritten().toString(),
                    r.answer().mode() == Mode.NOT_APPLICABLE ? "n/a" : r.mismatches().isEmpty() ? "yes" : "NO",
                    String.join(" | ", r.mismatches()), r.c().alter().replaceAll("\\s+", " ")));
        }
        Files.write(dir.resolve(server.name() + ".tsv"), lines, StandardCharsets.UTF_8);
        List<String> a = new ArrayList<>();
        a.add("case\tstep\tstatement\toutcome\twarnings");
        a.addAll(attempts);
        Files.write(dir.resolve(server.name() + ".attempts.tsv"), a, StandardCharsets.UTF_8);
    }
}
