package dev.ddllint.analysis;

import dev.ddllint.config.Configuration;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.estimate.DeclaredStats;
import dev.ddllint.estimate.Estimation;
import dev.ddllint.estimate.StatementEstimate;
import dev.ddllint.estimate.StatisticsSource;
import dev.ddllint.estimate.StatsSnapshot;
import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.KnowledgeBase;
import dev.ddllint.kb.SessionAlgorithm;
import dev.ddllint.kb.SessionState;
import dev.ddllint.kb.StatementClassifier;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.model.Statement;
import dev.ddllint.model.TableName;
import dev.ddllint.model.StatementKind;
import dev.ddllint.model.StatementOrigin;
import dev.ddllint.parse.StatementParser;
import dev.ddllint.rules.BuiltinRules;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.ReportOnce;
import dev.ddllint.rules.RuleCatalog;
import dev.ddllint.rules.FileProblemRule;
import dev.ddllint.rules.InvalidDirective;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.Severity;
import dev.ddllint.rules.Snippet;
import dev.ddllint.rules.StatementContext;
import dev.ddllint.schema.LiveSchema;
import dev.ddllint.schema.Schema;
import dev.ddllint.schema.TableFacts;
import dev.ddllint.script.DirectiveComments;
import dev.ddllint.script.ScriptOptions;
import dev.ddllint.script.ScriptProblem;
import dev.ddllint.script.ScriptReadResult;
import dev.ddllint.script.RoutineBody;
import dev.ddllint.script.ScriptReader;
import dev.ddllint.script.ScriptStatement;
import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.Token;
import dev.ddllint.sql.TolerantStatementReader;

import java.util.ArrayDeque;
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
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The analysis: files are read and parsed independently (in parallel), then replayed in migration order, so each
 * verdict sees the tables as the earlier statements left them.
 */
public final class Analyzer {

    private static final Set<StatementKind> CLASSIFIED = EnumSet.of(StatementKind.ALTER_TABLE,
            StatementKind.CREATE_INDEX, StatementKind.DROP_INDEX, StatementKind.OPTIMIZE_TABLE);

    private static final Set<String> FILE_RULES = BuiltinRules.fileProblemRules().stream().map(r -> r.info().id())
            .collect(Collectors.toUnmodifiableSet());

    private final Configuration config;
    private final StatementClassifier classifier;
    private final StatementParser parser;
    private final TableSource tableSource;
    private final StatisticsSource statistics;
    private final RuleCatalog rules;
    /** Rules a -- ddl-lint:ignore comment can name: those that report on statements. */
    private final Set<String> ignorable;

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
        this(config, tableSource, statistics, RuleCatalog.BUILTIN);
    }

    /** @param rules the built-in rules and the run's custom ones */
    public Analyzer(Configuration config, TableSource tableSource, StatisticsSource statistics, RuleCatalog rules) {
        this.rules = rules;
        this.ignorable = rules.statementRules().stream().map(r -> r.info().id())
                .collect(Collectors.toUnmodifiableSet());
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
        List<FileReport> reports = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        analyze(files, (file, fileFindings) -> {
            reports.add(file);
            findings.addAll(fileFindings);
        });
        return new AnalysisReport(ToolVersion.get(), config.target(), reports, findings, rules.all());
    }

    /**
     * The run's frame: tool version, target and rules, without files or findings; what a streaming report writes
     * before the first file.
     */
    public AnalysisReport header() {
        return new AnalysisReport(ToolVersion.get(), config.target(), List.of(), List.of(), rules.all());
    }

    /**
     * Analyzes files in the order given (see {@link MigrationOrder}) and hands each one to the sink as soon as it is
     * replayed. Only a few files are parsed ahead of the replay, so memory follows the largest file, not the run.
     *
     * @throws TableSourceException when the table source (a live database) fails
     * @throws StatsSnapshot.SnapshotException when the configured statistics snapshot is not readable
     * @throws SourceFile.UnreadableFileException when a file on disk cannot be read when its turn comes
     */
    public void analyze(List<SourceFile> files, FileSink sink) {
        ScriptOptions options = scriptOptions();
        Schema schema = new Schema();
        Set<TableName> referenced = new LinkedHashSet<>();
        if (tableSource != TableSource.NONE || statistics != StatisticsSource.NONE
                || config.estimate().statsFile() != null) {
            // The live tables and statistics are read in one go for every table the run names: a first pass
            // that keeps only the names (parsing twice is the price of not holding every file's statements).
            parseInOrder(files, options, f -> {
                for (ParsedStatement p : f.statements()) {
                    Statement s = p.statement();
                    if (s.table() != null) {
                        referenced.add(s.table());
                    }
                    s.renames().forEach(pair -> referenced.add(pair.from()));
                }
            });
            if (!referenced.isEmpty() && tableSource != TableSource.NONE) {
                try {
                    schema.defaultDatabase(tableSource.defaultDatabase());
                    tableSource.tables(referenced).forEach(schema::putLive);
                } catch (Exception e) {
                    throw new TableSourceException(e);
                }
            }
        }
        Estimation estimation = estimation();
        if (!referenced.isEmpty()) {
            estimation.prefetch(referenced);
        }
        ReportOnce once = new ReportOnce();
        NewTables newTables = new NewTables();
        parseInOrder(files, options, file -> {
            List<Finding> findings = new ArrayList<>();
            FileReport report = replay(file, schema, newTables, findings, estimation, once);
            sink.accept(report, findings);
        });
    }

    /** @param unread the file was not read (larger than {@code maxFileSize}): it has no statements */
    private record ParsedFile(String path, List<ScriptProblem> problems, List<ParsedStatement> statements,
                              DeclaredStats.Result declared, IgnoreDirectives.Result ignores,
                              RunWithDirectives.Result runWiths,
                              List<DirectiveComments.Directive> unknownDirectives, boolean unread) {
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

    private record ParsedStatement(ScriptStatement source, Statement statement, StatementOrigin origin) {
    }

    private ScriptOptions scriptOptions() {
        return new ScriptOptions(config.placeholders(), config.replacements(), true,
                config.limits().maxStatementSize());
    }

    /**
     * Parses the files on the analysis threads and hands them to {@code replay} in order, on the caller's thread.
     * At most {@link #AHEAD} files per thread are parsed ahead of the one replayed, so a run holds a few parsed
     * files at a time, whatever their number.
     */
    private void parseInOrder(List<SourceFile> files, ScriptOptions options, Consumer<ParsedFile> replay) {
        if (files.size() <= 1) {
            files.forEach(f -> replay.accept(parse(f, options)));
            return;
        }
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            // A deep stack (reserved, not committed) so that the recursive parsers read the long chains MySQL
            // accepts (a CHECK of thousands of OR terms) whatever the JIT has compiled so far; beyond it a
            // statement is "too deep to read" and gets the worst verdict.
            Thread t = new Thread(null, r, "ddl-lint-file", ANALYSIS_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<ParsedFile>> pending = new ArrayDeque<>();
            int next = 0;
            int window = threads * AHEAD;
            while (next < files.size() || !pending.isEmpty()) {
                while (next < files.size() && pending.size() < window) {
                    SourceFile f = files.get(next++);
                    pending.add(pool.submit(() -> parse(f, options)));
                }
                replay.accept(pending.poll().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SourceFile.UnreadableFileException u) {
                throw u;
            }
            throw new IllegalStateException("analysis failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Files parsed ahead of the replay, per analysis thread: enough to keep the threads busy. */
    private static final int AHEAD = 2;

    private static final long ANALYSIS_STACK_BYTES = 32L << 20;

    private ParsedFile parse(SourceFile file, ScriptOptions options) {
        long maxFileSize = config.limits().maxFileSize();
        if (file.size() > maxFileSize) {
            // Not read (MigrationFiles left it on disk) or dropped unread (a front end had it in memory).
            ScriptProblem tooLarge = new ScriptProblem(ScriptProblem.INPUT_TOO_LARGE, 1, 1, String.format(
                    java.util.Locale.ROOT, "file of %,d bytes is larger than maxFileSize (%,d): it is not read, so "
                            + "none of its statements is checked and the tables it changes are not known after it",
                    file.size(), maxFileSize));
            return new ParsedFile(file.path(), List.of(tooLarge), List.of(), DeclaredStats.of(List.of(),
                    file.path()), IgnoreDirectives.of(List.of(), ignorable, FILE_RULES), RunWithDirectives.of(
                    List.of()), List.of(), true);
        }
        ScriptReadResult script = ScriptReader.read(file.content(), options);
        List<ParsedStatement> statements = new ArrayList<>(script.statements().size());
        Map<String, List<Integer>> calls = calls(script.statements());
        DynamicSql dynamic = new DynamicSql();
        for (ScriptStatement s : script.statements()) {
            if (s.compound() && !s.tooLarge()) {
                addRoutine(s, calls, dynamic, statements);
            } else {
                add(s, StatementOrigin.FILE, dynamic, statements);
            }
        }
        List<DirectiveComments.Directive> directives = DirectiveComments.all(script.text());
        return new ParsedFile(file.path(), script.problems(), statements, DeclaredStats.of(directives, file.path()),
                IgnoreDirectives.of(directives, ignorable, FILE_RULES), RunWithDirectives.of(directives),
                directives.stream()
                .filter(d -> !d.name().equals(DeclaredStats.NAME) && !d.name().equals(IgnoreDirectives.NAME)
                        && !d.name().equals(IgnoreDirectives.FILE_NAME) && !d.name().equals(RunWithDirectives.NAME))
                .toList(), false);
    }

    /**
     * One statement of the file or of a routine body, and the table DDL it holds as strings: assigned to a user
     * variable ({@code SET @s = IF(…, 'ALTER TABLE …', 'SELECT 1')}, analysed where it is assigned) or prepared from
     * a literal; dynamic SQL whose text cannot be known marks the statement ({@code dynamic-ddl-not-checked}).
     */
    private void add(ScriptStatement s, StatementOrigin origin, DynamicSql dynamic, List<ParsedStatement> out) {
        if (s.tooLarge()) {
            // Only its beginning was kept (ScriptScanner): enough for its kind; its input-too-large problem speaks.
            out.add(new ParsedStatement(s, Statement.unparseable(TolerantStatementReader.kindOf(
                    SqlLexer.tokenize(s.sql())), "the statement is longer than maxStatementSize"), origin));
            return;
        }
        Statement st;
        try {
            st = parser.parse(s.sql());
        } catch (RuntimeException e) {
            // A reader bug must not lose the rest of the file: report this statement as not understood.
            st = Statement.unparseable("internal error while reading the statement: " + e);
        } catch (StackOverflowError e) {
            // A long flat chain or deep nesting (MySQL accepts a CHECK of thousands of OR terms) outgrew a
            // recursive parser: not understood, so the worst verdict, and the other statements still count.
            st = Statement.unparseable(TolerantStatementReader.kindOf(SqlLexer.tokenize(s.sql())),
                    "the statement is nested or chained too deeply to read");
        }
        DynamicSql.Prepared prepared = st.kind() == StatementKind.OTHER ? dynamic.prepare(s.sql()) : null;
        StatementOrigin o = prepared != null && prepared.unchecked() != null
                ? origin.withUncheckedDynamic(prepared.unchecked()) : origin;
        st.perTable().forEach(one -> out.add(new ParsedStatement(s, one, o)));
        List<String> strings;
        String label;
        if (st.kind() == StatementKind.SET || (st.kind() == StatementKind.DML && s.sql().regionMatches(true, 0,
                "SELECT", 0, 6))) {
            strings = dynamic.assign(s.sql());
            label = "DDL string for PREPARE in this " + (st.kind() == StatementKind.SET ? "SET" : "SELECT … INTO")
                    + " statement";
        } else {
            strings = prepared == null ? List.of() : prepared.ddl();
            label = "DDL run by this " + (s.sql().regionMatches(true, 0, "PREPARE", 0, 7) ? "PREPARE"
                    : "EXECUTE IMMEDIATE");
        }
        for (String ddl : strings) {
            ScriptStatement source = new ScriptStatement(ddl, ddl, s.line(), s.column(), s.endLine(), s.endColumn(),
                    s.delimiter(), false);
            StatementOrigin where = StatementOrigin.string(origin.prefix() + label);
            parser.parse(ddl).perTable().forEach(one -> out.add(new ParsedStatement(source, one, where)));
        }
    }

    /**
     * CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT and BEGIN NOT ATOMIC: the statements of the body are analysed where
     * the routine is created, at their own positions, and enter the schema replay there; the findings say whether
     * the routine is called in this file. A body that cannot be split fails closed.
     */
    private void addRoutine(ScriptStatement s, Map<String, List<Integer>> calls, DynamicSql dynamic,
                            List<ParsedStatement> out) {
        RoutineBody body = RoutineBody.of(s);
        String what = body.kind().equals("BLOCK") ? "the BEGIN NOT ATOMIC block"
                : body.kind().toLowerCase(java.util.Locale.ROOT) + (body.name() == null ? "" : " `" + body.name() + "`");
        if (body.problem() != null) {
            out.add(new ParsedStatement(s, Statement.unparseable(StatementKind.OTHER, "the body of " + what
                    + " could not be split into statements (" + body.problem() + "), so the DDL it may run is "
                    + "not checked"), StatementOrigin.unreadBody(what)));
            return;
        }
        out.add(new ParsedStatement(s, Statement.simple(StatementKind.OTHER, null), StatementOrigin.FILE));
        String where = "inside " + what + " (" + switch (body.kind()) {
            case "PROCEDURE" -> calls.getOrDefault(key(body.name()), List.of()).stream().filter(l -> l > s.line())
                    .findFirst().map(l -> "created here; it runs at the CALL at line " + l)
                    .orElse("created here, not called in this file");
            case "FUNCTION" -> "created here; it runs wherever the function is used";
            case "TRIGGER" -> "created here; it runs on each row change of `" + body.triggerTable() + "`";
            case "EVENT" -> "created here; it runs on the event's schedule";
            default -> "it runs here";
        } + ")";
        for (ScriptStatement inner : body.statements()) {
            add(inner, StatementOrigin.routine(where), dynamic, out);
        }
    }

    /** CALL name: the lines where each procedure is called. */
    private static Map<String, List<Integer>> calls(List<ScriptStatement> statements) {
        Map<String, List<Integer>> calls = new HashMap<>();
        for (ScriptStatement s : statements) {
            if (s.compound() || !s.sql().regionMatches(true, 0, "CALL", 0, 4)) {
                continue;
            }
            List<Token> t = SqlLexer.tokenize(s.sql());
            if (t.size() >= 2 && t.get(0).is("CALL") && t.get(1).isName()) {
                String name = t.size() >= 4 && t.get(2).isSymbol(".") ? t.get(3).value() : t.get(1).value();
                calls.computeIfAbsent(key(name), k -> new ArrayList<>()).add(s.line());
            }
        }
        return calls;
    }

    private static String key(String name) {
        return name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
    }

    private FileReport replay(ParsedFile file, Schema schema, NewTables newTables, List<Finding> allFindings,
                              Estimation estimation, ReportOnce once) {
        once.nextFile();
        FindingCap findings = new FindingCap(config.limits().maxFindingsPerRule());
        file.declared().declarations().forEach(d -> estimation.declare(d.stats()));
        List<IgnoreDirectives.Problem> directiveProblems = new ArrayList<>(file.ignores().problems());
        file.unknownDirectives().forEach(d -> directiveProblems.add(new IgnoreDirectives.Problem(d.line(),
                "unknown comment ddl-lint:" + d.name() + " (ddl-lint reads ddl-lint:ignore, ddl-lint:ignore-file, "
                        + "ddl-lint:stats and ddl-lint:run-with)")));
        directiveProblems.addAll(file.runWiths().problems());
        RunWithDirectives.Tracker runWithComments = new RunWithDirectives.Tracker(file.runWiths());
        file.declared().problems().forEach(p -> directiveProblems.add(new IgnoreDirectives.Problem(p.line(),
                p.message())));
        IgnoreDirectives.Tracker ignoreComments = new IgnoreDirectives.Tracker(file.ignores());
        for (ScriptProblem p : file.problems()) {
            FileProblemRule rule = BuiltinRules.forProblem(p.code());
            Severity severity = StatementRuleRunner.severityOf(rule.info(), config);
            if (severity != Severity.OFF) {
                findings.add(new Finding(rule.info().id(), severity, file.path(), p.line(), p.column(), p.line(),
                        p.column(), p.message(), rule.help(), ""));
            }
        }
        if (file.unread()) {
            // Whatever it does to the tables is not known: every table replayed so far is unknown after it.
            schema.forgetAll(file.path() + " was not read (it is larger than maxFileSize)");
        }
        boolean badBytes = file.problems().stream().anyMatch(p -> p.code().equals(ScriptProblem.INVALID_ENCODING));
        SessionState session = SessionState.DEFAULT;
        // A routine body's SET statements change the session for the rest of the body only.
        SessionState beforeRoutine = null;
        String routine = null;
        String[] globalNote = {null};
        List<StatementReport> reports = new ArrayList<>();
        for (ParsedStatement parsed : file.statements()) {
            ScriptStatement source = parsed.source();
            Statement statement = parsed.statement();
            StatementOrigin origin = parsed.origin();
            if (origin.kind() != StatementOrigin.Kind.STRING && !java.util.Objects.equals(routine,
                    origin.kind() == StatementOrigin.Kind.ROUTINE ? origin.where() : null)) {
                if (beforeRoutine != null) {
                    session = beforeRoutine;
                }
                routine = origin.kind() == StatementOrigin.Kind.ROUTINE ? origin.where() : null;
                beforeRoutine = routine == null ? null : session;
            }
            List<IgnoreDirectives.Ignore> ignores = ignoreComments.forStatement(source.line(), source.column());
            RunWithDirectives.RunWith runWith = runWithComments.forStatement(source.line(), statement.kind(),
                    statement.parsed() && origin.kind() == StatementOrigin.Kind.FILE);
            session = applySettings(statement, session, source.line(), globalNote);
            TableFacts table = schema.table(statement.table())
                    .map(t -> t.withReferencedColumns(schema.referencedColumns(statement.table()))).orElse(null);
            StatementVerdict verdict = !CLASSIFIED.contains(statement.kind()) ? null
                    : statement.parsed() ? classifier.classify(statement, table, session)
                    : StatementVerdict.notUnderstood();
            String newTableNote = newTables.note(statement, file.path(), config.newTables());
            StatementContext ctx = new StatementContext(statement, verdict, config.target(), table, session, config,
                    file.path(), newTableNote != null, estimation, once, origin, schema.links(statement.table()),
                    source.sql());
            String prefix = origin.prefix();
            String unknownNote = schema.unknownBecause(statement.table()).map(cause -> cause + ", so the state of `"
                    + statement.table().name() + "` after it is unknown").orElse(null);
            String sessionNote = verdict == null ? null
                    : SessionAlgorithm.why(statement.algorithm(), session, config.target());
            List<Finding> statementFindings = new ArrayList<>();
            // One excerpt shared by the statement's findings: a copy each would be clauses x statement size.
            String excerpt = source.rawText().lines().findFirst().orElse("").strip();
            // A statement too large to read has its input-too-large finding; it gets the worst verdict, no others.
            StatementRuleRunner.run(ctx, source.tooLarge() ? List.of() : rules.statementRules(), report -> {
                String m = prefix + report.message() + (sessionNote == null ? "" : " (" + sessionNote + ")");
                if (globalNote[0] != null && verdict != null) {
                    m = m + "; " + globalNote[0];
                    globalNote[0] = null;
                }
                if (unknownNote != null) {
                    m = m + "; " + unknownNote;
                }
                Snippet snippet = new Snippet(source.rawText(), source.line(), source.column(),
                        origin.kind() == StatementOrigin.Kind.STRING, ClauseLocator.locate(source, report.clauses()));
                statementFindings.add(finding(report.rule(), report.severity(), file.path(), source, excerpt, m,
                        report.help(), newTableNote, ignoreComments.allowing(ignores, report.rule().id()), runWith,
                        snippet));
            });
            findings.addAll(FindingFolder.fold(statementFindings, id -> rules.find(id).orElse(null)));
            // The same estimate the rules saw (Estimation computes it once per statement), for the reports.
            StatementEstimate estimate = verdict == null ? null : ctx.estimate();
            estimation.observe(statement);
            if (verdict != null && statement.parsed() && statement.table() != null) {
                boolean instantColumn = verdict.effective().algorithm() == Algorithm.INSTANT && verdict.operations()
                        .stream().anyMatch(c -> c.ddlOperation().isInstantAddDrop());
                schema.recordRowVersions(statement.table(), instantColumn, verdict.effective().rebuildsTable());
            }
            boolean existsLive = schema.table(statement.table()).map(t -> t.origin().equals(LiveSchema.ORIGIN))
                    .orElse(false);
            if (origin.kind() == StatementOrigin.Kind.STRING) {
                // DDL in a string may not run (one branch of an IF): what it touches becomes unknown.
                schema.applyUncertain(statement);
            } else {
                schema.apply(statement, file.path() + ":" + source.line());
            }
            String notRead = source.tooLarge() ? " was not read (the statement is larger than maxStatementSize)"
                    : badBytes && source.sql().indexOf('\uFFFD') >= 0 ? " was not read as written (bytes that are "
                    + "not valid in its encoding became replacement characters)" : null;
            if (notRead != null) {
                forgetUnread(schema, statement, source, file.path() + ":" + source.line() + notRead);
            }
            if (source.compound() && statement.parsed()) {
                // CREATE TRIGGER: gh-ost refuses the table (Help.shadowTable).
                RoutineBody body = RoutineBody.of(source);
                if (body.triggerTable() != null) {
                    schema.recordTrigger(body.triggerTable(), body.name());
                }
            }
            newTables.observe(source, statement, origin, file.path(), existsLive);
            reports.add(new StatementReport(source, statement, verdict, origin.embedded(), origin.where(), estimate,
                    runWith));
        }
        directiveProblems.addAll(ignoreComments.unapplied());
        directiveProblems.addAll(runWithComments.unapplied());
        FileProblemRule directives = BuiltinRules.forProblem(InvalidDirective.PROBLEM);
        Severity directiveSeverity = StatementRuleRunner.severityOf(directives.info(), config);
        if (directiveSeverity != Severity.OFF) {
            directiveProblems.stream().sorted(Comparator.comparingInt(IgnoreDirectives.Problem::line))
                    .forEach(p -> findings.add(new Finding(directives.info().id(), directiveSeverity, file.path(),
                            p.line(), 1, p.line(), 1, p.message(), directives.help(), "")));
        }
        allFindings.addAll(findings.findings());
        return new FileReport(file.path(), reports);
    }

    /** Statements that may change a table's definition (OTHER: a routine or a kind not known may run any DDL). */
    private static final Set<StatementKind> RESHAPING = EnumSet.of(StatementKind.CREATE_TABLE,
            StatementKind.ALTER_TABLE, StatementKind.CREATE_INDEX, StatementKind.DROP_INDEX,
            StatementKind.RENAME_TABLE, StatementKind.DROP_TABLE, StatementKind.OTHER);

    /**
     * A statement that was not read (too large, or with bytes lost to the encoding) leaves the table it changes
     * unknown, read from what was kept of it; when that table cannot be known, every table.
     */
    private static void forgetUnread(Schema schema, Statement statement, ScriptStatement source, String cause) {
        if (!RESHAPING.contains(statement.kind())) {
            return; // DML, SET, TRUNCATE, OPTIMIZE: the tables keep their definitions
        }
        TableName table = statement.table();
        if (table == null && statement.kind() != StatementKind.OTHER && statement.kind() != StatementKind.RENAME_TABLE) {
            try {
                // The beginning kept of a too-large statement names its table (ALTER TABLE t …).
                table = TolerantStatementReader.read(source.sql()).table();
            } catch (RuntimeException | StackOverflowError e) {
                table = null;
            }
        }
        if (table == null || statement.kind() == StatementKind.RENAME_TABLE || statement.kind() == StatementKind.OTHER) {
            schema.forgetAll(cause);
        } else {
            schema.forget(table, cause);
        }
    }

    private Finding finding(RuleInfo info, Severity severity, String path, ScriptStatement source, String excerpt,
                            String message, String help, String newTableNote, IgnoreDirectives.Ignore allowedBy,
                            RunWithDirectives.RunWith runWith, Snippet snippet) {
        Severity s = severity;
        String m = message;
        if (newTableNote != null && info.risk().harmlessOnNewTable()) {
            s = Severity.INFO;
            m = message + "; " + newTableNote;
        }
        if (runWith != null && RunWithDirectives.MOOT.contains(info.category())) {
            s = Severity.INFO;
            m = m + "; " + runWith.note();
        } else if (allowedBy != null) {
            s = Severity.INFO;
            m = m + "; allowed by the " + allowedBy.directive() + " comment at line " + allowedBy.line() + ": "
                    + allowedBy.reason();
        }
        return new Finding(info.id(), s, path, source.line(), source.column(), source.endLine(), source.endColumn(),
                m, help, excerpt, snippet, List.of());
    }

    /** Variables whose GLOBAL setting a migration may mistake for its own session's. */
    private static final Set<String> VERDICT_SETTINGS = Set.of("foreign_key_checks", "lock_wait_timeout",
            "old_alter_table", "alter_algorithm");

    private static SessionState applySettings(Statement statement, SessionState session, int line,
                                              String[] globalNote) {
        SessionState s = session;
        for (Statement.SessionSetting setting : statement.settings()) {
            String value = setting.value().trim().toLowerCase(java.util.Locale.ROOT);
            String setBy = "SET " + setting.name() + "=" + setting.value().trim() + " at line " + line;
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
                // ON/1 (MySQL), 1/COPY (MariaDB's alias of alter_algorithm); a value not known is taken as ON.
                case "old_alter_table" -> {
                    switch (value) {
                        case "0", "off", "false", "default" -> s = s.withOldAlterTable(false, setBy)
                                .withAlterAlgorithm(null, setBy);
                        case "instant", "nocopy", "inplace" -> s = s.withOldAlterTable(false, setBy)
                                .withAlterAlgorithm(value.toUpperCase(java.util.Locale.ROOT), setBy);
                        default -> s = s.withOldAlterTable(true, setBy);
                    }
                }
                case "alter_algorithm" -> {
                    switch (value) {
                        // MariaDB: old_alter_table is an alias of this variable, so it goes too.
                        case "default" -> s = s.withOldAlterTable(false, setBy).withAlterAlgorithm(null, setBy);
                        case "copy", "inplace", "nocopy", "instant" -> s = s.withOldAlterTable(false, setBy)
                                .withAlterAlgorithm(
                                value.toUpperCase(java.util.Locale.ROOT), setBy);
                        default -> s = s.withAlterAlgorithm("COPY", setBy + " (value not known: COPY assumed)");
                    }
                }
                // ERROR (the default) refuses to recreate a system-versioned table; a value not known is taken as KEEP.
                case "system_versioning_alter_history" -> s = s.withAlterHistoryKept(!value.equals("error")
                        && !value.equals("default") && !value.equals("0"));
                default -> {
                    String name = setting.name();
                    if (name.startsWith("global.") && VERDICT_SETTINGS.contains(name.substring(7))) {
                        globalNote[0] = "SET GLOBAL " + name.substring(7) + " at line " + line + " does not change "
                                + "this session, so ddl-lint keeps the session's value";
                    }
                }
            }
        }
        return s;
    }
}
