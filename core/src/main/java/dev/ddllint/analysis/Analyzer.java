package dev.ddllint.analysis;

import dev.ddllint.config.Configuration;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.estimate.DeclaredStats;
import dev.ddllint.estimate.Estimation;
import dev.ddllint.estimate.StatisticsSource;
import dev.ddllint.estimate.StatsSnapshot;
import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.KnowledgeBase;
import dev.ddllint.kb.SessionState;
import dev.ddllint.kb.StatementClassifier;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.model.Statement;
import dev.ddllint.model.TableName;
import dev.ddllint.model.StatementKind;
import dev.ddllint.parse.StatementParser;
import dev.ddllint.rules.BuiltinRules;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.ReportOnce;
import dev.ddllint.rules.Rule;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.ScriptProblemRule;
import dev.ddllint.rules.Severity;
import dev.ddllint.rules.StatementContext;
import dev.ddllint.schema.LiveSchema;
import dev.ddllint.schema.Schema;
import dev.ddllint.schema.TableFacts;
import dev.ddllint.script.DirectiveComments;
import dev.ddllint.script.ScriptOptions;
import dev.ddllint.script.ScriptProblem;
import dev.ddllint.script.ScriptReadResult;
import dev.ddllint.script.ScriptReader;
import dev.ddllint.script.ScriptStatement;
import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.Token;
import dev.ddllint.sql.TolerantStatementReader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The analysis: files are read and parsed independently (in parallel), then replayed in migration order, so each
 * verdict sees the tables as the earlier statements left them.
 */
public final class Analyzer {

    /** Rules whose risk is about rows already in the table: an ALTER on a table created just before is harmless. */
    private static final Set<String> DATA_RISK_RULES = Set.of("column-type-change", "primary-key-drop",
            "partition-operation", "blocking-alter", "table-rebuild");
    private static final Set<StatementKind> CLASSIFIED = EnumSet.of(StatementKind.ALTER_TABLE,
            StatementKind.CREATE_INDEX, StatementKind.DROP_INDEX, StatementKind.OPTIMIZE_TABLE);
    private static final Set<StatementKind> EMBEDDED_KINDS = EnumSet.of(StatementKind.ALTER_TABLE,
            StatementKind.CREATE_INDEX, StatementKind.DROP_INDEX, StatementKind.CREATE_TABLE,
            StatementKind.RENAME_TABLE, StatementKind.DROP_TABLE);

    /** Rules a -- ddl-lint:ignore comment can name: those that report on statements. */
    private static final Set<String> IGNORABLE = BuiltinRules.STATEMENT_RULES.stream().map(r -> r.info().id())
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> FILE_RULES = ScriptProblemRule.infos().stream().map(RuleInfo::id)
            .collect(Collectors.toUnmodifiableSet());

    private final Configuration config;
    private final StatementClassifier classifier;
    private final StatementParser parser;
    private final TableSource tableSource;
    private final StatisticsSource statistics;

    public Analyzer(Configuration config) {
        this(config, TableSource.NONE);
    }

    /** @param tableSource tables as they stand before the first file (for example in a live database) */
    public Analyzer(Configuration config, TableSource tableSource) {
        this(config, tableSource, StatisticsSource.NONE);
    }

    /**
     * @param tableSource tables as they stand before the first file (for example in a live database)
     * @param statistics  live table statistics for the estimates ({@code estimate.LiveStatistics}); the configured
     *                    snapshot ({@code estimate.statsFile}) is read by the analyzer itself
     */
    public Analyzer(Configuration config, TableSource tableSource, StatisticsSource statistics) {
        this.config = config;
        this.classifier = new StatementClassifier(KnowledgeBase.builtin(), config.target());
        this.parser = new StatementParser(config.parseTimeoutMillis());
        this.tableSource = tableSource;
        this.statistics = statistics == null ? StatisticsSource.NONE : statistics;
    }

    /**
     * Analyzes files in the order given (see {@link MigrationOrder}).
     *
     * @throws TableSourceException when the table source (a live database) fails
     * @throws StatsSnapshot.SnapshotException when the configured statistics snapshot is not readable
     */
    public AnalysisReport analyze(List<SourceFile> files) {
        List<ParsedFile> parsed = parseAll(files);
        Schema schema = new Schema();
        Set<TableName> referenced = new LinkedHashSet<>();
        for (ParsedFile f : parsed) {
            for (ParsedStatement p : f.statements()) {
                Statement s = p.statement();
                if (s.table() != null) {
                    referenced.add(s.table());
                }
                s.renames().forEach(pair -> referenced.add(pair.from()));
            }
        }
        if (!referenced.isEmpty() && tableSource != TableSource.NONE) {
            try {
                tableSource.tables(referenced).forEach(schema::putLive);
            } catch (Exception e) {
                throw new TableSourceException(e);
            }
        }
        Estimation estimation = estimation();
        if (!referenced.isEmpty()) {
            estimation.prefetch(referenced);
        }
        ReportOnce once = new ReportOnce();
        List<FileReport> reports = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, String> createdIn = new HashMap<>();
        for (ParsedFile file : parsed) {
            reports.add(replay(file, schema, createdIn, findings, estimation, once));
        }
        return new AnalysisReport(ToolVersion.get(), config.target(), reports, findings);
    }

    private record ParsedFile(String path, List<ScriptProblem> problems, List<ParsedStatement> statements,
                              DeclaredStats.Result declared, IgnoreDirectives.Result ignores,
                              List<DirectiveComments.Directive> unknownDirectives) {
    }

    /** The estimates' sources: the live statistics given, the configured snapshot, the configuration. */
    private Estimation estimation() {
        StatisticsSource snapshot = StatisticsSource.NONE;
        String problem = null;
        java.nio.file.Path file = config.estimate().statsFile();
        if (file != null) {
            if (java.nio.file.Files.isRegularFile(file)) {
                snapshot = StatsSnapshot.read(file);
            } else {
                problem = "the statistics snapshot " + file + " (estimate.statsFile) does not exist; write it with "
                        + "'ddl-lint stats'";
            }
        }
        return new Estimation(config.estimate(), statistics, snapshot, problem);
    }

    private record ParsedStatement(ScriptStatement source, Statement statement, boolean embedded) {
    }

    private List<ParsedFile> parseAll(List<SourceFile> files) {
        ScriptOptions options = new ScriptOptions(config.placeholders(), config.replacements(), true);
        if (files.size() <= 1) {
            return files.stream().map(f -> parse(f, options)).toList();
        }
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ddl-lint-file");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ParsedFile>> futures = new ArrayList<>();
            for (SourceFile f : files) {
                futures.add(pool.submit(() -> parse(f, options)));
            }
            List<ParsedFile> result = new ArrayList<>();
            for (Future<ParsedFile> future : futures) {
                result.add(future.get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("analysis failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private ParsedFile parse(SourceFile file, ScriptOptions options) {
        ScriptReadResult script = ScriptReader.read(file.content(), options);
        List<ParsedStatement> statements = new ArrayList<>(script.statements().size());
        for (ScriptStatement s : script.statements()) {
            Statement st;
            try {
                st = s.compound() ? Statement.simple(StatementKind.OTHER, null) : parser.parse(s.sql());
            } catch (RuntimeException e) {
                // A reader bug must not lose the rest of the file: report this statement as not understood.
                st = Statement.unparseable("internal error while reading the statement: " + e);
            }
            st.perTable().forEach(one -> statements.add(new ParsedStatement(s, one, false)));
            if (st.kind() == StatementKind.SET) {
                statements.addAll(embeddedDdl(s));
            }
        }
        List<DirectiveComments.Directive> directives = DirectiveComments.all(script.text());
        return new ParsedFile(file.path(), script.problems(), statements, DeclaredStats.of(directives, file.path()),
                IgnoreDirectives.of(directives, IGNORABLE, FILE_RULES), directives.stream()
                .filter(d -> !d.name().equals(DeclaredStats.NAME) && !d.name().equals(IgnoreDirectives.NAME))
                .toList());
    }

    /**
     * DDL built as a string for PREPARE/EXECUTE ({@code SET @s = IF(…, 'ALTER TABLE …', 'SELECT 1')}) runs like any
     * other: each string literal that is a table DDL statement is analysed at the SET statement's position.
     */
    private List<ParsedStatement> embeddedDdl(ScriptStatement set) {
        List<ParsedStatement> found = new ArrayList<>();
        for (Token t : SqlLexer.tokenize(set.sql())) {
            if (t.type() != Token.Type.STRING) {
                continue;
            }
            StatementKind kind = TolerantStatementReader.kindOf(SqlLexer.tokenize(t.value()));
            if (EMBEDDED_KINDS.contains(kind)) {
                ScriptStatement source = new ScriptStatement(t.value(), t.value(), set.line(), set.column(),
                        set.endLine(), set.endColumn(), set.delimiter(), false);
                found.add(new ParsedStatement(source, parser.parse(t.value()), true));
            }
        }
        return found;
    }

    private FileReport replay(ParsedFile file, Schema schema, Map<String, String> createdIn, List<Finding> findings,
                              Estimation estimation, ReportOnce once) {
        once.nextFile();
        file.declared().declarations().forEach(d -> estimation.declare(d.stats()));
        List<IgnoreDirectives.Problem> directiveProblems = new ArrayList<>(file.ignores().problems());
        file.unknownDirectives().forEach(d -> directiveProblems.add(new IgnoreDirectives.Problem(d.line(),
                "unknown comment ddl-lint:" + d.name() + " (ddl-lint reads ddl-lint:ignore and ddl-lint:stats)")));
        file.declared().problems().forEach(p -> directiveProblems.add(new IgnoreDirectives.Problem(p.line(),
                p.message())));
        IgnoreDirectives.Tracker ignoreComments = new IgnoreDirectives.Tracker(file.ignores());
        for (ScriptProblem p : file.problems()) {
            ScriptProblemRule rule = ScriptProblemRule.forProblem(p.code());
            Severity severity = config.severityOf(rule.info());
            if (severity != Severity.OFF) {
                findings.add(new Finding(rule.info().id(), severity, file.path(), p.line(), p.column(), p.line(),
                        p.column(), p.message(), rule.help(), ""));
            }
        }
        SessionState session = SessionState.DEFAULT;
        List<StatementReport> reports = new ArrayList<>();
        for (ParsedStatement parsed : file.statements()) {
            ScriptStatement source = parsed.source();
            Statement statement = parsed.statement();
            List<IgnoreDirectives.Ignore> ignores = ignoreComments.forStatement(source.line(), source.column());
            session = applySettings(statement, session);
            TableFacts table = schema.table(statement.table()).orElse(null);
            StatementVerdict verdict = statement.parsed() && CLASSIFIED.contains(statement.kind())
                    ? classifier.classify(statement, table, session) : null;
            String newTableNote = newTableNote(statement, file.path(), createdIn);
            StatementContext ctx = new StatementContext(statement, verdict, config.target(), table, session, config,
                    file.path(), newTableNote != null, estimation, once);
            String prefix = parsed.embedded() ? "DDL string for PREPARE in this SET statement: " : "";
            for (Rule rule : BuiltinRules.STATEMENT_RULES) {
                Severity severity = config.severityOf(rule.info());
                if (severity == Severity.OFF) {
                    continue;
                }
                rule.check(ctx, (info, message, help) -> findings.add(finding(info, noteSeverity(rule, info,
                        severity), file.path(), source, prefix + message, help, newTableNote,
                        ignoreComments.allowing(ignores, info.id()))));
            }
            estimation.observe(statement);
            if (verdict != null && statement.table() != null) {
                boolean instantColumn = verdict.effective().algorithm() == Algorithm.INSTANT && verdict.operations()
                        .stream().anyMatch(c -> c.ddlOperation().isInstantAddDrop());
                schema.recordRowVersions(statement.table(), instantColumn, verdict.effective().rebuildsTable());
            }
            schema.apply(statement, file.path() + ":" + source.line());
            if (statement.kind() == StatementKind.CREATE_TABLE && statement.parsed() && statement.table() != null
                    && schema.table(statement.table()).map(t -> !t.origin().equals(LiveSchema.ORIGIN)).orElse(false)) {
                createdIn.put(statement.table().key(), file.path());
            }
            reports.add(new StatementReport(source, statement, verdict, parsed.embedded()));
        }
        directiveProblems.addAll(ignoreComments.unapplied());
        Severity directiveSeverity = config.severityOf(ScriptProblemRule.INVALID_DIRECTIVE.info());
        if (directiveSeverity != Severity.OFF) {
            directiveProblems.stream().sorted(Comparator.comparingInt(IgnoreDirectives.Problem::line))
                    .forEach(p -> findings.add(new Finding(ScriptProblemRule.INVALID_DIRECTIVE.info().id(),
                            directiveSeverity, file.path(), p.line(), 1, p.line(), 1, p.message(),
                            ScriptProblemRule.INVALID_DIRECTIVE.help(), "")));
        }
        return new FileReport(file.path(), reports);
    }

    /**
     * A rule reports under its own info at its configured severity; it may also report a note under another info
     * of the same id with a lower default severity (an estimate within the limits is an info), never a higher one.
     */
    private static Severity noteSeverity(Rule rule, RuleInfo reported, Severity configured) {
        if (reported == rule.info() || !reported.id().equals(rule.info().id())) {
            return configured;
        }
        return reported.defaultSeverity().ordinal() > configured.ordinal() ? reported.defaultSeverity() : configured;
    }

    private Finding finding(RuleInfo info, Severity severity, String path, ScriptStatement source, String message,
                            String help, String newTableNote, IgnoreDirectives.Ignore allowedBy) {
        Severity s = severity;
        String m = message;
        if (newTableNote != null && DATA_RISK_RULES.contains(info.id())) {
            s = Severity.INFO;
            m = message + "; " + newTableNote;
        }
        if (allowedBy != null) {
            s = Severity.INFO;
            m = m + "; allowed by the ddl-lint:ignore comment at line " + allowedBy.line() + ": " + allowedBy.reason();
        }
        String excerpt = source.rawText().lines().findFirst().orElse("").strip();
        return new Finding(info.id(), s, path, source.line(), source.column(), source.endLine(), source.endColumn(),
                m, help, excerpt);
    }

    /** Why the table holds no rows yet, when it was created within the configured scope; else null. */
    private String newTableNote(Statement statement, String path, Map<String, String> createdIn) {
        if (statement.table() == null || config.newTables() == NewTableScope.NONE) {
            return null;
        }
        String file = createdIn.get(statement.table().key());
        if (file == null || (config.newTables() == NewTableScope.FILE && !file.equals(path))) {
            return null;
        }
        return "not a risk: the table is created earlier in " + (file.equals(path) ? "this file" : file)
                + ", so it holds no rows yet";
    }

    private static SessionState applySettings(Statement statement, SessionState session) {
        SessionState s = session;
        for (Statement.SessionSetting setting : statement.settings()) {
            String value = setting.value().trim().toLowerCase(java.util.Locale.ROOT);
            switch (setting.name()) {
                case "foreign_key_checks" -> s = s.withForeignKeyChecks(!(value.equals("0") || value.equals("off")
                        || value.equals("false")));
                case "lock_wait_timeout" -> {
                    try {
                        s = s.withLockWaitTimeout(Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        // A variable or expression: the timeout is set, its value unknown.
                        s = s.withLockWaitTimeout(-1L);
                    }
                }
                default -> {
                }
            }
        }
        return s;
    }
}

