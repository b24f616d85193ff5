package dev.ddllint.kb;

/**
 * One row of the facts table.
 *
 * @param instantFallback what an INSTANT operation becomes inside a statement that cannot be INSTANT
 *                        ({@code null} when the operation is not INSTANT)
 */
public record Fact(DdlOperation operation, ServerFlavor flavor, ServerVersion since, Verdict verdict,
                   Verdict instantFallback, String source, String note) {
}
