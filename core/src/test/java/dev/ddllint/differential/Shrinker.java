package dev.ddllint.differential;

import dev.ddllint.differential.GeneratedChange.Clause;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reduces a case that disagrees with the server to a minimal one with the same outcome: one element at a time
 * (a clause, the explicit ALGORITHM/LOCK, a column, an index, a constraint, a table option, the partitioning, the
 * tables around it, session settings, rows), keeping each removal after which the case still runs and still
 * disagrees the same way. Greedy, so minimal per element, not globally.
 */
final class Shrinker {

    private final Predicate<DifferentialCase> stillFails;
    private final int budget;
    private int runs;

    /** @param stillFails runs the case on the server and says whether the outcome is unchanged */
    Shrinker(Predicate<DifferentialCase> stillFails, int budget) {
        this.stillFails = stillFails;
        this.budget = budget;
    }

    int runs() {
        return runs;
    }

    DifferentialCase shrink(DifferentialCase start) {
        DifferentialCase current = start;
        boolean progress = true;
        while (progress && runs < budget) {
            progress = false;
            for (Function<DifferentialCase, List<DifferentialCase>> step : steps()) {
                for (DifferentialCase candidate : step.apply(current)) {
                    if (runs >= budget) {
                        return current;
                    }
                    runs++;
                    if (stillFails.test(candidate)) {
                        current = candidate;
                        progress = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    private static List<Function<DifferentialCase, List<DifferentialCase>>> steps() {
        return List.of(Shrinker::fewerClauses, Shrinker::noExplicitClauses, Shrinker::fewerIndexes,
                Shrinker::fewerColumns, Shrinker::fewerConstraints, Shrinker::fewerOptions, Shrinker::simplerTable);
    }

    private static List<DifferentialCase> fewerClauses(DifferentialCase c) {
        List<DifferentialCase> out = new ArrayList<>();
        List<Clause> clauses = c.change().clauses();
        if (clauses.size() > 1) {
            for (int i = 0; i < clauses.size(); i++) {
                List<Clause> fewer = new ArrayList<>(clauses);
                fewer.remove(i);
                out.add(c.with(c.table(), c.change().withClauses(fewer)));
            }
        }
        return out;
    }

    private static List<DifferentialCase> noExplicitClauses(DifferentialCase c) {
        if (c.change().algorithm() == null && c.change().lock() == null) {
            return List.of();
        }
        return List.of(c.with(c.table(), c.change().withoutExplicit()));
    }

    private static List<DifferentialCase> fewerColumns(DifferentialCase c) {
        List<DifferentialCase> out = new ArrayList<>();
        for (int i = 0; i < c.table().columns.size(); i++) {
            GeneratedTable t = c.table().copy();
            GeneratedColumn removed = t.columns.remove(i);
            if (removed.name().equals("id") || t.columns.isEmpty()) {
                continue;
            }
            out.add(c.with(t, c.change()));
        }
        return out;
    }

    private static List<DifferentialCase> fewerIndexes(DifferentialCase c) {
        List<DifferentialCase> out = new ArrayList<>();
        for (int i = 0; i < c.table().indexes.size(); i++) {
            GeneratedTable t = c.table().copy();
            t.indexes.remove(i);
            out.add(c.with(t, c.change()));
        }
        return out;
    }

    private static List<DifferentialCase> fewerConstraints(DifferentialCase c) {
        List<DifferentialCase> out = new ArrayList<>();
        for (int i = 0; i < c.table().checks.size(); i++) {
            GeneratedTable t = c.table().copy();
            t.checks.remove(i);
            out.add(c.with(t, c.change()));
        }
        for (int i = 0; i < c.table().foreignKeys.size(); i++) {
            GeneratedTable t = c.table().copy();
            t.foreignKeys.remove(i);
            out.add(c.with(t, c.change()));
        }
        if (c.table().childReference != null) {
            GeneratedTable t = c.table().copy();
            t.childReference = null;
            out.add(c.with(t, c.change()));
        }
        return out;
    }

    private static List<DifferentialCase> fewerOptions(DifferentialCase c) {
        List<DifferentialCase> out = new ArrayList<>();
        for (int i = 0; i < c.table().options.size(); i++) {
            GeneratedTable t = c.table().copy();
            t.options.remove(i);
            out.add(c.with(t, c.change()));
        }
        for (int i = 0; i < c.table().session.size(); i++) {
            GeneratedTable t = c.table().copy();
            t.session.remove(i);
            out.add(c.with(t, c.change()));
        }
        if (c.table().collation != null) {
            GeneratedTable t = c.table().copy();
            t.collation = null;
            out.add(c.with(t, c.change()));
        }
        return out;
    }

    private static List<DifferentialCase> simplerTable(DifferentialCase c) {
        List<DifferentialCase> out = new ArrayList<>();
        if (c.table().partitioning != null) {
            GeneratedTable t = c.table().copy();
            t.partitioning = null;
            out.add(c.with(t, c.change()));
        }
        if (c.table().systemVersioned) {
            GeneratedTable t = c.table().copy();
            t.systemVersioned = false;
            out.add(c.with(t, c.change()));
        }
        if (c.table().rows > 1) {
            GeneratedTable t = c.table().copy();
            t.rows = 1;
            out.add(c.with(t, c.change()));
        }
        return out;
    }
}
