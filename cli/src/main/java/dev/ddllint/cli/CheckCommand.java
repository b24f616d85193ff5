package dev.ddllint.cli;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.GitChanges;
import dev.ddllint.analysis.MigrationFiles;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.TableSourceException;
import dev.ddllint.config.Configuration;
import dev.ddllint.config.ConfigurationException;
import dev.ddllint.config.ConfigurationLoader;
import dev.ddllint.estimate.ConnectionHint;
import dev.ddllint.estimate.LiveStatistics;
import dev.ddllint.estimate.StatsSnapshot;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.live.JdbcConnections;
import dev.ddllint.report.ReportFormat;
import dev.ddllint.report.ReportOptions;
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
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Migration files or folders.")
    List<Path> paths;

    @Option(names = "--target", paramLabel = "FLAVOR:VERSION",
            description = "Server the migrations run on, e.g. mysql:8.0.35, mysql:9.7, mariadb:10.11 "
                    + "(default: the configuration's, else mysql:8.4.0).")
    String target;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "text",
            description = "Report format: text, json, sarif, junit or github; several comma-separated "
                    + "(--format text,sarif) or repeated (default: ${DEFAULT-VALUE}). One format goes to stdout "
                    + "(or --output); several are each written to --output-dir, and text and github are also "
                    + "printed.")
    List<String> formats;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to FILE instead of stdout (one format only).")
    Path output;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Write each report into DIR: ddl-lint.txt, ddl-lint.json, ddl-lint.sarif, "
                    + "ddl-lint-junit.xml, ddl-lint-github.txt (default with several formats: the current folder).")
    Path outputDir;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding reaches LEVEL: error, warning or never (default: error).")
    String failOn;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: ./ddl-lint.yml when it exists).")
    Path config;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Read the tables' current definitions (and, without --target, the server version) from this "
                    + "database, read-only. Default: the DDL_LINT_JDBC_URL environment variable. Put the password in "
                    + "DDL_LINT_JDBC_PASSWORD rather than in the URL.")
    String jdbcUrl;

    @Option(names = "--since", paramLabel = "GIT_REF",
            description = "Report only the migration files added or changed since this git ref (pull-request "
                    + "gating, e.g. origin/main); every file is still analysed, so verdicts know the tables.")
    String since;

    @Option(names = {"-D", "--placeholder"}, paramLabel = "NAME=VALUE",
            description = "Flyway placeholder value; repeatable.")
    Map<String, String> placeholders;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Configuration configuration;
        try {
            configuration = configuration();
        } catch (ConfigurationException | IllegalArgumentException e) {
            err.println("ddl-lint: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        }
        List<ReportFormat> reportFormats;
        try {
            reportFormats = ReportFormat.parseList(formats);
        } catch (IllegalArgumentException e) {
            err.println("ddl-lint: --format: " + e.getMessage());
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
            files = MigrationFiles.collect(paths, Path.of("").toAbsolutePath());
        } catch (MigrationFiles.UnusablePathException e) {
            err.println("ddl-lint: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        }
        if (files.isEmpty()) {
            err.println("ddl-lint: no *.sql files under " + paths);
        }
        String url = JdbcConnections.url(jdbcUrl);
        AnalysisReport report;
        if (url != null && !url.isBlank()) {
            try (LiveDatabase db = LiveDatabase.connect(url)) {
                if (target == null && configuration.target() == Configuration.DEFAULT.target()) {
                    configuration = configuration.withTarget(db.target());
                }
                // Live statistics for the estimates too: sizes, write rates, the row-log limit (issue 7).
                LiveStatistics statistics = new LiveStatistics(db.connection(), Duration.ofMillis(Math.round(
                        configuration.estimate().sampleSeconds() * 1000)), ConnectionHint.fromJdbcUrl(url));
                report = new Analyzer(configuration, db, statistics).analyze(files);
            } catch (LiveDatabase.UnusableDatabaseException | TableSourceException e) {
                err.println("ddl-lint: live schema: " + e.getMessage());
                return Main.EXIT_TOOL_FAILURE;
            } catch (StatsSnapshot.SnapshotException e) {
                err.println("ddl-lint: " + e.getMessage());
                return Main.EXIT_TOOL_FAILURE;
            }
        } else {
            try {
                report = new Analyzer(configuration).analyze(files);
            } catch (StatsSnapshot.SnapshotException e) {
                err.println("ddl-lint: " + e.getMessage());
                return Main.EXIT_TOOL_FAILURE;
            }
        }
        if (since != null && !since.isBlank() && !paths.isEmpty()) {
            Path first = paths.get(0).toAbsolutePath();
            Path folder = Files.isDirectory(first) ? first : first.getParent();
            int total = report.files().size();
            try {
                report = GitChanges.onlyChanged(report, Path.of("").toAbsolutePath(),
                        new GitChanges("--since").changedSince(folder, since.strip()));
            } catch (GitChanges.GitException e) {
                err.println("ddl-lint: " + e.getMessage());
                return Main.EXIT_TOOL_FAILURE;
            }
            err.println("ddl-lint: " + report.files().size() + " of " + total + " migration file"
                    + (total == 1 ? "" : "s") + " added or changed since " + since.strip());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!toFolder) {
            String rendered = reportFormats.get(0).render(report, ReportOptions.DEFAULT);
            if (output != null) {
                try {
                    write(output, rendered);
                } catch (IOException e) {
                    err.println("ddl-lint: cannot write " + output + " (" + e.getMessage() + ")");
                    return Main.EXIT_TOOL_FAILURE;
                }
            } else {
                out.print(rendered);
                out.flush();
            }
        } else {
            // Several formats: every report goes to a file; the ones read on a console (text for people,
            // github for the Actions runner) are also printed.
            Path dir = outputDir != null ? outputDir : Path.of("");
            for (ReportFormat f : reportFormats) {
                String rendered = f.render(report, ReportOptions.DEFAULT);
                Path file = dir.resolve(f.fileName());
                try {
                    write(file, rendered);
                } catch (IOException e) {
                    err.println("ddl-lint: cannot write " + file + " (" + e.getMessage() + ")");
                    return Main.EXIT_TOOL_FAILURE;
                }
                if (f.console()) {
                    out.print(rendered);
                }
            }
            out.flush();
            err.println("ddl-lint: wrote " + reportFormats.stream().map(f -> dir.resolve(f.fileName()).toString())
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        return report.fails(configuration.failOn()) ? Main.EXIT_FINDINGS : 0;
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Configuration configuration() throws ConfigurationException {
        Configuration c = Configuration.DEFAULT;
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new ConfigurationException(config + ": no such configuration file");
            }
            c = ConfigurationLoader.refuseRunScope(ConfigurationLoader.load(config), config);
        } else if (Files.isRegularFile(Path.of(ConfigurationLoader.DEFAULT_FILE_NAME))) {
            c = ConfigurationLoader.refuseRunScope(ConfigurationLoader.load(Path.of(
                    ConfigurationLoader.DEFAULT_FILE_NAME)), ConfigurationLoader.DEFAULT_FILE_NAME);
        }
        if (target != null) {
            c = c.withTarget(TargetServer.parse(target));
        }
        if (failOn != null) {
            try {
                c = c.withFailOn(ConfigurationLoader.parseFailOn(failOn));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--fail-on: " + e.getMessage().replace("off", "never"));
            }
        }
        if (placeholders != null) {
            c = c.withPlaceholders(placeholders);
        }
        return c;
    }
}
