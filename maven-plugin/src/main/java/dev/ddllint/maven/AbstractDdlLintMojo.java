package dev.ddllint.maven;

import dev.ddllint.analysis.MigrationFiles;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.ConfigurationLoader;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.Severity;
import dev.ddllint.run.ClasspathResources;
import dev.ddllint.run.ConfigurationLookup;
import dev.ddllint.run.LintFailure;
import dev.ddllint.run.LintRun;
import dev.ddllint.run.RunOverrides;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the goals share: where the migrations are and how to read them. The configuration, the analysis, the
 * baseline and {@code since} are the core's {@link LintRun}; this class only turns the parameters into its
 * overrides.
 */
abstract class AbstractDdlLintMojo extends AbstractMojo {

    /** The default name of the baseline file, in the project folder. */
    static final String DEFAULT_BASELINE = LintRun.DEFAULT_BASELINE_FILE;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /**
     * Skips ddl-lint.
     * <pre>
     * mvn verify -Dddl-lint.skip
     * </pre>
     * or
     * <pre>
     * &lt;configuration&gt;
     *   &lt;skip&gt;true&lt;/skip&gt;
     * &lt;/configuration&gt;
     * </pre>
     */
    @Parameter(property = "ddl-lint.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The server the migrations run on, {@code flavor:version}: {@code mysql:8.0.35}, {@code mysql:8.4},
     * {@code mysql:9.7}, {@code mariadb:10.11}. Point releases matter (8.0.29 made ADD COLUMN at any position
     * INSTANT). Overrides {@code target} of the configuration file; without both, {@code mysql:8.4.0}.
     * <pre>
     * &lt;configuration&gt;
     *   &lt;target&gt;mysql:8.0.35&lt;/target&gt;
     * &lt;/configuration&gt;
     * </pre>
     */
    @Parameter(property = "ddl-lint.target")
    protected String target;

    /**
     * The folders of the migration scripts. A plain path is relative to the project folder; {@code filesystem:}
     * and {@code classpath:} work as in Flyway ({@code classpath:db/migration} is
     * {@code src/main/resources/db/migration}). Default: the {@code <locations>} of the project's
     * flyway-maven-plugin when it has one, else {@code src/main/resources/db/migration}. A project without any of
     * these folders is skipped with a message, so the plugin can sit in a parent POM.
     * <pre>
     * &lt;configuration&gt;
     *   &lt;locations&gt;
     *     &lt;location&gt;src/main/resources/db/migration&lt;/location&gt;
     *     &lt;location&gt;filesystem:sql/hotfixes&lt;/location&gt;
     *   &lt;/locations&gt;
     * &lt;/configuration&gt;
     * </pre>
     * On the command line: {@code -Dddl-lint.locations=db/migration,sql/hotfixes}.
     */
    @Parameter(property = "ddl-lint.locations")
    protected List<String> locations;

    /**
     * Which files of the locations are migrations, as patterns relative to each location. Default:
     * <code>**&#47;*.sql</code>.
     * <pre>
     * &lt;configuration&gt;
     *   &lt;includes&gt;
     *     &lt;include&gt;**&#47;V*.sql&lt;/include&gt;
     *   &lt;/includes&gt;
     * &lt;/configuration&gt;
     * </pre>
     */
    @Parameter
    protected List<String> includes;

    /**
     * Files of the locations to leave out, as patterns relative to each location.
     * <pre>
     * &lt;configuration&gt;
     *   &lt;excludes&gt;
     *     &lt;exclude&gt;**&#47;R__*.sql&lt;/exclude&gt;
     *     &lt;exclude&gt;legacy/**&lt;/exclude&gt;
     *   &lt;/excludes&gt;
     * &lt;/configuration&gt;
     * </pre>
     */
    @Parameter
    protected List<String> excludes;

    /**
     * Values of Flyway {@code ${name}} placeholders in the scripts. The {@code <placeholders>} of the project's
     * flyway-maven-plugin are used too; these win.
     * <pre>
     * &lt;configuration&gt;
     *   &lt;placeholders&gt;
     *     &lt;schema&gt;app&lt;/schema&gt;
     *     &lt;tablePrefix&gt;app_&lt;/tablePrefix&gt;
     *   &lt;/placeholders&gt;
     * &lt;/configuration&gt;
     * </pre>
     */
    @Parameter
    protected Map<String, String> placeholders;

    /**
     * The configuration file (target, failOn, placeholders, token replacements, rule severities; see
     * docs/configuration.md). Default: {@code ddl-lint.yml} in the project folder, else in the folder Maven was
     * started from, else on the project's classpath (its resource folders, e.g.
     * {@code src/main/resources/ddl-lint.yml}, where the Flyway callback of the application finds it too), when
     * it exists. A {@code classpath:name} value is looked up in the resource folders. The parameters of this
     * plugin override the file.
     * <pre>
     * &lt;configuration&gt;
     *   &lt;configFile&gt;${project.basedir}/config/ddl-lint.yml&lt;/configFile&gt;
     * &lt;/configuration&gt;
     * </pre>
     */
    @Parameter(property = "ddl-lint.configFile")
    protected String configFile;

    /**
     * The migration runner sets {@code lock_wait_timeout} on its connection itself (the Flyway callback does), so
     * the migrations need not and {@code missing-lock-wait-timeout} stays quiet. Overrides
     * {@code lockWaitTimeoutSetByRunner} of the configuration file (default {@code false}).
     * <pre>
     * mvn verify -Dddl-lint.lockWaitTimeoutSetByRunner=true
     * </pre>
     */
    @Parameter(property = "ddl-lint.lockWaitTimeoutSetByRunner")
    protected Boolean lockWaitTimeoutSetByRunner;

    /**
     * At most this many findings of one rule per file, then one finding that counts the rest (they still fail the
     * build). Overrides {@code maxFindingsPerRule} of the configuration file (default 100).
     */
    @Parameter(property = "ddl-lint.maxFindingsPerRule")
    protected String maxFindingsPerRule;

    /**
     * A larger migration file is not read: one {@code input-too-large} error instead. A size such as
     * {@code 64MiB} (the default); overrides {@code maxFileSize} of the configuration file.
     */
    @Parameter(property = "ddl-lint.maxFileSize")
    protected String maxFileSize;

    /**
     * A statement of more characters is not parsed: {@code input-too-large}, worst verdict. A size such as
     * {@code 16MiB} (the default); overrides {@code maxStatementSize} of the configuration file.
     */
    @Parameter(property = "ddl-lint.maxStatementSize")
    protected String maxStatementSize;

    /**
     * The baseline: findings listed there (known findings of old migrations) don't fail the build; new ones do.
     * Written by {@code mvn ddl-lint:baseline}; commit it. Default: {@code ddl-lint-baseline.json} in the project
     * folder, used by {@code check} when it exists.
     * <pre>
     * &lt;configuration&gt;
     *   &lt;baselineFile&gt;${project.basedir}/config/ddl-lint-baseline.json&lt;/baselineFile&gt;
     * &lt;/configuration&gt;
     * </pre>
     */
    @Parameter(property = "ddl-lint.baselineFile")
    protected File baselineFile;

    /** The migrations found, or {@code null} when there is nothing to check (the reason is logged). */
    protected record Input(LintRun run, List<SourceFile> files, List<Path> folders, Path displayBase) {
    }

    protected Path basedir() {
        return project.getBasedir().toPath().toAbsolutePath().normalize();
    }

    /**
     * Reports show paths relative to the folder Maven was started for (the multi-module root, normally the
     * repository root), so GitHub annotations and SARIF locations line up with the repository.
     */
    protected Path displayBase() {
        File root = session == null || session.getRequest() == null ? null
                : session.getRequest().getMultiModuleProjectDirectory();
        Path base = root == null ? basedir() : root.toPath().toAbsolutePath().normalize();
        return basedir().startsWith(base) ? base : basedir();
    }

    protected Path baselinePath() {
        return baselineFile != null ? baselineFile.toPath() : basedir().resolve(DEFAULT_BASELINE);
    }

    /** Reads the configuration and finds the migrations; {@code null} when there is nothing to check. */
    protected Input input() throws MojoExecutionException {
        LintRun run;
        try {
            LintRun.Builder builder = lintRun();
            configure(builder);
            run = builder.load();
        } catch (LintFailure e) {
            throw new MojoExecutionException("ddl-lint: " + e.getMessage(), e);
        }
        getLog().debug("ddl-lint: configuration " + run.configSource());
        List<Path> folders = folders();
        if (folders == null) {
            return null;
        }
        List<Path> paths;
        try {
            paths = new FileSelector(includes, excludes).select(folders);
        } catch (IOException e) {
            throw new MojoExecutionException("ddl-lint: cannot list the migration folders " + folders + " ("
                    + e.getMessage() + ")", e);
        }
        Path displayBase = displayBase();
        List<SourceFile> files;
        try {
            files = MigrationFiles.collect(paths, displayBase, run.configuration().limits().maxFileSize());
        } catch (MigrationFiles.UnusablePathException e) {
            throw new MojoExecutionException("ddl-lint: " + e.getMessage(), e);
        }
        return new Input(run, files, folders, displayBase);
    }

    /** A goal's own part of the run ({@code check}: {@code since} and the baseline). */
    protected void configure(LintRun.Builder run) throws MojoExecutionException {
    }

    /** The existing migration folders; {@code null} (after an info line) when there are none. */
    private List<Path> folders() {
        List<String> configured = locations == null ? List.of() : locations.stream()
                .flatMap(l -> java.util.Arrays.stream(l.split(","))).filter(l -> !l.isBlank()).toList();
        List<String> warnings = new ArrayList<>();
        List<MigrationLocations.Location> resolved;
        String origin;
        if (!configured.isEmpty()) {
            resolved = MigrationLocations.resolve(configured, false, basedir(), resourceDirs(), warnings);
            origin = "<locations>";
        } else {
            FlywayModel flyway = FlywayModel.of(project);
            if (flyway.present() && !flyway.locations().isEmpty()) {
                resolved = MigrationLocations.resolve(flyway.locations(), true, basedir(), resourceDirs(), warnings);
                origin = "flyway-maven-plugin's <locations>";
            } else {
                resolved = MigrationLocations.resolve(List.of(MigrationLocations.DEFAULT_LOCATION), false,
                        basedir(), resourceDirs(), warnings);
                origin = "the default location";
            }
        }
        warnings.forEach(w -> getLog().warn("ddl-lint: " + w));
        List<Path> existing = resolved.stream().map(MigrationLocations.Location::folder).filter(Files::isDirectory)
                .distinct().toList();
        if (existing.isEmpty()) {
            getLog().info("ddl-lint: no migration folder, nothing to check (looked for " + origin + ": "
                    + resolved.stream().map(l -> relative(l.folder())).distinct().collect(Collectors.joining(", "))
                    + "). Set <locations> if the migrations are elsewhere.");
            return null;
        }
        if (!configured.isEmpty()) {
            // Say so when a folder the user named does not exist (classpath ones may live in one resource dir only).
            for (MigrationLocations.Location l : resolved) {
                boolean anyForSource = resolved.stream().filter(o -> o.source().equals(l.source()))
                        .anyMatch(o -> Files.isDirectory(o.folder()));
                if (!anyForSource && resolved.indexOf(l) == firstIndex(resolved, l.source())) {
                    getLog().warn("ddl-lint: location '" + l.source() + "' (" + relative(l.folder())
                            + ") does not exist");
                }
            }
        }
        return existing;
    }

    private static int firstIndex(List<MigrationLocations.Location> list, String source) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).source().equals(source)) {
                return i;
            }
        }
        return -1;
    }

    private List<Path> resourceDirs() {
        List<Path> dirs = new ArrayList<>();
        for (Resource r : project.getResources()) {
            if (r.getDirectory() != null) {
                Path p = Path.of(r.getDirectory());
                dirs.add(p.isAbsolute() ? p : basedir().resolve(p));
            }
        }
        if (dirs.isEmpty()) {
            dirs.add(basedir().resolve("src/main/resources"));
        }
        return dirs;
    }

    protected String relative(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path base = basedir();
        return abs.startsWith(base) ? (abs.equals(base) ? "." : base.relativize(abs).toString()) : abs.toString();
    }

    /**
     * The run as the parameters set it up: {@code configFile}, else {@code ddl-lint.yml} in the project folder, the
     * folder Maven was started from, then on the project's classpath (resource folders); then the overrides.
     */
    LintRun.Builder lintRun() throws MojoExecutionException {
        return LintRun.builder()
                .configFile(configFilePath())
                .configFolders(List.of(basedir(), displayBase()))
                .classpath(ClasspathResources.ofFolders(resourceDirs()))
                // Custom rules: jars given as <dependencies> of the plugin are on the plugin's class loader.
                .customRules(AbstractDdlLintMojo.class.getClassLoader(), "the ddl-lint plugin's dependencies")
                .overrides(overrides())
                .reportBase(displayBase());
    }

    /** The configuration (file and parameters), for goals that analyse nothing ({@code stats}). */
    protected dev.ddllint.config.Configuration configuration() throws MojoExecutionException {
        try {
            return lintRun().load().configuration();
        } catch (LintFailure e) {
            throw new MojoExecutionException("ddl-lint: " + e.getMessage(), e);
        }
    }

    /** {@code configFile} as Maven resolves a File parameter: a relative path is relative to the project. */
    private String configFilePath() {
        if (configFile == null || configFile.isBlank()
                || configFile.strip().startsWith(ConfigurationLookup.CLASSPATH_PREFIX)) {
            return configFile;
        }
        Path p = Path.of(configFile.strip());
        return (p.isAbsolute() ? p : basedir().resolve(p)).toString();
    }

    /** The parameters that override ddl-lint.yml, parsed. */
    RunOverrides overrides() throws MojoExecutionException {
        RunOverrides o = RunOverrides.NONE;
        if (target != null && !target.isBlank()) {
            try {
                o = o.withTarget(TargetServer.parse(target));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("ddl-lint: target: " + e.getMessage(), e);
            }
        }
        Severity failOn = failOnOverride();
        if (failOn != null) {
            o = o.withFailOn(failOn);
        }
        // flyway-maven-plugin's placeholders, then the configuration file's, then this plugin's: the last wins.
        o = o.withPlaceholdersBelowFile(FlywayModel.of(project).placeholders())
                .withPlaceholders(placeholders == null ? Map.of() : placeholders);
        if (lockWaitTimeoutSetByRunner != null) {
            o = o.withLockWaitTimeoutSetByRunner(lockWaitTimeoutSetByRunner);
        }
        try {
            if (maxFindingsPerRule != null && !maxFindingsPerRule.isBlank()) {
                o = o.withMaxFindingsPerRule(ConfigurationLoader.parseMaxFindings(maxFindingsPerRule));
            }
            if (maxFileSize != null && !maxFileSize.isBlank()) {
                o = o.withMaxFileSize(ConfigurationLoader.parseMaxSize(maxFileSize));
            }
            if (maxStatementSize != null && !maxStatementSize.isBlank()) {
                o = o.withMaxStatementSize(ConfigurationLoader.parseMaxSize(maxStatementSize));
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ddl-lint: " + e.getMessage(), e);
        }
        return o;
    }

    /** {@code failOn}, for the goals that have it. */
    protected Severity failOnOverride() throws MojoExecutionException {
        return null;
    }
}
