package dev.ddllint.maven;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.config.ConfigurationLoader;
import dev.ddllint.report.ReportFormat;
import dev.ddllint.report.ReportOptions;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import dev.ddllint.run.LintFailure;
import dev.ddllint.run.LintResult;
import dev.ddllint.run.LintRun;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the project's migrations and fails the build when a finding reaches {@code failOn}: tells, for each
 * {@code ALTER TABLE} (and {@code CREATE/DROP INDEX}), whether it runs online on the target server. Prints the text
 * report, writes the reports of {@code formats} into {@code outputDirectory}, and ends with what to do next.
 *
 * <p>Bound to {@code verify} when declared with an execution:
 * <pre>
 * &lt;plugin&gt;
 *   &lt;groupId&gt;dev.ddllint&lt;/groupId&gt;
 *   &lt;artifactId&gt;ddl-lint-maven-plugin&lt;/artifactId&gt;
 *   &lt;version&gt;0.1.0&lt;/version&gt;
 *   &lt;configuration&gt;
 *     &lt;target&gt;mysql:8.0.35&lt;/target&gt;
 *   &lt;/configuration&gt;
 *   &lt;executions&gt;
 *     &lt;execution&gt;
 *       &lt;goals&gt;&lt;goal&gt;check&lt;/goal&gt;&lt;/goals&gt;
 *     &lt;/execution&gt;
 *   &lt;/executions&gt;
 * &lt;/plugin&gt;
 * </pre>
 * or run on its own: {@code mvn ddl-lint:check}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractDdlLintMojo {

    /**
     * The severity that fails the build: {@code error} (default), {@code warning}, {@code info}, or {@code never}
     * (report only). Overrides {@code failOn} of the configuration file.
     * <pre>
     * &lt;configuration&gt;
     *   &lt;failOn&gt;warning&lt;/failOn&gt;
     * &lt;/configuration&gt;
     * </pre>
     */
    @Parameter(property = "ddl-lint.failOn")
    protected String failOn;

    /**
     * The reports to write into {@code outputDirectory}: {@code text} (ddl-lint.txt), {@code json}
     * (ddl-lint.json), {@code sarif} (ddl-lint.sarif, for GitHub code scanning), {@code junit}
     * (ddl-lint-junit.xml, for Jenkins, GitLab, Azure), {@code github} (ddl-lint-github.txt; its workflow
     * commands are also printed on standard output, where GitHub Actions turns them into annotations),
     * {@code gitlab} (ddl-lint-gitlab.json, GitLab Code Quality), {@code checkstyle} (ddl-lint-checkstyle.xml, for
     * Jenkins Warnings NG), {@code html} (ddl-lint.html, one self-contained page) and {@code markdown} (ddl-lint.md,
     * for a CI job summary or a pull-request comment). The text report is always
     * printed to the build log.
     * <pre>
     * &lt;configuration&gt;
     *   &lt;formats&gt;
     *     &lt;format&gt;text&lt;/format&gt;
     *     &lt;format&gt;sarif&lt;/format&gt;
     *     &lt;format&gt;junit&lt;/format&gt;
     *   &lt;/formats&gt;
     * &lt;/configuration&gt;
     * </pre>
     * On the command line: {@code -Dddl-lint.formats=text,json,sarif,github}.
     */
    @Parameter(property = "ddl-lint.formats", defaultValue = "text,json")
    protected List<String> formats;

    /**
     * Where the reports go.
     * <pre>
     * &lt;configuration&gt;
     *   &lt;outputDirectory&gt;${project.build.directory}/reports/ddl-lint&lt;/outputDirectory&gt;
     * &lt;/configuration&gt;
     * </pre>
     */
    @Parameter(property = "ddl-lint.outputDirectory", defaultValue = "${project.build.directory}/ddl-lint")
    protected File outputDirectory;

    /**
     * Checks only the migration files added or changed since this git ref (branch, tag or commit): files that
     * differ between the merge base of the ref and {@code HEAD} and the working tree, plus untracked ones. For
     * pull-request gates, where old migrations have already run and can't change. The other migrations are still
     * read, so the checked ones know the tables they alter. Needs {@code git} and the ref (in GitHub Actions,
     * {@code actions/checkout} with {@code fetch-depth: 0}).
     * <pre>
     * mvn verify -Dddl-lint.since=origin/main
     * </pre>
     * or
     * <pre>
     * &lt;configuration&gt;
     *   &lt;since&gt;origin/main&lt;/since&gt;
     * &lt;/configuration&gt;
     * </pre>
     */
    @Parameter(property = "ddl-lint.since")
    protected String since;

    /**
     * Where the rule pages live, for the links of the SARIF report ({@code helpUri} is this URL +
     * {@code docs/rules/<id>.md}); point it at a mirror or a pinned tag.
     * <pre>
     * &lt;configuration&gt;
     *   &lt;docsBaseUrl&gt;https://github.com/ddl-lint/ddl-lint/blob/v0.1.0/&lt;/docsBaseUrl&gt;
     * &lt;/configuration&gt;
     * </pre>
     */
    @Parameter(property = "ddl-lint.docsBaseUrl", defaultValue = ReportOptions.DEFAULT_DOCS_BASE_URL)
    protected String docsBaseUrl;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ddl-lint: skipped (ddl-lint.skip=true)");
            return;
        }
        List<ReportFormat> reportFormats;
        ReportOptions options;
        try {
            reportFormats = ReportFormat.parseList(formats == null ? List.of("text") : formats);
            options = new ReportOptions(docsBaseUrl);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ddl-lint: " + e.getMessage(), e);
        }
        Input input = input();
        if (input == null) {
            return;
        }
        LintResult result;
        try {
            result = input.run().check(input.files());
        } catch (LintFailure e) {
            throw new MojoExecutionException("ddl-lint: " + e.getMessage(), e);
        }
        if (result.since() != null) {
            getLog().info("ddl-lint: " + result.since().describe());
        }
        if (result.baseline() != null) {
            LintResult.BaselineUse b = result.baseline();
            getLog().info("ddl-lint: baseline " + relative(b.file()) + ": " + b.suppressed() + " known finding"
                    + (b.suppressed() == 1 ? "" : "s") + " not reported");
            if (b.unmatched() > 0 && result.since() == null) {
                int n = b.unmatched();
                getLog().info("ddl-lint: " + n + " baseline entr" + (n == 1 ? "y matches" : "ies match")
                        + " no finding any more (fixed, or the file was renamed); 'mvn ddl-lint:baseline' rewrites it");
            }
        }
        AnalysisReport report = analysed(result);

        List<String> written = writeReports(report, reportFormats, options);
        logText(report);
        if (reportFormats.contains(ReportFormat.GITHUB)) {
            // Workflow commands must start a line of the step's output: no log prefix.
            PrintStream out = System.out;
            out.print(ReportFormat.GITHUB.render(report, options));
            out.flush();
        }
        getLog().info("ddl-lint: reports " + String.join(", ", written));

        String beyond = failureBeyondFindings();
        if (result.fails()) {
            throw new MojoFailureException((beyond == null ? "" : beyond + "\n")
                    + failureMessage(result, reportFormats, options));
        }
        if (beyond != null) {
            throw new MojoFailureException(beyond);
        }
    }

    /** The report to write and log: check's is the analysis' own. */
    protected AnalysisReport analysed(LintResult result) throws MojoExecutionException {
        return result.report();
    }

    /** Why the build fails besides the findings (after the reports are written), or null: check has none. */
    protected String failureBeyondFindings() {
        return null;
    }

    @Override
    protected Severity failOnOverride() throws MojoExecutionException {
        if (failOn == null || failOn.isBlank()) {
            return null;
        }
        try {
            return ConfigurationLoader.parseFailOn(failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ddl-lint: failOn: " + e.getMessage().replace("off", "never"), e);
        }
    }

    /** {@code since} (only the files git lists as added or changed) and the baseline. */
    @Override
    protected void configure(LintRun.Builder run) {
        run.since(since, basedir(), "ddl-lint.since")
                .baseline(baselinePath(), baselineFile != null, basedir());
    }

    private List<String> writeReports(AnalysisReport report, List<ReportFormat> reportFormats, ReportOptions options)
            throws MojoExecutionException {
        Path dir = outputDirectory.toPath();
        List<String> written = new ArrayList<>();
        for (ReportFormat f : reportFormats) {
            Path file = dir.resolve(f.fileName());
            try {
                Files.createDirectories(dir);
                Files.writeString(file, f.render(report, options), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("ddl-lint: cannot write " + file + " (" + e.getMessage() + ")", e);
            }
            written.add(relative(file));
        }
        return written;
    }

    /** The text report in the build log: each finding at its own level, the summary as info. */
    private void logText(AnalysisReport report) {
        String text = ReportFormat.TEXT.render(report, ReportOptions.DEFAULT);
        Severity block = Severity.INFO;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                block = Severity.INFO;
                continue;
            }
            for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
                if (line.matches("^\\S.*:\\d+:\\d+: " + s.id() + "\\[[a-z0-9-]+\\] .*")) {
                    block = s;
                }
            }
            switch (block) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                default -> getLog().info(line);
            }
        }
    }

    private String failureMessage(LintResult result, List<ReportFormat> reportFormats, ReportOptions options) {
        Severity threshold = result.failOn();
        List<Finding> failing = result.failing();
        Set<String> rules = failing.stream().map(Finding::rule).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> files = failing.stream().map(Finding::path).collect(Collectors.toCollection(LinkedHashSet::new));
        String firstRule = rules.iterator().next();
        StringBuilder m = new StringBuilder();
        m.append("ddl-lint: ").append(failing.size()).append(failing.size() == 1 ? " finding" : " findings")
                .append(" at or above failOn=").append(threshold.id()).append(" (")
                .append(String.join(", ", rules)).append(") in ").append(String.join(", ", files)).append(".\n")
                .append("What to do next:\n")
                .append("  - fix the migration: each finding above says how to run the change online (")
                .append(options.ruleUrl(firstRule)).append(");\n")
                .append("  - or, where one change is harmless on its table, allow it on the line before the ")
                .append("statement: -- ddl-lint:ignore ").append(firstRule).append(" <the reason>;\n")
                .append("  - or accept a rule's risk for this project in ddl-lint.yml: rules: {").append(firstRule)
                .append(": warning};\n")
                .append("  - or, for migrations that already ran and cannot change, record today's findings with ")
                .append("'mvn ddl-lint:baseline' (commit ").append(relative(baselinePath()))
                .append("; new findings still fail).");
        if (reportFormats.contains(ReportFormat.JSON)) {
            m.append("\nReport: ").append(relative(outputDirectory.toPath().resolve(ReportFormat.JSON.fileName())));
        }
        return m.toString();
    }
}
