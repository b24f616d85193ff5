package dev.ddllint.run;

import dev.ddllint.config.Configuration;
import dev.ddllint.config.InputLimits;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.Severity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a front end's own options change in {@code ddl-lint.yml}, already parsed (each front end parses its own
 * syntax; the values mean the same everywhere, see {@link FrontEndOption}). A null field leaves the file's value.
 *
 * @param target                     {@code target}: the server to check for
 * @param failOn                     {@code failOn}: the severity that fails the run ({@link Severity#OFF}: never)
 * @param placeholdersBelowFile      placeholder values the file's own win over (Maven: flyway-maven-plugin's)
 * @param placeholders               placeholder values that win over the file's
 * @param lockWaitTimeoutSetByRunner {@code lockWaitTimeoutSetByRunner}: the runner sets {@code lock_wait_timeout}
 * @param newTables                  {@code newTables} (the Flyway callback: {@link NewTableScope#RUN})
 * @param maxFindingsPerRule         {@code maxFindingsPerRule}: findings of one rule kept per file
 * @param maxFileSize                {@code maxFileSize}: bytes; a larger file is not read
 * @param maxStatementSize           {@code maxStatementSize}: characters; a longer statement is not parsed
 */
public record RunOverrides(TargetServer target, Severity failOn, Map<String, String> placeholdersBelowFile,
                           Map<String, String> placeholders, Boolean lockWaitTimeoutSetByRunner,
                           NewTableScope newTables, Integer maxFindingsPerRule, Long maxFileSize,
                           Long maxStatementSize) {

    public static final RunOverrides NONE = new RunOverrides(null, null, Map.of(), Map.of(), null, null, null, null,
            null);

    public RunOverrides {
        placeholdersBelowFile = placeholdersBelowFile == null ? Map.of() : Map.copyOf(placeholdersBelowFile);
        placeholders = placeholders == null ? Map.of() : Map.copyOf(placeholders);
    }

    public RunOverrides withTarget(TargetServer t) {
        return new RunOverrides(t, failOn, placeholdersBelowFile, placeholders, lockWaitTimeoutSetByRunner, newTables,
                maxFindingsPerRule, maxFileSize, maxStatementSize);
    }

    public RunOverrides withFailOn(Severity s) {
        return new RunOverrides(target, s, placeholdersBelowFile, placeholders, lockWaitTimeoutSetByRunner, newTables,
                maxFindingsPerRule, maxFileSize, maxStatementSize);
    }

    public RunOverrides withPlaceholdersBelowFile(Map<String, String> values) {
        return new RunOverrides(target, failOn, values, placeholders, lockWaitTimeoutSetByRunner, newTables,
                maxFindingsPerRule, maxFileSize, maxStatementSize);
    }

    public RunOverrides withPlaceholders(Map<String, String> values) {
        return new RunOverrides(target, failOn, placeholdersBelowFile, values, lockWaitTimeoutSetByRunner, newTables,
                maxFindingsPerRule, maxFileSize, maxStatementSize);
    }

    public RunOverrides withLockWaitTimeoutSetByRunner(Boolean set) {
        return new RunOverrides(target, failOn, placeholdersBelowFile, placeholders, set, newTables,
                maxFindingsPerRule, maxFileSize, maxStatementSize);
    }

    public RunOverrides withNewTables(NewTableScope scope) {
        return new RunOverrides(target, failOn, placeholdersBelowFile, placeholders, lockWaitTimeoutSetByRunner, scope,
                maxFindingsPerRule, maxFileSize, maxStatementSize);
    }

    public RunOverrides withMaxFindingsPerRule(Integer n) {
        return new RunOverrides(target, failOn, placeholdersBelowFile, placeholders, lockWaitTimeoutSetByRunner,
                newTables, n, maxFileSize, maxStatementSize);
    }

    public RunOverrides withMaxFileSize(Long bytes) {
        return new RunOverrides(target, failOn, placeholdersBelowFile, placeholders, lockWaitTimeoutSetByRunner,
                newTables, maxFindingsPerRule, bytes, maxStatementSize);
    }

    public RunOverrides withMaxStatementSize(Long chars) {
        return new RunOverrides(target, failOn, placeholdersBelowFile, placeholders, lockWaitTimeoutSetByRunner,
                newTables, maxFindingsPerRule, maxFileSize, chars);
    }

    /** The file's configuration with these overrides applied. */
    public Configuration applyTo(Configuration file) {
        Configuration c = file;
        if (newTables != null) {
            c = c.withNewTables(newTables);
        }
        if (target != null) {
            c = c.withTarget(target);
        }
        if (lockWaitTimeoutSetByRunner != null) {
            c = c.withLockWaitTimeoutSetByRunner(lockWaitTimeoutSetByRunner);
        }
        if (failOn != null) {
            c = c.withFailOn(failOn);
        }
        InputLimits limits = c.limits();
        if (maxFindingsPerRule != null) {
            limits = limits.withMaxFindingsPerRule(maxFindingsPerRule);
        }
        if (maxFileSize != null) {
            limits = limits.withMaxFileSize(maxFileSize);
        }
        if (maxStatementSize != null) {
            limits = limits.withMaxStatementSize(maxStatementSize);
        }
        c = c.withLimits(limits);
        if (!placeholdersBelowFile.isEmpty() || !placeholders.isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(placeholdersBelowFile);
            merged.putAll(c.placeholders());
            merged.putAll(placeholders);
            c = c.withPlaceholders(merged);
        }
        return c;
    }
}
