package dev.ddllint.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules index, generated from the rules' metadata. {@code README.md} and {@code docs/rules/README.md} hold it
 * between {@link #BEGIN} and {@link #END}; {@code RulesIndexTest} fails when a checked-in copy is stale and rewrites
 * both with {@code -Dddllint.regenerate=true}.
 */
public final class RulesIndex {

    public static final String BEGIN = "<!-- rules-index: generated from the rules' metadata (RuleInfo), do not edit; "
            + "regenerate with: mvn -o -q -B test -pl core -Dtest=RulesIndexTest -Dddllint.regenerate=true -->";
    public static final String END = "<!-- /rules-index -->";

    private RulesIndex() {
    }

    /**
     * The index as a Markdown table, marker lines included.
     *
     * @param pages where the rule pages are, relative to the document holding the index ("" or "docs/rules/")
     */
    public static String block(List<RuleInfo> rules, String pages) {
        StringBuilder sb = new StringBuilder(BEGIN).append('\n');
        sb.append("| Rule | Default | Category | Risk | What it finds |\n");
        sb.append("|---|---|---|---|---|\n");
        for (RuleInfo rule : rules) {
            sb.append(row(rule, pages)).append('\n');
        }
        return sb.append(END).toString();
    }

    /** The rule's row of the index, as {@link #block} writes it. */
    public static String row(RuleInfo rule, String pages) {
        return "| " + link(rule.id(), pages) + " | " + rule.defaultSeverity().id() + " | " + rule.category().title()
                + " | " + rule.risk().id() + " | " + whatItFinds(rule, pages) + " |";
    }

    /** {@code document} with its index block replaced by {@code block}. */
    public static String replaceBlock(String document, String block) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no rules index block (" + BEGIN + " … " + END + ") in the document");
        }
        return document.substring(0, begin) + block + document.substring(end + END.length());
    }

    private static String whatItFinds(RuleInfo rule, String pages) {
        String text = rule.summary();
        if (!rule.appliesTo().isAll()) {
            text += "; only on " + rule.appliesTo();
        }
        if (!rule.supersedes().isEmpty()) {
            text += "; supersedes " + rule.supersedes().stream().sorted().map(id -> link(id, pages))
                    .collect(Collectors.joining(", "));
        }
        return text.replace("|", "\\|");
    }

    private static String link(String id, String pages) {
        return "[" + id + "](" + pages + id + ".md)";
    }
}
