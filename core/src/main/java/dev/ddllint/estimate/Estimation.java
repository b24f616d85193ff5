package dev.ddllint.estimate;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.kb.DdlOperation;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.kb.Verdict;
import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;
import dev.ddllint.model.TableName;
import dev.ddllint.schema.TableFacts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The estimates of one analysis. It gathers the inputs best first — a live server, then a statistics snapshot,
 * then {@code -- ddl-lint:stats} lines of the migrations, then the configuration — and remembers where each one came
 * from, so every finding can show its working. One per analysis; not thread-safe.
 */
public final class Estimation {

    static final Set<DdlOperation> INDEX_BUILDS = EnumSet.of(DdlOperation.ADD_INDEX, DdlOperation.ADD_FULLTEXT_INDEX,
            DdlOperation.ADD_FULLTEXT_INDEX_FIRST, DdlOperation.ADD_SPATIAL_INDEX);
    static final Set<DdlOperation> KEY_CHANGES = EnumSet.of(DdlOperation.ADD_PRIMARY_KEY,
            DdlOperation.DROP_PRIMARY_KEY, DdlOperation.REPLACE_PRIMARY_KEY);

    private final EstimateSettings settings;
    private final StatisticsSource live;
    private final StatisticsSource snapshot;
    private final String snapshotProblem;
    private final Map<String, TableStats> declared = new LinkedHashMap<>();
    /** Foreign keys seen in the replayed migrations, by referenced table name (lower case): "child.fk". */
    private final Map<String, Set<String>> modelChildren = new LinkedHashMap<>();
    private final List<TableStats> liveTables = new ArrayList<>();
    private final List<TableStats> snapshotTables = new ArrayList<>();
    private ServerStats liveServer;
    private ServerStats snapshotServer;
    private final List<String> liveNotes = new ArrayList<>();
    private final IdentityHashMap<Statement, StatementEstimate> cache = new IdentityHashMap<>();

    /**
     * @param live            a live server, or {@link StatisticsSource#NONE}
     * @param snapshot        a statistics snapshot, or {@link StatisticsSource#NONE}
     * @param snapshotProblem why the configured snapshot is not used (e.g. the file does not exist), or null
     */
    public Estimation(EstimateSettings settings, StatisticsSource live, StatisticsSource snapshot,
                      String snapshotProblem) {
        this.settings = settings == null ? EstimateSettings.DEFAULT : settings;
        this.live = live == null ? StatisticsSource.NONE : live;
        this.snapshot = snapshot == null ? StatisticsSource.NONE : snapshot;
        this.snapshotProblem = snapshotProblem;
    }

    /** No sources but the configuration. */
    public static Estimation of(EstimateSettings settings) {
        return new Estimation(settings, StatisticsSource.NONE, StatisticsSource.NONE, null);
    }

    public EstimateSettings settings() {
        return settings;
    }

    /** Asks the live server and the snapshot once about every table the migrations mention. */
    public void prefetch(Collection<TableName> tables) {
        if (live != StatisticsSource.NONE) {
            try {
                liveServer = live.server().orElse(null);
                liveTables.addAll(live.tables(tables));
                if (live instanceof LiveStatistics l) {
                    liveNotes.addAll(l.notes());
                }
            } catch (Exception e) {
                liveNotes.add("live statistics could not be read (" + firstLine(e) + ")");
            }
        }
        if (snapshot != StatisticsSource.NONE) {
            try {
                snapshotServer = snapshot.server().orElse(null);
                snapshotTables.addAll(snapshot.tables(tables));
            } catch (Exception e) {
                liveNotes.add("the statistics snapshot could not be read (" + firstLine(e) + ")");
            }
        }
    }

    /** A {@code -- ddl-lint:stats} line: applies from now on; a later line for the same table replaces it. */
    public void declare(TableStats stats) {
        declared.put(stats.key(), stats);
    }

    /** Follows the replayed migrations for the foreign keys that point at each table (for the escalation). */
    public void observe(Statement s) {
        if (!s.parsed() || s.table() == null) {
            return;
        }
        List<IndexDefinition> fks = new ArrayList<>();
        if (s.kind() == StatementKind.CREATE_TABLE && s.createTable() != null) {
            s.createTable().indexes().stream().filter(i -> i.kind() == IndexKind.FOREIGN).forEach(fks::add);
        } else if (s.kind() == StatementKind.ALTER_TABLE) {
            s.operations().stream().filter(o -> o.kind() == ClauseKind.ADD_FOREIGN_KEY && o.index() != null)
                    .forEach(o -> fks.add(o.index()));
        }
        for (IndexDefinition fk : fks) {
            if (fk.referencedTable() != null) {
                String parent = fk.referencedTable().replace("`", "");
                parent = parent.contains(".") ? parent.substring(parent.lastIndexOf('.') + 1) : parent;
                modelChildren.computeIfAbsent(parent.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                        .add(s.table().name() + "." + (fk.name() == null ? "(unnamed)" : fk.name()));
            }
        }
    }

    /**
     * True when statistics were asked for: a live server, a snapshot (configured, even when missing),
     * {@code -- ddl-lint:stats} lines seen so far, or configured tables. Without any, estimates are simply off and
     * nothing says so per run.
     */
    public boolean hasAnySource() {
        return live != StatisticsSource.NONE || snapshot != StatisticsSource.NONE || snapshotProblem != null
                || !declared.isEmpty() || !settings.tables().isEmpty();
    }

    /**
     * The estimate for one statement (computed once; later calls return the same).
     *
     * @param table    the table's definition before the statement, or null
     * @param newTable the table was created earlier in the analysed migrations (in the configured scope): empty
     */
    public StatementEstimate estimate(Statement statement, StatementVerdict verdict, TableFacts table,
                                      boolean newTable, TargetServer target) {
        StatementEstimate cached = cache.get(statement);
        if (cached == null) {
            cached = compute(statement, verdict, table, newTable, target);
            cache.put(statement, cached);
        }
        return cached;
    }

    private StatementEstimate compute(Statement statement, StatementVerdict verdict, TableFacts table,
                                      boolean newTable, TargetServer target) {
        if (verdict == null || statement.table() == null || newTable) {
            return StatementEstimate.NOT_APPLICABLE;
        }
        Verdict eff = verdict.effective();
        List<ClassifiedOperation> indexOps = verdict.operations().stream()
                .filter(c -> INDEX_BUILDS.contains(c.ddlOperation()) && c.operation().index() != null).toList();
        RowLogEstimator.Work work;
        if (eff.rebuildsTable() || eff.algorithm() == Algorithm.COPY) {
            work = RowLogEstimator.Work.TABLE_REBUILD;
        } else if (eff.algorithm() == Algorithm.INPLACE && !indexOps.isEmpty()) {
            work = RowLogEstimator.Work.INDEX_BUILD;
        } else {
            return StatementEstimate.NOT_APPLICABLE;
        }
        TableName name = statement.table();
        Resolved r = resolve(name);
        String display = "`" + (r.schema() == null ? "" : r.schema() + "`.`") + name.name() + "`";
        if (r.size() == null) {
            return StatementEstimate.noStatistics(display, work, noStatisticsReason(name));
        }
        EstimateFigures figures = figures(display, work, eff, indexOps, r, table, verdict);
        RowLogEstimator.Result result = RowLogEstimator.estimate(figures.request());
        double tableBytes = figures.data().value() + figures.index().value();
        List<String> limits = new ArrayList<>();
        if (result.seconds() >= settings.maxDuration()) {
            limits.add("at or above estimate.maxDuration, " + Units.seconds(settings.maxDuration()));
        }
        if (settings.maxTableSize() != null && tableBytes >= settings.maxTableSize()) {
            limits.add("the table, " + Units.bytes(tableBytes) + ", is at or above estimate.maxTableSize, "
                    + Units.bytes(settings.maxTableSize()));
        }
        Escalation.Plan plan = null;
        if (!limits.isEmpty() || Boolean.TRUE.equals(result.overflow())) {
            ServerStats server = server();
            ConnectionHint hint = server != null && server.connection() != null ? server.connection() : null;
            plan = Escalation.plan(statement, r.schema(), hint, blockerFacts(r, table, verdict), target);
        }
        return new StatementEstimate(StatementEstimate.Status.ESTIMATED, display, work, result,
                EstimateWorking.lines(figures, result), limits, plan, null,
                new StatementEstimate.Limits(settings.maxDuration(), settings.safety()));
    }

    /** The live server's variables, else the snapshot's, else null. */
    private ServerStats server() {
        return liveServer != null ? liveServer : snapshotServer;
    }

    /** Every input of the estimate, each from the best source that has it, with that source. */
    private EstimateFigures figures(String display, RowLogEstimator.Work work, Verdict eff,
                                    List<ClassifiedOperation> indexOps, Resolved r, TableFacts table,
                                    StatementVerdict verdict) {
        TableStats size = r.size();
        double rows = size.rows() != null ? size.rows() : 0;
        double data = size.dataLength() != null ? size.dataLength() : rows * size.avgRowLength();
        double index = size.indexLength() != null ? size.indexLength() : 0;
        Input theta = work == RowLogEstimator.Work.TABLE_REBUILD ? settings.rebuildThroughputInput()
                : settings.indexThroughputInput();
        ServerStats server = server();
        Input logMax = server != null && server.onlineAlterLogMaxSize() != null
                ? Input.of(server.onlineAlterLogMaxSize(), server.source())
                : settings.onlineAlterLogMaxSize() != null
                ? Input.of(settings.onlineAlterLogMaxSize(), "configured: estimate.onlineAlterLogMaxSize")
                : Input.of(EstimateSettings.DEFAULT_ONLINE_ALTER_LOG_MAX_SIZE, "server default");
        Input block = server != null && server.sortBufferSize() != null
                ? Input.of(server.sortBufferSize(), server.source())
                : settings.sortBufferSize() != null
                ? Input.of(settings.sortBufferSize(), "configured: estimate.sortBufferSize")
                : Input.of(EstimateSettings.DEFAULT_SORT_BUFFER_SIZE, "server default");
        boolean concurrent = eff.algorithm() == Algorithm.INPLACE && !eff.blocksWrites();
        boolean pkChanges = verdict.operations().stream().anyMatch(c -> KEY_CHANGES.contains(c.ddlOperation()));

        List<String> assumptions = new ArrayList<>();
        Input record = null;
        Input pk = null;
        List<EstimateFigures.IndexEntry> entries = new ArrayList<>();
        RowLogEstimator.Rates rates = null;
        String ratesSource = null;
        if (concurrent) {
            String widthsSource = table == null ? "assumed" : "column types, " + table.origin();
            RowSizes.Width pkWidth = RowSizes.pkBytes(table);
            pk = Input.of(pkWidth.bytes(), widthsSource);
            assumptions.addAll(pkWidth.assumptions());
            if (work == RowLogEstimator.Work.TABLE_REBUILD) {
                record = recordSize(size, rows, data, table);
            } else {
                for (ClassifiedOperation c : indexOps) {
                    RowSizes.Width w = RowSizes.indexEntryBytes(table, c.operation().index());
                    entries.add(new EstimateFigures.IndexEntry(c.operation().index().name(),
                            Input.of(w.bytes(), widthsSource)));
                    assumptions.addAll(w.assumptions());
                }
            }
            if (r.rates() != null) {
                TableStats w = r.rates();
                rates = new RowLogEstimator.Rates(zero(w.insertsPerSecond()), zero(w.updatesPerSecond()),
                        zero(w.deletesPerSecond()));
                ratesSource = w.source() + (w.ratesMethod() == null ? "" : ": " + w.ratesMethod());
            } else if (settings.hasDefaultRates()) {
                rates = new RowLogEstimator.Rates(zero(settings.insertsPerSecond()),
                        zero(settings.updatesPerSecond()), zero(settings.deletesPerSecond()));
                ratesSource = "configured default: estimate.writes";
            }
        }
        assumptions.addAll(liveNotes);
        return new EstimateFigures(display, work, eff, indexOps.stream().map(c -> c.operation().index()).toList(),
                Input.of(data, size.source()), size.dataLength() == null, Input.of(index, size.source()),
                size.indexLength() != null, size.rows() != null ? Input.of(rows, size.source()) : null, theta,
                concurrent, record, pk, entries, settings.indexedUpdateShareInput(), rates, ratesSource, logMax,
                block, pkChanges, settings.safety(), assumptions);
    }

    /**
     * r for the rebuild log: the smaller of the average row and what the column widths allow, or whichever of the two
     * is known; NaN when neither is.
     */
    private static Input recordSize(TableStats size, double rows, double data, TableFacts table) {
        Double avg = size.avgRowLength() != null && size.avgRowLength() > 0 ? size.avgRowLength()
                : rows > 0 ? data / rows : null;
        Optional<Double> bound = RowSizes.recordUpperBound(table);
        if (avg != null && bound.isPresent()) {
            return Input.of(Math.min(avg, bound.get()), "min(avg row " + Units.bytes(avg) + " [" + size.source()
                    + "], column widths " + Units.bytes(bound.get()) + " [" + table.origin() + "])");
        } else if (avg != null) {
            return Input.of(avg, (size.avgRowLength() != null ? "AVG_ROW_LENGTH" : "D / N") + ", " + size.source()
                    + "; an upper bound");
        } else if (bound.isPresent()) {
            return Input.of(bound.get(), "column widths, " + table.origin());
        }
        return Input.of(Double.NaN, "unknown: give rows= or avgRow=, or the table's CREATE TABLE");
    }

    private Escalation.BlockerFacts blockerFacts(Resolved r, TableFacts table, StatementVerdict verdict) {
        TableStats deps = r.dependencies();
        Boolean hasKey = null;
        if (deps != null && deps.hasPrimaryKey() != null) {
            hasKey = deps.hasPrimaryKey() || deps.uniqueNotNullKeys() != null && !deps.uniqueNotNullKeys().isEmpty();
        } else if (table != null) {
            hasKey = table.hasPrimaryKey() || table.implicitPrimaryKey().isPresent();
        }
        List<String> fks = deps != null ? deps.foreignKeys() : null;
        if (fks == null && table != null) {
            fks = table.indexes().stream().filter(i -> i.kind() == IndexKind.FOREIGN)
                    .map(i -> (i.name() == null ? "(unnamed)" : i.name()) + " → " + i.referencedTable()).toList();
        }
        List<String> children = deps != null ? deps.referencedBy() : null;
        Set<String> model = modelChildren.get(r.name().toLowerCase(Locale.ROOT));
        if (children == null && model != null) {
            children = List.copyOf(model);
        }
        List<String> triggers = deps != null ? deps.triggers() : null;
        boolean changesKey = verdict.operations().stream().anyMatch(c -> c.ddlOperation()
                == DdlOperation.DROP_PRIMARY_KEY || c.ddlOperation() == DdlOperation.REPLACE_PRIMARY_KEY);
        boolean addsUnique = verdict.operations().stream().anyMatch(c -> c.operation().index() != null
                && c.operation().index().kind() == IndexKind.UNIQUE
                && c.operation().kind() == ClauseKind.ADD_INDEX);
        boolean renames = verdict.operations().stream().anyMatch(c -> c.operation().kind()
                == ClauseKind.RENAME_COLUMN || c.operation().kind() == ClauseKind.CHANGE_COLUMN
                && c.operation().definition() != null && c.operation().column() != null
                && !c.operation().column().equalsIgnoreCase(c.operation().definition().name()));
        return new Escalation.BlockerFacts(hasKey, fks, children, triggers, changesKey, addsUnique, renames);
    }

    /** The inputs for one table, each group from the best source that has it. */
    private record Resolved(String name, String schema, TableStats size, TableStats rates, TableStats dependencies) {
    }

    private Resolved resolve(TableName name) {
        List<TableStats> candidates = new ArrayList<>();
        match(liveTables, name).ifPresent(candidates::add);
        match(snapshotTables, name).ifPresent(candidates::add);
        match(declared.values(), name).ifPresent(candidates::add);
        match(configured(), name).ifPresent(candidates::add);
        TableStats size = candidates.stream().filter(TableStats::hasSize).findFirst().orElse(null);
        TableStats rates = candidates.stream().filter(TableStats::hasRates).findFirst().orElse(null);
        TableStats deps = candidates.stream().filter(t -> t.triggers() != null || t.foreignKeys() != null
                || t.hasPrimaryKey() != null).findFirst().orElse(null);
        String schema = name.schema() != null ? name.schema()
                : candidates.stream().map(TableStats::schema).filter(s -> s != null).findFirst().orElse(null);
        return new Resolved(name.name(), schema, size, rates, deps);
    }

    private List<TableStats> configured() {
        List<TableStats> l = new ArrayList<>();
        settings.tables().forEach((k, v) -> l.add(v));
        return l;
    }

    private static Optional<TableStats> match(Collection<TableStats> list, TableName n) {
        for (TableStats t : list) {
            if (!t.table().equalsIgnoreCase(n.name())) {
                continue;
            }
            if (n.schema() == null || t.schema() == null || t.schema().equalsIgnoreCase(n.schema())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private String noStatisticsReason(TableName name) {
        List<String> tried = new ArrayList<>();
        tried.add(live == StatisticsSource.NONE ? "no live connection (--jdbc-url)"
                : "not found on the live server");
        if (snapshotProblem != null) {
            tried.add(snapshotProblem);
        } else {
            tried.add(snapshot == StatisticsSource.NONE ? "no statistics snapshot (estimate.statsFile)"
                    : "not in the " + snapshot.describe());
        }
        tried.add("no '-- ddl-lint:stats " + name.name() + " …' line");
        liveNotes.forEach(tried::add);
        return "no statistics for `" + name.name() + "`: " + String.join(", ", tried);
    }

    private static double zero(Double d) {
        return d == null ? 0 : d;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
