package dev.ddllint.rules;

/**
 * A rule's identity and documentation: {@code id} names the class, the page {@code docs/rules/<id>.md} and the
 * golden cases {@code core/src/test/resources/golden/<id>/}.
 */
public record RuleInfo(String id, Severity defaultSeverity, String summary) {

    public String docsPath() {
        return "docs/rules/" + id + ".md";
    }
}
