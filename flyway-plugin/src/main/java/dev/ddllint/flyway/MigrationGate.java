package dev.ddllint.flyway;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
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
import dev.ddllint.run.ClasspathResources;
import dev.ddllint.run.LintFailure;
import dev.ddllint.run.LintResult;
import dev.ddllint.run.LintRun;
import dev.ddllint.run.RunOverrides;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
     * Reads the server's facts, turns the pending migrations into the SQL Flyway will run, and runs ddl-lint's
     * {@link LintRun} on them: {@code ddl-lint.yml} from the option, {@code ./ddl-lint.yml} or the application's
     * classpath; the options as overrides; {@code newTables: run}; the live server's version unless {@code target}
     * is set.
     *
     * @param runnerSetsLockWaitTimeout {@code lockWaitTimeoutSetByRunner} for the analysis, null: the file's
     *                                  (see {@link SessionLockWaitTimeout#runnerSetsIt})
     */
    static Result check(Connection connection, List<PendingMigrations.Pending> pending, DdlLintOptions options,
                        PlaceholderSettings placeholders, ClassLoader classLoader, Boolean runnerSetsLockWaitTimeout)
            throws SQLException, LintFailure {
        ServerFacts facts = ServerFacts.read(connection);
        Map<String, String> builtins = placeholders.builtins(connection, facts);
        List<SourceFile> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> literal = new LinkedHashMap<>();
        for (PendingMigrations.Pending p : pending) {
            if (!p.isSql()) {
                notes.add(p.label() + " (" + p.script() + ") is a Java-based or other non-SQL migration: ddl-lint "
                        + "does not analyse it");
                continue;
            }
            PlaceholderSettings.Replaced sql = placeholders.apply(p, builtins);
            literal.putAll(sql.literal());
            files.add(new SourceFile(p.script(), sql.sql().getBytes(StandardCharsets.UTF_8)));
        }

        RunOverrides overrides = overrides(options, runnerSetsLockWaitTimeout).withPlaceholders(literal);
        LintRun run = LintRun.builder()
                .configFile(options.configFile())
                .configFolders(List.of(Path.of("")))
                .classpath(ClasspathResources.of(classLoader))
                .customRules(classLoader, "the application classpath")
                .allowRunScope(true)
                .overrides(overrides)
                .load()
                .forServer(facts.server(), true);

        // Live definitions of the tables (exact verdicts), and live sizes, row-log limit and write rates for the
        // row-log and duration estimates; both read-only, on Flyway's own connection.
        LiveStatistics statistics = new LiveStatistics(connection, Duration.ZERO, connectionHint(connection));
        LintResult result = run.check(files, TableSource.live(connection), statistics);
        AnalysisReport report = result.report();
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
        return new Result(report, result.failOn(), facts, pending, result.failing(), tablesByScript, stats, notes,
                result.configSource());
    }

    /**
     * The options that every front end shares, as the core's overrides (the same values as the CLI's flags and
     * the Maven plugin's parameters), and {@code newTables: run}: the callback knows which migrations are pending.
     */
    static RunOverrides overrides(DdlLintOptions options, Boolean runnerSetsLockWaitTimeout) {
        RunOverrides overrides = RunOverrides.NONE.withNewTables(NewTableScope.RUN)
                .withLockWaitTimeoutSetByRunner(runnerSetsLockWaitTimeout)
                .withMaxFindingsPerRule(options.maxFindingsPerRule()).withMaxFileSize(options.maxFileSize())
                .withMaxStatementSize(options.maxStatementSize());
        if (options.target() != null) {
            overrides = overrides.withTarget(TargetServer.parse(options.target()));
        }
        if (options.failOn() != null) {
            overrides = overrides.withFailOn(ConfigurationLoader.parseFailOn(options.failOn()));
        }
        return overrides;
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

    // ---------------------------------------------------------------------------------------------------- text

    /** The exception text: every blocking finding with its position, rule, help and the table's size. */
    static String blockedMessage(Result r, DdlLintOptions options) {
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
                .append("-- ddl-lint:ignore RULE REASON; or set ").append(options.setting(DdlLintOptions.MODE, "audit"))
                .append(" to run everything ")
                .append("and only log the findings (ddl-lint.yml sets rules and failOn; see docs/flyway.md).");
        return b.toString();
    }

    /**
     * The exception text when each finding was logged on its own already: the count and what to do, no finding
     * (a host that repeats the message in each wrapping exception would repeat every finding).
     */
    static String blockedSummary(Result r, DdlLintOptions options) {
        long sqlCount = r.pending().stream().filter(PendingMigrations.Pending::isSql).count();
        return "ddl-lint stopped migrate before it ran anything: " + r.blocking().size()
                + (r.blocking().size() == 1 ? " finding" : " findings") + " at or above " + r.failOn().id() + " in "
                + sqlCount + " pending migration" + (sqlCount == 1 ? "" : "s") + " for "
                + r.report().target().displayName() + ", each logged above by " + DdlLintCallback.class.getName()
                + ". Nothing of these migrations was applied. Change the migration as the help says; or allow it "
                + "with -- ddl-lint:ignore RULE REASON on the line before the statement; or set "
                + options.setting(DdlLintOptions.MODE, "audit") + " to run everything and only log the findings.";
    }

    /** Each finding's text on its own (for one log event per finding). */
    static List<String> findingTexts(Result r, List<Finding> findings) {
        List<String> texts = new java.util.ArrayList<>();
        for (Finding f : findings) {
            StringBuilder b = new StringBuilder();
            appendFinding(b, r, f);
            texts.add(b.toString().stripTrailing());
        }
        return texts;
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
        // Findings of the same statement and cause, folded into this one (FindingFolder), with their own help.
        for (Finding also : f.folded()) {
            b.append("       = also ").append(also.severity().id()).append('[').append(also.rule()).append("]: ")
                    .append(also.message()).append('\n');
            if (also.help() != null && !also.help().equals(f.help())) {
                b.append("       = help [").append(also.rule()).append("]: ").append(also.help()).append('\n');
            }
        }
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
