package dev.ddllint.fuzz;

import dev.ddllint.golden.RepoRoot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input must never knock the tool over (issue 13 §3): mutated corpus and golden statements ({@link Mutator})
 * analysed in this JVM and by the CLI in a child JVM with a small heap ({@link FuzzRun}). Asserted for every file:
 * exit 0 or 1, never 2, a crash, an out-of-memory or a hang; a JSON report that parses and names every file; every
 * statement within config.InputLimits; the same report twice for the same input. Analysis times and the child's
 * peak heap are printed, never asserted. Every build runs a fixed seed of about 2,000 files; {@code mvn -pl core
 * test -Pfuzz -Dddllint.fuzz.statements=N -Dddllint.fuzz.seed=S} runs any size (docs/fuzzing.md). Failing inputs,
 * with their seed and index and shrunk, are written to {@code core/target/fuzz/}.
 */
class FuzzTest {

    static final int CI_STATEMENTS = 2000;
    static final long CI_SEED = 20261203L;

    @Test
    void hostileInputNeverKnocksTheToolOver() throws Exception {
        int cases = Integer.getInteger("ddllint.fuzz.statements", CI_STATEMENTS);
        long seed = Long.getLong("ddllint.fuzz.seed", CI_SEED);
        int batch = Integer.getInteger("ddllint.fuzz.batch", 1000);
        int batches = (cases + batch - 1) / batch;
        // The child JVM checks every other batch in a small run (one in every build), about twenty in a large one.
        int childEvery = Integer.getInteger("ddllint.fuzz.childEvery", Math.max(2, batches / 20));
        FuzzRun.Settings settings = new FuzzRun.Settings(seed, cases, batch, childEvery,
                Integer.getInteger("ddllint.fuzz.maxCount", 300),
                Integer.getInteger("ddllint.fuzz.maxLiteral", 32 << 10),
                System.getProperty("ddllint.fuzz.childHeap", "256m"),
                Long.getLong("ddllint.fuzz.hangSeconds", 120),
                RepoRoot.find().resolve("core/target/fuzz"));
        SeedStatements seeds = SeedStatements.load();
        System.out.printf("fuzz: %,d seed statements (golden cases%s)%n", seeds.statements().size(),
                seeds.withCorpus() ? " and the shared corpus" : "; no shared corpus, so golden cases only");
        FuzzRun.Result result = new FuzzRun(settings, seeds).run();
        System.out.print(result.summary(settings));
        System.out.flush();
        assertThat(result.cases + result.generatorErrors).isEqualTo(cases);
        assertThat(result.generatorErrors).as("cases the fuzzer itself failed to make").isZero();
        assertThat(result.childRuns).as("CLI runs in a child JVM").isGreaterThanOrEqualTo(1);
        assertThat(result.failures).as("inputs that broke a property (written to core/target/fuzz/)").isEmpty();
    }
}
