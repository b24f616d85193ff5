package dev.ddllint.golden;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.Configuration;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Locates golden SQL cases under {@code src/test/resources/golden} and analyzes them. */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    public static Path root() {
        try {
            return Path.of(GoldenFiles.class.getResource("/golden").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Path> sqlFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AnalysisReport analyze(Path file, TargetServer target) {
        return analyze(file, target, null);
    }

    /**
     * The configuration a rule's cases and examples are linted with: the defaults, and the rule turned on at
     * warning when it is off by default (a team turns it on; its cases show what it then finds). The cases of
     * {@code input-too-large} are small files: they run with {@code maxStatementSize: 1KiB}.
     */
    public static Configuration configFor(RuleInfo rule, TargetServer target) {
        Configuration config = Configuration.DEFAULT.withTarget(target);
        if (rule != null && rule.id().equals(dev.ddllint.rules.InputTooLarge.ID)) {
            return config.withLimits(dev.ddllint.config.InputLimits.DEFAULT.withMaxStatementSize(1024));
        }
        if (rule == null || rule.defaultSeverity() != Severity.OFF) {
            return config;
        }
        return new Configuration(target, config.failOn(), config.placeholders(), config.replacements(),
                Map.of(rule.id(), Severity.WARNING), config.parseTimeoutMillis(), config.newTables(),
                config.estimate(), config.lockWaitTimeoutSetByRunner(), config.maxLockWaitTimeoutSeconds());
    }

    /** Analyzes a case of {@code rule} (null: any) with {@link #configFor}. */
    public static AnalysisReport analyze(Path file, TargetServer target, RuleInfo rule) {
        try {
            Configuration config = configFor(rule, target);
            return new Analyzer(config).analyze(List.of(new SourceFile(file.getFileName().toString(),
                    Files.readAllBytes(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
