package dev.ddllint.analysis;

import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.util.List;

/** Everything one run found, in migration order. */
public record AnalysisReport(String toolVersion, TargetServer target, List<FileReport> files,
                             List<Finding> findings) {

    public AnalysisReport {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
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
