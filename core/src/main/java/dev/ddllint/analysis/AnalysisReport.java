package dev.ddllint.analysis;

import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.BuiltinRules;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.Severity;

import java.util.List;
import java.util.Optional;

/**
 * Everything one run found, in migration order.
 *
 * @param rules the rules the run had: the built-in ones, then custom ones (reports describe and link them)
 */
public record AnalysisReport(String toolVersion, TargetServer target, List<FileReport> files,
                             List<Finding> findings, List<RuleInfo> rules) {

    public AnalysisReport {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
        rules = rules == null ? BuiltinRules.all() : List.copyOf(rules);
    }

    /** A report of a run with the built-in rules only. */
    public AnalysisReport(String toolVersion, TargetServer target, List<FileReport> files, List<Finding> findings) {
        this(toolVersion, target, files, findings, BuiltinRules.all());
    }

    /** The same run with other files and findings (a part of them, or their paths moved). */
    public AnalysisReport with(List<FileReport> otherFiles, List<Finding> otherFindings) {
        return new AnalysisReport(toolVersion, target, otherFiles, otherFindings, rules);
    }

    /** The rule of a finding, by id. */
    public Optional<RuleInfo> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public int statementCount() {
        return files.stream().mapToInt(f -> f.statements().size()).sum();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** True when a finding reaches the threshold ({@link Severity#OFF}: never). */
    public boolean fails(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
