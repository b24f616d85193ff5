package dev.ddllint.schema;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.CreateTableDefinition;
import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.Statement;
import dev.ddllint.model.TableName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables known so far, replayed from the statements that shape them (CREATE TABLE [LIKE], ALTER TABLE,
 * CREATE/DROP INDEX, RENAME TABLE, DROP TABLE) in migration order. Not thread-safe: one per analysis.
 */
public final class Schema {

    private final Map<String, TableFacts> tables = new HashMap<>();
    private String defaultDatabase;
    /** Tables read from a live database: their definition wins over a CREATE TABLE replayed from a file. */
    private final java.util.Set<String> live = new java.util.HashSet<>();

    /** The tables whose foreign keys reference each table, kept as tables are put and removed. */
    private final ReferencingTables referencing = new ReferencingTables();

    /** Why a table the replay knew is unknown now (a file or statement before it was not read), by table key. */
    private final Map<String, String> unknownBecause = new HashMap<>();

    /**
     * A file or statement that was not read may have changed {@code table}: it leaves the table unknown, so later
     * statements on it get the verdict of a table not known (the conservative one), and {@link #unknownBecause}
     * says why.
     *
     * @param cause what was not read, for the findings ({@code "V3__big.sql was not read (…)"})
     */
    public void forget(TableName table, String cause) {
        String key = key(table);
        if (remove(key) != null) {
            unknownBecause.put(key, cause);
        }
        live.remove(key);
    }

    /** As {@link #forget} for every table known so far: what was not read may have changed any of them. */
    public void forgetAll(String cause) {
        for (String key : new ArrayList<>(tables.keySet())) {
            remove(key);
            unknownBecause.put(key, cause);
        }
        live.clear();
    }

    /**
     * Why the table is unknown although the replay knew it: "the state of `t` after it is unknown" follows from
     * the cause. Empty for a table known, or never known.
     */
    public Optional<String> unknownBecause(TableName table) {
        return table == null || tables.containsKey(key(table)) ? Optional.empty()
                : Optional.ofNullable(unknownBecause.get(key(table)));
    }

    /** Triggers created by the migrations, by table key. */
    private final Map<String, java.util.List<String>> triggers = new HashMap<>();

    /** Records a CREATE TRIGGER on a table (gh-ost refuses tables with triggers). */
    public void recordTrigger(String table, String trigger) {
        triggers.computeIfAbsent(TableFacts.key(table), k -> new java.util.ArrayList<>()).add(trigger);
    }

    /** Triggers on the table and the tables whose foreign keys reference it. */
    public TableLinks links(TableName name) {
        if (name == null) {
            return TableLinks.NONE;
        }
        String key = key(name);
        return new TableLinks(triggers.getOrDefault(key, java.util.List.of()), referencing.of(key));
    }

    /**
     * The table's columns (by {@link TableFacts#key}) that the foreign keys of the tables known, its own included,
     * reference: MySQL renames such a column in place, never instantly.
     */
    public java.util.Set<String> referencedColumns(TableName name) {
        if (name == null) {
            return java.util.Set.of();
        }
        String key = key(name);
        java.util.Set<String> columns = new java.util.HashSet<>();
        for (String table : referencing.of(key)) {
            TableFacts t = tables.get(key(table));
            for (IndexDefinition i : t == null ? java.util.List.<IndexDefinition>of() : t.indexes()) {
                if (references(i, key)) {
                    i.referencedColumns().forEach(c -> columns.add(TableFacts.key(c)));
                }
            }
        }
        return columns;
    }

    private TableFacts remove(String key) {
        TableFacts removed = tables.remove(key);
        referencing.replace(key, removed, null);
        return removed;
    }

    /**
     * The database the live schema was read from: a name qualified with it is the unqualified one. Without it a
     * qualified and an unqualified name are two tables (the default database is not known).
     */
    public void defaultDatabase(String database) {
        this.defaultDatabase = database == null ? null : database.toLowerCase(java.util.Locale.ROOT);
    }

    private String key(TableName name) {
        return key(name.toString());
    }

    /** The map key of a table name as written ({@code t} or {@code db.t}), without the default database. */
    private String key(String name) {
        String k = TableFacts.key(name.replace("`", ""));
        return defaultDatabase != null && k.startsWith(defaultDatabase + ".") ? k.substring(defaultDatabase.length() + 1)
                : k;
    }

    public Optional<TableFacts> table(TableName name) {
        return name == null ? Optional.empty() : Optional.ofNullable(tables.get(key(name)));
    }

    public void put(TableFacts facts) {
        String key = key(facts.name());
        referencing.replace(key, tables.put(key, facts), facts);
    }

    /** Seeds a table as it stands in the live database. */
    public void putLive(TableFacts facts) {
        put(facts);
        live.add(key(facts.name()));
    }

    /**
     * Records what a classified ALTER did to MySQL's instant row versions: an instant ADD/DROP COLUMN uses one,
     * a table rebuild starts again from zero. Unknown counts stay unknown.
     */
    public void recordRowVersions(TableName table, boolean usedInstantColumnChange, boolean rebuilt) {
        table(table).filter(t -> t.rowVersions() >= 0 || rebuilt).ifPresent(t -> {
            if (rebuilt) {
                put(t.withRowVersions(0));
            } else if (usedInstantColumnChange) {
                put(t.withRowVersions(t.rowVersions() + 1));
            }
        });
    }

    /**
     * A statement that may or may not run (DDL in a string for PREPARE, often one branch of an IF): what it would
     * change becomes unknown. Its columns and indexes leave the table's facts (a later verdict on them assumes the
     * worst); a statement that changes the whole table (CREATE, DROP, RENAME, table options, partitioning) leaves
     * the table unknown.
     */
    public void applyUncertain(Statement s) {
        if (s.table() == null) {
            s.renames().forEach(p -> {
                remove(key(p.from()));
                remove(key(p.to()));
            });
            return;
        }
        TableFacts t = tables.get(key(s.table()));
        if (t == null) {
            return;
        }
        boolean partial = (s.kind() == dev.ddllint.model.StatementKind.ALTER_TABLE
                || s.kind() == dev.ddllint.model.StatementKind.CREATE_INDEX
                || s.kind() == dev.ddllint.model.StatementKind.DROP_INDEX) && s.parsed()
                && s.operations().stream().allMatch(op -> op.column() != null || op.index() != null
                || op.definition() != null);
        if (!partial) {
            remove(key(s.table()));
            return;
        }
        java.util.Set<String> columns = new java.util.HashSet<>();
        java.util.Set<String> indexes = new java.util.HashSet<>();
        for (AlterOperation op : s.operations()) {
            for (String c : new String[] {op.column(), op.newName(),
                    op.definition() == null ? null : op.definition().name()}) {
                if (c != null) {
                    columns.add(TableFacts.key(c));
                }
            }
            if (op.index() != null && op.index().name() != null) {
                indexes.add(TableFacts.key(op.index().name()));
            }
        }
        List<ColumnDefinition> kept = t.columns().values().stream()
                .filter(c -> !columns.contains(TableFacts.key(c.name()))).toList();
        List<IndexDefinition> keptIndexes = t.indexes().stream().filter(i -> !indexes.contains(TableFacts.key(i.name()))
                && i.columns().stream().noneMatch(c -> columns.contains(TableFacts.key(c)))).toList();
        remove(key(t.name()));
        put(TableFacts.of(t.name(), new ArrayList<>(kept), keptIndexes, t.options(), t.origin(), t.createdInRun(),
                t.partitioned()).withRowVersions(TableFacts.UNKNOWN_ROW_VERSIONS));
    }

    /** Applies one statement's effect on the tables; {@code origin} names its file and line. */
    public void apply(Statement s, String origin) {
        if (!s.parsed()) {
            return;
        }
        switch (s.kind()) {
            case CREATE_TABLE -> create(s, origin);
            case DROP_TABLE -> {
                if (s.table() != null) {
                    remove(key(s.table()));
                }
                s.renames().forEach(p -> remove(key(p.from())));
            }
            case RENAME_TABLE -> s.renames().forEach(p -> {
                TableFacts t = remove(key(p.from()));
                if (t != null) {
                    put(renamed(t, p.to().toString()));
                    updateReferencingKeys(p.from().toString(), i -> i.withReferencedTable(p.to().toString()));
                }
                String cause = unknownBecause.get(key(p.from()));
                if (t == null && cause != null) {
                    unknownBecause.put(key(p.to()), cause); // still unknown, under its new name
                }
            });
            case ALTER_TABLE, CREATE_INDEX, DROP_INDEX -> table(s.table()).ifPresent(t -> alter(t, s.operations()));
            default -> {
            }
        }
    }

    private void create(Statement s, String origin) {
        CreateTableDefinition def = s.createTable();
        if (def == null || s.table() == null || live.contains(key(s.table()))) {
            return;
        }
        if (def.likeTable() != null) {
            table(def.likeTable()).ifPresent(src -> put(TableFacts.of(s.table().toString(),
                    new ArrayList<>(src.columns().values()), src.indexes(), src.options(), origin, true,
                    src.partitioned())));
            return;
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (ColumnDefinition c : def.columns()) {
            boolean inPrimaryKey = c.primaryKey() || def.indexes().stream().anyMatch(i -> i.kind() == IndexKind.PRIMARY
                    && i.columns().stream().anyMatch(k -> TableFacts.key(k).equals(TableFacts.key(c.name()))));
            // Primary-key columns are NOT NULL whether or not the definition says so.
            ColumnDefinition column = withCharset(c, charsetOf(def.options()));
            columns.add(inPrimaryKey ? withNullable(column, false) : column);
        }
        put(TableFacts.of(s.table().toString(), columns, ForeignKeyIndexes.withImplicit(def.indexes()), def.options(),
                origin, true, def.partitioned()));
    }

    private void alter(TableFacts t, List<AlterOperation> ops) {
        Map<String, ColumnDefinition> columns = new LinkedHashMap<>(t.columns());
        List<IndexDefinition> indexes = new ArrayList<>(t.indexes());
        Map<String, String> options = new LinkedHashMap<>(t.options());
        String name = t.name();
        boolean partitioned = t.partitioned();
        Map<String, String> renamedColumns = new LinkedHashMap<>();
        for (AlterOperation op : ops) {
            switch (op.kind()) {
                case ADD_COLUMN -> {
                    if (op.definition() != null) {
                        columns.put(TableFacts.key(op.column()), withCharset(op.definition(), charsetOf(options)));
                        if (op.definition().primaryKey()) {
                            indexes.add(new IndexDefinition("PRIMARY", IndexKind.PRIMARY, List.of(op.column()), null)
                                    .withSignature(IndexDefinition.signatureOf(List.of(op.column()))));
                        }
                    }
                }
                case MODIFY_COLUMN, CHANGE_COLUMN -> {
                    if (op.definition() != null) {
                        columns.remove(TableFacts.key(op.column()));
                        columns.put(TableFacts.key(op.definition().name()),
                                withCharset(op.definition(), charsetOf(options)));
                        renameInIndexes(indexes, op.column(), op.definition().name());
                        renamedColumns.put(op.column(), op.definition().name());
                    }
                }
                case RENAME_COLUMN -> {
                    ColumnDefinition c = columns.remove(TableFacts.key(op.column()));
                    if (c != null && op.newName() != null) {
                        columns.put(TableFacts.key(op.newName()), c.withName(op.newName()));
                        renameInIndexes(indexes, op.column(), op.newName());
                        renamedColumns.put(op.column(), op.newName());
                    }
                }
                case DROP_COLUMN -> {
                    columns.remove(TableFacts.key(op.column()));
                    String k = TableFacts.key(op.column());
                    indexes.replaceAll(i -> i.withColumns(
                            i.columns().stream().filter(c -> !TableFacts.key(c).equals(k)).toList()));
                    indexes.removeIf(i -> i.columns().isEmpty() && i.kind() != IndexKind.CHECK);
                }
                case ADD_INDEX, ADD_PRIMARY_KEY, ADD_FOREIGN_KEY, ADD_CHECK_CONSTRAINT -> {
                    IndexDefinition altered = op.kind() == ClauseKind.ADD_CHECK_CONSTRAINT && op.index() != null
                            && op.index().name() != null ? indexes.stream().filter(i -> i.kind() == IndexKind.CHECK
                            && op.index().name().equalsIgnoreCase(i.name())).findFirst().orElse(null) : null;
                    if (altered != null) {
                        // ALTER CHECK c [NOT] ENFORCED: the constraint is the same, its enforcement changes.
                        indexes.set(indexes.indexOf(altered), altered.withSignature(op.index().signature()));
                    } else if (op.index() != null) {
                        indexes.add(op.index());
                    }
                }
                case DROP_PRIMARY_KEY -> indexes.removeIf(i -> i.kind() == IndexKind.PRIMARY);
                case DROP_INDEX, DROP_FOREIGN_KEY, DROP_CHECK_CONSTRAINT, DROP_CONSTRAINT -> {
                    String dropped = op.index() == null ? null : TableFacts.key(op.index().name());
                    indexes.removeIf(i -> TableFacts.key(i.name()).equals(dropped));
                }
                case RENAME_INDEX -> indexes.replaceAll(i -> TableFacts.key(i.name()).equals(TableFacts.key(op.column()))
                        ? i.withName(op.newName()) : i);
                case RENAME_TABLE -> name = op.newName() == null ? name : op.newName();
                case ROW_FORMAT, KEY_BLOCK_SIZE, ENGINE -> options.put(op.kind() == dev.ddllint.model.ClauseKind.ENGINE
                        ? "ENGINE" : op.kind().name(), op.value());
                case CONVERT_CHARSET, DEFAULT_CHARSET -> {
                    if (op.value() != null) {
                        options.put("CHARSET", op.value());
                        options.remove("COLLATE");
                        if (op.kind() == dev.ddllint.model.ClauseKind.CONVERT_CHARSET) {
                            columns.replaceAll((k, c) -> isCharacterType(c) ? withCharset(c.withName(c.name()),
                                    op.value(), true) : c);
                        }
                    }
                }
                case PARTITION_BY -> {
                    partitioned = true;
                    String names = op.text() == null ? null : dev.ddllint.sql.TolerantStatementReader
                            .partitionNamesOf(op.text());
                    if (names == null) {
                        options.remove(TableFacts.PARTITIONS);
                    } else {
                        options.put(TableFacts.PARTITIONS, names);
                    }
                }
                case REMOVE_PARTITIONING -> {
                    partitioned = false;
                    options.remove(TableFacts.PARTITIONS);
                }
                // Partitions added, dropped or reorganized: the names follow; what does not fit leaves them unknown.
                case ADD_PARTITION, DROP_PARTITION, REORGANIZE_PARTITION, COALESCE_PARTITION -> {
                    String names = PartitionNames.after(op.kind(), op.text(), options.get(TableFacts.PARTITIONS));
                    if (names == null) {
                        options.remove(TableFacts.PARTITIONS);
                    } else {
                        options.put(TableFacts.PARTITIONS, names);
                    }
                }
                case SYSTEM_VERSIONING -> {
                    String text = op.text() == null ? "" : op.text().strip().toUpperCase(java.util.Locale.ROOT);
                    if (text.startsWith("DROP")) {
                        options.remove(TableFacts.SYSTEM_VERSIONING);
                    } else if (text.startsWith("ADD")) {
                        options.put(TableFacts.SYSTEM_VERSIONING, "YES");
                    }
                }
                default -> {
                }
            }
        }
        // Primary-key columns are NOT NULL whatever a MODIFY or ADD PRIMARY KEY said (the server makes them so).
        indexes.stream().filter(i -> i.kind() == IndexKind.PRIMARY).flatMap(i -> i.columns().stream())
                .forEach(c -> columns.computeIfPresent(TableFacts.key(c), (k, d) -> withNullable(d, false)));
        remove(key(t.name()));
        put(TableFacts.of(name, new ArrayList<>(columns.values()), ForeignKeyIndexes.withImplicit(indexes), options,
                t.origin(), t.createdInRun(), partitioned).withRowVersions(t.rowVersions()));
        String renamedTable = name;
        renamedColumns.forEach((from, to) -> updateReferencingKeys(t.name(),
                i -> i.withReferencedColumnRenamed(from, to)));
        if (!key(t.name()).equals(key(name))) {
            updateReferencingKeys(t.name(), i -> i.withReferencedTable(renamedTable));
        }
    }

    /**
     * The server keeps the foreign keys that reference a table pointing at it when it renames the table or one
     * of its columns: so does the replay, or the links and {@link #referencedColumns} would be lost.
     */
    private void updateReferencingKeys(String referenced, java.util.function.UnaryOperator<IndexDefinition> change) {
        String target = TableFacts.key(ReferencingTables.unqualified(referenced));
        for (String table : referencing.of(target)) {
            TableFacts t = tables.get(key(table));
            if (t == null) {
                continue;
            }
            List<IndexDefinition> indexes = t.indexes().stream().map(i -> references(i, target) ? change.apply(i) : i)
                    .toList();
            put(new TableFacts(t.name(), t.columns(), new ArrayList<>(indexes), t.options(), t.origin(),
                    t.createdInRun(), t.partitioned(), t.rowVersions(), t.referencedColumns()));
        }
    }

    /** The index is a foreign key to the table of key {@code tableKey}. */
    private static boolean references(IndexDefinition i, String tableKey) {
        return i.kind() == IndexKind.FOREIGN && i.referencedTable() != null
                && TableFacts.key(ReferencingTables.unqualified(i.referencedTable())).equals(tableKey);
    }

    private static void renameInIndexes(List<IndexDefinition> indexes, String from, String to) {
        if (from == null || to == null || from.equalsIgnoreCase(to)) {
            return;
        }
        indexes.replaceAll(i -> new IndexDefinition(i.name(), i.kind(),
                i.columns().stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList(), i.referencedTable(),
                i.usingHash(), i.prefixedColumns().stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList(),
                i.cascading(), i.referencedColumns()));
    }

    private static TableFacts renamed(TableFacts t, String newName) {
        return new TableFacts(newName, t.columns(), t.indexes(), t.options(), t.origin(), t.createdInRun(),
                t.partitioned(), t.rowVersions(), t.referencedColumns());
    }

    /** The table's default character set from its options (CHARSET, or the prefix of COLLATE), lower case. */
    private static String charsetOf(Map<String, String> options) {
        String cs = options.get("CHARSET");
        if (cs == null && options.get("COLLATE") != null) {
            String collation = options.get("COLLATE");
            cs = collation.contains("_") ? collation.substring(0, collation.indexOf('_')) : collation;
        }
        return cs == null ? null : cs.toLowerCase(java.util.Locale.ROOT);
    }

    static boolean isCharacterType(ColumnDefinition c) {
        return switch (c.type().name()) {
            case "CHAR", "VARCHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "SET" -> true;
            default -> false;
        };
    }

    /** A character column keeps the charset in force when it was defined; record it so later changes compare. */
    private static ColumnDefinition withCharset(ColumnDefinition c, String tableCharset) {
        return withCharset(c, tableCharset, false);
    }

    private static ColumnDefinition withCharset(ColumnDefinition c, String charset, boolean replace) {
        if (charset == null || !isCharacterType(c) || (!replace && (c.type().charset() != null
                || c.type().collation() != null))) {
            return c;
        }
        dev.ddllint.model.ColumnType t = c.type();
        dev.ddllint.model.ColumnType typed = new dev.ddllint.model.ColumnType(t.name(), t.arguments(), t.unsigned(),
                t.zerofill(), charset, replace ? null : t.collation());
        return new ColumnDefinition(c.name(), typed, c.nullable(), c.defaultValue(), c.autoIncrement(),
                c.generated(), c.primaryKey(), c.unique(), c.comment(), c.position());
    }

    private static ColumnDefinition withNullable(ColumnDefinition c, boolean nullable) {
        return new ColumnDefinition(c.name(), c.type(), nullable, c.defaultValue(), c.autoIncrement(), c.generated(),
                c.primaryKey(), c.unique(), c.comment(), c.position());
    }
}
