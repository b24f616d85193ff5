package dev.ddllint.run;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.Baseline;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.FileSink;
import dev.ddllint.analysis.GitChanges;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.TableSource;
import dev.ddllint.analysis.TableSourceException;
import dev.ddllint.analysis.ToolVersion;
import dev.ddllint.config.Configuration;
import dev.ddllint.config.ConfigurationException;
import dev.ddllint.config.ConfigurationLoader;
import dev.ddllint.estimate.StatisticsSource;
import dev.ddllint.estimate.StatsSnapshot;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.RuleCatalog;
import dev.ddllint.rules.Severity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One lint run, the same for the CLI, the Maven plugin and the Flyway callback: find and read {@code ddl-lint.yml}
 * ({@link ConfigurationLookup}), apply the front end's overrides ({@link RunOverrides}), analyse the files, keep
 * the ones changed since a git ref ({@code since}), take out the baseline's known findings, and say whether the
 * run fails ({@link LintResult}). Front ends only parse their own option syntax, collect the files and render.
 *
 * <pre>
 * LintRun run = LintRun.builder().configFile(configFile).configFolders(List.of(cwd)).overrides(overrides).load();
 * LintResult result = run.check(files);
 * </pre>
 */
public final class LintRun {

    /** The baseline's default name, in the project folder (Maven) or the working directory (CLI). */
    public static final String DEFAULT_BASELINE_FILE = "ddl-lint-baseline.json";

    private final Builder settings;
    private final ConfigurationLookup.Loaded loaded;
    private final Configuration configuration;

    private LintRun(Builder settings, ConfigurationLookup.Loaded loaded, Configuration configuration) {
        this.settings = settings;
        this.loaded = loaded;
        this.configuration = configuration;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The configuration the analysis runs with: the file's, with the front end's overrides. */
    public Configuration configuration() {
        return configuration;
    }

    /** The rules of the run: the built-in ones and the custom ones found. */
    public RuleCatalog rules() {
        return settings.rules;
    }

    /** Where the configuration came from: a path, {@code classpath:ddl-lint.yml}, or the defaults. */
    public String configSource() {
        return loaded.source();
    }

    /**
     * The same run for the version of a live server. Without a {@code target} override the server's version is the
     * target, unless the file sets one and {@code serverWinsOverFile} is false: the Flyway callback checks the
     * server it is about to migrate, so its version always wins; the CLI's {@code --jdbc-url} may point at a
     * replica or staging copy, so a {@code target} in the file still wins there (as before the LintRun existed).
     */
    public LintRun forServer(TargetServer server, boolean serverWinsOverFile) {
        if (server == null || settings.overrides.target() != null) {
            return this;
        }
        if (!serverWinsOverFile && loaded.configuration().target() != Configuration.DEFAULT.target()) {
            return this;
        }
        return new LintRun(settings, loaded, configuration.withTarget(server));
    }

    /** Analyses the files without a live database. */
    public LintResult check(List<SourceFile> files) throws LintFailure {
        return check(files, TableSource.NONE, StatisticsSource.NONE);
    }

    /**
     * Analyses the files (in the order given), then applies {@code since} and the baseline.
     *
     * @param tables     the tables as they stand before the first file (a live database), or {@link TableSource#NONE}
     * @param statistics live statistics for the estimates, or {@link StatisticsSource#NONE}
     */
    public LintResult check(List<SourceFile> files, TableSource tables, StatisticsSource statistics)
            throws LintFailure {
        List<FileReport> reported = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        StreamedResult streamed = stream(files, tables, statistics, (file, fileFindings) -> {
            reported.add(file);
            findings.addAll(fileFindings);
        });
        return new LintResult(header().with(reported, findings), configuration, loaded.source(), streamed.since(),
                streamed.baseline());
    }

    /** The run's frame for a streaming report: tool version, target and rules, without files or findings. */
    public AnalysisReport header() {
        return new AnalysisReport(ToolVersion.get(), configuration.target(), List.of(), List.of(),
                settings.rules.all());
    }

    /**
     * The same run as {@link #check(List, TableSource, StatisticsSource)}, each file handed to {@code sink} (after
     * {@code since} and the baseline) as soon as it is analysed, so that nothing of a file is kept once the sink
     * has it; the result keeps only the counts and the decision.
     */
    public StreamedResult stream(List<SourceFile> files, TableSource tables, StatisticsSource statistics,
                                 FileSink sink) throws LintFailure {
        Predicate<String> reportedFile = path -> true;
        if (settings.sinceRef != null) {
            try {
                reportedFile = GitChanges.changedPaths(settings.reportBase, new GitChanges(settings.sinceOption)
                        .changedSince(settings.sinceFolder, settings.sinceRef));
            } catch (GitChanges.GitException e) {
                throw new LintFailure(e.getMessage(), e);
            }
        }
        Baseline.Applier baseline = null;
        Path baselineFile = settings.baselineFile;
        if (baselineFile != null) {
            if (Files.isRegularFile(baselineFile)) {
                try {
                    baseline = Baseline.read(baselineFile).applier();
                } catch (Baseline.BaselineException e) {
                    throw new LintFailure(e.getMessage(), e);
                }
            } else if (settings.baselineRequired) {
                throw new LintFailure("baseline file " + baselineFile + " does not exist; write it with "
                        + "'mvn ddl-lint:baseline'");
            }
        }
        Counter counter = new Counter(reportedFile, baseline, header(), configuration.failOn(), sink);
        try {
            new Analyzer(configuration, tables, statistics, settings.rules).analyze(files, counter);
        } catch (TableSourceException e) {
            throw new LintFailure("live schema: " + e.getMessage(), e);
        } catch (StatsSnapshot.SnapshotException | SourceFile.UnreadableFileException e) {
            throw new LintFailure(e.getMessage(), e);
        }
        LintResult.Since since = settings.sinceRef == null ? null
                : new LintResult.Since(settings.sinceRef, counter.files, counter.analysed);
        LintResult.BaselineUse baselineUse = baseline == null ? null : new LintResult.BaselineUse(baselineFile,
                counter.suppressed, baseline.unmatched().stream().mapToInt(Baseline.Entry::count).sum());
        return new StreamedResult(counter.files, counter.statements, counter.counts[Severity.ERROR.ordinal()],
                counter.counts[Severity.WARNING.ordinal()], counter.counts[Severity.INFO.ordinal()], counter.fails,
                since, baselineUse);
    }

    /** Applies {@code since} and the baseline to each file as it comes, counts what is left, passes it on. */
    private final class Counter implements FileSink {
        private final Predicate<String> reportedFile;
        private final Baseline.Applier baseline;
        private final AnalysisReport header;
        private final Severity failOn;
        private final FileSink next;
        private final long[] counts = new long[Severity.values().length];
        private int analysed;
        private int files;
        private int statements;
        private int suppressed;
        private boolean fails;

        Counter(Predicate<String> reportedFile, Baseline.Applier baseline, AnalysisReport header, Severity failOn,
                FileSink next) {
            this.reportedFile = reportedFile;
            this.baseline = baseline;
            this.header = header;
            this.failOn = failOn;
            this.next = next;
        }

        @Override
        public void accept(FileReport file, List<Finding> findings) {
            analysed++;
            if (!reportedFile.test(file.path())) {
                return;
            }
            AnalysisReport part = header.with(List.of(file), findings);
            if (baseline != null) {
                // The baseline keys findings by paths relative to its own folder, so it matches wherever the
                // front end was started (a Maven module or the multi-module root).
                Baseline.Applied applied = baseline.apply(rebase(part, settings.reportBase, settings.baselineBase));
                part = rebase(applied.report(), settings.baselineBase, settings.reportBase);
                suppressed += applied.suppressed().size();
            }
            files++;
            statements += part.statementCount();
            for (Finding f : part.findings()) {
                counts[f.severity().ordinal()]++;
                fails |= f.severity().atLeast(failOn);
            }
            next.accept(part.files().get(0), part.findings());
        }
    }

    /** The report with its paths, relative to {@code from}, made relative to {@code to}. */
    public static AnalysisReport rebase(AnalysisReport report, Path from, Path to) {
        if (from.equals(to)) {
            return report;
        }
        UnaryOperator<String> move = path -> {
            Path abs = from.resolve(path).toAbsolutePath().normalize();
            String shown = (abs.startsWith(to) ? to.relativize(abs) : abs).toString();
            // Only a Windows separator becomes '/': on Linux a backslash is part of the file's name.
            String separator = abs.getFileSystem().getSeparator();
            return separator.equals("/") ? shown : shown.replace(separator, "/");
        };
        List<FileReport> files = report.files().stream()
                .map(f -> new FileReport(move.apply(f.path()), f.statements())).toList();
        List<Finding> findings = report.findings().stream()
                .map(f -> f.withPath(move.apply(f.path()))).toList();
        return report.with(files, findings);
    }

    /** How a front end sets up a run. */
    public static final class Builder {
        private String configFile;
        private List<Path> configFolders = List.of();
        private ClasspathResources classpath = ClasspathResources.NONE;
        private boolean allowRunScope;
        private RunOverrides overrides = RunOverrides.NONE;
        private Path reportBase = Path.of("").toAbsolutePath();
        private String sinceRef;
        private Path sinceFolder;
        private String sinceOption = "since";
        private Path baselineFile;
        private boolean baselineRequired;
        private Path baselineBase;
        private RuleCatalog rules = RuleCatalog.BUILTIN;
        private ClassLoader customRules;
        private String customRulesWhere;

        private Builder() {
        }

        /**
         * Custom rules: the {@code StatementRule}s this class loader lists in
         * {@code META-INF/services/dev.ddllint.rules.StatementRule}, run after the built-in ones.
         *
         * @param where what the loader is, for messages ({@code --rules-path acme-rules.jar}, the plugin's
         *              dependencies, the application classpath)
         */
        public Builder customRules(ClassLoader loader, String where) {
            this.customRules = loader;
            this.customRulesWhere = where;
            return this;
        }

        /** {@code configFile}: a path or {@code classpath:name}; null or blank: look for {@code ddl-lint.yml}. */
        public Builder configFile(String file) {
            this.configFile = file;
            return this;
        }

        /** Folders searched for {@code ddl-lint.yml} when no file is named, in order. */
        public Builder configFolders(List<Path> folders) {
            this.configFolders = List.copyOf(folders);
            return this;
        }

        /** Where {@code classpath:} names and, last, {@code ddl-lint.yml} are looked up. */
        public Builder classpath(ClasspathResources classpath) {
            this.classpath = Objects.requireNonNull(classpath);
            return this;
        }

        /**
         * Whether {@code newTables: run} is accepted: only by a front end that knows which migrations are pending
         * (the Flyway callback). A file check cannot know which files already ran in production.
         */
        public Builder allowRunScope(boolean allow) {
            this.allowRunScope = allow;
            return this;
        }

        public Builder overrides(RunOverrides overrides) {
            this.overrides = Objects.requireNonNull(overrides);
            return this;
        }

        /** The folder the files' paths (and so the report's) are relative to. Default: the working directory. */
        public Builder reportBase(Path base) {
            this.reportBase = base.toAbsolutePath().normalize();
            return this;
        }

        /**
         * {@code since}: report only the files git lists as added or changed since {@code ref}.
         *
         * @param folder a folder inside the git work tree
         * @param option the option's name in this front end, for messages ({@code --since}, {@code ddl-lint.since})
         */
        public Builder since(String ref, Path folder, String option) {
            this.sinceRef = ref == null || ref.isBlank() ? null : ref.strip();
            this.sinceFolder = folder;
            this.sinceOption = option;
            return this;
        }

        /**
         * {@code baselineFile}: known findings that are not reported.
         *
         * @param required true when the user named the file (then a missing one is an error); false for the
         *                 default file, used only when it exists
         * @param base     the folder the baseline's paths are relative to (the project folder)
         */
        public Builder baseline(Path file, boolean required, Path base) {
            this.baselineFile = file;
            this.baselineRequired = required;
            this.baselineBase = base.toAbsolutePath().normalize();
            return this;
        }

        /** Finds and reads the configuration and applies the overrides. */
        public LintRun load() throws LintFailure {
            if (customRules != null) {
                try {
                    rules = RuleCatalog.load(customRules);
                } catch (RuleCatalog.CustomRuleException e) {
                    throw new LintFailure(e.getMessage() + " (custom rules from " + customRulesWhere + ")", e);
                }
            }
            ConfigurationLookup.Loaded loaded = new ConfigurationLookup(configFile, configFolders, classpath,
                    rules.all()).load();
            if (!allowRunScope) {
                try {
                    ConfigurationLoader.refuseRunScope(loaded.configuration(), loaded.source());
                } catch (ConfigurationException e) {
                    throw new LintFailure(e.getMessage(), e);
                }
            }
            return new LintRun(this, loaded, overrides.applyTo(loaded.configuration()));
        }
    }
}
