package dev.ddllint.analysis;

import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The findings of one file with at most {@code max} of each rule (configuration key {@code maxFindingsPerRule}):
 * the rest are counted, not kept, and become one finding of the same rule at the first one left out, at the
 * highest severity among them, so a million unresolved placeholders make a small report that fails the run as the
 * million would.
 */
final class FindingCap {

    private final int max;
    private final List<Finding> kept = new ArrayList<>();
    private final Map<String, Integer> keptPerRule = new LinkedHashMap<>();
    private final Map<String, LeftOut> leftOut = new LinkedHashMap<>();

    /** What was left out of one rule: how many, the first, the last line and the highest severity. */
    private static final class LeftOut {
        final Finding first;
        long count;
        int lastLine;
        Severity highest;

        LeftOut(Finding first) {
            this.first = first;
            this.highest = first.severity();
        }
    }

    FindingCap(int max) {
        this.max = max;
    }

    void add(Finding f) {
        int n = keptPerRule.merge(f.rule(), 1, Integer::sum);
        if (n <= max) {
            kept.add(f);
            return;
        }
        LeftOut out = leftOut.computeIfAbsent(f.rule(), r -> new LeftOut(f));
        out.count++;
        out.lastLine = f.line();
        // Severity's order is ERROR first: the lower ordinal is the higher severity.
        if (f.severity().ordinal() < out.highest.ordinal()) {
            out.highest = f.severity();
        }
    }

    void addAll(List<Finding> findings) {
        findings.forEach(this::add);
    }

    /** The findings kept, then one summary finding per rule that had more than the maximum. */
    List<Finding> findings() {
        List<Finding> all = new ArrayList<>(kept);
        for (LeftOut out : leftOut.values()) {
            Finding f = out.first;
            String message = String.format(Locale.ROOT, "%,d more %s finding%s in this file %s not listed "
                            + "(maxFindingsPerRule: %d), from this line to line %d; they count as reported",
                    out.count, f.rule(), out.count == 1 ? "" : "s", out.count == 1 ? "is" : "are", max,
                    out.lastLine);
            all.add(new Finding(f.rule(), out.highest, f.path(), f.line(), f.column(), f.line(), f.column(), message,
                    f.help(), f.excerpt()));
        }
        return all;
    }
}
