package dev.ddllint.estimate;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.kb.DdlOperation;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.kb.Verdict;
import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.OperationKind;
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
            s.operations().stream().filter(o -> o.kind() == OperationKind.ADD_FOREIGN_KEY && o.index() != null)
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
        List<String> working = new ArrayList<>();
        List<String> assumptions = new ArrayList<>();
        boolean concurrent = eff.algorithm() == Algorithm.INPLACE && !eff.blocksWrites();
        String what = switch (work) {
            case TABLE_REBUILD -> eff.algorithm() == Algorithm.COPY ? "table copy (" + eff + ")"
                    : "table rebuild (" + eff + ")";
            case INDEX_BUILD -> "secondary-index build of " + String.join(", ", indexOps.stream()
                    .map(c -> c.operation().index().name() == null ? "(unnamed)" : "`" + c.operation().index().name()
                            + "`").toList()) + " (" + eff + ")";
        };
        working.add("estimate for " + display + ", " + what + ":");

        TableStats size = r.size();
        double rows = size.rows() != null ? size.rows() : 0;
        double data;
        String dataNote = "";
        if (size.dataLength() != null) {
            data = size.dataLength();
        } else {
            data = rows * size.avgRowLength();
            dataNote = " (rows × avgRow)";
        }
        double index = size.indexLength() != null ? size.indexLength() : 0;
        working.add(input("D, clustered index", Units.bytes(data) + dataNote, size.source()));
        working.add(input("X, secondary indexes", Units.bytes(index) + (size.indexLength() == null
                ? " (not given: 0 assumed)" : ""), size.source()));
        if (size.rows() != null) {
            working.add(input("N, rows", "~" + Units.count(rows), size.source()));
        }

        Input theta = work == RowLogEstimator.Work.TABLE_REBUILD ? settings.rebuildThroughputInput()
                : settings.indexThroughputInput();
        working.add(input("θ, throughput", Units.rate(theta.value()), theta.source()));

        // Row-log inputs.
        ServerStats server = liveServer != null ? liveServer : snapshotServer;
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

        double record = 0;
        double pk = 0;
        boolean pkChanges = verdict.operations().stream().anyMatch(c -> KEY_CHANGES.contains(c.ddlOperation()));
        List<Double> entries = new ArrayList<>();
        double share = settings.indexedUpdateShareInput().value();
        RowLogEstimator.Rates rates = null;
        if (concurrent) {
            RowSizes.Width pkWidth = RowSizes.pkBytes(table);
            pk = pkWidth.bytes();
            assumptions.addAll(pkWidth.assumptions());
            if (work == RowLogEstimator.Work.TABLE_REBUILD) {
                Double avg = size.avgRowLength() != null && size.avgRowLength() > 0 ? size.avgRowLength()
                        : rows > 0 ? data / rows : null;
                Optional<Double> bound = RowSizes.recordUpperBound(table);
                String source;
                if (avg != null && bound.isPresent()) {
                    record = Math.min(avg, bound.get());
                    source = "min(avg row " + Units.bytes(avg) + " [" + size.source() + "], column widths "
                            + Units.bytes(bound.get()) + " [" + table.origin() + "])";
                } else if (avg != null) {
                    record = avg;
                    source = (size.avgRowLength() != null ? "AVG_ROW_LENGTH" : "D / N") + ", " + size.source()
                            + "; an upper bound";
                } else if (bound.isPresent()) {
                    record = bound.get();
                    source = "column widths, " + table.origin();
                } else {
                    record = Double.NaN;
                    source = "unknown: give rows= or avgRow=, or the table's CREATE TABLE";
                }
                working.add(input("r, clustered record", Units.bytes(record), source));
                working.add(input("pk, PRIMARY KEY", Units.bytes(pk), table == null ? "assumed"
                        : "column types, " + table.origin()));
            } else {
                for (ClassifiedOperation c : indexOps) {
                    RowSizes.Width w = RowSizes.indexEntryBytes(table, c.operation().index());
                    entries.add(w.bytes());
                    assumptions.addAll(w.assumptions());
                    working.add(input("k, entry of " + (c.operation().index().name() == null ? "the index"
                            : "`" + c.operation().index().name() + "`"), Units.bytes(w.bytes())
                            + " (1 + key + pk)", table == null ? "assumed" : "column types, " + table.origin()));
                }
                Input s = settings.indexedUpdateShareInput();
                working.add(input("share of UPDATEs changing the indexed columns", Units.factor(s.value()),
                        s.source()));
            }
            if (r.rates() != null) {
                TableStats w = r.rates();
                rates = new RowLogEstimator.Rates(zero(w.insertsPerSecond()), zero(w.updatesPerSecond()),
                        zero(w.deletesPerSecond()));
                working.add(input("i, u, d, rows written", "inserts " + Units.perSecond(rates.inserts())
                        + ", updates " + Units.perSecond(rates.updates()) + ", deletes "
                        + Units.perSecond(rates.deletes()), w.source() + (w.ratesMethod() == null ? ""
                        : ": " + w.ratesMethod())));
            } else if (settings.hasDefaultRates()) {
                rates = new RowLogEstimator.Rates(zero(settings.insertsPerSecond()),
                        zero(settings.updatesPerSecond()), zero(settings.deletesPerSecond()));
                working.add(input("i, u, d, rows written", "inserts " + Units.perSecond(rates.inserts())
                        + ", updates " + Units.perSecond(rates.updates()) + ", deletes "
                        + Units.perSecond(rates.deletes()), "configured default: estimate.writes"));
            } else {
                working.add(input("i, u, d, rows written", "unknown", "no live performance_schema, snapshot, "
                        + "ddl-lint:stats line or estimate.writes"));
            }
            working.add(input("L_max, B", Units.bytes(logMax.value()) + ", " + Units.bytes(block.value()),
                    logMax.source().equals(block.source()) ? logMax.source()
                            : logMax.source() + "; " + block.source()));
        }

        if (Double.isNaN(record)) {
            record = 0;
            rates = null; // without the record size, the bytes per logged row are not known
        }
        RowLogEstimator.Result result = RowLogEstimator.estimate(new RowLogEstimator.Request(work, data, index,
                theta.value(), record, pk, pkChanges, entries, share, rates, concurrent, (long) logMax.value(),
                (long) block.value(), settings.safety()));

        working.add("  T = " + (work == RowLogEstimator.Work.TABLE_REBUILD ? "(D + X) / θ = " + Units.bytes(data
                + index) : "D / θ = " + Units.bytes(data)) + " / " + Units.rate(theta.value()) + " ≈ "
                + Units.seconds(result.seconds()));
        if (!concurrent) {
            working.add("  no row log: writes to the table wait for the whole " + Units.seconds(result.seconds())
                    + " (" + eff + ")");
        } else if (result.rowBytes() != null) {
            RowLogEstimator.RowBytes b = result.rowBytes();
            working.add("  bytes per logged row: " + (work == RowLogEstimator.Work.TABLE_REBUILD
                    ? "insert 3 + r = " + Units.bytes(b.insert()) + ", update " + (pkChanges
                    ? "3 + r + 1 + pk + 13 = " : "3 + r = ") + Units.bytes(b.update()) + ", delete 4 + pk + 13 = "
                    + Units.bytes(b.delete())
                    : "insert 9 + k = " + Units.bytes(b.insert()) + ", update share × (12 + 2k) = "
                    + Units.bytes(b.update()) + ", delete 3 + k = " + Units.bytes(b.delete())
                    + (entries.size() > 1 ? " (the largest of " + entries.size() + " indexes, one log each)" : "")));
            if (result.logRate() == null) {
                working.add("  row log not estimated: " + (r.rates() == null && !settings.hasDefaultRates()
                        ? "the write rate is unknown" : "the record size is unknown"));
            } else {
                working.add("  rate = i·b_ins + u·b_upd + d·b_del = " + figure(rates.inserts()) + "·"
                        + Units.bytes(b.insert()) + " + " + figure(rates.updates()) + "·" + Units.bytes(b.update())
                        + " + " + figure(rates.deletes()) + "·" + Units.bytes(b.delete()) + " = "
                        + Units.rate(result.logRate()));
                double withSafety = result.peakLogBytes() * settings.safety();
                Double margin = result.marginFactor();
                String verdictText = Boolean.TRUE.equals(result.overflow())
                        ? (result.certain() ? "OVERFLOW: the estimate alone is " + Units.factor(
                        result.peakLogBytes() / result.ceiling()) + "× what the log holds"
                        : "MAY OVERFLOW: fits only without the safety margin")
                        : "fits" + (margin == null || margin.isInfinite() ? "" : margin > 1000 ? ", over 1,000× margin"
                        : ", " + Units.factor(margin) + "× margin");
                working.add("  peak ≈ rate × T = " + Units.bytes(result.peakLogBytes()) + "; × safety "
                        + Units.factor(settings.safety()) + " = " + Units.bytes(withSafety) + (Boolean.TRUE.equals(
                        result.overflow()) ? " ≥ " : " < ") + "ceiling max(L_max − B, B) = "
                        + Units.bytes(result.ceiling()) + ": " + verdictText);
            }
        }
        liveNotes.forEach(n -> assumptions.add(n));
        if (!assumptions.isEmpty()) {
            working.add("  assumed: " + String.join("; ", new LinkedHashSet<>(assumptions)));
        }

        List<String> limits = new ArrayList<>();
        if (result.seconds() >= settings.maxDuration()) {
            limits.add("at or above estimate.maxDuration, " + Units.seconds(settings.maxDuration()));
        }
        if (settings.maxTableSize() != null && data + index >= settings.maxTableSize()) {
            limits.add("the table, " + Units.bytes(data + index) + ", is at or above estimate.maxTableSize, "
                    + Units.bytes(settings.maxTableSize()));
        }
        Escalation.Plan plan = null;
        if (!limits.isEmpty() || Boolean.TRUE.equals(result.overflow())) {
            ConnectionHint hint = server != null && server.connection() != null ? server.connection() : null;
            plan = Escalation.plan(statement, r.schema(), hint, escalationFacts(r, table, verdict), target);
        }
        return new StatementEstimate(StatementEstimate.Status.ESTIMATED, display, work, result, working, limits,
                plan, null, new StatementEstimate.Limits(settings.maxDuration(), settings.safety()));
    }

    private Escalation.TableFacts escalationFacts(Resolved r, TableFacts table, StatementVerdict verdict) {
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
                && c.operation().kind() == OperationKind.ADD_INDEX);
        boolean renames = verdict.operations().stream().anyMatch(c -> c.operation().kind()
                == OperationKind.RENAME_COLUMN || c.operation().kind() == OperationKind.CHANGE_COLUMN
                && c.operation().definition() != null && c.operation().column() != null
                && !c.operation().column().equalsIgnoreCase(c.operation().definition().name()));
        return new Escalation.TableFacts(hasKey, fks, children, triggers, changesKey, addsUnique, renames);
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

    private static String input(String what, String value, String source) {
        return "  " + what + " = " + value + "   [" + source + "]";
    }

    /** A rate without its unit: {@code 1,500}, {@code 2.5}, {@code 0.001}. */
    private static String figure(double perSecond) {
        String s = Units.perSecond(perSecond);
        return s.substring(0, s.length() - 2);
    }

    private static double zero(Double d) {
        return d == null ? 0 : d;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
