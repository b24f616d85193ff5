package dev.ddllint.kb;

import dev.ddllint.model.AlterOperation;

import java.util.List;

/**
 * One ALTER operation with the facts-table operation it maps to and the server's verdict for it alone.
 *
 * @param assumptions what the classifier had to assume for lack of facts (empty when the verdict is exact)
 * @param parts       every facts-table operation the clause does ({@code ddlOperation} is the one that decides the
 *                    verdict): a CHANGE COLUMN may change the collation and move the column at once
 */
public record ClassifiedOperation(AlterOperation operation, DdlOperation ddlOperation, Verdict verdict,
                                  Verdict instantFallback, Fact fact, List<String> assumptions, String reason,
                                  List<DdlOperation> parts) {

    public ClassifiedOperation {
        assumptions = List.copyOf(assumptions);
        parts = parts == null || parts.isEmpty() ? List.of(ddlOperation) : List.copyOf(parts);
    }

    public ClassifiedOperation(AlterOperation operation, DdlOperation ddlOperation, Verdict verdict,
                               Verdict instantFallback, Fact fact, List<String> assumptions, String reason) {
        this(operation, ddlOperation, verdict, instantFallback, fact, assumptions, reason, List.of(ddlOperation));
    }

    /** The same verdict, with every operation the clause does. */
    ClassifiedOperation withParts(List<DdlOperation> all) {
        return new ClassifiedOperation(operation, ddlOperation, verdict, instantFallback, fact, assumptions, reason, all);
    }

    public boolean does(DdlOperation part) {
        return parts.contains(part);
    }

    /** The same operation with a worse verdict that an assumption calls for. */
    public ClassifiedOperation assuming(Verdict worse, String assumption) {
        List<String> more = new java.util.ArrayList<>(assumptions);
        more.add(assumption);
        return new ClassifiedOperation(operation, ddlOperation, worse, null, fact, more, reason, parts);
    }

    public boolean isExact() {
        return assumptions.isEmpty();
    }
}
