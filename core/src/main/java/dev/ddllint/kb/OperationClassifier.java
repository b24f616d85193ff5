package dev.ddllint.kb;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.ColumnPosition;
import dev.ddllint.model.ColumnType;
import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.OperationKind;
import dev.ddllint.schema.TableFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Maps a model operation to a facts-table operation. The conditions that depend on the table, the column's
 * earlier definition or the session live here, as code; the answers themselves come from {@link KnowledgeBase}.
 */
public final class OperationClassifier {

    private final KnowledgeBase kb;
    private final TargetServer target;

    public OperationClassifier(KnowledgeBase kb, TargetServer target) {
        this.kb = kb;
        this.target = target;
    }

    /**
     * @param table                 facts about the table before the statement, or null when unknown
     * @param statementAddsPrimary  the same statement also adds a primary key
     * @param ignore                ALTER IGNORE
     */
    public ClassifiedOperation classify(AlterOperation op, TableFacts table, SessionState session,
                                        boolean statementAddsPrimary, boolean ignore) {
        List<String> assumptions = new ArrayList<>();
        List<DdlOperation> parts = map(op, table, session, statementAddsPrimary, assumptions);
        ClassifiedOperation worst = null;
        for (DdlOperation part : parts) {
            ClassifiedOperation c = verdictFor(op, part, table, ignore, assumptions);
            if (worst == null || isWeaker(c.verdict(), worst.verdict())) {
                worst = c;
            }
        }
        return worst;
    }

    private static boolean isWeaker(Verdict a, Verdict b) {
        if (a.algorithm() != b.algorithm()) {
            return a.algorithm().ordinal() > b.algorithm().ordinal();
        }
        if (a.rebuildsTable() != b.rebuildsTable()) {
            return a.rebuildsTable();
        }
        return a.lock().ordinal() > b.lock().ordinal();
    }

    private ClassifiedOperation verdictFor(AlterOperation op, DdlOperation ddl, TableFacts table, boolean ignore,
                                           List<String> assumptions) {
        Fact fact = kb.lookup(ddl, target).orElseGet(() -> kb.lookup(DdlOperation.UNKNOWN, target).orElseThrow());
        Verdict verdict = fact.verdict();
        Verdict fallback = fact.instantFallback();
        String reason = fact.note();
        if (fact.operation() != ddl) {
            reason = ddl + " is not available on " + target.displayName();
        }
        boolean instantAddDrop = ddl == DdlOperation.ADD_COLUMN_LAST || ddl == DdlOperation.ADD_COLUMN_POSITIONED
                || ddl == DdlOperation.DROP_COLUMN || (target.flavor() == ServerFlavor.MARIADB
                && ddl == DdlOperation.REORDER_COLUMN);
        if (verdict.algorithm() == Algorithm.INSTANT && instantAddDrop && table != null
                && (table.hasFulltextIndex() || table.isCompressed())) {
            verdict = fallback;
            fallback = null;
            reason = table.hasFulltextIndex()
                    ? "the table has a FULLTEXT index, so columns cannot be added or dropped instantly"
                    : "ROW_FORMAT=COMPRESSED tables cannot add or drop columns instantly";
        }
        if (verdict.rebuildsTable() && verdict.algorithm() == Algorithm.INPLACE && table != null
                && ddl != DdlOperation.ADD_FULLTEXT_INDEX_FIRST) {
            if (table.hasFulltextIndex() && target.isMySql()) {
                verdict = new Verdict(Algorithm.COPY, true, LockLevel.SHARED);
                reason = "the table has a FULLTEXT index, and InnoDB cannot rebuild such a table in place";
            } else if (table.hasFulltextIndex() || table.hasSpatialIndex()) {
                verdict = new Verdict(verdict.algorithm(), true, verdict.lock().stronger(LockLevel.SHARED));
                reason = "rebuilding a table that keeps a FULLTEXT or SPATIAL index needs LOCK=SHARED";
            }
        }
        verdict = onlineCopy(verdict, ignore);
        return new ClassifiedOperation(op, ddl, verdict, fallback, fact, assumptions, reason);
    }

    /** MariaDB 11.2+ copies tables with concurrent writes ("online COPY"), except for ALTER IGNORE. */
    Verdict onlineCopy(Verdict v, boolean ignore) {
        if (v.algorithm() == Algorithm.COPY && target.flavor() == ServerFlavor.MARIADB
                && target.version().atLeast(11, 2, 0) && !ignore) {
            return new Verdict(Algorithm.COPY, true, LockLevel.NONE);
        }
        return v;
    }

    private List<DdlOperation> map(AlterOperation op, TableFacts table, SessionState session,
                                   boolean statementAddsPrimary, List<String> assumptions) {
        return switch (op.kind()) {
            case ADD_COLUMN -> List.of(addColumn(op.definition()));
            case DROP_COLUMN -> List.of(dropColumn(op.column(), table, assumptions));
            case MODIFY_COLUMN, CHANGE_COLUMN -> changeColumn(op, table, assumptions);
            case RENAME_COLUMN -> List.of(DdlOperation.RENAME_COLUMN);
            case SET_DEFAULT, DROP_DEFAULT -> List.of(DdlOperation.SET_DEFAULT);
            case SET_COLUMN_VISIBILITY -> List.of(DdlOperation.SET_COLUMN_VISIBILITY);
            case ADD_INDEX -> List.of(addIndex(op.index(), table, assumptions));
            case DROP_INDEX -> List.of(dropIndex(op.index(), table, statementAddsPrimary));
            case RENAME_INDEX -> List.of(DdlOperation.RENAME_INDEX);
            case SET_INDEX_VISIBILITY -> List.of(DdlOperation.INDEX_VISIBILITY);
            case ADD_PRIMARY_KEY -> List.of(DdlOperation.ADD_PRIMARY_KEY);
            case DROP_PRIMARY_KEY -> List.of(statementAddsPrimary ? DdlOperation.REPLACE_PRIMARY_KEY
                    : DdlOperation.DROP_PRIMARY_KEY);
            case ADD_FOREIGN_KEY -> List.of(session.foreignKeyChecks() ? DdlOperation.ADD_FOREIGN_KEY
                    : DdlOperation.ADD_FOREIGN_KEY_UNCHECKED);
            case DROP_FOREIGN_KEY -> List.of(DdlOperation.DROP_FOREIGN_KEY);
            case ADD_CHECK_CONSTRAINT -> List.of(DdlOperation.ADD_CHECK_CONSTRAINT);
            case DROP_CHECK_CONSTRAINT -> List.of(DdlOperation.DROP_CHECK_CONSTRAINT);
            case DROP_CONSTRAINT -> List.of(dropConstraint(op.index(), table, statementAddsPrimary, assumptions));
            case RENAME_TABLE -> List.of(DdlOperation.RENAME_TABLE);
            case CONVERT_CHARSET -> List.of(convert(op.value(), table, assumptions));
            case DEFAULT_CHARSET -> List.of(DdlOperation.DEFAULT_CHARSET);
            case TABLE_COMMENT -> List.of(DdlOperation.TABLE_COMMENT);
            case AUTO_INCREMENT_VALUE -> List.of(DdlOperation.AUTO_INCREMENT_VALUE);
            case STATS_OPTION -> List.of(DdlOperation.STATS_OPTION);
            case ROW_FORMAT, KEY_BLOCK_SIZE, FORCE -> List.of(DdlOperation.TABLE_REBUILD);
            case ENGINE -> List.of(engine(op.value(), table, assumptions));
            case ENCRYPTION -> List.of(DdlOperation.ENCRYPTION);
            case TABLESPACE -> List.of(DdlOperation.TABLESPACE);
            case ORDER_BY -> List.of(DdlOperation.ORDER_BY);
            case TABLE_OPTION -> List.of(DdlOperation.TABLE_OPTION);
            case DISCARD_TABLESPACE, IMPORT_TABLESPACE -> List.of(DdlOperation.TABLESPACE_DISCARD_IMPORT);
            case PARTITION_BY -> List.of(DdlOperation.PARTITION_BY);
            case REMOVE_PARTITIONING -> List.of(DdlOperation.REMOVE_PARTITIONING);
            case ADD_PARTITION -> List.of(DdlOperation.ADD_PARTITION);
            case DROP_PARTITION -> List.of(DdlOperation.DROP_PARTITION);
            case TRUNCATE_PARTITION -> List.of(DdlOperation.TRUNCATE_PARTITION);
            case COALESCE_PARTITION, REORGANIZE_PARTITION, REBUILD_PARTITION -> List.of(DdlOperation.PARTITION_REORGANIZE);
            case EXCHANGE_PARTITION -> List.of(DdlOperation.EXCHANGE_PARTITION);
            case PARTITION_MAINTENANCE -> List.of(DdlOperation.PARTITION_MAINTENANCE);
            case UNKNOWN -> List.of(DdlOperation.UNKNOWN);
        };
    }

    private static DdlOperation addColumn(ColumnDefinition def) {
        if (def == null) {
            return DdlOperation.UNKNOWN;
        }
        if (def.generated() == ColumnDefinition.Generated.STORED) {
            return DdlOperation.ADD_STORED_GENERATED_COLUMN;
        }
        if (def.generated() == ColumnDefinition.Generated.VIRTUAL) {
            return DdlOperation.ADD_VIRTUAL_COLUMN;
        }
        if (def.autoIncrement()) {
            return DdlOperation.ADD_AUTO_INCREMENT_COLUMN;
        }
        return def.position() == null ? DdlOperation.ADD_COLUMN_LAST : DdlOperation.ADD_COLUMN_POSITIONED;
    }

    private static DdlOperation dropColumn(String column, TableFacts table, List<String> assumptions) {
        if (table == null) {
            assumptions.add("nothing is known about the table: assumed column `" + column
                    + "` is part of an index (dropping it rebuilds the table)");
            return DdlOperation.DROP_INDEXED_COLUMN;
        }
        ColumnDefinition existing = table.column(column).orElse(null);
        if (existing != null && existing.generated() == ColumnDefinition.Generated.VIRTUAL) {
            return DdlOperation.DROP_VIRTUAL_COLUMN;
        }
        return table.isIndexed(column) ? DdlOperation.DROP_INDEXED_COLUMN : DdlOperation.DROP_COLUMN;
    }

    private DdlOperation addIndex(IndexDefinition index, TableFacts table, List<String> assumptions) {
        if (index == null) {
            return DdlOperation.ADD_INDEX;
        }
        if (index.kind() == IndexKind.FULLTEXT) {
            if (table == null) {
                assumptions.add("nothing is known about the table: assumed this is its first FULLTEXT index "
                        + "(which rebuilds the table)");
                return DdlOperation.ADD_FULLTEXT_INDEX_FIRST;
            }
            return table.hasFulltextIndex() ? DdlOperation.ADD_FULLTEXT_INDEX : DdlOperation.ADD_FULLTEXT_INDEX_FIRST;
        }
        if (index.kind() == IndexKind.SPATIAL) {
            return DdlOperation.ADD_SPATIAL_INDEX;
        }
        if (index.kind() == IndexKind.PRIMARY) {
            return DdlOperation.ADD_PRIMARY_KEY;
        }
        return DdlOperation.ADD_INDEX;
    }

    private static DdlOperation dropIndex(IndexDefinition index, TableFacts table, boolean statementAddsPrimary) {
        if (index != null && "PRIMARY".equalsIgnoreCase(index.name())) {
            return statementAddsPrimary ? DdlOperation.REPLACE_PRIMARY_KEY : DdlOperation.DROP_PRIMARY_KEY;
        }
        if (index != null && table != null && !statementAddsPrimary) {
            // Without a PRIMARY KEY, InnoDB clusters on the first UNIQUE NOT NULL index: dropping it drops the key.
            boolean clustered = table.implicitPrimaryKey()
                    .map(k -> k.name() != null && k.name().equalsIgnoreCase(index.name())).orElse(false);
            if (clustered) {
                return DdlOperation.DROP_PRIMARY_KEY;
            }
        }
        return DdlOperation.DROP_INDEX;
    }

    private DdlOperation dropConstraint(IndexDefinition index, TableFacts table, boolean statementAddsPrimary,
                                        List<String> assumptions) {
        String name = index == null ? null : index.name();
        if (table != null && name != null) {
            for (IndexDefinition i : table.indexes()) {
                if (name.equalsIgnoreCase(i.name())) {
                    return switch (i.kind()) {
                        case FOREIGN -> DdlOperation.DROP_FOREIGN_KEY;
                        case CHECK -> DdlOperation.DROP_CHECK_CONSTRAINT;
                        case PRIMARY -> statementAddsPrimary ? DdlOperation.REPLACE_PRIMARY_KEY
                                : DdlOperation.DROP_PRIMARY_KEY;
                        default -> dropIndex(i, table, statementAddsPrimary);
                    };
                }
            }
        }
        assumptions.add("constraint `" + name + "` is not known: assumed it is a foreign key, CHECK or "
                + "secondary unique key (dropped in place)");
        return DdlOperation.DROP_INDEX;
    }

    /** CONVERT TO: only a collation change when every character column already uses the target charset. */
    private static DdlOperation convert(String charset, TableFacts table, List<String> assumptions) {
        String next = normalise(charset == null ? null : charset.toLowerCase(Locale.ROOT));
        List<String> current = table == null ? List.of() : table.columns().values().stream()
                .filter(c -> isString(c.type())).map(c -> effectiveCharset(c.type(), table)).toList();
        if (table == null || current.isEmpty() && table.defaultCharset() == null) {
            assumptions.add("the table's current character set is unknown: assumed CONVERT TO changes it "
                    + "(which copies the table)");
            return DdlOperation.CONVERT_CHARSET;
        }
        boolean sameCharset = current.stream().allMatch(cs -> Objects.equals(normalise(cs), next));
        return sameCharset ? DdlOperation.CONVERT_COLLATION : DdlOperation.CONVERT_CHARSET;
    }

    private static String normalise(String charset) {
        return "utf8".equals(charset) ? "utf8mb3" : charset;
    }

    private static DdlOperation engine(String engine, TableFacts table, List<String> assumptions) {
        String current = table == null ? null : table.options().get("ENGINE");
        if (engine != null && engine.equalsIgnoreCase("INNODB")) {
            if (current != null && !current.equalsIgnoreCase("INNODB")) {
                return DdlOperation.ENGINE_CHANGE;
            }
            if (current == null && table == null) {
                assumptions.add("the table's current engine is unknown: assumed InnoDB (ENGINE=InnoDB rebuilds it)");
            }
            return DdlOperation.TABLE_REBUILD;
        }
        return DdlOperation.ENGINE_CHANGE;
    }

    /** MODIFY/CHANGE COLUMN: every aspect that differs from the earlier definition is one operation. */
    private List<DdlOperation> changeColumn(AlterOperation op, TableFacts table, List<String> assumptions) {
        ColumnDefinition next = op.definition();
        if (next == null) {
            return List.of(DdlOperation.UNKNOWN);
        }
        ColumnDefinition previous = table == null ? null : table.column(op.column()).orElse(null);
        if (previous == null) {
            assumptions.add("the earlier definition of column `" + op.column() + "` is unknown"
                    + (table == null ? " (the table is not created by these migrations and no live schema is configured)"
                    : "") + ": assumed its data type changes (COPY)");
            return List.of(DdlOperation.COLUMN_TYPE_CHANGE);
        }
        List<DdlOperation> parts = new ArrayList<>();
        ColumnType before = previous.type();
        ColumnType after = next.type();
        if (!before.canonical().equals(after.canonical())) {
            parts.add(typeChange(before, after, effectiveCharset(before, table), effectiveCharset(after, table)));
        } else if (isString(after) && !Objects.equals(normalise(effectiveCharset(before, table)),
                normalise(effectiveCharset(after, table)))
                || isString(after) && collationChanged(before, after)) {
            parts.add(DdlOperation.COLUMN_CHARSET_CHANGE);
        }
        if (previous.isNotNull() != next.isNotNull()) {
            parts.add(next.isNotNull() ? DdlOperation.MAKE_NOT_NULL : DdlOperation.MAKE_NULLABLE);
        }
        if (previous.autoIncrement() != next.autoIncrement() || previous.generated() != next.generated()) {
            parts.add(DdlOperation.COLUMN_TYPE_CHANGE);
        }
        if (next.position() != null && !samePosition(next.position(), op.column(), table)) {
            parts.add(DdlOperation.REORDER_COLUMN);
        }
        if (op.kind() == OperationKind.CHANGE_COLUMN && !next.name().equalsIgnoreCase(op.column())) {
            parts.add(DdlOperation.RENAME_COLUMN);
        }
        if (parts.isEmpty()) {
            parts.add(DdlOperation.COLUMN_METADATA_ONLY);
        }
        return parts;
    }

    private static boolean collationChanged(ColumnType before, ColumnType after) {
        return after.collation() != null && !after.collation().equalsIgnoreCase(
                before.collation() == null ? "" : before.collation());
    }

    private static boolean samePosition(ColumnPosition position, String column, TableFacts table) {
        List<String> order = new ArrayList<>(table.columns().keySet());
        int at = order.indexOf(TableFacts.key(column));
        if (position.first()) {
            return at == 0;
        }
        return at > 0 && order.get(at - 1).equals(TableFacts.key(position.afterColumn()));
    }

    private static boolean isString(ColumnType t) {
        return switch (t.name()) {
            case "CHAR", "VARCHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "SET" -> true;
            default -> false;
        };
    }

    private static String effectiveCharset(ColumnType t, TableFacts table) {
        if (t.charset() != null) {
            return t.charset();
        }
        if (t.collation() != null) {
            return Charsets.ofCollation(t.collation());
        }
        String tableCharset = table == null ? null : table.defaultCharset();
        return tableCharset == null ? Charsets.ASSUMED : tableCharset;
    }

    private DdlOperation typeChange(ColumnType before, ColumnType after, String charsetBefore, String charsetAfter) {
        if (before.isVarchar() && before.name().equals(after.name())
                && Objects.equals(normalise(charsetBefore), normalise(charsetAfter))
                && after.length() > before.length() && before.length() > 0) {
            int mb = before.name().equals("VARBINARY") ? 1 : Charsets.maxBytes(charsetBefore);
            int oldBytes = before.length() * mb;
            int newBytes = after.length() * mb;
            if ((oldBytes <= 255) == (newBytes <= 255)) {
                return DdlOperation.VARCHAR_EXTEND_SAME_PREFIX;
            }
            // MariaDB extends instantly across the boundary only from at most 127 bytes.
            if (target.flavor() == ServerFlavor.MARIADB && oldBytes > 127) {
                return DdlOperation.COLUMN_TYPE_CHANGE;
            }
            return DdlOperation.VARCHAR_EXTEND_CROSS_PREFIX;
        }
        if (before.isEnumOrSet() && before.name().equals(after.name())
                && after.arguments().size() > before.arguments().size()
                && after.arguments().subList(0, before.arguments().size()).equals(before.arguments())
                && storageBytes(before) == storageBytes(after)) {
            return DdlOperation.ENUM_APPEND;
        }
        return DdlOperation.COLUMN_TYPE_CHANGE;
    }

    private static int storageBytes(ColumnType enumOrSet) {
        int n = enumOrSet.arguments().size();
        if (enumOrSet.name().equals("ENUM")) {
            return n <= 255 ? 1 : 2;
        }
        int bytes = (n + 7) / 8;
        return bytes > 4 ? 8 : bytes;
    }
}
