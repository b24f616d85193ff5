package dev.ddllint.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which productions of the generator were emitted, and how often. Every option a {@link Chooser} is offered is
 * declared here, so the report lists the ones never chosen: the gaps of the run, not only its hits.
 */
final class Coverage {

    private final Map<String, Integer> counts = new TreeMap<>();
    /** The families chosen right after a production (its sub-choices, as far as they were seen). */
    private final Map<String, java.util.Set<String>> childFamilies = new java.util.HashMap<>();
    private final Map<String, java.util.Set<String>> familyOptions = new java.util.HashMap<>();
    private String lastProduction;

    synchronized void declare(String production) {
        counts.putIfAbsent(production, 0);
        int colon = production.lastIndexOf(':');
        String family = production.substring(0, colon);
        familyOptions.computeIfAbsent(family, k -> new java.util.TreeSet<>()).add(production);
        if (lastProduction != null && !lastProduction.startsWith(family + ":")) {
            childFamilies.computeIfAbsent(lastProduction, k -> new java.util.TreeSet<>()).add(family);
        }
    }

    synchronized void hit(String production) {
        counts.merge(production, 1, Integer::sum);
        lastProduction = production;
    }

    /** True when a production never generated was seen below this one (in the families chosen after it). */
    synchronized boolean uncoveredBelow(String production) {
        return uncoveredBelow(production, new java.util.HashSet<>(), 0);
    }

    private boolean uncoveredBelow(String production, java.util.Set<String> seen, int depth) {
        if (depth > 4 || !seen.add(production)) {
            return false;
        }
        for (String family : childFamilies.getOrDefault(production, java.util.Set.of())) {
            for (String option : familyOptions.getOrDefault(family, java.util.Set.of())) {
                if (counts.getOrDefault(option, 0) == 0 || uncoveredBelow(option, seen, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    synchronized int count(String production) {
        return counts.getOrDefault(production, 0);
    }

    synchronized List<String> uncovered() {
        List<String> out = new ArrayList<>();
        counts.forEach((p, n) -> {
            if (n == 0) {
                out.add(p);
            }
        });
        return out;
    }

    synchronized int size() {
        return counts.size();
    }

    /** One line per family ({@code family:option}), options with their counts. */
    synchronized String report() {
        Map<String, List<String>> byFamily = new TreeMap<>();
        counts.forEach((p, n) -> {
            int colon = p.indexOf(':');
            String family = colon < 0 ? p : p.substring(0, colon);
            byFamily.computeIfAbsent(family, k -> new ArrayList<>()).add((colon < 0 ? p : p.substring(colon + 1))
                    + "=" + n);
        });
        StringBuilder sb = new StringBuilder();
        byFamily.forEach((f, options) -> sb.append("  ").append(f).append(": ").append(String.join(" ", options))
                .append('\n'));
        return sb.toString();
    }
}
