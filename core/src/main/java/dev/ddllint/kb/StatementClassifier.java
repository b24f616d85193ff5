package dev.ddllint.kb;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.OperationKind;
import dev.ddllint.model.RequestedAlgorithm;
import dev.ddllint.model.RequestedLock;
import dev.ddllint.model.Statement;
import dev.ddllint.schema.TableFacts;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines the operations of one statement the way the server does: the statement gets the weakest algorithm
 * and the strongest lock of its operations, INSTANT operations fall back when another one is not INSTANT, and
 * explicit ALGORITHM=/LOCK= clauses either change the outcome or make the server refuse the statement.
 */
public final class StatementClassifier {

    private final OperationClassifier operations;
    private final TargetServer target;

    public StatementClassifier(KnowledgeBase kb, TargetServer target) {
        this.operations = new OperationClassifier(kb, target);
        this.target = target;
    }

    public TargetServer target() {
        return target;
    }

    public StatementVerdict classify(Statement statement, TableFacts table, SessionState session) {
        boolean addsPrimary = statement.operations().stream().anyMatch(o -> o.kind() == OperationKind.ADD_PRIMARY_KEY
                || (o.kind() == OperationKind.ADD_INDEX && o.index() != null && o.index().kind() == IndexKind.PRIMARY));
        List<ClassifiedOperation> classified = new ArrayList<>();
        for (AlterOperation op : statement.operations()) {
            classified.add(operations.classify(op, table, session, addsPrimary, statement.ignore()));
        }
        Verdict natural = combine(classified, table, statement.ignore());
        List<String> refusals = new ArrayList<>();
        Verdict effective = applyRequested(statement, classified, natural, refusals);
        return new StatementVerdict(classified, natural, effective, refusals);
    }

    private Verdict combine(List<ClassifiedOperation> classified, TableFacts table, boolean ignore) {
        if (classified.isEmpty()) {
            return new Verdict(Algorithm.INSTANT, false, LockLevel.NONE);
        }
        boolean allInstant = classified.stream().allMatch(c -> c.verdict().algorithm() == Algorithm.INSTANT);
        Algorithm algorithm = Algorithm.INSTANT;
        boolean rebuild = false;
        LockLevel lock = LockLevel.NONE;
        long fulltextAdds = classified.stream().filter(c -> c.ddlOperation() == DdlOperation.ADD_FULLTEXT_INDEX
                || c.ddlOperation() == DdlOperation.ADD_FULLTEXT_INDEX_FIRST).count();
        for (ClassifiedOperation c : classified) {
            Verdict v = c.verdict();
            if (!allInstant && v.algorithm() == Algorithm.INSTANT) {
                v = c.instantFallback() != null ? c.instantFallback() : new Verdict(Algorithm.INPLACE, false, v.lock());
            }
            algorithm = algorithm.weaker(v.algorithm());
            rebuild |= v.rebuildsTable();
            lock = lock.stronger(v.lock());
        }
        // InnoDB builds one FULLTEXT index at a time in place (ER_INNODB_FT_LIMIT).
        if (fulltextAdds > 1) {
            algorithm = Algorithm.COPY;
            rebuild = true;
            lock = lock.stronger(LockLevel.SHARED);
        }
        boolean fulltextKept = table != null && table.hasFulltextIndex();
        if (rebuild && algorithm == Algorithm.INPLACE && fulltextKept && target.isMySql()) {
            algorithm = Algorithm.COPY;
            lock = lock.stronger(LockLevel.SHARED);
        }
        if (algorithm == Algorithm.COPY) {
            rebuild = true;
            Verdict copy = operations.onlineCopy(new Verdict(Algorithm.COPY, true, LockLevel.SHARED), ignore);
            lock = classified.stream().anyMatch(c -> c.verdict().algorithm() == Algorithm.COPY) ? lock
                    : lock.stronger(copy.lock());
            if (copy.lock() == LockLevel.NONE && lock == LockLevel.SHARED && classified.stream()
                    .allMatch(c -> c.verdict().lock() == LockLevel.NONE || c.verdict().algorithm() == Algorithm.COPY)) {
                lock = LockLevel.NONE;
            }
        }
        return new Verdict(algorithm, rebuild, lock);
    }

    private Verdict applyRequested(Statement s, List<ClassifiedOperation> classified, Verdict natural,
                                   List<String> refusals) {
        RequestedAlgorithm algorithm = s.algorithm();
        RequestedLock lock = s.lock();
        String server = target.displayName();
        if (algorithm == RequestedAlgorithm.DEFAULT && lock == RequestedLock.DEFAULT) {
            return natural;
        }
        boolean partition = classified.stream().anyMatch(c -> c.operation().kind().isPartitionOperation()
                && c.operation().kind() != OperationKind.PARTITION_BY
                && c.operation().kind() != OperationKind.REMOVE_PARTITIONING);
        if (partition && target.flavor() == ServerFlavor.MARIADB) {
            refusals.add(server + " accepts no ALGORITHM= or LOCK= clause on partition operations (syntax error 1064)");
            return natural;
        }
        Verdict effective = natural;
        switch (algorithm) {
            case INSTANT -> {
                if (natural.algorithm() != Algorithm.INSTANT) {
                    refusals.add("ALGORITHM=INSTANT is not possible: " + describe(natural) + " (error 1845)");
                }
                if (target.isMySql() && lock != RequestedLock.DEFAULT) {
                    refusals.add("ALGORITHM=INSTANT cannot be combined with LOCK=" + lock + " on " + server
                            + " (error 1221)");
                }
            }
            case NOCOPY -> {
                if (target.isMySql()) {
                    refusals.add("ALGORITHM=NOCOPY is MariaDB syntax; " + server + " rejects it (error 1064)");
                } else if (natural.algorithm() == Algorithm.COPY || natural.rebuildsTable()) {
                    refusals.add("ALGORITHM=NOCOPY is not possible: " + describe(natural) + " (error 1846)");
                }
            }
            case INPLACE -> {
                if (natural.algorithm() == Algorithm.COPY) {
                    refusals.add("ALGORITHM=INPLACE is not possible: " + describe(natural) + " (error 1846)");
                } else if (natural.algorithm() == Algorithm.INSTANT && target.isMySql()) {
                    // MySQL runs what was asked for: INSTANT column changes become an in-place rebuild.
                    effective = inplaceForm(classified);
                }
            }
            case COPY -> effective = operations.onlineCopy(
                    new Verdict(Algorithm.COPY, true, natural.lock().stronger(LockLevel.SHARED)), s.ignore());
            case DEFAULT -> {
            }
        }
        if (lock != RequestedLock.DEFAULT && !(algorithm == RequestedAlgorithm.INSTANT && target.isMySql())) {
            LockLevel asked = LockLevel.valueOf(lock.name());
            if (asked.ordinal() < effective.lock().ordinal()) {
                String why = effective.algorithm() == Algorithm.COPY ? "a table copy requires a lock"
                        : "the operation requires LOCK=" + effective.lock();
                refusals.add("LOCK=" + lock + " is not possible: " + why + " on " + server + " (error 1846)");
            } else {
                effective = new Verdict(effective.algorithm(), effective.rebuildsTable(), asked);
            }
        }
        return effective;
    }

    private static Verdict inplaceForm(List<ClassifiedOperation> classified) {
        boolean rebuild = false;
        LockLevel lock = LockLevel.NONE;
        for (ClassifiedOperation c : classified) {
            Verdict v = c.instantFallback() != null ? c.instantFallback() : c.verdict();
            rebuild |= v.rebuildsTable();
            lock = lock.stronger(v.lock());
        }
        return new Verdict(Algorithm.INPLACE, rebuild, lock);
    }

    private String describe(Verdict natural) {
        return "on " + target.displayName() + " this statement runs as " + natural;
    }
}
