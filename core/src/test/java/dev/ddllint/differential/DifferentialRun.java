package dev.ddllint.differential;

import dev.ddllint.differential.Judgement.Outcome;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.oracle.OracleRunner;
import dev.ddllint.oracle.ServerAnswer;
import dev.ddllint.testing.TestServers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The differential tester on one server: generates {@code cases} cases from {@code seed}, asks the server (the
 * oracle's ALGORITHM/LOCK ladder and table ids), compares with ddl-lint's verdicts with the table known and unknown,
 * shrinks the first disagreements of each class and writes {@code target/differential/<server>.tsv},
 * {@code <server>-shrunk.cases} and the coverage report.
 */
final class DifferentialRun {

    /** Coverage-pass cases without a new production before the pass gives up. */
    static final int COVERAGE_PATIENCE = 60;
    /** Shrunk reproducers per disagreement class (the rest are counted). */
    static final int SHRINK_PER_CLASS = 2;

    record Result(TestServers.Server server, int cases, Map<Outcome, Integer> outcomes, Map<String, Integer> classes,
                  Map<String, String> examples, Coverage coverage, long millis, int serverRuns,
                  int reconnects) {

        /** Cases the server could settle: neither invalid nor unsettled. */
        int settled() {
            return cases - outcomes.getOrDefault(Outcome.INVALID, 0) - outcomes.getOrDefault(Outcome.UNSETTLED, 0);
        }

        int agree() {
            return outcomes.getOrDefault(Outcome.AGREE, 0);
        }

        int unsafe() {
            return outcomes.entrySet().stream().filter(e -> e.getKey().unsafe).mapToInt(Map.Entry::getValue).sum();
        }

        String summary() {
            StringBuilder sb = new StringBuilder();
            int settled = settled();
            sb.append(String.format(Locale.ROOT, "differential %s %s: %d cases, %d settled (%d invalid or unsettled), %d agree "
                            + "(%.2f %%), %d unsafe; %d server runs in %.1f s%s%n", server.name(), server.versionString(),
                    cases, settled, cases - settled, agree(), settled == 0 ? 100.0 : 100.0 * agree() / settled,
                    unsafe(), serverRuns, millis / 1000.0, reconnects == 0 ? "" : ", " + reconnects + " reconnects"));
            sb.append("  outcomes: ").append(outcomes).append('\n');
            classes.forEach((k, n) -> sb.append("  ").append(n).append(" x ").append(k).append("\n      e.g. ")
                    .append(examples.get(k)).append('\n'));
            List<String> uncovered = coverage.uncovered();
            sb.append(String.format(Locale.ROOT, "  coverage: %d productions, %d not generated%s%n", coverage.size(),
                    uncovered.size(), uncovered.isEmpty() ? "" : ": " + uncovered));
            return sb.toString();
        }
    }

    private final TestServers.Server server;
    private final long seed;
    private final int cases;
    private final boolean shrink;

    DifferentialRun(TestServers.Server server, long seed, int cases, boolean shrink) {
        this.server = server;
        this.seed = seed;
        this.cases = cases;
        this.shrink = shrink;
    }

    Result run() throws SQLException, IOException {
        long start = System.nanoTime();
        TargetServer target = server.target();
        Coverage coverage = new Coverage();
        Chooser chooser = new Chooser(seed, coverage);
        TableGenerator tables = new TableGenerator(chooser, target);
        ChangeGenerator changes = new ChangeGenerator(chooser, target);
        LintVerdicts lint = new LintVerdicts(target);
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<String, Integer> classes = new TreeMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        Path dir = Path.of("target", "differential");
        Files.createDirectories(dir);
        // Written as the cases run, so a server that goes away leaves the cases so far.
        java.io.BufferedWriter lines = Files.newBufferedWriter(dir.resolve(server.name() + ".tsv"), StandardCharsets.UTF_8);
        lines.write("case\toutcome\tclass\tdetails\tchange\tsetup\n");
        StringBuilder shrunk = new StringBuilder("@@note differential cases that disagreed on " + server
                + " (seed " + seed + "), shrunk; move them to core/src/test/resources/oracle/ once fixed\n\n");
        int serverRuns = 0;
        int reconnects = 0;
        OracleRunner oracle = new OracleRunner(server);
        int extra = 0;
        try {
            int sinceProgress = 0;
            int uncovered = Integer.MAX_VALUE;
            for (int i = 0; ; i++) {
                if (i >= cases) {
                    // The coverage pass: after the random cases, cases that take the productions never generated,
                    // until none is left or the pass stops finding new ones.
                    chooser.forceUncovered(true);
                    int now = coverage.uncovered().size();
                    sinceProgress = now < uncovered ? 0 : sinceProgress + 1;
                    uncovered = Math.min(uncovered, now);
                    if (now == 0 || sinceProgress >= COVERAGE_PATIENCE || extra >= cases) {
                        break;
                    }
                    extra++;
                }
                GeneratedTable table = tables.generate();
                GeneratedChange change = changes.generate(table);
                DifferentialCase c = new DifferentialCase(String.format(Locale.ROOT, "diff_%s_%d_%d",
                        target.flavor().id(), seed, i), table, change);
                ServerAnswer answer;
                try {
                    answer = oracle.run(c.asOracleCase());
                } catch (SQLException e) {
                    // A lost connection (the server restarted, another client killed it): once more on a new one,
                    // and the server's error log says whether a statement of this case crashed it.
                    System.err.println("differential " + server.name() + ": " + e.getMessage() + " during " + c.name()
                            + "; reconnecting and running it again\n" + c.asCaseText(null, null));
                    reconnects++;
                    closeQuietly(oracle);
                    oracle = new OracleRunner(server);
                    answer = oracle.run(c.asOracleCase());
                }
                serverRuns++;
                Judgement j = judge(c, answer, lint);
                outcomes.merge(j.outcome(), 1, Integer::sum);
                String key = j.outcome() == Outcome.INVALID || j.outcome() == Outcome.AGREE
                        || j.outcome() == Outcome.UNSETTLED ? null
                        : classKey(j, lint.known(c), answer, c);
                lines.write(String.join("\t", c.name(), j.outcome().name(), key == null ? "-" : key,
                        oneLine(String.join(" | ", j.details())), oneLine(c.changeSql()), oneLine(c.setupSql())) + "\n");
                lines.flush();
                if (key != null) {
                    int seen = classes.merge(key, 1, Integer::sum);
                    if (seen <= SHRINK_PER_CLASS) {
                        DifferentialCase small = c;
                        if (shrink) {
                            Outcome wanted = j.outcome();
                            OracleRunner shrinking = oracle;
                            Shrinker s = new Shrinker(candidate -> {
                                try {
                                    return judge(candidate, shrinking.run(candidate.asOracleCase()), lint).outcome()
                                            == wanted;
                                } catch (SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            }, 80);
                            small = s.shrink(c);
                            serverRuns += s.runs();
                        }
                        Judgement sj = judge(small, oracle.run(small.asOracleCase()), lint);
                        serverRuns++;
                        examples.putIfAbsent(key, oneLine(small.changeSql()) + "  ON  " + oneLine(small.table()
                                .createSql()));
                        shrunk.append(small.asCaseText(target.flavor().id(), j.outcome() + ": "
                                + String.join("; ", sj.details()))).append('\n');
                    }
                }
            }
        } finally {
            closeQuietly(oracle);
            lines.close();
        }
        Files.writeString(dir.resolve(server.name() + "-shrunk.cases"), shrunk, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(server.name() + "-coverage.txt"), coverage.report(), StandardCharsets.UTF_8);
        return new Result(server, cases + extra, outcomes, classes, examples, coverage, (System.nanoTime() - start) / 1_000_000,
                serverRuns, reconnects);
    }

    private static void closeQuietly(OracleRunner runner) {
        try {
            runner.close();
        } catch (SQLException e) {
            // the connection is gone already
        }
    }

    private static Judgement judge(DifferentialCase c, ServerAnswer answer, LintVerdicts lint) {
        boolean classifiedForm = !c.change().form().equals("rename-table");
        return Judgement.of(answer, lint.known(c), lint.unknown(c), classifiedForm, c.change().form().equals("optimize"));
    }

    /** Groups disagreements by cause: outcome, ddl-lint's operations, and the server's answer. */
    private static String classKey(Judgement j, StatementVerdict v, ServerAnswer a, DifferentialCase c) {
        String ops = v == null ? c.change().clauses().stream().map(GeneratedChange.Clause::production)
                .distinct().sorted().collect(Collectors.joining("+"))
                : v.operations().stream().map(ClassifiedOperation::ddlOperation).map(Enum::name).distinct().sorted()
                .collect(Collectors.joining("+"));
        return j.outcome() + " " + c.change().form() + "[" + ops + "] server " + a.describe().replaceAll("\\[.*\\]", "")
                .strip() + (c.change().algorithm() != null || c.change().lock() != null ? " (explicit clause)" : "");
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
