package dev.ddllint.flyway;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.ConfigurationException;
import dev.ddllint.config.ConfigurationLoader;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.estimate.ConnectionHint;
import dev.ddllint.estimate.LiveStatistics;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.live.ServerFacts;
import dev.ddllint.live.TableStatistics;
import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;
import dev.ddllint.model.TableName;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import dev.ddllint.analysis.TableSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The check of the pending migrations: their SQL with Flyway's placeholders replaced, analysed together (in
 * {@link NewTableScope#RUN} scope: a table an earlier pending migration creates holds no rows) for the live
 * server's version, with the live definitions and statistics of the tables they change.
 */
final class MigrationGate {

    /** Statements that need an exclusive metadata lock on an existing table. */
    static final Set<StatementKind> TABLE_DDL = EnumSet.of(StatementKind.ALTER_TABLE, StatementKind.CREATE_INDEX,
            StatementKind.DROP_INDEX, StatementKind.RENAME_TABLE, StatementKind.DROP_TABLE,
            StatementKind.TRUNCATE_TABLE, StatementKind.OPTIMIZE_TABLE);

    /** Flyway's placeholder settings, read from its configuration. */
    record PlaceholderSettings(boolean enabled, String prefix, String suffix, String separator,
                               Map<String, String> values, String defaultSchema, String table) {

        /** {@code flyway:defaultSchema} with Flyway's separator (default {@code :}). */
        String separatorName(String name) {
            return "flyway" + (separator == null || separator.isEmpty() ? ":" : separator) + name;
        }
    }

    /**
     * What the check found.
     *
     * @param blocking       findings at or above failOn
     * @param tablesByScript tables each SQL migration changes with DDL (script → tables), in order
     * @param notes          migrations not analysed, and why
     */
    record Result(AnalysisReport report, Severity failOn, ServerFacts facts, List<PendingMigrations.Pending> pending,
                  List<Finding> blocking, Map<String, Set<TableName>> tablesByScript,
                  Map<String, TableStatistics> statistics, List<String> notes, String configSource) {

        Set<TableName> allTables() {
            Set<TableName> all = new LinkedHashSet<>();
            tablesByScript.values().forEach(all::addAll);
            return all;
        }

        boolean blocked() {
            return !blocking.isEmpty();
        }
    }

    private MigrationGate() {
    }

    /**
     * @param runnerSetsLockWaitTimeout the callback sets {@code lock_wait_timeout} before each migration, so the
     *                                  migrations need not ({@code missing-lock-wait-timeout} stays quiet)
     */
    static Result check(Connection connection, List<PendingMigrations.Pending> pending, DdlLintOptions options,
                        PlaceholderSettings placeholders, ClassLoader classLoader, boolean runnerSetsLockWaitTimeout)
            throws SQLException, IOException, ConfigurationException {
        ServerFacts facts = ServerFacts.read(connection);
        String[] configSource = new String[1];
        dev.ddllint.config.Configuration config = loadConfiguration(options, classLoader, configSource)
                .withNewTables(NewTableScope.RUN);
        TargetServer target = options.target() != null ? TargetServer.parse(options.target()) : facts.server();
        config = config.withTarget(target);
        if (runnerSetsLockWaitTimeout) {
            config = config.withLockWaitTimeoutSetByRunner(true);
        }
        if (options.failOn() != null) {
            config = config.withFailOn(ConfigurationLoader.parseFailOn(options.failOn()));
        }

        Map<String, String> builtins = builtinPlaceholders(connection, placeholders, facts);
        List<SourceFile> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> literal = new LinkedHashMap<>();
        for (PendingMigrations.Pending p : pending) {
            if (!p.isSql()) {
                notes.add(p.label() + " (" + p.script() + ") is a Java-based or other non-SQL migration: ddl-lint "
                        + "does not analyse it");
                continue;
            }
            boolean replace = p.placeholderReplacement() != null ? p.placeholderReplacement() : placeholders.enabled();
            String text = p.sql();
            if (replace) {
                Map<String, String> values = new LinkedHashMap<>(placeholders.values());
                builtins.forEach(values::putIfAbsent);
                values.put(placeholders.separatorName("filename"), fileName(p.script()));
                text = new FlywayPlaceholders(placeholders.prefix(), placeholders.suffix(), values).replace(text);
            }
            if (!replace || !new FlywayPlaceholders(placeholders.prefix(), placeholders.suffix(), Map.of())
                    .isDefaultSyntax()) {
                // ${...} is plain text for Flyway here; keep ddl-lint's reader from taking it for a placeholder.
                literal.putAll(FlywayPlaceholders.literalDollarBraces(text));
            }
            files.add(new SourceFile(p.script(), text.getBytes(StandardCharsets.UTF_8)));
        }
        if (!literal.isEmpty()) {
            config = config.withPlaceholders(literal);
        }

        // Live definitions of the tables (exact verdicts), and live sizes, row-log limit and write rates for the
        // row-log and duration estimates; both read-only, on Flyway's own connection.
        LiveStatistics statistics = new LiveStatistics(connection, Duration.ZERO, connectionHint(connection));
        AnalysisReport report = new Analyzer(config, TableSource.live(connection), statistics)
                .analyze(files);
        Map<String, Set<TableName>> tablesByScript = new LinkedHashMap<>();
        for (FileReport f : report.files()) {
            Set<TableName> tables = new LinkedHashSet<>();
            for (StatementReport s : f.statements()) {
                tables.addAll(ddlTables(s.statement()));
            }
            tablesByScript.put(f.path(), tables);
        }
        Set<TableName> all = new LinkedHashSet<>();
        tablesByScript.values().forEach(all::addAll);
        Map<String, TableStatistics> stats = all.isEmpty() ? Map.of()
                : TableStatistics.read(connection, facts.currentSchema(), all);
        Severity failOn = config.failOn();
        List<Finding> blocking = report.findings().stream().filter(f -> f.severity().atLeast(failOn)).toList();
        return new Result(report, failOn, facts, pending, blocking, tablesByScript, stats, notes, configSource[0]);
    }

    /** Host, port, schema and user for the gh-ost / pt-osc commands of an escalation (never the password). */
    private static ConnectionHint connectionHint(Connection connection) {
        try {
            return ConnectionHint.fromJdbcUrl(connection.getMetaData().getURL());
        } catch (SQLException | RuntimeException e) {
            return ConnectionHint.UNKNOWN;
        }
    }

    /** Tables whose existing rows or metadata lock the statement touches (CREATE TABLE: none). */
    static Set<TableName> ddlTables(Statement s) {
        Set<TableName> tables = new LinkedHashSet<>();
        if (!s.parsed() || !TABLE_DDL.contains(s.kind())) {
            return tables;
        }
        if (s.table() != null) {
            tables.add(s.table());
        }
        s.renames().forEach(p -> tables.add(p.from()));
        return tables;
    }

    /** ddl-lint.yml: the configured file, else {@code ./ddl-lint.yml}, else {@code ddl-lint.yml} on the classpath. */
    static dev.ddllint.config.Configuration loadConfiguration(DdlLintOptions options, ClassLoader classLoader,
                                                             String[] source)
            throws ConfigurationException, IOException {
        String file = options.configFile();
        if (file == null) {
            Path local = Path.of(ConfigurationLoader.DEFAULT_FILE_NAME);
            if (Files.isRegularFile(local)) {
                source[0] = local.toAbsolutePath().toString();
                return ConfigurationLoader.load(local);
            }
            URL url = classLoader == null ? null : classLoader.getResource(ConfigurationLoader.DEFAULT_FILE_NAME);
            if (url != null) {
                source[0] = "classpath:" + ConfigurationLoader.DEFAULT_FILE_NAME;
                return parse(url, source[0]);
            }
            source[0] = "defaults (no ddl-lint.yml)";
            return dev.ddllint.config.Configuration.DEFAULT;
        }
        if (file.startsWith("classpath:")) {
            String name = file.substring("classpath:".length()).replaceFirst("^/+", "");
            URL url = classLoader == null ? null : classLoader.getResource(name);
            if (url == null) {
                throw new ConfigurationException(file + ": no such resource on the classpath (ddl-lint option "
                        + DdlLintOptions.CONFIG_FILE + ")");
            }
            source[0] = file;
            return parse(url, file);
        }
        Path p = Path.of(file);
        source[0] = p.toAbsolutePath().toString();
        return ConfigurationLoader.load(p);
    }

    private static dev.ddllint.config.Configuration parse(URL url, String name)
            throws IOException, ConfigurationException {
        try (InputStream in = url.openStream()) {
            return ConfigurationLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        }
    }

    /** Flyway's own placeholders ({@code flyway:defaultSchema}, …) with the values Flyway gives them. */
    private static Map<String, String> builtinPlaceholders(Connection connection, PlaceholderSettings settings,
                                                          ServerFacts facts) {
        Map<String, String> m = new LinkedHashMap<>();
        String database = facts.currentSchema();
        String defaultSchema = settings.defaultSchema() != null ? settings.defaultSchema() : database;
        if (defaultSchema != null) {
            m.put(settings.separatorName("defaultSchema"), defaultSchema);
        }
        if (database != null) {
            m.put(settings.separatorName("database"), database);
        }
        String user = currentUser(connection);
        if (user != null) {
            m.put(settings.separatorName("user"), user);
        }
        m.put(settings.separatorName("timestamp"), LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        m.put(settings.separatorName("workingDirectory"), System.getProperty("user.dir", ""));
        if (settings.table() != null) {
            m.put(settings.separatorName("table"), settings.table());
        }
        return m;
    }

    private static String currentUser(Connection connection) {
        try (java.sql.Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUBSTRING_INDEX(USER(), '@', 1)")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static String fileName(String script) {
        String s = script.replace('\\', '/');
        return s.substring(s.lastIndexOf('/') + 1);
    }

    // ---------------------------------------------------------------------------------------------------- text

    /** The exception text: every blocking finding with its position, rule, help and the table's size. */
    static String blockedMessage(Result r) {
        StringBuilder b = new StringBuilder();
        long sqlCount = r.pending().stream().filter(PendingMigrations.Pending::isSql).count();
        b.append("ddl-lint stopped migrate before it ran anything: ").append(r.blocking().size())
                .append(r.blocking().size() == 1 ? " finding" : " findings").append(" at or above ")
                .append(r.failOn().id()).append(" in ").append(sqlCount).append(" pending migration")
                .append(sqlCount == 1 ? "" : "s").append(" for ").append(r.report().target().displayName())
                .append(".\n\n");
        for (Finding f : r.blocking()) {
            appendFinding(b, r, f);
        }
        b.append("Nothing of these migrations was applied. Change the migration as the help says; or, where the ")
                .append("change is harmless on this table, allow it on the line before the statement with ")
                .append("-- ddl-lint:ignore RULE REASON; or set flyway.plugins.ddllint.mode=audit to run everything ")
                .append("and only log the findings (ddl-lint.yml sets rules and failOn; see docs/flyway.md).");
        return b.toString();
    }

    /** The log text of all findings (audit mode, or findings below failOn). */
    static String findingsText(Result r) {
        StringBuilder b = new StringBuilder();
        for (Finding f : r.report().findings()) {
            appendFinding(b, r, f);
        }
        return b.toString();
    }

    static void appendFinding(StringBuilder b, Result r, Finding f) {
        b.append(f.path()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
                .append(f.severity().id()).append('[').append(f.rule()).append("] ").append(f.message()).append('\n');
        if (f.excerpt() != null && !f.excerpt().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%6d | %s%n", f.line(), f.excerpt()));
        }
        b.append("       = help: ").append(f.help()).append('\n');
        TableName table = tableAt(r.report(), f);
        if (table != null) {
            TableStatistics.find(r.statistics(), r.facts().currentSchema(), table)
                    .ifPresent(s -> b.append("       = table ").append(s.describe()).append('\n'));
        }
        b.append('\n');
    }

    private static TableName tableAt(AnalysisReport report, Finding f) {
        for (FileReport file : report.files()) {
            if (!file.path().equals(f.path())) {
                continue;
            }
            for (StatementReport s : file.statements()) {
                if (s.source().line() == f.line() && s.source().column() == f.column()) {
                    return s.statement().table();
                }
            }
        }
        return null;
    }

    /** One-line summary for the log. */
    static String summary(Result r) {
        long sqlCount = r.pending().stream().filter(PendingMigrations.Pending::isSql).count();
        return "ddl-lint: " + sqlCount + " pending SQL migration" + (sqlCount == 1 ? "" : "s") + " checked for "
                + r.report().target().displayName() + " (" + r.report().statementCount() + " statements): "
                + r.report().count(Severity.ERROR) + " error(s), " + r.report().count(Severity.WARNING)
                + " warning(s), " + r.report().count(Severity.INFO) + " info; failOn " + r.failOn().id()
                + "; configuration: " + r.configSource();
    }
}
