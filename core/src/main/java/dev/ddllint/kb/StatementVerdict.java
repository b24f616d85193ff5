package dev.ddllint.kb;

import java.util.List;

/**
 * The verdict for a whole ALTER (or CREATE/DROP INDEX) statement.
 *
 * @param natural    what the server chooses when the statement names no ALGORITHM/LOCK
 * @param effective  what happens as written (an explicit weaker ALGORITHM or stronger LOCK wins)
 * @param refusals   explicit ALGORITHM=/LOCK= clauses the server will refuse, each a sentence
 */
public record StatementVerdict(List<ClassifiedOperation> operations, Verdict natural, Verdict effective,
                               List<String> refusals) {

    public StatementVerdict {
        operations = List.copyOf(operations);
        refusals = List.copyOf(refusals);
    }

    /** A table DDL statement nothing understood: assumed the worst, a blocking table copy. */
    public static StatementVerdict notUnderstood() {
        Verdict worst = new Verdict(Algorithm.COPY, true, LockLevel.EXCLUSIVE);
        return new StatementVerdict(List.of(), worst, worst, List.of());
    }
}
