package dev.ddllint.differential;

import dev.ddllint.differential.ColumnTypes.Family;
import dev.ddllint.differential.GeneratedTable.Check;
import dev.ddllint.differential.GeneratedTable.ForeignKey;
import dev.ddllint.differential.GeneratedTable.Index;
import dev.ddllint.differential.GeneratedTable.IndexKind;
import dev.ddllint.kb.ServerFlavor;
import dev.ddllint.kb.TargetServer;

import java.util.ArrayList;
import java.util.List;

/**
 * Random but valid {@code CREATE TABLE}s over the type system, column attributes, clustered-index forms, secondary
 * index key-part forms, constraints in both directions, table options and partitioning of the target server. Each
 * choice is a production of the {@link Chooser}, so the coverage report says what was generated.
 */
final class TableGenerator {

    private final Chooser ch;
    private final TargetServer target;
    private final boolean mariadb;

    TableGenerator(Chooser ch, TargetServer target) {
        this.ch = ch;
        this.target = target;
        this.mariadb = target.flavor() == ServerFlavor.MARIADB;
    }

    GeneratedTable generate() {
        GeneratedTable t = new GeneratedTable(mariadb);
        boolean partitioned = ch.chance("table:partitioned", 0.15);
        String clustered = ch.pick("table:clustered", partitioned
                ? List.of("pk-auto-increment", "pk-int", "pk-composite", "none")
                : List.of("pk-auto-increment", "pk-int", "pk-composite", "pk-varchar", "unique-not-null", "none"));
        addIdColumn(t, clustered);
        int columns = ch.between(1, 5);
        for (int i = 0; i < columns; i++) {
            t.columns.add(column(t, t.freshName("c"), partitioned));
        }
        if (clustered.equals("pk-composite")) {
            GeneratedColumn second = t.columns.stream().skip(1).filter(c -> c.generated() == null
                    && !c.family().lob() && c.family() != Family.JSON && c.family() != Family.SPATIAL && c.length() <= 64)
                    .findFirst().orElse(null);
            if (second == null) {
                second = GeneratedColumn.of(t.freshName("c"), "INT", Family.INTEGER);
                t.columns.add(second);
            }
            replace(t, second.withNotNull(true));
            t.indexes.add(new Index(null, IndexKind.PRIMARY, List.of("id", second.name()), List.of("id", second.name()), ""));
        }
        int secondary = ch.between(0, 3);
        for (int i = 0; i < secondary; i++) {
            Index index = secondaryIndex(t, partitioned);
            if (index != null) {
                t.indexes.add(index);
            }
        }
        if (!partitioned && ch.chance("table:fulltext", 0.12)) {
            addFulltext(t);
        }
        if (!partitioned && ch.chance("table:spatial-index", 0.08)) {
            GeneratedColumn g = GeneratedColumn.of(t.freshName("g"), ColumnTypes.concrete(Family.SPATIAL, ch),
                    Family.SPATIAL).withNotNull(true).withSrid(mariadb ? null : 0);
            t.columns.add(g);
            t.indexes.add(new Index(t.freshName("sp"), IndexKind.SPATIAL, List.of(g.name()), List.of(g.name()), ""));
        }
        if (ch.chance("table:check", 0.15)) {
            addCheck(t);
        }
        if (!partitioned && ch.chance("table:foreign-key", 0.15)) {
            addForeignKey(t);
        }
        if (!partitioned && t.column("id").type().equals("INT") && !t.column("id").unsigned()
                && (clustered.startsWith("pk-") && !clustered.equals("pk-composite") && !clustered.equals("pk-varchar"))
                && ch.chance("table:referenced-by-child", 0.12)) {
            t.childReference = " ON DELETE " + ch.pick("fk-action", actions(true)) + " ON UPDATE "
                    + ch.pick("fk-action", actions(true));
        }
        tableCharset(t);
        tableOptions(t, partitioned);
        if (mariadb && !partitioned && ch.chance("table:system-versioned", 0.08)) {
            t.systemVersioned = true;
            t.session.add("SET SESSION system_versioning_alter_history = " + ch.pick("versioning-alter-history",
                    List.of("KEEP", "ERROR")));
        }
        if (partitioned) {
            t.partitioning = partitionClause(ch.pick("partition:by", List.of("RANGE", "LIST", "HASH", "KEY",
                    "LINEAR-HASH", "RANGE-COLUMNS")));
        }
        if (ch.chance("session:foreign-key-checks-off", 0.08)) {
            t.session.add("SET SESSION foreign_key_checks = 0");
        }
        if (ch.chance("session:sql-mode", 0.08)) {
            t.session.add("SET SESSION sql_mode = '" + ch.pick("sql-mode", List.of("", "STRICT_TRANS_TABLES",
                    "STRICT_ALL_TABLES,NO_ZERO_DATE", "ANSI_QUOTES,STRICT_TRANS_TABLES", "NO_ENGINE_SUBSTITUTION")) + "'");
        }
        t.rows = ch.chance("table:empty", 0.04) ? 0 : 3;
        return t;
    }

    private void addIdColumn(GeneratedTable t, String clustered) {
        switch (clustered) {
            case "pk-auto-increment" -> {
                String type = ch.pick("id-type", List.of("INT", "BIGINT", "INT UNSIGNED", "BIGINT UNSIGNED"));
                boolean unsigned = type.endsWith("UNSIGNED");
                t.columns.add(GeneratedColumn.of("id", type.replace(" UNSIGNED", ""), Family.INTEGER)
                        .withUnsigned(unsigned).withAutoIncrement(true));
                t.indexes.add(new Index(null, IndexKind.PRIMARY, List.of("id"), List.of("id"), ""));
            }
            case "pk-int", "pk-composite" -> {
                t.columns.add(GeneratedColumn.of("id", "INT", Family.INTEGER).withNotNull(true));
                if (clustered.equals("pk-int")) {
                    t.indexes.add(new Index(null, IndexKind.PRIMARY, List.of("id"), List.of("id"), ""));
                }
            }
            case "pk-varchar" -> {
                t.columns.add(GeneratedColumn.of("id", "VARCHAR(36)", Family.VARCHAR).withNotNull(true));
                t.indexes.add(new Index(null, IndexKind.PRIMARY, List.of("id"), List.of("id"), ""));
            }
            case "unique-not-null" -> {
                // No primary key: InnoDB clusters on the first UNIQUE index whose columns are all NOT NULL.
                t.columns.add(GeneratedColumn.of("id", "INT", Family.INTEGER).withNotNull(true));
                t.indexes.add(new Index("uk_id", IndexKind.UNIQUE, List.of("id"), List.of("id"), ""));
            }
            default -> t.columns.add(GeneratedColumn.of("id", "INT", Family.INTEGER).withNotNull(true));
        }
    }

    /** A column of a random family with random attributes (generated from an earlier integer column at times). */
    GeneratedColumn column(GeneratedTable t, String name, boolean partitioned) {
        Family family = Family.valueOf(ch.pick("family", ColumnTypes.families(target)));
        GeneratedColumn c = GeneratedColumn.of(name, ColumnTypes.concrete(family, ch), family);
        if (family.numeric() && ch.chance("attr:unsigned", 0.3)) {
            c = c.withUnsigned(true);
        }
        if ((family == Family.CHAR || family == Family.VARCHAR || family == Family.TEXT || family == Family.ENUM
                || family == Family.SET) && ch.chance("attr:column-charset", 0.35)) {
            String cs = ch.pick("column-charset", ColumnTypes.CHARSETS);
            String co = ch.chance("attr:column-collation", 0.5) ? collation(cs) : null;
            c = c.withCharset(cs, co);
        } else if (family.textual() && ch.chance("attr:column-collation-only", 0.1)) {
            c = c.withCharset(null, ch.pick("collation-only", List.of("utf8mb4_bin", "utf8mb4_unicode_ci")));
        }
        GeneratedColumn base = t.columns.stream().filter(x -> x.family() == Family.INTEGER && !x.autoIncrement()
                && x.generated() == null).findFirst().orElse(null);
        boolean generatedOk = (family == Family.INTEGER || family == Family.VARCHAR || family == Family.DECIMAL)
                && virtualColumnsSafe(t);
        if (generatedOk && ch.chance("attr:generated", 0.15)) {
            String kind = ch.pick("generated", mariadb ? List.of("VIRTUAL", "STORED", "PERSISTENT")
                    : List.of("VIRTUAL", "STORED"));
            String expr = base != null ? (family == Family.VARCHAR ? "CONCAT(" + base.name() + ", 'x')"
                    : base.name() + " + 1") : (family == Family.VARCHAR ? "'const'" : "1 + 1");
            c = c.withGenerated(kind.equals("PERSISTENT") ? "PERSISTENT" : kind, expr);
            if (!mariadb && ch.chance("attr:generated-not-null", 0.2)) {
                c = c.withNotNull(true);
            }
        } else {
            if (ch.chance("attr:not-null", 0.4)) {
                c = c.withNotNull(true);
            }
            String defaultKind = ch.pick("default", List.of("none", "literal", "expression"));
            if (defaultKind.equals("literal")) {
                c = c.withDefault(ColumnTypes.literalDefault(c, mariadb));
            } else if (defaultKind.equals("expression")) {
                c = c.withDefault(ColumnTypes.expressionDefault(c, ch, mariadb));
            }
            if ((family == Family.TIMESTAMP || family == Family.DATETIME) && c.defaultClause() != null
                    && c.defaultClause().startsWith("CURRENT_TIMESTAMP") && ch.chance("attr:on-update", 0.5)) {
                c = new GeneratedColumn(c.name(), c.type(), c.family(), false, null, null, c.notNull(),
                        c.defaultClause(), true, null, null, false, false, null, null);
            }
        }
        if (family == Family.SPATIAL && !mariadb && ch.chance("attr:srid", 0.3)) {
            c = c.withSrid(ch.any(List.of(0, 4326)));
        }
        // MariaDB: an invisible NOT NULL column needs a default (error 4108).
        if ((!mariadb || !c.notNull() || c.defaultClause() != null) && ch.chance("attr:invisible", 0.08)) {
            c = c.withInvisible(true);
        }
        if (ch.chance("attr:comment", 0.08)) {
            c = c.withComment("col comment");
        }
        return c;
    }

    /** See {@link #addFulltext}: no VIRTUAL column next to an explicit FTS_DOC_ID (the server crashes). */
    boolean virtualColumnsSafe(GeneratedTable t) {
        return t.column("FTS_DOC_ID") == null;
    }

    private String collation(String charset) {
        List<String> options = switch (charset) {
            case "utf8mb4" -> mariadb ? List.of("utf8mb4_general_ci", "utf8mb4_bin", "utf8mb4_unicode_ci")
                    : List.of("utf8mb4_general_ci", "utf8mb4_bin", "utf8mb4_0900_ai_ci", "utf8mb4_unicode_ci");
            case "utf8mb3" -> List.of("utf8mb3_general_ci", "utf8mb3_bin");
            case "latin1" -> List.of("latin1_swedish_ci", "latin1_bin", "latin1_general_ci");
            default -> List.of("ascii_general_ci", "ascii_bin");
        };
        return ch.pick("collation", options);
    }

    private Index secondaryIndex(GeneratedTable t, boolean partitioned) {
        String kind = ch.pick("index:kind", List.of("plain", "unique"));
        List<String> parts = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        if (kind.equals("unique") && partitioned) {
            parts.add("id");
            cols.add("id");
        }
        int n = ch.between(1, 2);
        for (int i = 0; i < n; i++) {
            String part = keyPart(t, cols);
            if (part != null) {
                parts.add(part);
            }
        }
        if (parts.isEmpty() || (partitioned && kind.equals("unique") && parts.size() == 1)) {
            return null;
        }
        return new Index(t.freshName(kind.equals("unique") ? "uk" : "ix"), kind.equals("unique") ? IndexKind.UNIQUE
                : IndexKind.PLAIN, parts, cols, indexOptions(t, parts,
                kind.equals("unique")));
    }

    /** One key part over a random indexable column: as is, a prefix, DESC, an expression, or multi-valued. */
    String keyPart(GeneratedTable t, List<String> usedColumns) {
        List<GeneratedColumn> candidates = t.columns.stream().filter(c -> !usedColumns.contains(c.name())
                && c.family() != Family.SPATIAL).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        GeneratedColumn c = ch.any(candidates);
        List<String> forms = new ArrayList<>();
        if (c.family() == Family.JSON) {
            if (mariadb || !virtualColumnsSafe(t)) {
                return null;
            }
            forms.add("expression");
            if (target.version().atLeast(8, 0, 17)) {
                forms.add("multi-valued");
            }
        } else if (c.family().lob()) {
            forms.add("prefix");
        } else {
            forms.add("column");
            if (c.family() == Family.CHAR || c.family() == Family.VARCHAR || c.family() == Family.BINARY
                    || c.family() == Family.VARBINARY) {
                forms.add("prefix");
            }
            if (!mariadb || target.version().atLeast(10, 8, 0)) {
                forms.add("desc");
            }
            if (!mariadb && target.version().atLeast(8, 0, 13) && virtualColumnsSafe(t)) {
                // Functional key parts are hidden VIRTUAL columns.
                forms.add("expression");
            }
        }
        String form = ch.pick("key-part", forms);
        usedColumns.add(c.name());
        return switch (form) {
            case "prefix" -> c.name() + "(" + Math.max(1, Math.min(c.length() > 0 ? c.length() - 1 : 10, 10)) + ")";
            case "desc" -> c.name() + " DESC";
            case "expression" -> c.family() == Family.JSON ? "((CAST(" + c.name() + "->>'$.k' AS UNSIGNED)))"
                    : c.family().numeric() ? "((" + c.name() + " + 1))" : "((LOWER(" + c.name() + ")))";
            case "multi-valued" -> "((CAST(" + c.name() + "->'$.tags' AS UNSIGNED ARRAY)))";
            default -> c.name();
        };
    }

    String indexOptions(GeneratedTable t, List<String> parts, boolean unique) {
        String option = indexOption();
        // MySQL refuses USING HASH with a DESC key part (error 1221); on MariaDB a UNIQUE ... USING HASH is a hidden
        // VIRTUAL column (see virtualColumnsSafe).
        boolean hashRefused = !mariadb && parts.stream().anyMatch(p -> p.endsWith(" DESC"))
                || mariadb && unique && !virtualColumnsSafe(t);
        return option.equals("USING HASH") && hashRefused ? "USING BTREE" : option;
    }

    private String indexOption() {
        String option = ch.pick("index-option", mariadb && target.version().atLeast(10, 6, 0)
                ? List.of("none", "using-btree", "using-hash", "comment", "ignored")
                : mariadb ? List.of("none", "using-btree", "using-hash", "comment")
                : List.of("none", "using-btree", "using-hash", "comment", "invisible", "visible"));
        return switch (option) {
            case "using-btree" -> "USING BTREE";
            case "using-hash" -> "USING HASH";
            case "comment" -> "COMMENT 'ix comment'";
            case "ignored" -> "IGNORED";
            case "invisible" -> "INVISIBLE";
            case "visible" -> "VISIBLE";
            default -> "";
        };
    }

    private void addFulltext(GeneratedTable t) {
        GeneratedColumn text = t.columns.stream().filter(c -> (c.family() == Family.VARCHAR || c.family() == Family.TEXT
                || c.family() == Family.CHAR) && c.generated() == null).findFirst().orElse(null);
        if (text == null) {
            text = GeneratedColumn.of(t.freshName("ft"), "TEXT", Family.TEXT);
            t.columns.add(text);
        }
        // MySQL 9.7 and MariaDB 10.11/11.8 fail an assertion (fts0fts.cc, "dfield_get_len(field) == sizeof(doc_id)")
        // and restart on an INSERT into a table with a VIRTUAL column and an explicit FTS_DOC_ID (an InnoDB bug).
        boolean virtualColumn = t.columns.stream().anyMatch(c -> "VIRTUAL".equals(c.generated()))
                || t.indexes.stream().anyMatch(i -> i.parts().stream().anyMatch(p -> p.startsWith("((")))
                || t.indexes.stream().anyMatch(i -> i.options().contains("USING HASH") && i.kind() == IndexKind.UNIQUE);
        if (!virtualColumn && ch.chance("fulltext:fts-doc-id", 0.3)) {
            t.columns.add(GeneratedColumn.of("FTS_DOC_ID", "BIGINT", Family.INTEGER).withUnsigned(true)
                    .withNotNull(true));
            t.indexes.add(new Index("FTS_DOC_ID_INDEX", IndexKind.UNIQUE, List.of("FTS_DOC_ID"), List.of("FTS_DOC_ID"),
                    ""));
        }
        t.indexes.add(new Index(t.freshName("ft"), IndexKind.FULLTEXT, List.of(text.name()), List.of(text.name()), ""));
    }

    private void addCheck(GeneratedTable t) {
        GeneratedColumn c = t.columns.stream().filter(x -> x.family() == Family.INTEGER || x.family() == Family.VARCHAR)
                .filter(x -> !x.name().equals("id") || !x.autoIncrement()).findFirst().orElse(null);
        if (c == null) {
            return;
        }
        String expr = c.family() == Family.INTEGER ? c.name() + " >= 0" : "CHAR_LENGTH(" + c.name() + ") < 5000";
        boolean enforced = mariadb || !ch.chance("check:not-enforced", 0.3);
        t.checks.add(new Check(t.freshName("chk"), expr, List.of(c.name()), enforced));
    }

    private void addForeignKey(GeneratedTable t) {
        GeneratedColumn ref = GeneratedColumn.of(t.freshName("pid"), "INT", Family.INTEGER);
        if (ch.chance("fk:not-null", 0.3)) {
            ref = ref.withNotNull(true);
        }
        t.columns.add(ref);
        List<String> actions = actions(!ref.notNull());
        t.foreignKeys.add(new ForeignKey(t.freshName("fk"), ref.name(), ch.pick("fk-action", actions),
                ch.pick("fk-action", actions)));
        if (ch.chance("fk:explicit-index", 0.5)) {
            t.indexes.add(new Index(t.freshName("ix"), IndexKind.PLAIN, List.of(ref.name()), List.of(ref.name()), ""));
        }
    }

    private static List<String> actions(boolean nullable) {
        return nullable ? List.of("CASCADE", "SET NULL", "RESTRICT", "NO ACTION")
                : List.of("CASCADE", "RESTRICT", "NO ACTION");
    }

    private void tableCharset(GeneratedTable t) {
        String cs = ch.pick("table-charset", List.of("utf8mb4", "utf8mb3", "latin1", "undeclared"));
        if (!cs.equals("undeclared")) {
            t.charset = cs;
            if (ch.chance("table:collation", 0.3)) {
                t.collation = collation(cs);
            }
        }
    }

    private void tableOptions(GeneratedTable t, boolean partitioned) {
        String rowFormat = ch.pick("row-format", List.of("none", "DEFAULT", "DYNAMIC", "COMPACT", "REDUNDANT",
                "COMPRESSED"));
        if (!rowFormat.equals("none")) {
            t.options.add("ROW_FORMAT=" + rowFormat);
        }
        if ((rowFormat.equals("COMPRESSED") || rowFormat.equals("none")) && ch.chance("table:key-block-size",
                rowFormat.equals("none") ? 0.05 : 0.5)) {
            t.options.add("KEY_BLOCK_SIZE=" + ch.pick("key-block-size", List.of("1", "2", "4", "8", "16")));
        }
        if (ch.chance("table:other-option", 0.2)) {
            List<String> options = new ArrayList<>(List.of("STATS_PERSISTENT=0", "STATS_AUTO_RECALC=0",
                    "STATS_SAMPLE_PAGES=20", "COMMENT='table comment'", "AUTO_INCREMENT=100", "MAX_ROWS=1000",
                    "AVG_ROW_LENGTH=100", "PACK_KEYS=1", "CHECKSUM=1"));
            if (mariadb && !rowFormat.equals("COMPRESSED") && !partitioned) {
                options.add("PAGE_COMPRESSED=1");
            }
            t.options.add(ch.pick("table-option", options));
        }
    }

    private String partitionClause(String by) {
        return switch (by) {
            case "RANGE" -> "PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), "
                    + "PARTITION p1 VALUES LESS THAN (100), PARTITION p2 VALUES LESS THAN (1000))";
            case "RANGE-COLUMNS" -> "PARTITION BY RANGE COLUMNS (id) (PARTITION p0 VALUES LESS THAN (10), "
                    + "PARTITION p1 VALUES LESS THAN (1000))";
            case "LIST" -> "PARTITION BY LIST (id) (PARTITION p0 VALUES IN (1, 2, 10), PARTITION p1 VALUES IN "
                    + "(3, 20, 30), PARTITION p2 VALUES IN (40, 50, 501))";
            case "HASH" -> "PARTITION BY HASH (id) PARTITIONS 3";
            case "LINEAR-HASH" -> "PARTITION BY LINEAR HASH (id) PARTITIONS 4";
            default -> "PARTITION BY KEY (id) PARTITIONS 2";
        };
    }

    private static void replace(GeneratedTable t, GeneratedColumn c) {
        for (int i = 0; i < t.columns.size(); i++) {
            if (t.columns.get(i).name().equals(c.name())) {
                t.columns.set(i, c);
            }
        }
    }
}
