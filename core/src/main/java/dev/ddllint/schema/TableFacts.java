package dev.ddllint.schema;

import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What is known about one table before a statement runs: its columns, keys and options.
 *
 * @param origin where the facts came from, e.g. "V1__init.sql:3" or "live schema"
 * @param createdInRun true when the table was created by the migrations being analyzed (so it holds no data yet)
 * @param rowVersions  MySQL's instant row versions used so far (INNODB_TABLES.TOTAL_ROW_VERSIONS), or -1 unknown
 * @param referencedColumns the columns (by {@link #key}) that foreign keys, of other tables or its own, reference;
 *                     only those the analysed migrations show ({@link Schema#referencedColumns})
 */
public record TableFacts(String name, Map<String, ColumnDefinition> columns, List<IndexDefinition> indexes,
                         Map<String, String> options, String origin, boolean createdInRun, boolean partitioned,
                         int rowVersions, Set<String> referencedColumns) {

    public static final int UNKNOWN_ROW_VERSIONS = -1;
    /** Option key set to YES for a MariaDB table created WITH SYSTEM VERSIONING. */
    public static final String SYSTEM_VERSIONING = "SYSTEM_VERSIONING";
    /** Option key holding the names of the partitions the CREATE lists (lower case, comma-separated); absent: unknown. */
    public static final String PARTITIONS = "PARTITIONS";

    public static TableFacts of(String name, List<ColumnDefinition> columns, List<IndexDefinition> indexes,
                                Map<String, String> options, String origin, boolean createdInRun,
                                boolean partitioned) {
        Map<String, ColumnDefinition> byName = new LinkedHashMap<>();
        for (ColumnDefinition c : columns) {
            byName.put(key(c.name()), c);
        }
        return new TableFacts(name, byName, new ArrayList<>(indexes), new LinkedHashMap<>(options), origin,
                createdInRun, partitioned, createdInRun ? 0 : UNKNOWN_ROW_VERSIONS, Set.of());
    }

    public TableFacts withRowVersions(int versions) {
        return new TableFacts(name, columns, indexes, options, origin, createdInRun, partitioned, versions,
                referencedColumns);
    }

    public TableFacts withReferencedColumns(Set<String> referenced) {
        if (referenced.equals(referencedColumns)) {
            return this; // asked for every statement: most tables are referenced by nothing
        }
        return new TableFacts(name, columns, indexes, options, origin, createdInRun, partitioned, rowVersions,
                Set.copyOf(referenced));
    }

    /** A foreign key (of another table, or of this one) references the column. */
    public boolean isReferenced(String column) {
        return referencedColumns.contains(key(column));
    }

    public static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    public Optional<ColumnDefinition> column(String name) {
        return Optional.ofNullable(columns.get(key(name)));
    }

    public boolean hasFulltextIndex() {
        return indexes.stream().anyMatch(i -> i.kind() == IndexKind.FULLTEXT);
    }

    public boolean hasSpatialIndex() {
        return indexes.stream().anyMatch(i -> i.kind() == IndexKind.SPATIAL);
    }

    public boolean hasPrimaryKey() {
        return indexes.stream().anyMatch(i -> i.kind() == IndexKind.PRIMARY);
    }

    public boolean isCompressed() {
        return "COMPRESSED".equalsIgnoreCase(options.get("ROW_FORMAT")) || options.containsKey("KEY_BLOCK_SIZE");
    }

    /** True when the column is part of any index (a DROP COLUMN then changes the index). */
    public boolean isIndexed(String column) {
        String k = key(column);
        return indexes.stream().filter(i -> i.kind() != IndexKind.FOREIGN && i.kind() != IndexKind.CHECK)
                .anyMatch(i -> i.columns().stream().anyMatch(c -> key(c).equals(k)));
    }

    /**
     * The index InnoDB uses as the clustered key when there is no PRIMARY KEY: the first UNIQUE index whose
     * columns are all NOT NULL.
     */
    public Optional<IndexDefinition> implicitPrimaryKey() {
        return implicitPrimaryKey(true);
    }

    /**
     * @param hashKeysQualify false on MariaDB, whose hash-kept UNIQUE indexes ({@link #isLongUnique}) are no B-tree
     *                        InnoDB could cluster on (differential: dropping one is NOCOPY)
     */
    public Optional<IndexDefinition> implicitPrimaryKey(boolean hashKeysQualify) {
        if (hasPrimaryKey()) {
            return Optional.empty();
        }
        return indexes.stream().filter(i -> i.kind() == IndexKind.UNIQUE)
                .filter(i -> i.prefixedColumns().isEmpty() && !i.hasExpressionPart())
                .filter(i -> hashKeysQualify || !isLongUnique(i))
                .filter(i -> !i.columns().isEmpty() && i.columns().stream()
                        .allMatch(c -> column(c).map(ColumnDefinition::isNotNull).orElse(false)))
                .findFirst();
    }

    /** An index with a functional key part (MySQL keeps it as a hidden VIRTUAL column). */
    public boolean hasFunctionalIndex() {
        return indexes.stream().anyMatch(IndexDefinition::hasExpressionPart);
    }

    /** An index over a VIRTUAL column (its values are computed, and rebuilt, by the server). */
    public boolean hasIndexedVirtualColumn() {
        return columns.values().stream().anyMatch(c -> c.generated() == ColumnDefinition.Generated.VIRTUAL
                && isIndexed(c.name()));
    }

    /** A STORED generated column: MariaDB checks it for every row when a column becomes NOT NULL. */
    public boolean hasStoredGeneratedColumn() {
        return columns.values().stream().anyMatch(c -> c.generated() == ColumnDefinition.Generated.STORED);
    }

    public boolean hasVirtualColumn() {
        return columns.values().stream().anyMatch(c -> c.generated() == ColumnDefinition.Generated.VIRTUAL);
    }

    /** A foreign key of this table with an ON DELETE/UPDATE CASCADE or SET NULL action. */
    public boolean hasCascadingForeignKey() {
        return indexes.stream().anyMatch(i -> i.kind() == IndexKind.FOREIGN && i.cascading());
    }

    public Optional<IndexDefinition> index(String name) {
        return indexes.stream().filter(i -> i.name() != null && i.name().equalsIgnoreCase(name)).findFirst();
    }

    /** A UNIQUE index that MariaDB keeps as a hidden hash column (see {@link #isLongUnique}). */
    public boolean hasLongUniqueIndex() {
        return indexes.stream().anyMatch(this::isLongUnique);
    }

    /**
     * MariaDB (10.4+) enforces a UNIQUE index through a hidden hash column when it is declared USING HASH, covers a
     * BLOB/TEXT column without a prefix length, or is longer than a B-tree key can be (3072 bytes); a table with one
     * is copied by every ALTER TABLE.
     */
    public boolean isLongUnique(IndexDefinition index) {
        if (index.kind() != IndexKind.UNIQUE) {
            return false;
        }
        if (index.usingHash()) {
            return true;
        }
        long bytes = 0;
        for (String part : index.columns()) {
            ColumnDefinition c = column(part).orElse(null);
            if (c == null || index.prefixedColumns().stream().anyMatch(p -> key(p).equals(key(part)))) {
                continue;
            }
            String type = c.type().name();
            if (type.endsWith("TEXT") || type.endsWith("BLOB") || type.equals("JSON")) {
                return true;
            }
            if (type.equals("VARCHAR") || type.equals("CHAR")) {
                String cs = c.type().charset() != null ? c.type().charset() : c.type().collation() != null
                        ? dev.ddllint.kb.Charsets.ofCollation(c.type().collation()) : defaultCharset();
                bytes += (long) Math.max(0, c.type().length()) * dev.ddllint.kb.Charsets.maxBytes(cs);
            } else if (type.equals("VARBINARY") || type.equals("BINARY")) {
                bytes += Math.max(0, c.type().length());
            }
        }
        return bytes > 3072;
    }

    /** Table default character set, lower case, or null when not declared. */
    public String defaultCharset() {
        String cs = options.get("CHARSET");
        if (cs == null) {
            String collation = options.get("COLLATE");
            if (collation != null && collation.contains("_")) {
                cs = collation.substring(0, collation.indexOf('_'));
            }
        }
        return cs == null ? null : cs.toLowerCase(Locale.ROOT);
    }

    /** The partitions' names when the CREATE listed them and every partition clause since kept them known; else empty. */
    public Optional<List<String>> partitionNames() {
        String names = options.get(PARTITIONS);
        return names == null || names.isBlank() ? Optional.empty() : Optional.of(List.of(names.split(",")));
    }
}
