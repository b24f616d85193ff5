package dev.ddllint.rules;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rule's facts, kept on the rule: the analyzer, the configuration, the reports and the rules index read them from
 * here. The {@code id} names the class ({@link #className()}), the page {@code docs/rules/<id>.md} and the golden
 * cases {@code core/src/test/resources/golden/<id>/}; it is never renamed.
 *
 * @param defaultSeverity the severity unless {@code ddl-lint.yml} sets another
 * @param risk            what the finding puts at risk; {@link Risk#DATA} findings are demoted on new tables
 * @param summary         one sentence: the SARIF short description and the rules index entry
 * @param supersedes      ids of rules that say nothing on a statement this rule reports on (they would report the
 *                        same problem again, less precisely)
 * @param appliesTo       the target servers the rule runs for
 * @param foldsInto       ids of rules whose finding on the same statement has the same cause: both report, and the
 *                        reports show one finding (the more severe) with the other folded into it, named
 * @param docsUrl         the page of a rule that is not ddl-lint's own (a custom rule), or null for
 *                        {@link #docsPath()} under the reports' docs base URL
 */
public record RuleInfo(String id, Severity defaultSeverity, Category category, Risk risk, String summary,
                       Set<String> supersedes, ServerRange appliesTo, Set<String> foldsInto, String docsUrl) {

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public RuleInfo {
        if (!KEBAB_CASE.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id '" + id + "' is not kebab-case");
        }
        supersedes = Set.copyOf(new LinkedHashSet<>(supersedes));
        if (supersedes.contains(id)) {
            throw new IllegalArgumentException(id + " cannot supersede itself");
        }
        foldsInto = foldsInto == null ? Set.of() : Set.copyOf(foldsInto);
        if (docsUrl != null && !docsUrl.matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("rule " + id + ": docs URL '" + docsUrl + "' is not an http(s) URL");
        }
    }

    public RuleInfo(String id, Severity defaultSeverity, Category category, Risk risk, String summary,
                    Set<String> supersedes, ServerRange appliesTo) {
        this(id, defaultSeverity, category, risk, summary, supersedes, appliesTo, Set.of(), null);
    }

    /** A rule for every server that supersedes nothing. */
    public static RuleInfo of(String id, Severity defaultSeverity, Category category, Risk risk, String summary) {
        return new RuleInfo(id, defaultSeverity, category, risk, summary, Set.of(), ServerRange.ALL);
    }

    public RuleInfo superseding(String... ids) {
        return new RuleInfo(id, defaultSeverity, category, risk, summary, Set.of(ids), appliesTo, foldsInto, docsUrl);
    }

    public RuleInfo onlyOn(ServerRange servers) {
        return new RuleInfo(id, defaultSeverity, category, risk, summary, supersedes, servers, foldsInto, docsUrl);
    }

    /** See {@link #foldsInto()}. */
    public RuleInfo foldingInto(String... ids) {
        return new RuleInfo(id, defaultSeverity, category, risk, summary, supersedes, appliesTo, Set.of(ids), docsUrl);
    }

    /** A custom rule's page (see {@link #docsUrl()}). */
    public RuleInfo documentedAt(String url) {
        return new RuleInfo(id, defaultSeverity, category, risk, summary, supersedes, appliesTo, foldsInto, url);
    }

    /** Findings of the two rules on one statement are one finding (either folds into the other). */
    public boolean foldsWith(RuleInfo other) {
        return id.equals(other.id) || foldsInto.contains(other.id) || other.foldsInto.contains(id);
    }

    /**
     * The same rule reporting at a lower default severity, for a milder case of its finding (an online copy is a
     * warning, an estimate within the limits an info); the analyzer never raises a configured severity for it.
     */
    public RuleInfo withDefaultSeverity(Severity severity) {
        return new RuleInfo(id, severity, category, risk, summary, supersedes, appliesTo, foldsInto, docsUrl);
    }

    public boolean supersedes(String otherId) {
        return supersedes.contains(otherId);
    }

    /** The rule's page, relative to the repository root. */
    public String docsPath() {
        return docsPathOf(id);
    }

    public static String docsPathOf(String id) {
        return "docs/rules/" + id + ".md";
    }

    /** The folder of the rule's golden cases, relative to the repository root. */
    public String goldenPath() {
        return "core/src/test/resources/golden/" + id + "/";
    }

    /** The rule's class: the id in UpperCamelCase, in this package. */
    public String className() {
        return RuleInfo.class.getPackageName() + "." + Arrays.stream(id.split("-"))
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1)).collect(Collectors.joining());
    }
}
