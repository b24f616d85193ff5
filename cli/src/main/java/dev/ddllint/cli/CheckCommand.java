package dev.ddllint.cli;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.MigrationFiles;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.ConfigurationLoader;
import dev.ddllint.estimate.ConnectionHint;
import dev.ddllint.estimate.LiveStatistics;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.live.JdbcConnections;
import dev.ddllint.report.ReportFormat;
import dev.ddllint.report.ReportOptions;
import dev.ddllint.report.StreamingReport;
import dev.ddllint.run.LintFailure;
import dev.ddllint.run.LintResult;
import dev.ddllint.run.LintRun;
import dev.ddllint.run.RunOverrides;
import dev.ddllint.run.StreamedResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check migration scripts (files, or folders searched for *.sql) in Flyway version order.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings at or above --fail-on",
                "2:ddl-lint could not do its job (bad arguments, unreadable path, bad configuration)"})
class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Migration files or folders.")
    List<Path> paths;

    @Option(names = "--target", paramLabel = "FLAVOR:VERSION",
            description = "Server the migrations run on, e.g. mysql:8.0.35, mysql:9.7, mariadb:10.11 "
                    + "(default: the configuration's, else mysql:8.4.0).")
    String target;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "text",
            description = "Report format: text, json, sarif, junit, github, gitlab (Code Quality), checkstyle, "
                    + "html, markdown or compact (file:line:col: severity[rule] message); several comma-separated "
                    + "(--format text,sarif) or repeated (default: ${DEFAULT-VALUE}). One format goes to stdout "
                    + "(or --output); several are each written to --output-dir, and text and github are also "
                    + "printed.")
    List<String> formats;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to FILE instead of stdout (one format only).")
    Path output;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Write each report into DIR: ddl-lint.txt, ddl-lint.json, ddl-lint.sarif, "
                    + "ddl-lint-junit.xml, ddl-lint-github.txt, ddl-lint-gitlab.json, ddl-lint-checkstyle.xml, "
                    + "ddl-lint.html, ddl-lint.md (default with several formats: the current folder).")
    Path outputDir;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding reaches LEVEL: error, warning, info or never (default: error).")
    String failOn;

    @Option(names = {"--config-file", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: ./ddl-lint.yml when it exists).")
    Path config;

    @Option(names = "--lock-wait-timeout-set-by-runner", paramLabel = "true|false", arity = "0..1",
            fallbackValue = "true",
            description = "The migration runner sets lock_wait_timeout itself (the Flyway callback does), so "
                    + "missing-lock-wait-timeout stays quiet; overrides lockWaitTimeoutSetByRunner of the "
                    + "configuration file.")
    Boolean lockWaitTimeoutSetByRunner;

    @Option(names = "--max-findings-per-rule", paramLabel = "N",
            description = "At most N findings of one rule per file, then one finding that counts the rest (they "
                    + "still fail the check); overrides maxFindingsPerRule of the configuration file (default 100).")
    String maxFindingsPerRule;

    @Option(names = "--max-file-size", paramLabel = "SIZE",
            description = "A larger migration file is not read: one input-too-large error instead (e.g. 64MiB, "
                    + "the default); overrides maxFileSize of the configuration file.")
    String maxFileSize;

    @Option(names = "--max-statement-size", paramLabel = "SIZE",
            description = "A statement of more characters is not parsed: input-too-large, worst verdict (e.g. "
                    + "16MiB, the default); overrides maxStatementSize of the configuration file.")
    String maxStatementSize;

    @Option(names = "--baseline-file", paramLabel = "FILE",
            description = "Known findings that are not reported (written by 'mvn ddl-lint:baseline'; default: "
                    + "./ddl-lint-baseline.json when it exists).")
    Path baselineFile;

    @Option(names = "--docs-base-url", paramLabel = "URL",
            description = "Base of the rule links in the reports (text, JSON docsUrl, SARIF helpUri = URL + "
                    + "docs/rules/<id>.md).")
    String docsBaseUrl;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Read the tables' current definitions (and, without --target, the server version) from this "
                    + "database, read-only. Default: the DDL_LINT_JDBC_URL environment variable. Put the password in "
                    + "DDL_LINT_JDBC_PASSWORD rather than in the URL.")
    String jdbcUrl;

    @Option(names = "--since", paramLabel = "GIT_REF",
            description = "Report only the migration files added or changed since this git ref (pull-request "
                    + "gating, e.g. origin/main); every file is still analysed, so verdicts know the tables.")
    String since;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colours in the text report on standard output: never, always or auto (default: "
                    + "${DEFAULT-VALUE}: when standard output is a terminal and NO_COLOR is not set).")
    String color;

    @Option(names = {"-q", "--quiet"},
            description = "Show errors only in the text and compact reports (the summary still counts everything).")
    boolean quiet;

    @Option(names = "--rules-path", paramLabel = "JAR", split = ",",
            description = "Jars (or class folders) with custom rules: StatementRule classes listed in "
                    + "META-INF/services/dev.ddllint.rules.StatementRule (see docs/custom-rules.md); repeatable. "
                    + "Rules on the CLI's own classpath are found too.")
    List<Path> rulesPath;

    @Option(names = {"-D", "--placeholder"}, paramLabel = "NAME=VALUE",
            description = "Flyway placeholder value; repeatable.")
    Map<String, String> placeholders;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path cwd = Path.of("").toAbsolutePath();
        LintRun run;
        try {
            run = lintRun(cwd).load();
        } catch (LintFailure | IllegalArgumentException e) {
            err.println("ddl-lint: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        }
        List<ReportFormat> reportFormats;
        ReportOptions reportOptions;
        try {
            reportFormats = ReportFormat.parseList(formats);
        } catch (IllegalArgumentException e) {
            err.println("ddl-lint: --format: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        }
        try {
            reportOptions = docsBaseUrl == null ? ReportOptions.DEFAULT : new ReportOptions(docsBaseUrl);
        } catch (IllegalArgumentException e) {
            err.println("ddl-lint: --docs-base-url: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        }
        reportOptions = reportOptions.withQuiet(quiet);
        boolean colorOnConsole;
        try {
            colorOnConsole = TerminalColor.parse(color).on(System.console() != null, System.getenv("NO_COLOR"));
        } catch (IllegalArgumentException e) {
            err.println("ddl-lint: --color: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        }
        boolean toFolder = reportFormats.size() > 1 || outputDir != null;
        if (output != null && toFolder) {
            err.println("ddl-lint: --output takes one format without --output-dir; with several formats use "
                    + "--output-dir DIR");
            return Main.EXIT_TOOL_FAILURE;
        }
        List<SourceFile> files;
        try {
            files = MigrationFiles.collect(paths, cwd, run.configuration().limits().maxFileSize());
        } catch (MigrationFiles.UnusablePathException e) {
            err.println("ddl-lint: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        }
        if (files.isEmpty()) {
            err.println("ddl-lint: no *.sql files under " + paths);
        }
        String url = liveUrl();
        run = forTarget(run);
        if (streams() && reportFormats.stream().allMatch(ReportFormat::streams)) {
            return streamed(run, files, url, reportFormats, reportOptions, colorOnConsole, toFolder, err);
        }
        LintResult result;
        try {
            if (url != null && !url.isBlank()) {
                try (LiveDatabase db = LiveDatabase.connect(url)) {
                    LintRun live = run.forServer(db.target(), false);
                    // Live statistics for the estimates too: sizes, write rates, the row-log limit (issue 7).
                    LiveStatistics statistics = new LiveStatistics(db.connection(), Duration.ofMillis(Math.round(
                            live.configuration().estimate().sampleSeconds() * 1000)), ConnectionHint.fromJdbcUrl(url));
                    result = live.check(files, db, statistics);
                }
            } else {
                result = run.check(files);
            }
        } catch (LiveDatabase.UnusableDatabaseException e) {
            err.println("ddl-lint: live schema: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        } catch (LintFailure e) {
            err.println("ddl-lint: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        }
        if (result.since() != null) {
            err.println("ddl-lint: " + result.since().describe());
        }
        Finished finished = finish(result, url, err);
        if (finished.report() == null) {
            return finished.exitCode();
        }
        AnalysisReport report = finished.report();
        PrintWriter out = spec.commandLine().getOut();
        if (!toFolder) {
            String rendered = reportFormats.get(0).render(report, reportOptions);
            if (output != null) {
                try {
                    write(output, rendered);
                } catch (IOException e) {
                    err.println("ddl-lint: cannot write " + output + " (" + e.getMessage() + ")");
                    return Main.EXIT_TOOL_FAILURE;
                }
            } else {
                out.print(colorOnConsole ? reportFormats.get(0).render(report, reportOptions.withColor(true))
                        : rendered);
                out.flush();
            }
        } else {
            // Several formats: every report goes to a file; the ones read on a console (text for people,
            // github for the Actions runner) are also printed.
            Path dir = outputDir != null ? outputDir : Path.of("");
            for (ReportFormat f : reportFormats) {
                String rendered = f.render(report, reportOptions);
                Path file = dir.resolve(f.fileName());
                try {
                    write(file, rendered);
                } catch (IOException e) {
                    err.println("ddl-lint: cannot write " + file + " (" + e.getMessage() + ")");
                    return Main.EXIT_TOOL_FAILURE;
                }
                if (f.console()) {
                    out.print(colorOnConsole ? f.render(report, reportOptions.withColor(true)) : rendered);
                }
            }
            out.flush();
            err.println("ddl-lint: wrote " + reportFormats.stream().map(f -> dir.resolve(f.fileName()).toString())
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        return finished.exitCode();
    }

    /**
     * Whether this command may write its reports as the files are analysed: check does; verify needs the whole
     * run first (it replays every file on a scratch server before anything is reported).
     */
    boolean streams() {
        return true;
    }

    /**
     * The run with reports written as each file is analysed (text, json, compact), so that memory follows the
     * largest file: the same reports, destinations and exit code as the whole-report path.
     */
    private int streamed(LintRun run, List<SourceFile> files, String url, List<ReportFormat> reportFormats,
                         ReportOptions reportOptions, boolean colorOnConsole, boolean toFolder, PrintWriter err) {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = outputDir != null ? outputDir : Path.of("");
        List<java.io.Writer> opened = new java.util.ArrayList<>();
        List<ReportFormat> formatOf = new java.util.ArrayList<>();
        List<ReportOptions> optionsOf = new java.util.ArrayList<>();
        // The first console report goes to standard output as it is written; the others wait in temporary files
        // and follow it, so that each comes whole, in the order of --format.
        List<Path> laterOnConsole = new java.util.ArrayList<>();
        ConsoleOpener console = (f, o) -> {
            if (opened.contains(out)) {
                Path later = Files.createTempFile("ddl-lint-console", ".txt");
                later.toFile().deleteOnExit();
                laterOnConsole.add(later);
                opened.add(open(later));
            } else {
                opened.add(out);
            }
            formatOf.add(f);
            optionsOf.add(colorOnConsole ? o.withColor(true) : o);
        };
        try {
            if (!toFolder) {
                ReportFormat f = reportFormats.get(0);
                if (output != null) {
                    opened.add(open(output));
                    formatOf.add(f);
                    optionsOf.add(reportOptions);
                } else {
                    console.accept(f, reportOptions);
                }
            } else {
                // Several formats: every report goes to a file; the ones read on a console (text for people,
                // github for the Actions runner) are also printed.
                for (ReportFormat f : reportFormats) {
                    opened.add(open(dir.resolve(f.fileName())));
                    formatOf.add(f);
                    optionsOf.add(reportOptions);
                    if (f.console()) {
                        console.accept(f, reportOptions);
                    }
                }
            }
        } catch (IOException e) {
            closeFiles(opened, out);
            err.println("ddl-lint: cannot write a temporary file (" + e.getMessage() + ")");
            return Main.EXIT_TOOL_FAILURE;
        } catch (CannotWrite e) {
            closeFiles(opened, out);
            err.println("ddl-lint: cannot write " + e.file + " (" + e.getCause().getMessage() + ")");
            return Main.EXIT_TOOL_FAILURE;
        }
        StreamedResult result;
        try {
            try {
                if (url != null && !url.isBlank()) {
                    try (LiveDatabase db = LiveDatabase.connect(url)) {
                        LintRun live = run.forServer(db.target(), false);
                        LiveStatistics statistics = new LiveStatistics(db.connection(), Duration.ofMillis(Math.round(
                                live.configuration().estimate().sampleSeconds() * 1000)),
                                ConnectionHint.fromJdbcUrl(url));
                        result = streamTo(live, files, db, statistics, opened, formatOf, optionsOf);
                    }
                } else {
                    result = streamTo(run, files, dev.ddllint.analysis.TableSource.NONE,
                            dev.ddllint.estimate.StatisticsSource.NONE, opened, formatOf, optionsOf);
                }
            } finally {
                closeFiles(opened, out);
            }
            for (Path later : laterOnConsole) {
                try (java.io.Reader in = Files.newBufferedReader(later, StandardCharsets.UTF_8)) {
                    in.transferTo(out);
                }
                Files.deleteIfExists(later);
            }
            out.flush();
        } catch (IOException e) {
            err.println("ddl-lint: cannot copy the report to the console (" + e.getMessage() + ")");
            return Main.EXIT_TOOL_FAILURE;
        } catch (LiveDatabase.UnusableDatabaseException e) {
            err.println("ddl-lint: live schema: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        } catch (LintFailure e) {
            err.println("ddl-lint: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        } catch (java.io.UncheckedIOException e) {
            err.println("ddl-lint: cannot write the report (" + e.getCause().getMessage() + ")");
            return Main.EXIT_TOOL_FAILURE;
        }
        if (result.since() != null) {
            err.println("ddl-lint: " + result.since().describe());
        }
        if (toFolder) {
            err.println("ddl-lint: wrote " + reportFormats.stream().map(f -> dir.resolve(f.fileName()).toString())
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        return result.exitCode();
    }

    /** Opens every report on its writer once the run's frame is known, then hands each file to all of them. */
    private static StreamedResult streamTo(LintRun run, List<SourceFile> files, dev.ddllint.analysis.TableSource db,
                                           dev.ddllint.estimate.StatisticsSource statistics,
                                           List<java.io.Writer> writers, List<ReportFormat> formats,
                                           List<ReportOptions> options) throws LintFailure {
        AnalysisReport header = run.header();
        List<StreamingReport> reports = new java.util.ArrayList<>();
        for (int i = 0; i < writers.size(); i++) {
            reports.add(formats.get(i).stream(header, options.get(i), writers.get(i)));
        }
        StreamedResult result = run.stream(files, db, statistics, (file, findings) ->
                reports.forEach(r -> r.accept(file, findings)));
        reports.forEach(StreamingReport::finish);
        return result;
    }

    private static java.io.Writer open(Path file) throws CannotWrite {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CannotWrite(file, e);
        }
    }

    private static void closeFiles(List<java.io.Writer> writers, PrintWriter console) {
        for (java.io.Writer w : writers) {
            try {
                if (w == console) {
                    w.flush();
                } else {
                    w.close();
                }
            } catch (IOException e) {
                // Reported by the write that failed, if any.
            }
        }
    }

    /** Adds a console report: on standard output, or after it when one is there already. */
    @FunctionalInterface
    private interface ConsoleOpener {
        void accept(ReportFormat format, ReportOptions options) throws IOException, CannotWrite;
    }

    /** A report file that cannot be created. */
    private static final class CannotWrite extends Exception {
        final Path file;

        CannotWrite(Path file, IOException cause) {
            super(cause);
            this.file = file;
        }
    }

    /** The report to render and the exit code; a null report: nothing to render (the failure was printed). */
    record Finished(AnalysisReport report, int exitCode) {
    }

    /** The database the tables are read from (read only), or null/blank for none. */
    String liveUrl() {
        return JdbcConnections.url(jdbcUrl);
    }

    /** The run as this command checks it: check takes it as configured. */
    LintRun forTarget(LintRun run) {
        return run;
    }

    /** What the analysis leads to: check renders its report and exits as it decides. */
    Finished finish(LintResult result, String liveUrl, PrintWriter err) {
        return new Finished(result.report(), result.exitCode());
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * The run as the flags set it up: {@code --config-file} or {@code ./ddl-lint.yml} (the CLI has no classpath),
     * the overrides, {@code --since} and the baseline ({@code --baseline-file}, else {@code ./ddl-lint-baseline.json}
     * when it exists).
     */
    LintRun.Builder lintRun(Path cwd) {
        LintRun.Builder b = LintRun.builder()
                .customRules(CustomRulesPath.loader(rulesPath, CheckCommand.class.getClassLoader()),
                        rulesPath == null || rulesPath.isEmpty() ? "the classpath" : "--rules-path " + rulesPath)
                .configFile(config == null ? null : config.toString())
                .configFolders(List.of(cwd))
                .overrides(overrides())
                .reportBase(cwd)
                .baseline(baselineFile != null ? baselineFile : cwd.resolve(LintRun.DEFAULT_BASELINE_FILE),
                        baselineFile != null, cwd);
        if (since != null && !since.isBlank() && !paths.isEmpty()) {
            Path first = paths.get(0).toAbsolutePath();
            b.since(since, Files.isDirectory(first) ? first : first.getParent(), "--since");
        }
        return b;
    }

    /** The flags that override ddl-lint.yml, parsed; {@link IllegalArgumentException} names the flag. */
    RunOverrides overrides() {
        RunOverrides o = RunOverrides.NONE;
        if (target != null) {
            o = o.withTarget(TargetServer.parse(target));
        }
        if (failOn != null) {
            try {
                o = o.withFailOn(ConfigurationLoader.parseFailOn(failOn));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--fail-on: " + e.getMessage().replace("off", "never"));
            }
        }
        if (placeholders != null) {
            o = o.withPlaceholders(placeholders);
        }
        if (lockWaitTimeoutSetByRunner != null) {
            o = o.withLockWaitTimeoutSetByRunner(lockWaitTimeoutSetByRunner);
        }
        o = o.withMaxFindingsPerRule(parsed("--max-findings-per-rule", maxFindingsPerRule,
                ConfigurationLoader::parseMaxFindings));
        o = o.withMaxFileSize(parsed("--max-file-size", maxFileSize, ConfigurationLoader::parseMaxSize));
        o = o.withMaxStatementSize(parsed("--max-statement-size", maxStatementSize, ConfigurationLoader::parseMaxSize));
        return o;
    }

    private static <T> T parsed(String flag, String value, java.util.function.Function<String, T> parse) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage());
        }
    }
}
