package dev.ddllint.differential;

import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base against real servers on generated material: random tables and changes ({@link TableGenerator},
 * {@link ChangeGenerator}), the server's answer ({@code OracleRunner}), ddl-lint's verdict with the table known and
 * unknown ({@link Judgement}). Every build runs a fixed-seed slice on every server that covers every production of
 * the generator; {@code mvn -pl core verify -Pdifferential -Dddllint.differential.cases=N
 * -Dddllint.differential.seed=S} runs any size. Reports in {@code core/target/differential/}.
 */
class DifferentialTest {

    static final int CI_CASES = 400;
    static final long CI_SEED = 20261202L;
    /** The goal for agreement on algorithm, rebuild and lock over the cases the server settles. */
    static final double AGREEMENT_TARGET = 99.5;
    /**
     * A ratchet below the goal: the agreement this slice reached when the floor was last raised. Disagreements left
     * are conservative (ddl-lint more restrictive than the server, never less: a false alarm, not an outage);
     * raise the floor as they are refined, never lower it.
     */
    static final double AGREEMENT_FLOOR = 89.0;

    @Test
    void generatedChangesAgreeWithTheServers() throws Exception {
        int cases = Integer.getInteger("ddllint.differential.cases", CI_CASES);
        long seed = Long.getLong("ddllint.differential.seed", CI_SEED);
        boolean shrink = !"false".equals(System.getProperty("ddllint.differential.shrink"));
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(System.getProperty("ddllint.differential.servers",
                ".*"));
        List<TestServers.Server> servers = TestServers.all().stream().filter(s -> only.matcher(s.name()).matches())
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(servers.size());
        List<Future<DifferentialRun.Result>> futures = new ArrayList<>();
        for (TestServers.Server server : servers) {
            futures.add(pool.submit(() -> new DifferentialRun(server, seed, cases, shrink).run()));
        }
        List<DifferentialRun.Result> results = new ArrayList<>();
        try {
            for (Future<DifferentialRun.Result> f : futures) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        StringBuilder out = new StringBuilder();
        results.forEach(r -> out.append(r.summary()));
        System.out.print(out);
        System.out.flush();
        for (DifferentialRun.Result r : results) {
            assertThat(r.settled()).as(r.server() + ": cases that ran on the server and settled (the rest are "
                    + "generator limitations)").isGreaterThanOrEqualTo(cases * 6 / 10);
            assertThat(r.unsafe()).as(r.server() + ": cases where ddl-lint is more online than the server (see "
                    + "the lines above and core/target/differential/)").isZero();
            double agreement = 100.0 * r.agree() / r.settled();
            if (agreement < AGREEMENT_TARGET) {
                System.out.printf(java.util.Locale.ROOT, "differential %s: agreement %.2f %% is below the %.1f %% goal "
                        + "(the rest are conservative or false refusals, listed above)%n", r.server().name(), agreement, AGREEMENT_TARGET);
            }
            assertThat(agreement).as(r.server() + ": agreement on algorithm, rebuild and lock (floor)")
                    .isGreaterThanOrEqualTo(AGREEMENT_FLOOR);
            if (cases >= CI_CASES) {
                assertThat(r.coverage().uncovered()).as(r.server() + ": productions never generated").isEmpty();
            }
        }
    }
}
