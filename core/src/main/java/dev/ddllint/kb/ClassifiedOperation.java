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

    public boolean isExact() {
        return assumptions.isEmpty();
    }
}
