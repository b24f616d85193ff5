package dev.ddllint.kb;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.InheritedCharset;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.RequestedAlgorithm;
import dev.ddllint.model.RequestedLock;
import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;
import dev.ddllint.schema.TableFacts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Combines the operations of one statement the way the server does: the statement gets the weakest algorithm
 * and the strongest lock of its operations, INSTANT operations fall back when another one is not INSTANT, and
 * explicit ALGORITHM=/LOCK= clauses either change the outcome or make the server refuse the statement. The
 * combination rules that are not a plain "weakest wins" were found by the oracle suite (OnlineDdlOracleTest).
 */
public final class StatementClassifier {

    /**
     * MariaDB: renames, index visibility, collation changes, VARCHAR extensions and foreign-key drops, instant alone,
     * next to a table option: NOCOPY (oracle, differential).
     */
    private static final Set<DdlOperation> MARIADB_RENAMES = EnumSet.of(DdlOperation.RENAME_COLUMN,
            DdlOperation.RENAME_INDEX, DdlOperation.INDEX_VISIBILITY, DdlOperation.COLUMN_COLLATION_CHANGE,
            DdlOperation.VARCHAR_EXTEND_SAME_PREFIX, DdlOperation.DROP_FOREIGN_KEY);
    /**
     * Table options that change metadata only (the server's CHANGE_CREATE_OPTION without a rebuild of its own).
     * MariaDB: a RENAME COLUMN next to one of these (all instant alone) makes the statement NOCOPY (oracle).
     */
    private static final Set<DdlOperation> METADATA_TABLE_OPTION_OPS = EnumSet.of(DdlOperation.TABLE_COMMENT,
            DdlOperation.TABLE_OPTION_METADATA, DdlOperation.STATS_OPTION, DdlOperation.AUTO_INCREMENT_VALUE,
            DdlOperation.DEFAULT_CHARSET);
    /** MariaDB: instant column changes next to only these stay NOCOPY instead of rebuilding (oracle). */
    private static final Set<DdlOperation> MARIADB_NOCOPY_COMPANIONS = EnumSet.of(DdlOperation.DROP_INDEX);

    private static final Set<DdlOperation> FUNCTIONAL_INDEX = EnumSet.of(DdlOperation.ADD_FUNCTIONAL_INDEX,
            DdlOperation.DROP_FUNCTIONAL_INDEX);
    private static final Set<DdlOperation> VIRTUAL_COLUMN = EnumSet.of(DdlOperation.ADD_VIRTUAL_COLUMN,
            DdlOperation.DROP_VIRTUAL_COLUMN);
    private static final Set<DdlOperation> VIRTUAL_COLUMN_ADD_DROP = EnumSet.of(DdlOperation.ADD_VIRTUAL_COLUMN,
            DdlOperation.ADD_VIRTUAL_COLUMN_POSITIONED, DdlOperation.DROP_VIRTUAL_COLUMN);
    /** What MariaDB combines with a virtual column's ADD or DROP without a copy (differential). */
    private static final Set<DdlOperation> MARIADB_VIRTUAL_COMPANIONS = EnumSet.of(DdlOperation.DROP_COLUMN,
            DdlOperation.ADD_INDEX, DdlOperation.DROP_INDEX);
    /** What MariaDB combines without a copy with the drop of a column that precedes a VIRTUAL one (differential). */
    private static final Set<DdlOperation> VIRTUAL_MOVE_COMPANIONS = EnumSet.of(DdlOperation.DROP_COLUMN,
            DdlOperation.DROP_INDEXED_COLUMN, DdlOperation.DROP_COLUMN_SHRINKS_INDEX, DdlOperation.DROP_VIRTUAL_COLUMN,
            DdlOperation.ADD_VIRTUAL_COLUMN);
    private static final Set<DdlOperation> INDEX_ONLY = EnumSet.of(DdlOperation.ADD_INDEX,
            DdlOperation.ADD_FUNCTIONAL_INDEX, DdlOperation.DROP_INDEX, DdlOperation.DROP_FUNCTIONAL_INDEX);

    private final OperationClassifier operations;
    private final TargetServer target;

    public StatementClassifier(KnowledgeBase kb, TargetServer target) {
        this.operations = new OperationClassifier(kb, target);
        this.target = target;
    }

    public TargetServer target() {
        return target;
    }

    public StatementVerdict classify(Statement written, TableFacts table, SessionState session) {
        Statement statement = InheritedCharset.apply(written);
        boolean addsPrimary = addsPrimary(statement);
        List<ClassifiedOperation> classified = new ArrayList<>();
        for (AlterOperation op : statement.operations()) {
            classified.add(operations.classify(op, table, session, addsPrimary, statement.ignore()));
        }
        classified = indexOptionChanges(classified, table, statement.ignore());
        classified = clusteredKeyDroppedWithItsSuccessor(classified, statement, table);
        classified = primaryKeyRedeclared(classified, table, statement.ignore());
        Set<String> droppedForeignKeys = classified.stream().filter(c -> c.ddlOperation() == DdlOperation.DROP_FOREIGN_KEY
                && c.operation().index() != null && c.operation().index().name() != null)
                .map(c -> TableFacts.key(c.operation().index().name())).collect(Collectors.toSet());
        classified = classified.stream().map(c -> operations.droppingForeignKeyIndex(c, table, droppedForeignKeys,
                statement.ignore(), session)).toList();
        if (optimizeRefused(statement, table, session)) {
            Verdict nothing = new Verdict(Algorithm.INSTANT, false, LockLevel.NONE);
            List<ClassifiedOperation> analyzed = classified.stream().map(c -> new ClassifiedOperation(c.operation(),
                    c.ddlOperation(), nothing, null, c.fact(), c.assumptions(), "MariaDB refuses to recreate a "
                    + "system-versioned table while system_versioning_alter_history=ERROR, so OPTIMIZE TABLE only "
                    + "analyzes it (\"Operation failed\"): nothing is rebuilt", c.parts())).toList();
            return new StatementVerdict(analyzed, nothing, nothing, List.of());
        }
        Verdict natural = combine(classified, table, statement);
        if (table == null) {
            UnknownTable.Worst worst = UnknownTable.worst(natural, classified, target);
            natural = worst.verdict();
            classified = worst.operations();
        }
        List<String> refusals = new ArrayList<>();
        String alteredDroppedIndex = target.flavor() == ServerFlavor.MARIADB ? alteredDroppedIndex(statement, table)
                : null;
        if (alteredDroppedIndex != null) {
            // MariaDB drops the index with its columns first and then cannot find it to alter (error 1176); only
            // ALGORITHM=COPY runs the statement (differential).
            boolean online = operations.onlineCopyPossible(statement.ignore(), table);
            natural = new Verdict(Algorithm.COPY, true, online ? LockLevel.NONE : LockLevel.SHARED);
        }
        Verdict effective = applyRequested(statement, classified, natural, refusals, table, session);
        if (alteredDroppedIndex != null && SessionAlgorithm.requested(statement.algorithm(), session, target)
                != RequestedAlgorithm.COPY) {
            refusals.add(target.displayName() + " refuses ALTER INDEX `" + alteredDroppedIndex + "` next to the drop of "
                    + "all its columns (error 1176, Key doesn't exist) unless the statement says ALGORITHM=COPY; "
                    + "leave the ALTER INDEX out, the index goes with its columns");
        }
        long fulltextAdds = classified.stream().filter(c -> c.operation().kind() == ClauseKind.ADD_INDEX
                && c.operation().index() != null && c.operation().index().kind() == IndexKind.FULLTEXT).count();
        if (target.isMySql() && fulltextAdds > 1 && SessionAlgorithm.requested(statement.algorithm(), session, target)
                != RequestedAlgorithm.COPY) {
            // MySQL tries in place and fails rather than copy; MariaDB copies (differential run 14).
            refusals.add(target.displayName() + " adds one FULLTEXT index at a time (error 1795, InnoDB presently "
                    + "supports one FULLTEXT index creation at a time) unless the statement says ALGORITHM=COPY; add "
                    + "them in statements of their own");
        }
        return new StatementVerdict(classified, natural, effective, refusals);
    }

    private static boolean addsPrimary(Statement statement) {
        return statement.operations().stream().anyMatch(o -> o.kind() == ClauseKind.ADD_PRIMARY_KEY
                || (o.kind() == ClauseKind.ADD_COLUMN && o.definition() != null && o.definition().primaryKey())
                || (o.kind() == ClauseKind.ADD_INDEX && o.index() != null && o.index().kind() == IndexKind.PRIMARY));
    }

    /** OPTIMIZE TABLE of a MariaDB system-versioned table at system_versioning_alter_history=ERROR (differential). */
    private boolean optimizeRefused(Statement statement, TableFacts table, SessionState session) {
        return statement.kind() == StatementKind.OPTIMIZE_TABLE && target.flavor() == ServerFlavor.MARIADB
                && table != null && "YES".equals(table.options().get(TableFacts.SYSTEM_VERSIONING))
                && !session.alterHistoryKept();
    }

    /**
     * MariaDB moves the clustered key in place to the next UNIQUE NOT NULL key ({@code REPLACE_PRIMARY_KEY}); when the
     * same statement also drops every such key (an index or one of its columns, or makes a column NULL-able or
     * generated), none is left to take over,
     * so the drop is a plain DROP PRIMARY KEY (a copy) unless the statement adds a key itself (differential).
     */
    private List<ClassifiedOperation> clusteredKeyDroppedWithItsSuccessor(List<ClassifiedOperation> classified,
                                                                        Statement statement, TableFacts table) {
        if (target.flavor() != ServerFlavor.MARIADB || addsPrimary(statement) || table == null || classified.stream()
                .noneMatch(c -> c.ddlOperation() == DdlOperation.REPLACE_PRIMARY_KEY)) {
            return classified;
        }
        Set<String> goneColumns = new HashSet<>();
        Set<String> goneIndexes = new HashSet<>();
        for (AlterOperation op : statement.operations()) {
            switch (op.kind()) {
                case DROP_COLUMN -> {
                    if (op.column() != null) {
                        goneColumns.add(TableFacts.key(op.column()));
                    }
                }
                // A renamed column or index still holds the key; a column made NULL-able or generated does not
                // (differential run 11).
                case MODIFY_COLUMN, CHANGE_COLUMN -> {
                    if (op.column() != null && (op.definition() == null || !op.definition().isNotNull()
                            || op.definition().generated() != null)) {
                        goneColumns.add(TableFacts.key(op.column()));
                    }
                }
                case DROP_INDEX -> {
                    String name = op.index() != null && op.index().name() != null ? op.index().name() : op.column();
                    if (name != null) {
                        goneIndexes.add(TableFacts.key(name));
                    }
                }
                default -> {
                }
            }
        }
        boolean successorLeft = operations.clusteredKeySuccessors(table).stream()
                .anyMatch(i -> !goneIndexes.contains(TableFacts.key(i.name()))
                        && i.columns().stream().noneMatch(c -> goneColumns.contains(TableFacts.key(c))));
        if (successorLeft) {
            return classified;
        }
        return classified.stream().map(c -> c.ddlOperation() == DdlOperation.REPLACE_PRIMARY_KEY
                ? operations.classifyAs(c.operation(), DdlOperation.DROP_PRIMARY_KEY, table, statement.ignore()) : c)
                .toList();
    }

    /** The index an ALTER INDEX of this statement changes while the statement drops every column of it. */
    private static String alteredDroppedIndex(Statement statement, TableFacts table) {
        if (table == null) {
            return null;
        }
        Set<String> dropped = new HashSet<>();
        for (AlterOperation op : statement.operations()) {
            if (op.kind() == ClauseKind.DROP_COLUMN && op.column() != null) {
                dropped.add(TableFacts.key(op.column()));
            }
        }
        for (AlterOperation op : statement.operations()) {
            if (op.kind() != ClauseKind.SET_INDEX_VISIBILITY || op.index() == null || op.index().name() == null) {
                continue;
            }
            IndexDefinition index = table.index(op.index().name()).orElse(null);
            if (index != null && !index.columns().isEmpty() && index.columns().stream()
                    .allMatch(c -> dropped.contains(TableFacts.key(c)))) {
                return index.name();
            }
        }
        return null;
    }

    /**
     * {@code DROP INDEX i, ADD INDEX i (same columns)} only changes the index type or options: the pair is one
     * INDEX_OPTION_CHANGE (instant on MySQL 8.0.12+).
     */
    private List<ClassifiedOperation> indexOptionChanges(List<ClassifiedOperation> classified, TableFacts table,
                                                         boolean ignore) {
        if (table == null) {
            return classified;
        }
        List<ClassifiedOperation> out = new ArrayList<>(classified);
        for (int d = 0; d < out.size(); d++) {
            ClassifiedOperation drop = out.get(d);
            if (drop.ddlOperation() != DdlOperation.DROP_INDEX || drop.operation().index() == null) {
                continue;
            }
            String name = drop.operation().index().name();
            IndexDefinition existing = table.indexes().stream().filter(i -> name != null && name.equalsIgnoreCase(i.name()))
                    .findFirst().orElse(null);
            if (existing == null || (existing.kind() != IndexKind.PLAIN && existing.kind() != IndexKind.UNIQUE)) {
                continue;
            }
            for (int a = 0; a < out.size(); a++) {
                ClassifiedOperation add = out.get(a);
                IndexDefinition added = add.operation().index();
                if (add.ddlOperation() == DdlOperation.ADD_INDEX && added != null && name.equalsIgnoreCase(added.name())
                        && added.kind() == existing.kind() && sameColumns(added.columns(), existing.columns())) {
                    out.set(d, operations.classifyAs(drop.operation(), DdlOperation.INDEX_OPTION_CHANGE, table, ignore));
                    out.set(a, operations.classifyAs(add.operation(), DdlOperation.INDEX_OPTION_CHANGE, table, ignore));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        return a.stream().map(TableFacts::key).toList().equals(b.stream().map(TableFacts::key).toList());
    }

    private Verdict combine(List<ClassifiedOperation> classified, TableFacts table, Statement statement) {
        if (classified.isEmpty() || classified.stream().allMatch(c -> switchesKeys(c)
                || c.operation().kind() == ClauseKind.RENAME_TABLE && classified.stream().anyMatch(StatementClassifier::switchesKeys))) {
            // DISABLE/ENABLE KEYS alone (or beside a RENAME TO) change nothing in InnoDB; beside other clauses the
            // statement copies (oracle, differential).
            return new Verdict(Algorithm.INSTANT, false, LockLevel.NONE);
        }
        boolean mariadb = target.flavor() == ServerFlavor.MARIADB;
        // MySQL 8.0.29+: moving a column is instant when the statement also adds or drops a column instantly
        // (ALTER_STORED_COLUMN_ORDER is in INNOBASE_INSTANT_ALLOWED; alone it is not an instant kind).
        boolean instantAddDrop = target.isMySql() && target.version().atLeast(8, 0, 29)
                && classified.stream().anyMatch(c -> c.ddlOperation().isInstantAddDrop()
                && c.verdict().algorithm() == Algorithm.INSTANT);
        List<Verdict> verdicts = new ArrayList<>();
        List<Verdict> fallbacks = new ArrayList<>();
        for (ClassifiedOperation c : classified) {
            Verdict v = c.verdict();
            Verdict fb = c.instantFallback();
            if (instantAddDrop && c.ddlOperation() == DdlOperation.REORDER_COLUMN && v.algorithm() == Algorithm.INPLACE) {
                fb = v;
                v = new Verdict(Algorithm.INSTANT, false, LockLevel.NONE);
            }
            verdicts.add(v);
            fallbacks.add(fb);
        }
        boolean allInstant = verdicts.stream().allMatch(v -> v.algorithm() == Algorithm.INSTANT);
        boolean noRebuildFallback = false;
        if (mariadb && allInstant
                && classified.stream().anyMatch(c -> MARIADB_RENAMES.contains(c.ddlOperation()) || renamesColumn(c))
                && classified.stream().anyMatch(c -> METADATA_TABLE_OPTION_OPS.contains(c.ddlOperation()))) {
            allInstant = false;
            noRebuildFallback = true;
        }
        if (mariadb && allInstant && convertsCharacterColumns(classified, table) && classified.stream()
                .anyMatch(c -> c.operation().kind() != ClauseKind.CONVERT_CHARSET
                        && METADATA_TABLE_OPTION_OPS.contains(c.ddlOperation()))) {
            // MariaDB converts character columns instantly, and sets table options instantly, but not both in one
            // statement: NOCOPY (differential run 9; with no character column to convert it stays instant).
            allInstant = false;
            noRebuildFallback = true;
        }
        if (mariadb && allInstant && renamesIndexOfExtendedColumn(classified, table)) {
            // MariaDB renames an index instantly, and extends a VARCHAR instantly, but not both when the renamed
            // index holds the whole column (a prefix part is not touched): NOCOPY (differential).
            allInstant = false;
            noRebuildFallback = true;
        }
        if (mariadb && !allInstant && !noRebuildFallback) {
            List<DdlOperation> others = new ArrayList<>();
            for (int i = 0; i < classified.size(); i++) {
                if (verdicts.get(i).algorithm() != Algorithm.INSTANT) {
                    others.add(classified.get(i).ddlOperation());
                }
            }
            noRebuildFallback = MARIADB_NOCOPY_COMPANIONS.containsAll(others);
        }
        Algorithm algorithm = Algorithm.INSTANT;
        boolean rebuild = false;
        LockLevel lock = LockLevel.NONE;
        for (int i = 0; i < classified.size(); i++) {
            Verdict v = verdicts.get(i);
            if (!allInstant && v.algorithm() == Algorithm.INSTANT) {
                Verdict fb = fallbacks.get(i);
                v = fb != null ? fb : new Verdict(Algorithm.INPLACE, false, v.lock());
                if (noRebuildFallback) {
                    v = new Verdict(Algorithm.INPLACE, false, v.lock());
                }
            }
            algorithm = algorithm.weaker(v.algorithm());
            rebuild |= v.rebuildsTable();
            lock = lock.stronger(v.lock());
        }
        // MySQL adds or drops a functional index's hidden column in place only beside other index changes (oracle).
        if (target.isMySql() && algorithm != Algorithm.COPY && classified.stream().anyMatch(c -> FUNCTIONAL_INDEX
                .contains(c.ddlOperation())) && !INDEX_ONLY.containsAll(classified.stream()
                .map(ClassifiedOperation::ddlOperation).toList())) {
            algorithm = Algorithm.COPY;
        }
        // MySQL drops one functional index's hidden column and adds another's in one statement only by a copy
        // (differential run 13).
        if (target.isMySql() && algorithm != Algorithm.COPY && classified.stream().anyMatch(c -> c.ddlOperation()
                == DdlOperation.DROP_FUNCTIONAL_INDEX) && classified.stream().anyMatch(c -> c.ddlOperation()
                == DdlOperation.ADD_FUNCTIONAL_INDEX)) {
            algorithm = Algorithm.COPY;
            rebuild = true;
        }
        // MariaDB adds or drops a virtual column instantly only beside column drops and index changes; beside
        // anything else (a rename, another column, a table option) it copies (differential).
        // (An indexed virtual column's drop is one, its index's drop a part of it: differential run 10.)
        if (mariadb && algorithm != Algorithm.COPY && classified.stream().anyMatch(c -> doesAny(c,
                VIRTUAL_COLUMN_ADD_DROP)) && classified.stream().anyMatch(c -> !doesAny(c, VIRTUAL_COLUMN_ADD_DROP)
                && !MARIADB_VIRTUAL_COMPANIONS.contains(c.ddlOperation()))) {
            algorithm = Algorithm.COPY;
        }
        // MariaDB drops a column that precedes a VIRTUAL column (which then moves) as it drops a virtual one: beside
        // other column drops and virtual columns' adds only; beside anything else, an index change too, it copies
        // (differential run 13: "INPLACE ADD or DROP of virtual columns cannot be combined with other ALTER TABLE
        // actions" for a stored column's drop).
        if (mariadb && algorithm != Algorithm.COPY && table != null && classified.stream()
                .anyMatch(c -> OperationClassifier.STORED_COLUMN_DROPS.contains(c.ddlOperation())
                        && OperationClassifier.precedesVirtualColumn(c.operation().column(), table))
                && !VIRTUAL_MOVE_COMPANIONS.containsAll(classified.stream().map(ClassifiedOperation::ddlOperation)
                .toList())) {
            algorithm = Algorithm.COPY;
        }
        // MySQL drops a virtual column instantly beside other drops, but copies beside an instant ADD (differential).
        if (target.isMySql() && algorithm == Algorithm.INSTANT && classified.stream().anyMatch(c ->
                c.ddlOperation() == DdlOperation.DROP_VIRTUAL_COLUMN) && classified.stream().anyMatch(c ->
                c.ddlOperation().isInstantAddDrop() && c.ddlOperation() != DdlOperation.DROP_COLUMN)) {
            algorithm = Algorithm.COPY;
            rebuild = true;
        }
        // "INPLACE ADD or DROP of virtual columns cannot be combined with other ALTER TABLE actions" (MySQL).
        if (target.isMySql() && algorithm == Algorithm.INPLACE && classified.stream().anyMatch(c -> doesAny(c,
                VIRTUAL_COLUMN)) && classified.stream().anyMatch(c -> !doesAny(c, VIRTUAL_COLUMN)
                && !INDEX_ONLY.contains(c.ddlOperation()))) {
            algorithm = Algorithm.COPY;
        }
        // A virtual column's ADD or DROP (a functional index's hidden one too) shares an in-place statement with
        // index changes, but not with a UNIQUE index's ADD or DROP: "INPLACE ADD or DROP of virtual columns cannot be
        // combined with other ALTER TABLE actions" (MySQL and MariaDB, differential run 11).
        if (algorithm != Algorithm.COPY && classified.stream().anyMatch(c -> doesAny(c, VIRTUAL_COLUMN_ADD_DROP)
                || FUNCTIONAL_INDEX.contains(c.ddlOperation())) && classified.stream()
                .anyMatch(c -> changesUniqueIndex(c, table))) {
            algorithm = Algorithm.COPY;
        }
        // InnoDB builds one FULLTEXT index at a time in place (ER_INNODB_FT_LIMIT).
        // MariaDB 11.8 takes the drop and add of a FULLTEXT index on the same columns for a rename; 10.11 does not
        // (differential run 11), and the versions between are not settled: no online copy is promised there.
        long fulltextReAdds = mariadb ? fulltextReAdds(classified, table) : 0;
        boolean fulltextRenamed = fulltextReAdds > 0;
        long fulltextAdds = classified.stream().filter(c -> c.ddlOperation() == DdlOperation.ADD_FULLTEXT_INDEX
                || c.ddlOperation() == DdlOperation.ADD_FULLTEXT_INDEX_FIRST).count()
                - (target.version().atLeast(11, 8, 0) ? fulltextReAdds : 0);
        if (fulltextAdds > 1) {
            algorithm = Algorithm.COPY;
        }
        // MySQL builds a FULLTEXT index in place only on a column whose character set and collation the statement
        // keeps; on one that it converts (MODIFY/CHANGE or CONVERT TO) it copies (differential run 9, server).
        if (target.isMySql() && fulltextAdds > 0 && algorithm != Algorithm.COPY
                && indexesRecollatedColumn(classified, table)) {
            algorithm = Algorithm.COPY;
        }
        // MySQL: a CHAR or TEXT column's collation changes in place without a rebuild only when no table option
        // (COMMENT, AUTO_INCREMENT, DEFAULT CHARSET, ...) is set beside it; with one the table is rebuilt (oracle).
        if (target.isMySql() && algorithm == Algorithm.INPLACE && !rebuild && classified.stream()
                .anyMatch(StatementClassifier::changesTextCollation) && classified.stream()
                .anyMatch(c -> METADATA_TABLE_OPTION_OPS.contains(c.ddlOperation()))) {
            rebuild = true;
        }
        // MySQL rebuilds a table whose CHAR or TEXT column changes collation only with LOCK=SHARED (differential).
        if (target.isMySql() && rebuild && algorithm == Algorithm.INPLACE && classified.stream()
                .anyMatch(StatementClassifier::changesTextCollation)) {
            lock = lock.stronger(LockLevel.SHARED);
        }
        // MySQL extends a FULLTEXT-indexed VARCHAR in place with LOCK=NONE alone or beside a rename; beside another
        // change (a column default, a table option) it re-creates the FULLTEXT index, which needs LOCK=SHARED
        // (differential run 11). Companions not tried are taken to do the same.
        if (target.isMySql() && algorithm == Algorithm.INPLACE && table != null && classified.stream()
                .anyMatch(c -> VARCHAR_EXTENDS.contains(c.ddlOperation()) && fulltextIndexed(c.operation().column(), table))
                && classified.stream().anyMatch(c -> !VARCHAR_EXTENDS.contains(c.ddlOperation())
                && c.ddlOperation() != DdlOperation.RENAME_COLUMN)) {
            lock = lock.stronger(LockLevel.SHARED);
        }
        boolean fulltextKept = table != null && table.hasFulltextIndex();
        // MariaDB adds a FULLTEXT index in a rebuilding statement by a copy when the table has one already; to a
        // table without one it adds it by the in-place rebuild (differential).
        boolean addsFulltext = classified.stream().anyMatch(c -> c.ddlOperation() == DdlOperation.ADD_FULLTEXT_INDEX
                || c.ddlOperation() == DdlOperation.ADD_FULLTEXT_INDEX_FIRST);
        // 11.8 takes a FULLTEXT index dropped and added on the same columns for a rename: rebuilt in place (run 15).
        if (mariadb && rebuild && algorithm == Algorithm.INPLACE && addsFulltext && fulltextKept
                && !(fulltextRenamed && target.version().atLeast(11, 8, 0))) {
            algorithm = Algorithm.COPY;
        }
        if (rebuild && algorithm == Algorithm.INPLACE && table != null && (table.hasSpatialIndex() || fulltextKept
                || mariadb && (table.hasIndexedVirtualColumn() || indexesVirtualColumn(statement, table)))) {
            // Rebuilding a table that keeps a SPATIAL or FULLTEXT index (MariaDB: that has or gets an index on a
            // VIRTUAL column) needs LOCK=SHARED, also for fallbacks.
            lock = lock.stronger(LockLevel.SHARED);
        }
        if (mariadb && !allInstant && algorithm == Algorithm.INPLACE && table != null && table.hasSpatialIndex()
                && classified.stream().anyMatch(c -> (c.ddlOperation().isInstantAddDrop()
                || doesAny(c, EnumSet.of(DdlOperation.REORDER_COLUMN))) && c.verdict().algorithm() == Algorithm.INSTANT)) {
            // MariaDB adds, drops or moves a column beside a change that is not instant, in a table with a SPATIAL
            // index, only with LOCK=SHARED (differential; the move: run 15).
            lock = lock.stronger(LockLevel.SHARED);
        }
        if (rebuild && algorithm == Algorithm.INPLACE && fulltextKept && target.isMySql()) {
            algorithm = Algorithm.COPY;
        }
        // An index on a virtual column added by the same statement cannot be built with concurrent writes.
        if (algorithm != Algorithm.COPY && indexesNewVirtualColumn(statement)) {
            lock = lock.stronger(LockLevel.SHARED);
        }
        if (algorithm == Algorithm.COPY) {
            rebuild = true;
            // A copy that rests on an assumption may turn out to run in place, and beside a FULLTEXT or SPATIAL index
            // being added, or in a table that keeps one (or an index on a VIRTUAL column), in place needs LOCK=SHARED:
            // no online copy is promised then (differential).
            boolean addsLockingIndex = classified.stream().anyMatch(c -> c.ddlOperation() == DdlOperation.ADD_FULLTEXT_INDEX
                    || c.ddlOperation() == DdlOperation.ADD_FULLTEXT_INDEX_FIRST
                    || c.ddlOperation() == DdlOperation.ADD_SPATIAL_INDEX)
                    || table != null && (table.hasFulltextIndex() || table.hasSpatialIndex()
                    || table.hasIndexedVirtualColumn());
            boolean assumedCopy = classified.stream().anyMatch(c -> c.verdict().algorithm() == Algorithm.COPY
                    && !c.isExact());
            boolean online = operations.onlineCopyPossible(statement.ignore(), table)
                    && !(addsLockingIndex && assumedCopy)
                    && !OperationClassifier.keyChangeOfOwnFtsDocIdTable(classified, table)
                    && !OperationClassifier.keyAddedBesideFulltextOfOwnFtsDocIdTable(classified, table)
                    && !(fulltextRenamed && !target.version().atLeast(11, 8, 0))
                    && classified.stream().allMatch(c -> OperationClassifier.onlineCopyAllowed(c.ddlOperation()));
            lock = online ? LockLevel.NONE : lock.stronger(LockLevel.SHARED);
        }
        return new Verdict(algorithm, rebuild, lock);
    }

    private static final Set<DdlOperation> VARCHAR_EXTENDS = EnumSet.of(DdlOperation.VARCHAR_EXTEND_SAME_PREFIX,
            DdlOperation.VARCHAR_EXTEND_CROSS_PREFIX, DdlOperation.VARCHAR_EXTEND_REDUNDANT);

    /** The clause adds a UNIQUE index or drops one the table has. */
    private static boolean changesUniqueIndex(ClassifiedOperation c, TableFacts table) {
        IndexDefinition index = c.operation().index();
        if (c.ddlOperation() == DdlOperation.ADD_INDEX) {
            return index != null && index.kind() == IndexKind.UNIQUE;
        }
        if (c.ddlOperation() == DdlOperation.DROP_INDEX && table != null) {
            String name = index != null && index.name() != null ? index.name() : c.operation().column();
            return name != null && table.index(name).map(i -> i.kind() == IndexKind.UNIQUE).orElse(false);
        }
        return false;
    }

    /** FULLTEXT indexes the statement drops and adds again on the same columns (each pair counted once). */
    private static long fulltextReAdds(List<ClassifiedOperation> classified, TableFacts table) {
        if (table == null) {
            return 0;
        }
        List<List<String>> dropped = new ArrayList<>();
        for (ClassifiedOperation c : classified) {
            IndexDefinition index = c.operation().index();
            String name = index != null && index.name() != null ? index.name() : c.operation().column();
            if (c.ddlOperation() == DdlOperation.DROP_INDEX && name != null) {
                table.index(name).filter(i -> i.kind() == IndexKind.FULLTEXT).ifPresent(i -> dropped.add(keys(i)));
            }
        }
        long again = 0;
        for (ClassifiedOperation c : classified) {
            IndexDefinition index = c.operation().index();
            if ((c.ddlOperation() == DdlOperation.ADD_FULLTEXT_INDEX
                    || c.ddlOperation() == DdlOperation.ADD_FULLTEXT_INDEX_FIRST) && index != null
                    && dropped.remove(keys(index))) {
                again++;
            }
        }
        return again;
    }

    private static List<String> keys(IndexDefinition index) {
        return index.columns().stream().map(TableFacts::key).toList();
    }

    /** A FULLTEXT index of the table has the column among its parts. */
    private static boolean fulltextIndexed(String column, TableFacts table) {
        return column != null && table.indexes().stream().filter(i -> i.kind() == IndexKind.FULLTEXT)
                .anyMatch(i -> i.columns().stream().anyMatch(c -> TableFacts.key(c).equals(TableFacts.key(column))));
    }

    /** A FULLTEXT index added on a column whose charset or collation the statement changes (or may change). */
    private static boolean indexesRecollatedColumn(List<ClassifiedOperation> classified, TableFacts table) {
        Set<String> changed = new HashSet<>();
        boolean converts = false;
        for (ClassifiedOperation c : classified) {
            if (c.operation().kind() == ClauseKind.CONVERT_CHARSET
                    && c.ddlOperation() != DdlOperation.CONVERT_CHARSET_NO_CHARACTER_COLUMNS) {
                converts = true;
            }
            if (RECOLLATING.stream().anyMatch(c::does) || RECOLLATING.contains(c.ddlOperation())) {
                if (c.operation().column() != null) {
                    changed.add(TableFacts.key(c.operation().column()));
                }
                if (c.operation().definition() != null) {
                    changed.add(TableFacts.key(c.operation().definition().name()));
                }
            }
        }
        for (ClassifiedOperation c : classified) {
            if ((c.ddlOperation() == DdlOperation.ADD_FULLTEXT_INDEX
                    || c.ddlOperation() == DdlOperation.ADD_FULLTEXT_INDEX_FIRST) && c.operation().index() != null) {
                for (String column : c.operation().index().columns()) {
                    if (changed.contains(TableFacts.key(column))
                            || converts && !keepsCollation(column, classified, table)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** CONVERT TO ... COLLATE x leaves a column declared with collation x as it is. */
    private static boolean keepsCollation(String column, List<ClassifiedOperation> classified, TableFacts table) {
        String declared = table == null ? null : table.column(column).map(d -> d.type().collation()).orElse(null);
        if (declared == null) {
            return false;
        }
        return classified.stream().filter(c -> c.operation().kind() == ClauseKind.CONVERT_CHARSET)
                .map(c -> c.operation().text() == null ? "" : c.operation().text())
                .allMatch(text -> Pattern.compile("(?i)\\bCOLLATE\\s*=?\\s*`?" + Pattern.quote(declared) + "\\b")
                        .matcher(text).find());
    }

    private static final Set<DdlOperation> RECOLLATING = EnumSet.of(DdlOperation.COLUMN_CHARSET_CHANGE,
            DdlOperation.COLUMN_CHARSET_WIDEN, DdlOperation.COLUMN_CHARSET_WIDEN_INDEXED,
            DdlOperation.COLUMN_COLLATION_CHANGE, DdlOperation.COLUMN_COLLATION_CHANGE_INDEXED,
            DdlOperation.COLUMN_COLLATION_CHANGE_UNIQUE, DdlOperation.COLUMN_COLLATION_CHANGE_FULLTEXT);

    /**
     * A collation change of a fixed-length CHAR or a TEXT column (not VARCHAR, not ENUM/SET): MySQL treats these as
     * a stored-column change that a rebuild must not run with concurrent writes (oracle: VARCHAR stays LOCK=NONE).
     */
    private static boolean changesTextCollation(ClassifiedOperation c) {
        ColumnDefinition def = c.operation().definition();
        if (!(c.does(DdlOperation.COLUMN_COLLATION_CHANGE) || c.does(DdlOperation.COLUMN_COLLATION_CHANGE_INDEXED)
                || c.does(DdlOperation.COLUMN_COLLATION_CHANGE_UNIQUE)) || def == null || def.type() == null) {
            return false;
        }
        String name = def.type().name();
        return name.endsWith("TEXT") || name.equals("CHAR") || name.equals("CHARACTER") || name.equals("NCHAR");
    }

    /** The statement renames an index that holds, not by a prefix, a column whose VARCHAR the statement extends. */
    /** A CONVERT TO clause with a character (or, on MariaDB, JSON) column to convert, or a table not known. */
    private static boolean convertsCharacterColumns(List<ClassifiedOperation> classified, TableFacts table) {
        boolean convert = classified.stream().anyMatch(c -> c.operation().kind() == ClauseKind.CONVERT_CHARSET);
        return convert && (table == null || table.columns().values().stream().anyMatch(c -> switch (c.type().name()) {
            case "CHAR", "VARCHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "SET", "JSON" -> true;
            default -> false;
        }));
    }

    private static boolean renamesIndexOfExtendedColumn(List<ClassifiedOperation> classified, TableFacts table) {
        if (table == null) {
            return false;
        }
        for (ClassifiedOperation rename : classified) {
            if (rename.ddlOperation() != DdlOperation.RENAME_INDEX || rename.operation().column() == null) {
                continue;
            }
            String name = rename.operation().column();
            IndexDefinition index = table.indexes().stream().filter(i -> name.equalsIgnoreCase(i.name())).findFirst()
                    .orElse(null);
            if (index != null && classified.stream().anyMatch(c -> c.does(DdlOperation.VARCHAR_EXTEND_SAME_PREFIX)
                    && c.operation().definition() != null && wholeColumnOf(index, c.operation().column() != null
                    ? c.operation().column() : c.operation().definition().name()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean wholeColumnOf(IndexDefinition index, String column) {
        String key = TableFacts.key(column);
        return index.columns().stream().anyMatch(c -> TableFacts.key(c).equals(key))
                && index.prefixedColumns().stream().noneMatch(c -> TableFacts.key(c).equals(key));
    }

    /** CHANGE COLUMN with a new name (the rename is one part of the operation's verdict). */
    private static boolean renamesColumn(ClassifiedOperation c) {
        AlterOperation op = c.operation();
        return op.kind() == ClauseKind.CHANGE_COLUMN && op.definition() != null && op.column() != null
                && !op.definition().name().equalsIgnoreCase(op.column());
    }

    /** ALTER TABLE ... DISABLE KEYS / ENABLE KEYS. */
    private static boolean switchesKeys(ClassifiedOperation c) {
        return c.operation().value() != null && c.operation().value().endsWith(" KEYS");
    }

    /** The statement adds an index on a VIRTUAL column the table has. */
    private static boolean indexesVirtualColumn(Statement statement, TableFacts table) {
        return statement.operations().stream().anyMatch(op -> op.kind() == ClauseKind.ADD_INDEX && op.index() != null
                && op.index().columns().stream().anyMatch(c -> table.column(c).map(d -> d.generated()
                == ColumnDefinition.Generated.VIRTUAL).orElse(false)));
    }

    private static boolean indexesNewVirtualColumn(Statement statement) {
        Set<String> added = new HashSet<>();
        for (AlterOperation op : statement.operations()) {
            if (op.kind() == ClauseKind.ADD_COLUMN && op.definition() != null
                    && op.definition().generated() == ColumnDefinition.Generated.VIRTUAL) {
                added.add(TableFacts.key(op.definition().name()));
            }
        }
        if (added.isEmpty()) {
            return false;
        }
        return statement.operations().stream().anyMatch(op -> op.kind() == ClauseKind.ADD_INDEX && op.index() != null
                && op.index().columns().stream().anyMatch(c -> added.contains(TableFacts.key(c))));
    }

    private Verdict applyRequested(Statement s, List<ClassifiedOperation> classified, Verdict natural,
                                   List<String> refusals, TableFacts table, SessionState session) {
        // old_alter_table / alter_algorithm: the ALGORITHM= the session implies (SessionAlgorithm).
        RequestedAlgorithm algorithm = SessionAlgorithm.requested(s.algorithm(), session, target);
        RequestedLock lock = s.lock();
        String server = target.displayName();
        if (s.online()) {
            if (target.isMySql()) {
                refusals.add(server + " has no ALTER ONLINE TABLE, which is MariaDB syntax (syntax error 1064); "
                        + "write ALTER TABLE ..., LOCK=NONE instead");
                return natural;
            }
            // MariaDB: ALTER ONLINE TABLE is LOCK=NONE.
            lock = lock == RequestedLock.DEFAULT ? RequestedLock.NONE : lock;
        }
        boolean mariadb = target.flavor() == ServerFlavor.MARIADB;
        boolean partition = classified.stream().anyMatch(c -> c.operation().kind().isPartitionOperation()
                && c.operation().kind() != ClauseKind.PARTITION_BY
                && c.operation().kind() != ClauseKind.REMOVE_PARTITIONING);
        // Written by the statement itself, an explicit DEFAULT included (the session's implied one is no syntax).
        boolean written = s.clausesWritten();
        if (partition && mariadb && written) {
            refusals.add(server + " accepts no ALGORITHM= or LOCK= clause on partition operations (syntax error 1064)");
            return natural;
        }
        // MySQL accepts every ALGORITHM=/LOCK= on ANALYZE, CHECK, OPTIMIZE, REPAIR and TRUNCATE PARTITION and ignores
        // it (measured on 9.7, each with every rung).
        if (!mariadb && written && !classified.isEmpty()
                && classified.stream().allMatch(StatementClassifier::mySqlIgnoresClauses)) {
            return natural;
        }
        boolean tablespace = classified.stream()
                .anyMatch(c -> c.ddlOperation() == DdlOperation.TABLESPACE_DISCARD_IMPORT);
        if (tablespace && mariadb && written) {
            refusals.add(server + " accepts no ALGORITHM= or LOCK= clause on DISCARD / IMPORT TABLESPACE (syntax error "
                    + "1064)");
            return natural;
        }
        if (tablespace && (algorithm != RequestedAlgorithm.DEFAULT || lock != RequestedLock.DEFAULT)) {
            refusals.add(server + " accepts only ALGORITHM=DEFAULT and LOCK=DEFAULT on DISCARD / IMPORT TABLESPACE "
                    + "(error 1845)");
            return natural;
        }
        if (mariadb && s.kind() == StatementKind.DROP_INDEX && written) {
            refusals.add(server + " accepts no ALGORITHM= or LOCK= clause on DROP INDEX ... ON (syntax error 1064); "
                    + "write ALTER TABLE ... DROP INDEX ..., ALGORITHM=..., LOCK=... instead");
            return natural;
        }
        // The servers take the fast path of a rename or a keys switch, which refuses both locks, only when that is all
        // the statement does; beside anything else the lock is judged as for the rest (differential).
        Predicate<ClassifiedOperation> renameOrKeys = c -> c.operation().kind()
                == ClauseKind.RENAME_TABLE || switchesKeys(c) || c.ddlOperation() == DdlOperation.NOTHING_TO_DO;
        // ALGORITHM=COPY takes the copy path instead, where the lock is judged as for any copy (differential).
        if ((lock == RequestedLock.NONE || lock == RequestedLock.SHARED) && algorithm != RequestedAlgorithm.COPY
                && classified.stream().allMatch(renameOrKeys)
                && classified.stream().anyMatch(c -> c.ddlOperation() != DdlOperation.NOTHING_TO_DO)) {
            // (A statement that does nothing at all, DROP INDEX IF EXISTS of no index, takes any lock: MariaDB.)
            refusals.add("LOCK=" + lock + " is not possible: " + server + " renames a table or switches its keys only "
                    + "with LOCK=DEFAULT or EXCLUSIVE (error 1845)");
            return natural;
        }
        if (algorithm == RequestedAlgorithm.DEFAULT && lock == RequestedLock.DEFAULT) {
            return natural;
        }
        boolean onlineCopy = operations.onlineCopyPossible(s.ignore(), table)
                && classified.stream().allMatch(c -> OperationClassifier.onlineCopyAllowed(c.ddlOperation()));
        Verdict effective = natural;
        // MariaDB before 11.8 accepts ALGORITHM=INSTANT or NOCOPY beside (re)partitioning, ORDER BY or a keys switch,
        // ignores it and copies the table; a LOCK= beside it is still checked (differential; 11.8 refuses it).
        // So it does for a partitioned table's clustered-key change or ADD SYSTEM VERSIONING, which the partition
        // engine copies without asking InnoDB (differential run 10; ALGORITHM=INPLACE is refused, 1845).
        boolean partitionedCopy = table != null && table.partitioned() && classified.stream()
                .anyMatch(c -> PARTITIONED_TABLE_COPIES.contains(c.ddlOperation()));
        boolean instantIgnored = mariadb && !target.version().atLeast(11, 8, 0) && (partitionedCopy || classified
                .stream().anyMatch(c -> c.ddlOperation() == DdlOperation.PARTITION_BY
                        || c.ddlOperation() == DdlOperation.REMOVE_PARTITIONING
                        || c.ddlOperation() == DdlOperation.ORDER_BY || switchesKeys(c)));
        switch (algorithm) {
            case INSTANT -> {
                if (natural.algorithm() != Algorithm.INSTANT && !instantIgnored) {
                    refusals.add("ALGORITHM=INSTANT is not possible: " + describe(natural) + " (error 1845)");
                }
                if (target.isMySql() && lock != RequestedLock.DEFAULT) {
                    refusals.add("ALGORITHM=INSTANT cannot be combined with LOCK=" + lock + " on " + server
                            + " (error 1221)");
                }
            }
            case NOCOPY -> {
                if (target.isMySql()) {
                    refusals.add("ALGORITHM=NOCOPY is MariaDB syntax; " + server + " rejects it (error 1064)");
                } else if ((natural.algorithm() == Algorithm.COPY || natural.rebuildsTable()) && !instantIgnored) {
                    refusals.add("ALGORITHM=NOCOPY is not possible: " + describe(natural) + " (error 1846)");
                }
            }
            case INPLACE -> {
                if (natural.algorithm() == Algorithm.COPY) {
                    refusals.add("ALGORITHM=INPLACE is not possible: " + describe(natural) + " (error 1846)");
                } else if (natural.algorithm() == Algorithm.INSTANT && target.isMySql()) {
                    // MySQL runs what was asked for: INSTANT column changes become an in-place rebuild.
                    effective = inplaceForm(classified);
                }
            }
            case COPY -> {
                effective = new Verdict(Algorithm.COPY, true, onlineCopy ? LockLevel.NONE
                        : natural.lock().stronger(LockLevel.SHARED));
                // The copy path cannot rename a foreign key's column, whatever foreign_key_checks says (server).
                String renamed = renamedForeignKeyColumn(classified, table);
                if (renamed != null) {
                    refusals.add("ALGORITHM=COPY is not possible: " + server + " renames column `" + renamed
                            + "` of a foreign key only in place (error 1846)");
                }
            }
            case DEFAULT -> {
            }
        }
        if (lock != RequestedLock.DEFAULT && !(algorithm == RequestedAlgorithm.INSTANT && target.isMySql())) {
            LockLevel asked = LockLevel.valueOf(lock.name());
            boolean lockNoneNotHonoured = mariadb && target.version().atLeast(11, 2, 0)
                    && effective.algorithm() == Algorithm.COPY
                    && classified.stream().anyMatch(c -> c.ddlOperation() == DdlOperation.ORDER_BY);
            if (asked == LockLevel.NONE && lockNoneNotHonoured) {
                // MariaDB 11.2+ accepts LOCK=NONE beside ORDER BY, whatever else the statement does, and blocks
                // writes until the copy ends all the same (OrderByBlocksWritesTest): no refusal, and the verdict
                // stays the copy that blocks writes.
            } else if (asked.ordinal() < effective.lock().ordinal() && asked == LockLevel.NONE && onlineCopy
                    && (algorithm == RequestedAlgorithm.DEFAULT || algorithm == RequestedAlgorithm.COPY)) {
                // MariaDB 11.2+: LOCK=NONE makes the server copy the table online rather than refuse.
                effective = new Verdict(Algorithm.COPY, true, LockLevel.NONE);
            } else if (asked.ordinal() < effective.lock().ordinal()) {
                String why = effective.algorithm() == Algorithm.COPY ? "a table copy requires a lock"
                        : "the operation requires LOCK=" + effective.lock();
                String clause = s.online() && s.lock() == RequestedLock.DEFAULT ? "ALTER ONLINE (LOCK=NONE)"
                        : "LOCK=" + lock;
                refusals.add(clause + " is not possible: " + why + " on " + server + " (error 1846)");
            } else {
                effective = new Verdict(effective.algorithm(), effective.rebuildsTable(), asked);
            }
        }
        return effective;
    }

    /**
     * DROP PRIMARY KEY beside an ADD PRIMARY KEY that declares the same key again (the same parts, directions,
     * prefixes and options) changes nothing: the servers run the statement as if neither were written (differential
     * run 13).
     */
    private List<ClassifiedOperation> primaryKeyRedeclared(List<ClassifiedOperation> classified, TableFacts table,
                                                           boolean ignore) {
        IndexDefinition current = table == null ? null : table.indexes().stream()
                .filter(i -> i.kind() == IndexKind.PRIMARY).findFirst().orElse(null);
        List<ClassifiedOperation> drops = classified.stream().filter(c -> c.operation().kind() == ClauseKind.DROP_PRIMARY_KEY
                || c.operation().kind() == ClauseKind.DROP_INDEX && c.operation().index() != null
                && "PRIMARY".equalsIgnoreCase(c.operation().index().name())).toList();
        List<ClassifiedOperation> adds = classified.stream()
                .filter(c -> c.operation().kind() == ClauseKind.ADD_PRIMARY_KEY).toList();
        // MariaDB's partition engine copies a partitioned table for it all the same (run 14).
        if (current == null || drops.size() != 1 || adds.size() != 1 || mariadbPartitioned(table)
                || !current.sameDeclarationAs(adds.get(0).operation().index())) {
            return classified;
        }
        return classified.stream().map(c -> c == drops.get(0) || c == adds.get(0)
                ? operations.classifyAs(c.operation(), DdlOperation.PRIMARY_KEY_REDECLARED, table, ignore) : c).toList();
    }

    private boolean mariadbPartitioned(TableFacts table) {
        return target.flavor() == ServerFlavor.MARIADB && table.partitioned();
    }

    /** A column of a foreign key, the table's own or one referencing it, that the statement renames, or null. */
    private static String renamedForeignKeyColumn(List<ClassifiedOperation> classified, TableFacts table) {
        if (table == null) {
            return null;
        }
        // A foreign key the statement drops does not hold the rename back (run 14).
        Set<String> dropped = classified.stream().filter(c -> c.ddlOperation() == DdlOperation.DROP_FOREIGN_KEY
                        && c.operation().index() != null && c.operation().index().name() != null)
                .map(c -> TableFacts.key(c.operation().index().name())).collect(Collectors.toSet());
        for (ClassifiedOperation c : classified) {
            AlterOperation op = c.operation();
            boolean renames = op.kind() == ClauseKind.RENAME_COLUMN && op.newName() != null
                    && !op.newName().equalsIgnoreCase(op.column()) || renamesColumn(c);
            if (renames && (table.isReferenced(op.column()) || table.indexes().stream().anyMatch(i -> i.kind()
                    == IndexKind.FOREIGN && (i.name() == null || !dropped.contains(TableFacts.key(i.name())))
                    && i.columns().stream().anyMatch(col -> TableFacts.key(col).equals(TableFacts.key(op.column())))))) {
                return op.column();
            }
        }
        return null;
    }

    /** The operation is, or has as a part, one of these. */
    private static boolean doesAny(ClassifiedOperation c, Set<DdlOperation> operations) {
        return operations.contains(c.ddlOperation()) || c.parts().stream().anyMatch(operations::contains);
    }

    private static final Set<DdlOperation> PARTITIONED_TABLE_COPIES = EnumSet.of(DdlOperation.DROP_PRIMARY_KEY,
            DdlOperation.REPLACE_PRIMARY_KEY, DdlOperation.PRIMARY_KEY_CHANGE_COPIED, DdlOperation.ADD_SYSTEM_VERSIONING);

    private static boolean mySqlIgnoresClauses(ClassifiedOperation c) {
        ClauseKind kind = c.operation().kind();
        return kind == ClauseKind.TRUNCATE_PARTITION
                || kind == ClauseKind.PARTITION_MAINTENANCE && MAINTENANCE_IGNORING_CLAUSES.matcher(textOf(c)).find();
    }

    private static String textOf(ClassifiedOperation c) {
        return c.operation().text() == null ? "" : c.operation().text();
    }

    private static final Pattern MAINTENANCE_IGNORING_CLAUSES =
            Pattern.compile("(?i)^\\s*(ANALYZE|CHECK|OPTIMIZE|REPAIR)\\s+PARTITION\\b");

    private static Verdict inplaceForm(List<ClassifiedOperation> classified) {
        boolean rebuild = false;
        LockLevel lock = LockLevel.NONE;
        for (ClassifiedOperation c : classified) {
            Verdict v = c.instantFallback() != null ? c.instantFallback() : c.verdict();
            rebuild |= v.rebuildsTable();
            lock = lock.stronger(v.lock());
        }
        if (rebuild && classified.stream().anyMatch(StatementClassifier::changesTextCollation)) {
            lock = lock.stronger(LockLevel.SHARED); // as in combine: MySQL's rule for a TEXT collation in a rebuild
        }
        return new Verdict(Algorithm.INPLACE, rebuild, lock);
    }

    private String describe(Verdict natural) {
        return "on " + target.displayName() + " this statement runs as " + natural;
    }
}
