package dev.ddllint.kb;

import dev.ddllint.model.AlterOperation;

import java.util.List;

/**
 * One ALTER operation with the facts-table operation it maps to and the server's verdict for it alone.
 *
 * @param assumptions what the classifier had to assume for lack of facts (empty when the verdict is exact)
 */
public record ClassifiedOperation(AlterOperation operation, DdlOperation ddlOperation, Verdict verdict,
                                  Verdict instantFallback, Fact fact, List<String> assumptions, String reason) {

    public ClassifiedOperation {
        assumptions = List.copyOf(assumptions);
    }

    /** The same operation with a worse verdict that an assumption calls for. */
    public ClassifiedOperation assuming(Verdict worse, String assumption) {
        List<String> more = new java.util.ArrayList<>(assumptions);
        more.add(assumption);
        return new ClassifiedOperation(operation, ddlOperation, worse, null, fact, more, reason);
    }

    public boolean isExact() {
        return assumptions.isEmpty();
    }
}
