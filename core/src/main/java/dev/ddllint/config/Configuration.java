package dev.ddllint.config;

import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.Severity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one configuration model that the CLI, the Maven plugin and the Flyway callback share. Immutable; the
 * {@code with…} methods return changed copies so command-line flags can override a file.
 *
 * @param failOn            findings at or above this severity fail the check ({@link Severity#OFF}: never)
 * @param placeholders      Flyway {@code ${name}} values
 * @param replacements      literal tokens of other migration tools ({@code {$NAMESPACE}}, {@code #__}) and their values
 * @param ruleSeverities    per-rule severity overrides; OFF disables a rule
 * @param parseTimeoutMillis upper bound for parsing one statement
 */
public record Configuration(TargetServer target, Severity failOn, Map<String, String> placeholders,
                            Map<String, String> replacements, Map<String, Severity> ruleSeverities,
                            long parseTimeoutMillis, NewTableScope newTables) {

    public static final Configuration DEFAULT = new Configuration(TargetServer.DEFAULT, Severity.ERROR, Map.of(),
            Map.of(), Map.of(), 2000, NewTableScope.FILE);

    public Configuration {
        placeholders = Map.copyOf(placeholders);
        replacements = Map.copyOf(replacements);
        ruleSeverities = Map.copyOf(ruleSeverities);
    }

    public Severity severityOf(RuleInfo rule) {
        return ruleSeverities.getOrDefault(rule.id(), rule.defaultSeverity());
    }

    public Configuration withTarget(TargetServer t) {
        return new Configuration(t, failOn, placeholders, replacements, ruleSeverities, parseTimeoutMillis, newTables);
    }

    public Configuration withFailOn(Severity s) {
        return new Configuration(target, s, placeholders, replacements, ruleSeverities, parseTimeoutMillis, newTables);
    }

    public Configuration withNewTables(NewTableScope scope) {
        return new Configuration(target, failOn, placeholders, replacements, ruleSeverities, parseTimeoutMillis, scope);
    }

    /** Adds placeholders; the given ones win over those already set. */
    public Configuration withPlaceholders(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(placeholders);
        merged.putAll(more);
        return new Configuration(target, failOn, merged, replacements, ruleSeverities, parseTimeoutMillis, newTables);
    }
}
