package dev.ddllint.run;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.config.Configuration;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link LintRun} found and whether it fails: the report (after {@code since} and the baseline), the
 * findings at or above {@code failOn}, and the exit decision every front end follows (CLI exit code, Maven build
 * failure, Flyway stopping {@code migrate}).
 *
 * @param report        the findings to report: only the files changed since the git ref, without baseline ones
 * @param configuration the configuration the analysis ran with (file plus the front end's overrides)
 * @param configSource  where the configuration came from, for logs
 * @param since         what {@code since} left in, or null when it was not set
 * @param baseline      what the baseline took out, or null when no baseline file was read
 */
public record LintResult(AnalysisReport report, Configuration configuration, String configSource, Since since,
                         BaselineUse baseline) {

    /** Exit code: no finding at or above {@code failOn}. */
    public static final int EXIT_OK = 0;
    /** Exit code: an unsafe migration was found. */
    public static final int EXIT_FINDINGS = 1;
    /** Exit code: ddl-lint could not do its job ({@link LintFailure}). */
    public static final int EXIT_TOOL_FAILURE = 2;

    /** {@code since}: how many of the analysed files were added or changed since the ref. */
    public record Since(String ref, int checked, int total) {
        /** One line for the log, the same in every front end. */
        public String describe() {
            return checked + " of " + total + " migration file" + (total == 1 ? "" : "s")
                    + " added or changed since " + ref;
        }
    }

    /** The baseline read: how many known findings it took out, how many of its entries match nothing any more. */
    public record BaselineUse(Path file, int suppressed, int unmatched) {
    }

    public Severity failOn() {
        return configuration.failOn();
    }

    /** The findings at or above {@code failOn}, in report order. */
    public List<Finding> failing() {
        Severity threshold = failOn();
        return report.findings().stream().filter(f -> f.severity().atLeast(threshold)).toList();
    }

    public boolean fails() {
        return report.fails(failOn());
    }

    public int exitCode() {
        return fails() ? EXIT_FINDINGS : EXIT_OK;
    }
}
