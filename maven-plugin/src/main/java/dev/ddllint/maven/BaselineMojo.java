package dev.ddllint.maven;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Baseline;
import dev.ddllint.rules.Finding;
import dev.ddllint.run.LintFailure;
import dev.ddllint.run.LintRun;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records today's findings in the baseline file ({@code ddl-lint-baseline.json} in the project folder, see
 * {@code baselineFile}), so that {@code check} reports only new ones: the way to adopt ddl-lint on a project whose
 * old migrations already ran. A finding is matched by rule, file and the text of its statement, not by line, so
 * edits elsewhere don't bring it back. Commit the file; run this goal again after fixing findings.
 * <pre>
 * mvn ddl-lint:baseline
 * git add ddl-lint-baseline.json
 * </pre>
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractDdlLintMojo {

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("ddl-lint: skipped (ddl-lint.skip=true)");
            return;
        }
        Input input = input();
        if (input == null) {
            return;
        }
        AnalysisReport report;
        try {
            report = input.run().check(input.files()).report();
        } catch (LintFailure e) {
            throw new MojoExecutionException("ddl-lint: " + e.getMessage(), e);
        }
        // Paths relative to the project folder: the baseline matches wherever Maven is started.
        Baseline baseline = Baseline.of(LintRun.rebase(report, input.displayBase(), basedir()));
        Path file = baselinePath();
        try {
            baseline.write(file);
        } catch (Baseline.BaselineException e) {
            throw new MojoExecutionException("ddl-lint: " + e.getMessage(), e);
        }
        Map<String, Integer> byRule = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            byRule.merge(f.rule(), 1, Integer::sum);
        }
        getLog().info("ddl-lint: wrote " + relative(file) + " with " + baseline.size() + " known finding"
                + (baseline.size() == 1 ? "" : "s") + (byRule.isEmpty() ? "" : " " + byRule) + " from "
                + report.files().size() + " migration file" + (report.files().size() == 1 ? "" : "s")
                + ". Commit it: 'mvn ddl-lint:check' now fails only on new findings.");
    }
}
