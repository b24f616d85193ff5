package dev.ddllint.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random choices that lean towards what has been chosen least: half of the time the least-covered option of a family
 * is taken (ties broken at random), otherwise any option. A few hundred cases then reach every production, while a
 * long run still explores combinations at random. Every option offered is declared to the {@link Coverage}.
 */
final class Chooser {

    private final Random random;
    private final Coverage coverage;
    /** Take an option never chosen whenever a family offers one (the coverage pass after the random cases). */
    private boolean forceUncovered;

    Chooser(long seed, Coverage coverage) {
        this.random = new Random(seed);
        this.coverage = coverage;
    }

    Random random() {
        return random;
    }

    void forceUncovered(boolean force) {
        this.forceUncovered = force;
    }

    boolean forcing() {
        return forceUncovered;
    }

    /** Some of these options of the family were never chosen. */
    boolean uncovered(String family, List<String> options) {
        return options.stream().anyMatch(o -> coverage.count(family + ":" + o) == 0);
    }

    /** Picks one option of {@code family} and records {@code family:option}. */
    String pick(String family, List<String> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no option for " + family);
        }
        for (String o : options) {
            coverage.declare(family + ":" + o);
        }
        String chosen;
        List<String> never = forceUncovered ? options.stream().filter(o -> coverage.count(family + ":" + o) == 0)
                .toList() : List.of();
        if (forceUncovered && never.isEmpty()) {
            // Every option was generated: lean towards those under which something never generated was seen.
            never = options.stream().filter(o -> coverage.uncoveredBelow(family + ":" + o)).toList();
        }
        if (!never.isEmpty()) {
            chosen = never.get(random.nextInt(never.size()));
        } else if (random.nextBoolean()) {
            int least = Integer.MAX_VALUE;
            List<String> rarest = new ArrayList<>();
            for (String o : options) {
                int n = coverage.count(family + ":" + o);
                if (n < least) {
                    least = n;
                    rarest.clear();
                }
                if (n == least) {
                    rarest.add(o);
                }
            }
            chosen = rarest.get(random.nextInt(rarest.size()));
        } else {
            chosen = options.get(random.nextInt(options.size()));
        }
        coverage.hit(family + ":" + chosen);
        return chosen;
    }

    /** A yes/no production ({@code family:yes}/{@code family:no}) true with about the given probability. */
    boolean chance(String family, double probability) {
        coverage.declare(family + ":yes");
        coverage.declare(family + ":no");
        boolean yes = forceUncovered && coverage.count(family + ":yes") == 0
                || coverage.count(family + ":yes") == 0 && random.nextInt(4) == 0 || random.nextDouble() < probability;
        if (forceUncovered && coverage.count(family + ":no") == 0) {
            yes = false;
        } else if (forceUncovered && coverage.count(family + ":yes") > 0 && coverage.uncoveredBelow(family + ":yes")) {
            yes = true;
        }
        coverage.hit(family + (yes ? ":yes" : ":no"));
        return yes;
    }

    /** A plain random choice that is not a production (a name, a number). */
    <T> T any(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    int between(int lowInclusive, int highInclusive) {
        return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
    }
}
