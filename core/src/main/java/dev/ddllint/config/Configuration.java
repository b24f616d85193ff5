package dev.ddllint.config;

import dev.ddllint.estimate.EstimateSettings;
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
 * @param parseTimeoutMillis last-resort wall-clock limit for JSqlParser on one statement (the bound that decides
 *                          is the work, {@code parse.ParseBudget}); a statement that reaches it fails closed
 * @param estimate          the {@code estimate:} block: statistics snapshot, throughput, limits (docs/estimation.md)
 * @param lockWaitTimeoutSetByRunner the migration runner sets {@code lock_wait_timeout} itself (the Flyway callback
 *                          does), so migrations need not ({@code missing-lock-wait-timeout} stays quiet)
 * @param maxLockWaitTimeoutSeconds the longest {@code lock_wait_timeout} that counts as short
 * @param policy            the {@code policy:} block: schema conventions the policy rules check
 * @param limits            {@code maxFindingsPerRule}, {@code maxFileSize}, {@code maxStatementSize}
 */
public record Configuration(TargetServer target, Severity failOn, Map<String, String> placeholders,
                            Map<String, String> replacements, Map<String, Severity> ruleSeverities,
                            long parseTimeoutMillis, NewTableScope newTables, EstimateSettings estimate,
                            boolean lockWaitTimeoutSetByRunner, long maxLockWaitTimeoutSeconds,
                            PolicySettings policy, InputLimits limits) {

    /** {@code maxLockWaitTimeout} by default: pt-online-schema-change's own setting. */
    public static final long DEFAULT_MAX_LOCK_WAIT_TIMEOUT_SECONDS = 60;

    public static final Configuration DEFAULT = new Configuration(TargetServer.DEFAULT, Severity.ERROR, Map.of(),
            Map.of(), Map.of(), 30_000, NewTableScope.FILE);

    public Configuration {
        placeholders = Map.copyOf(placeholders);
        replacements = Map.copyOf(replacements);
        ruleSeverities = Map.copyOf(ruleSeverities);
        estimate = estimate == null ? EstimateSettings.DEFAULT : estimate;
        policy = policy == null ? PolicySettings.DEFAULT : policy;
        limits = limits == null ? InputLimits.DEFAULT : limits;
    }

    /** The configuration as it was before the input limits: those take their defaults. */
    public Configuration(TargetServer target, Severity failOn, Map<String, String> placeholders,
                         Map<String, String> replacements, Map<String, Severity> ruleSeverities,
                         long parseTimeoutMillis, NewTableScope newTables, EstimateSettings estimate,
                         boolean lockWaitTimeoutSetByRunner, long maxLockWaitTimeoutSeconds, PolicySettings policy) {
        this(target, failOn, placeholders, replacements, ruleSeverities, parseTimeoutMillis, newTables, estimate,
                lockWaitTimeoutSetByRunner, maxLockWaitTimeoutSeconds, policy, InputLimits.DEFAULT);
    }

    /** The configuration as it was before the policy settings: those take their defaults. */
    public Configuration(TargetServer target, Severity failOn, Map<String, String> placeholders,
                         Map<String, String> replacements, Map<String, Severity> ruleSeverities,
                         long parseTimeoutMillis, NewTableScope newTables, EstimateSettings estimate,
                         boolean lockWaitTimeoutSetByRunner, long maxLockWaitTimeoutSeconds) {
        this(target, failOn, placeholders, replacements, ruleSeverities, parseTimeoutMillis, newTables, estimate,
                lockWaitTimeoutSetByRunner, maxLockWaitTimeoutSeconds, PolicySettings.DEFAULT);
    }

    /** The configuration as it was before the estimate and lock-wait settings: those take their defaults. */
    public Configuration(TargetServer target, Severity failOn, Map<String, String> placeholders,
                         Map<String, String> replacements, Map<String, Severity> ruleSeverities,
                         long parseTimeoutMillis, NewTableScope newTables) {
        this(target, failOn, placeholders, replacements, ruleSeverities, parseTimeoutMillis, newTables,
                EstimateSettings.DEFAULT, false, DEFAULT_MAX_LOCK_WAIT_TIMEOUT_SECONDS);
    }

    public Severity severityOf(RuleInfo rule) {
        return ruleSeverities.getOrDefault(rule.id(), rule.defaultSeverity());
    }

    public Configuration withTarget(TargetServer t) {
        return new Configuration(t, failOn, placeholders, replacements, ruleSeverities, parseTimeoutMillis, newTables,
                estimate, lockWaitTimeoutSetByRunner, maxLockWaitTimeoutSeconds, policy, limits);
    }

    public Configuration withFailOn(Severity s) {
        return new Configuration(target, s, placeholders, replacements, ruleSeverities, parseTimeoutMillis, newTables,
                estimate, lockWaitTimeoutSetByRunner, maxLockWaitTimeoutSeconds, policy, limits);
    }

    public Configuration withNewTables(NewTableScope scope) {
        return new Configuration(target, failOn, placeholders, replacements, ruleSeverities, parseTimeoutMillis, scope,
                estimate, lockWaitTimeoutSetByRunner, maxLockWaitTimeoutSeconds, policy, limits);
    }

    public Configuration withEstimate(EstimateSettings e) {
        return new Configuration(target, failOn, placeholders, replacements, ruleSeverities, parseTimeoutMillis,
                newTables, e, lockWaitTimeoutSetByRunner, maxLockWaitTimeoutSeconds, policy, limits);
    }

    /** For a runner that sets {@code lock_wait_timeout} on its connection (the Flyway callback). */
    public Configuration withLockWaitTimeoutSetByRunner(boolean set) {
        return new Configuration(target, failOn, placeholders, replacements, ruleSeverities, parseTimeoutMillis,
                newTables, estimate, set, maxLockWaitTimeoutSeconds, policy, limits);
    }

    public Configuration withMaxLockWaitTimeout(long seconds) {
        return new Configuration(target, failOn, placeholders, replacements, ruleSeverities, parseTimeoutMillis,
                newTables, estimate, lockWaitTimeoutSetByRunner, seconds, policy, limits);
    }

    public Configuration withPolicy(PolicySettings p) {
        return new Configuration(target, failOn, placeholders, replacements, ruleSeverities, parseTimeoutMillis,
                newTables, estimate, lockWaitTimeoutSetByRunner, maxLockWaitTimeoutSeconds, p, limits);
    }

    public Configuration withLimits(InputLimits l) {
        return new Configuration(target, failOn, placeholders, replacements, ruleSeverities, parseTimeoutMillis,
                newTables, estimate, lockWaitTimeoutSetByRunner, maxLockWaitTimeoutSeconds, policy, l);
    }

    /** Adds placeholders; the given ones win over those already set. */
    public Configuration withPlaceholders(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(placeholders);
        merged.putAll(more);
        return new Configuration(target, failOn, merged, replacements, ruleSeverities, parseTimeoutMillis, newTables,
                estimate, lockWaitTimeoutSetByRunner, maxLockWaitTimeoutSeconds, policy, limits);
    }
}
