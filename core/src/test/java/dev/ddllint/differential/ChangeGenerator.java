package dev.ddllint.differential;

import dev.ddllint.differential.ColumnTypes.Family;
import dev.ddllint.differential.GeneratedChange.Clause;
import dev.ddllint.differential.GeneratedTable.Index;
import dev.ddllint.differential.GeneratedTable.IndexKind;
import dev.ddllint.kb.ServerFlavor;
import dev.ddllint.kb.TargetServer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Random changes to a generated table, drawn from the {@code alter_option}s of the MySQL 8.4/9.x and MariaDB
 * 10.6–11.x grammars (columns with every attribute, indexes and keys, constraints, table options, partitioning,
 * system versioning), one to four clauses an ALTER, plus CREATE/DROP INDEX, OPTIMIZE TABLE and RENAME TABLE, and
 * at times an explicit ALGORITHM=/LOCK=.
 */
final class ChangeGenerator {

    private final Chooser ch;
    private final TargetServer target;
    private final boolean mariadb;
    private final TableGenerator tables;

    ChangeGenerator(Chooser ch, TargetServer target) {
        this.ch = ch;
        this.target = target;
        this.mariadb = target.flavor() == ServerFlavor.MARIADB;
        this.tables = new TableGenerator(ch, target);
    }

    /** Names and columns already used by the statement being generated (two clauses never touch one column). */
    private static final class Draft {
        final GeneratedTable table;
        final Set<String> touched = new HashSet<>();
        final Set<String> names = new HashSet<>();

        Draft(GeneratedTable table) {
            this.table = table;
        }

        String fresh(String prefix) {
            for (int n = 1; ; n++) {
                String candidate = table.freshName(prefix + n + "_");
                if (names.add(candidate)) {
                    return candidate;
                }
            }
        }

        List<GeneratedColumn> untouched() {
            return table.columns.stream().filter(c -> !touched.contains(c.name())).toList();
        }
    }

    GeneratedChange generate(GeneratedTable table) {
        String form = ch.pick("form", List.of("alter", "alter", "alter", "alter", "create-index", "drop-index",
                "optimize", "rename-table"));
        Draft d = new Draft(table);
        switch (form) {
            case "create-index" -> {
                return explicit(new GeneratedChange(form, List.of(createIndex(d)), null, null), false);
            }
            case "drop-index" -> {
                List<Index> named = table.indexes.stream().filter(i -> i.name() != null).toList();
                if (named.isEmpty()) {
                    return explicit(new GeneratedChange("create-index", List.of(createIndex(d)), null, null), false);
                }
                Index i = ch.any(named);
                return explicit(new GeneratedChange(form, List.of(new Clause("DROP INDEX " + i.name() + " ON t",
                        "statement:drop-index", false)), null, null), false);
            }
            case "optimize", "rename-table" -> {
                return new GeneratedChange(form, List.of(), null, null);
            }
            default -> {
            }
        }
        if (ch.chance("alter:partition-operation", table.partitioning != null ? 0.35 : 0.05)) {
            Clause p = partitionOperation(d);
            return explicit(new GeneratedChange("alter", List.of(p), null, null), true);
        }
        int n = ch.between(1, 4);
        List<Clause> clauses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Clause c = clause(d);
            if (c != null) {
                clauses.add(c);
            }
        }
        if (clauses.isEmpty()) {
            clauses.add(new Clause("FORCE", "clause:force", false));
        }
        if (ch.chance("alter:with-partition-by", 0.03)) {
            clauses.add(new Clause(table.partitioning == null ? "PARTITION BY KEY () PARTITIONS 2"
                    : "REMOVE PARTITIONING", "clause:partition-by-with-others", true));
            return new GeneratedChange("alter", clauses, null, null);
        }
        return explicit(new GeneratedChange("alter", clauses, null, null), false);
    }

    private GeneratedChange explicit(GeneratedChange change, boolean partitionOperation) {
        if (!ch.chance("explicit:algorithm-lock", 0.2)) {
            return change;
        }
        List<String> algorithms = new ArrayList<>(List.of("DEFAULT", "INSTANT", "INPLACE", "COPY"));
        if (mariadb) {
            algorithms.add("NOCOPY");
        }
        String which = ch.pick("explicit:which", List.of("algorithm", "lock", "both"));
        String algorithm = which.equals("lock") ? null : ch.pick("explicit:algorithm", algorithms);
        String lock = which.equals("algorithm") ? null : ch.pick("explicit:lock",
                List.of("DEFAULT", "NONE", "SHARED", "EXCLUSIVE"));
        return new GeneratedChange(change.form(), change.clauses(), algorithm, lock);
    }

    private Clause clause(Draft d) {
        GeneratedTable t = d.table;
        List<String> kinds = new ArrayList<>(List.of("add-column", "add-column", "drop-column", "modify-column",
                "modify-column", "change-column", "rename-column", "alter-column-default", "add-index", "drop-index",
                "rename-index", "add-check", "table-option", "convert-charset", "default-charset", "force",
                "engine", "order-by", "keys", "rename-to", "add-primary-key", "drop-primary-key", "add-foreign-key",
                "drop-foreign-key", "add-fulltext", "add-spatial", "drop-check", "alter-index-visibility",
                "add-columns-list"));
        if (!mariadb) {
            kinds.add("alter-column-visibility");
            kinds.add("alter-check-enforced");
        }
        if (mariadb) {
            kinds.add("if-exists");
            kinds.add(t.systemVersioned ? "drop-system-versioning" : "add-system-versioning");
        }
        String kind = ch.pick("clause", kinds);
        return switch (kind) {
            case "add-column" -> addColumn(d);
            case "add-columns-list" -> addColumnsList(d);
            case "drop-column" -> dropColumn(d);
            case "modify-column" -> modifyColumn(d, false);
            case "change-column" -> modifyColumn(d, true);
            case "rename-column" -> renameColumn(d);
            case "alter-column-default" -> alterColumnDefault(d);
            case "alter-column-visibility" -> alterColumnVisibility(d);
            case "add-index" -> addIndex(d, ch.chance("add-index:unique", 0.3) ? IndexKind.UNIQUE : IndexKind.PLAIN);
            case "add-fulltext" -> addFulltext(d);
            case "add-spatial" -> addSpatial(d);
            case "drop-index" -> dropIndex(d);
            case "rename-index" -> renameIndex(d);
            case "alter-index-visibility" -> alterIndexVisibility(d);
            case "add-primary-key" -> addPrimaryKey(d);
            case "drop-primary-key" -> dropPrimaryKey(d);
            case "add-foreign-key" -> addForeignKey(d);
            case "drop-foreign-key" -> t.foreignKeys.isEmpty() ? null : new Clause("DROP FOREIGN KEY "
                    + ch.any(t.foreignKeys).name(), "clause:drop-foreign-key", false);
            case "add-check" -> addCheck(d);
            case "drop-check" -> t.checks.isEmpty() ? null : new Clause((mariadb ? "DROP CONSTRAINT " : ch.pick(
                    "drop-check-form", List.of("DROP CHECK ", "DROP CONSTRAINT "))) + ch.any(t.checks).name(),
                    "clause:drop-check", false);
            case "alter-check-enforced" -> t.checks.isEmpty() ? null : new Clause("ALTER CHECK " + ch.any(t.checks).name()
                    + ch.pick("check-enforced", List.of(" ENFORCED", " NOT ENFORCED")), "clause:alter-check-enforced", false);
            case "table-option" -> tableOption(d);
            case "convert-charset" -> convertCharset(d);
            case "default-charset" -> new Clause("DEFAULT CHARACTER SET " + ch.pick("default-charset:to",
                    List.of("utf8mb4", "latin1", "utf8mb3")), "clause:default-charset", false);
            case "force" -> new Clause("FORCE", "clause:force", false);
            case "engine" -> new Clause("ENGINE=InnoDB", "clause:engine", false);
            case "order-by" -> new Clause("ORDER BY " + ch.any(t.columns.stream().filter(c -> !c.family().lob()
                    && c.family() != Family.JSON && c.family() != Family.SPATIAL).toList()).name(), "clause:order-by",
                    false);
            case "keys" -> new Clause(ch.pick("keys", List.of("DISABLE KEYS", "ENABLE KEYS")), "clause:keys", false);
            case "rename-to" -> d.names.add("rename-to") ? new Clause(ch.pick("rename-to", List.of("RENAME TO t2",
                    "RENAME AS t2", "RENAME t2")), "clause:rename-to", false) : null;
            case "if-exists" -> ifExists(d);
            case "add-system-versioning" -> new Clause("ADD SYSTEM VERSIONING", "clause:add-system-versioning", false);
            case "drop-system-versioning" -> new Clause("DROP SYSTEM VERSIONING", "clause:drop-system-versioning", false);
            default -> null;
        };
    }

    private String position(Draft d) {
        String p = ch.pick("position", List.of("none", "none", "first", "after"));
        return switch (p) {
            case "first" -> " FIRST";
            case "after" -> " AFTER " + ch.any(d.table.columns).name();
            default -> "";
        };
    }

    private Clause addColumn(Draft d) {
        GeneratedColumn c = tables.column(d.table, d.fresh("n"), d.table.partitioning != null);
        if (c.autoIncrement()) {
            c = c.withAutoIncrement(false);
        }
        if (ch.chance("add-column:auto-increment", 0.03) && !d.table.columns.stream().anyMatch(GeneratedColumn::autoIncrement)) {
            c = GeneratedColumn.of(c.name(), "BIGINT", Family.INTEGER).withAutoIncrement(true);
            return new Clause("ADD COLUMN " + c.definition(mariadb) + " UNIQUE KEY", "clause:add-column", false);
        }
        String keyword = ch.pick("add-column:keyword", List.of("ADD COLUMN ", "ADD "));
        return new Clause(keyword + c.definition(mariadb) + position(d), "clause:add-column", false);
    }

    private Clause addColumnsList(Draft d) {
        GeneratedColumn a = tables.column(d.table, d.fresh("n"), false).withAutoIncrement(false);
        GeneratedColumn b = tables.column(d.table, d.fresh("n"), false).withAutoIncrement(false);
        return new Clause("ADD COLUMN (" + a.definition(mariadb) + ", " + b.definition(mariadb) + ")",
                "clause:add-columns-list", false);
    }

    private Clause dropColumn(Draft d) {
        List<GeneratedColumn> candidates = d.untouched().stream().filter(c -> !c.name().equals("id")
                || ch.chance("drop-column:id", 0.1)).toList();
        if (candidates.isEmpty() || d.table.columns.size() < 2) {
            return null;
        }
        GeneratedColumn c = ch.any(candidates);
        d.touched.add(c.name());
        return new Clause(ch.pick("drop-column:keyword", List.of("DROP COLUMN ", "DROP ")) + c.name(),
                "clause:drop-column", false);
    }

    private Clause renameColumn(Draft d) {
        List<GeneratedColumn> candidates = d.untouched();
        if (candidates.isEmpty()) {
            return null;
        }
        GeneratedColumn c = ch.any(candidates);
        d.touched.add(c.name());
        return new Clause("RENAME COLUMN " + c.name() + " TO " + d.fresh("r"), "clause:rename-column", false);
    }

    private Clause alterColumnDefault(Draft d) {
        List<GeneratedColumn> candidates = d.untouched().stream().filter(c -> c.generated() == null
                && !c.autoIncrement()).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        GeneratedColumn c = ch.any(candidates);
        d.touched.add(c.name());
        String form = ch.pick("alter-column-default", List.of("set-literal", "set-expression", "drop"));
        String literal = ColumnTypes.literalDefault(c, mariadb);
        String expression = ColumnTypes.expressionDefault(c, ch, mariadb);
        String value = form.equals("set-literal") ? literal : form.equals("set-expression") ? expression : null;
        if (!form.equals("drop") && value == null) {
            return null;
        }
        return new Clause("ALTER COLUMN " + c.name() + (form.equals("drop") ? " DROP DEFAULT" : " SET DEFAULT " + value),
                "clause:alter-column-default", false);
    }

    private Clause alterColumnVisibility(Draft d) {
        List<GeneratedColumn> candidates = d.untouched();
        GeneratedColumn c = ch.any(candidates.isEmpty() ? d.table.columns : candidates);
        d.touched.add(c.name());
        return new Clause("ALTER COLUMN " + c.name() + ch.pick("column-visibility", List.of(" SET INVISIBLE",
                " SET VISIBLE")), "clause:alter-column-visibility", false);
    }

    /** MODIFY (or CHANGE, with a new name or the same one) with one mutation of the definition. */
    private Clause modifyColumn(Draft d, boolean change) {
        List<GeneratedColumn> candidates = d.untouched();
        if (candidates.isEmpty()) {
            return null;
        }
        List<GeneratedColumn> uncovered = candidates.stream().filter(c -> ch.uncovered("modify", mutations(c, d)))
                .toList();
        if (ch.forcing() && uncovered.isEmpty()) {
            // The coverage pass: a column of the kind a change never generated needs (an ENUM to append to, ...).
            GeneratedColumn added = columnFor(d);
            if (added != null) {
                d.table.columns.add(added);
                uncovered = List.of(added);
            }
        }
        GeneratedColumn before = ch.any(ch.forcing() && !uncovered.isEmpty() ? uncovered : candidates);
        d.touched.add(before.name());
        GeneratedColumn after = mutate(before, d);
        String name = after.name();
        if (change) {
            if (ch.chance("change-column:renames", 0.5)) {
                after = after.withName(d.fresh("r"));
            }
            return new Clause("CHANGE COLUMN " + name + " " + after.definition(mariadb) + position(d),
                    "clause:change-column", false);
        }
        return new Clause(ch.pick("modify:keyword", List.of("MODIFY COLUMN ", "MODIFY ")) + after.definition(mariadb)
                + (ch.chance("modify:positioned", 0.15) ? position(d) : ""), "clause:modify-column", false);
    }

    /** A new column of a kind whose changes were never generated, or null. */
    private GeneratedColumn columnFor(Draft d) {
        String name = d.fresh("m");
        List<GeneratedColumn> kinds = List.of(
                GeneratedColumn.of(name, "ENUM('a','b','c')", Family.ENUM),
                GeneratedColumn.of(name, "SET('a','b','c')", Family.SET),
                GeneratedColumn.of(name, "DECIMAL(10,2)", Family.DECIMAL),
                GeneratedColumn.of(name, "INT", Family.INTEGER).withGenerated("VIRTUAL", "1 + 1"),
                GeneratedColumn.of(name, "INT", Family.INTEGER).withGenerated("STORED", "1 + 1"),
                GeneratedColumn.of(name, "TEXT", Family.TEXT),
                GeneratedColumn.of(name, "BLOB", Family.BLOB),
                GeneratedColumn.of(name, "TIMESTAMP(3)", Family.TIMESTAMP),
                GeneratedColumn.of(name, "VARCHAR(40)", Family.VARCHAR));
        return kinds.stream().filter(c -> c.generated() == null || tables.virtualColumnsSafe(d.table))
                .filter(c -> ch.uncovered("modify", mutations(c, d))).findFirst().orElse(null);
    }

    /** The changes the generator knows for a column of this kind. */
    private List<String> mutations(GeneratedColumn c, Draft d) {
        List<String> mutations = new ArrayList<>(List.of("same", "nullability", "default", "comment", "type-family",
                "visibility", "auto-increment"));
        Family f = c.family();
        if (f == Family.VARCHAR || f == Family.VARBINARY || f == Family.CHAR || f == Family.BINARY) {
            mutations.addAll(List.of("widen", "narrow", "cross-prefix"));
        }
        if (f == Family.INTEGER) {
            mutations.addAll(List.of("int-widen", "int-narrow", "signedness"));
        }
        if (f == Family.DECIMAL) {
            mutations.addAll(List.of("precision", "signedness"));
        }
        if (f == Family.DATETIME || f == Family.TIMESTAMP || f == Family.TIME) {
            mutations.add("fsp");
        }
        if (f == Family.ENUM || f == Family.SET) {
            mutations.addAll(List.of("enum-append", "enum-insert", "enum-many"));
        }
        if (f == Family.TEXT || f == Family.BLOB) {
            mutations.add("lob-size");
        }
        if (f.textual()) {
            mutations.addAll(List.of("charset", "collation"));
        }
        if (c.generated() != null) {
            mutations.addAll(List.of("generated-expression", "generated-kind", "generated-drop"));
        } else if ((f == Family.INTEGER || f == Family.VARCHAR) && tables.virtualColumnsSafe(d.table)) {
            mutations.add("generated-add");
        }
        return mutations;
    }

    private GeneratedColumn mutate(GeneratedColumn c, Draft d) {
        List<String> mutations = mutations(c, d);
        Family f = c.family();
        String m = ch.pick("modify", mutations);
        int len = c.length();
        return switch (m) {
            case "nullability" -> c.withNotNull(!c.notNull());
            case "default" -> c.withDefault(c.defaultClause() == null ? ColumnTypes.literalDefault(c, mariadb) : null);
            case "comment" -> c.withComment(c.comment() == null ? "changed" : null);
            case "type-family" -> {
                Family to = Family.valueOf(ch.any(List.of("INTEGER", "VARCHAR", "TEXT", "DECIMAL",
                        "DATETIME", "CHAR", "BLOB")));
                yield c.withType(ColumnTypes.concrete(to, ch), to).withDefault(null);
            }
            case "visibility" -> c.withInvisible(!c.invisible());
            case "auto-increment" -> c.withAutoIncrement(!c.autoIncrement());
            case "widen" -> c.withType(base(c.type()) + "(" + (len + ch.any(List.of(1, 10, 50, 200))) + ")", f);
            case "narrow" -> c.withType(base(c.type()) + "(" + Math.max(3, len - ch.any(List.of(1, 5))) + ")", f);
            case "cross-prefix" -> c.withType(base(c.type()) + "(" + ch.any(List.of(63, 64, 85, 86, 127, 128, 255, 256,
                    300)) + ")", f);
            case "int-widen" -> c.withType(ch.any(List.of("INT", "BIGINT", "MEDIUMINT", "SMALLINT")), f);
            case "int-narrow" -> c.withType(ch.any(List.of("TINYINT", "SMALLINT")), f);
            case "signedness" -> c.withUnsigned(!c.unsigned());
            case "precision" -> c.withType("DECIMAL(" + ch.any(List.of("12,2", "20,4", "6,2", "10,3")) + ")", f);
            case "fsp" -> c.withType(base(c.type()) + ch.any(List.of("", "(0)", "(3)", "(6)")), f);
            case "enum-append" -> c.withType(c.type().replace(")", ",'zz')"), f);
            case "enum-insert" -> c.withType(c.type().replaceFirst("\\(", "('first',"), f);
            case "enum-many" -> c.withType(manyValues(c.type()), f);
            case "lob-size" -> c.withType(f == Family.TEXT ? ch.any(List.of("TINYTEXT", "TEXT", "MEDIUMTEXT",
                    "LONGTEXT")) : ch.any(List.of("TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB")), f);
            case "charset" -> {
                String cs = ch.any(ColumnTypes.CHARSETS);
                yield c.withCharset(cs, null);
            }
            case "collation" -> c.withCharset(c.charset(), ch.any(List.of("utf8mb4_bin",
                    "utf8mb4_general_ci", "utf8mb4_unicode_ci", "latin1_bin")));
            case "generated-expression" -> c.withGenerated(c.generated(), "(" + c.expression() + ") * 2");
            case "generated-kind" -> c.withGenerated("VIRTUAL".equals(c.generated())
                    || !tables.virtualColumnsSafe(d.table) ? "STORED" : "VIRTUAL", c.expression());
            case "generated-drop" -> c.withGenerated(null, null);
            case "generated-add" -> {
                GeneratedColumn base = d.table.columns.stream().filter(x -> x.family() == Family.INTEGER
                        && !x.name().equals(c.name()) && x.generated() == null && !x.autoIncrement()).findFirst()
                        .orElse(null);
                yield base == null ? c : c.withGenerated(ch.pick("generated", List.of("VIRTUAL", "STORED")),
                        f == Family.VARCHAR ? "CONCAT(" + base.name() + ", '')" : base.name() + " + 1");
            }
            default -> c;
        };
    }

    private static String base(String type) {
        int open = type.indexOf('(');
        return open < 0 ? type : type.substring(0, open);
    }

    private static String manyValues(String type) {
        StringBuilder sb = new StringBuilder(type.substring(0, type.lastIndexOf(')')));
        for (int i = 0; i < (type.startsWith("SET") ? 6 : 260); i++) {
            sb.append(",'v").append(i).append('\'');
        }
        return sb.append(')').toString();
    }

    private Clause addIndex(Draft d, IndexKind kind) {
        List<String> cols = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (kind == IndexKind.UNIQUE && d.table.partitioning != null) {
            parts.add("id");
            cols.add("id");
        }
        int n = ch.between(1, 2);
        for (int i = 0; i < n; i++) {
            String p = tables.keyPart(d.table, cols);
            if (p != null) {
                parts.add(p);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        String keyword = ch.pick("add-index:keyword", List.of("INDEX", "KEY"));
        return new Clause("ADD " + (kind == IndexKind.UNIQUE ? "UNIQUE " : "") + keyword + " " + d.fresh("ix") + " ("
                + String.join(", ", parts) + ")" + suffix(tables.indexOptions(d.table, parts,
                kind == IndexKind.UNIQUE)), kind == IndexKind.UNIQUE
                ? "clause:add-unique" : "clause:add-index", false);
    }

    private static String suffix(String options) {
        return options.isEmpty() ? "" : " " + options;
    }

    private Clause createIndex(Draft d) {
        String kind = ch.pick("create-index:kind", List.of("plain", "unique", "fulltext", "spatial"));
        if (kind.equals("fulltext") || kind.equals("spatial")) {
            Clause add = kind.equals("fulltext") ? addFulltext(d) : addSpatial(d);
            if (add != null) {
                String body = add.sql().replaceFirst("^ADD (FULLTEXT|SPATIAL) (INDEX|KEY) (\\w+) ", "");
                String name = add.sql().replaceFirst("^ADD (FULLTEXT|SPATIAL) (INDEX|KEY) (\\w+) .*$", "$3");
                return new Clause("CREATE " + kind.toUpperCase() + " INDEX " + name + " ON t " + body,
                        "statement:create-index", false);
            }
        }
        Clause add = addIndex(d, kind.equals("unique") ? IndexKind.UNIQUE : IndexKind.PLAIN);
        if (add == null) {
            return new Clause("CREATE INDEX " + d.fresh("ix") + " ON t (id)", "statement:create-index", false);
        }
        String rest = add.sql().replaceFirst("^ADD (UNIQUE )?(INDEX|KEY) ", "");
        String name = rest.substring(0, rest.indexOf(' '));
        return new Clause("CREATE " + (kind.equals("unique") ? "UNIQUE " : "") + "INDEX " + name + " ON t"
                + rest.substring(name.length()), "statement:create-index", false);
    }

    private Clause addFulltext(Draft d) {
        List<GeneratedColumn> text = d.table.columns.stream().filter(c -> (c.family() == Family.VARCHAR
                || c.family() == Family.TEXT || c.family() == Family.CHAR) && c.generated() == null).toList();
        if (text.isEmpty() || d.table.partitioning != null) {
            return null;
        }
        return new Clause("ADD FULLTEXT INDEX " + d.fresh("ft") + " (" + ch.any(text).name() + ")",
                "clause:add-fulltext", false);
    }

    private Clause addSpatial(Draft d) {
        List<GeneratedColumn> geo = d.table.columns.stream().filter(c -> c.family() == Family.SPATIAL && c.notNull())
                .toList();
        if (geo.isEmpty() || d.table.partitioning != null) {
            return null;
        }
        return new Clause("ADD SPATIAL INDEX " + d.fresh("sp") + " (" + ch.any(geo).name() + ")", "clause:add-spatial",
                false);
    }

    private Clause dropIndex(Draft d) {
        List<Index> named = d.table.indexes.stream().filter(i -> i.name() != null && !d.names.contains(i.name())).toList();
        if (named.isEmpty()) {
            return null;
        }
        Index i = ch.any(named);
        d.names.add(i.name());
        return new Clause(ch.pick("drop-index:keyword", List.of("DROP INDEX ", "DROP KEY ")) + i.name(),
                "clause:drop-index", false);
    }

    private Clause renameIndex(Draft d) {
        // MySQL 9.7 crashes (signal 11) renaming FTS_DOC_ID_INDEX: not a case the server survives.
        List<Index> named = d.table.indexes.stream().filter(i -> i.name() != null && !d.names.contains(i.name())
                && !(!mariadb && i.name().equals("FTS_DOC_ID_INDEX"))).toList();
        if (named.isEmpty()) {
            return null;
        }
        Index i = ch.any(named);
        d.names.add(i.name());
        return new Clause("RENAME " + ch.pick("rename-index:keyword", List.of("INDEX", "KEY")) + " " + i.name() + " TO "
                + d.fresh("rx"), "clause:rename-index", false);
    }

    private Clause alterIndexVisibility(Draft d) {
        List<Index> named = d.table.indexes.stream().filter(i -> i.name() != null && !d.names.contains(i.name())
                && i.kind() != IndexKind.PRIMARY).toList();
        if (named.isEmpty()) {
            return null;
        }
        Index i = ch.any(named);
        d.names.add(i.name());
        List<String> forms = mariadb ? List.of(" IGNORED", " NOT IGNORED") : List.of(" INVISIBLE", " VISIBLE");
        return new Clause("ALTER INDEX " + i.name() + ch.pick("index-visibility", forms), "clause:alter-index-visibility",
                false);
    }

    private Clause addPrimaryKey(Draft d) {
        if (d.table.hasPrimaryKey() && !ch.chance("add-primary-key:replace", 0.5)) {
            return null;
        }
        List<GeneratedColumn> candidates = d.table.columns.stream().filter(c -> !c.family().lob()
                && c.family() != Family.JSON && c.family() != Family.SPATIAL && c.generated() == null
                && !d.touched.contains(c.name())).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        GeneratedColumn c = candidates.stream().filter(x -> x.name().equals("id")).findFirst()
                .orElse(ch.any(candidates));
        d.touched.add(c.name());
        String prefix = d.table.hasPrimaryKey() ? "DROP PRIMARY KEY, " : "";
        return new Clause(prefix + "ADD PRIMARY KEY (" + c.name() + ")", d.table.hasPrimaryKey()
                ? "clause:replace-primary-key" : "clause:add-primary-key", false);
    }

    private Clause dropPrimaryKey(Draft d) {
        if (!d.table.hasPrimaryKey() || d.names.contains("PRIMARY")) {
            return null;
        }
        d.names.add("PRIMARY");
        return new Clause("DROP PRIMARY KEY", "clause:drop-primary-key", false);
    }

    private Clause addForeignKey(Draft d) {
        if (d.table.partitioning != null) {
            return null;
        }
        List<GeneratedColumn> ints = d.table.columns.stream().filter(c -> c.type().equals("INT") && !c.unsigned()
                && c.generated() == null && !c.name().equals("id")).toList();
        String column;
        String prefix = "";
        if (ints.isEmpty() || ch.chance("add-foreign-key:new-column", 0.5)) {
            column = d.fresh("fkc");
            prefix = "ADD COLUMN " + column + " INT, ";
        } else {
            column = ch.any(ints).name();
        }
        d.table.parent = true;
        return new Clause(prefix + "ADD CONSTRAINT " + d.fresh("fk") + " FOREIGN KEY (" + column
                + ") REFERENCES p (id) ON DELETE " + ch.pick("fk-action", List.of("CASCADE", "SET NULL", "RESTRICT",
                "NO ACTION")), "clause:add-foreign-key", false);
    }

    private Clause addCheck(Draft d) {
        GeneratedColumn c = d.table.columns.stream().filter(x -> x.family() == Family.INTEGER).findAny().orElse(null);
        if (c == null) {
            return null;
        }
        String suffix = !mariadb && ch.chance("add-check:not-enforced", 0.3) ? " NOT ENFORCED" : "";
        return new Clause("ADD CONSTRAINT " + d.fresh("chk") + " CHECK (" + c.name() + " >= 0)" + suffix,
                "clause:add-check", false);
    }

    private Clause tableOption(Draft d) {
        List<String> options = new ArrayList<>(List.of("COMMENT='changed'", "AUTO_INCREMENT=1000", "ROW_FORMAT=DYNAMIC",
                "ROW_FORMAT=COMPACT", "ROW_FORMAT=REDUNDANT", "ROW_FORMAT=COMPRESSED", "KEY_BLOCK_SIZE=8",
                "KEY_BLOCK_SIZE=4", "STATS_PERSISTENT=1", "STATS_AUTO_RECALC=1", "STATS_SAMPLE_PAGES=10",
                "MAX_ROWS=100000", "MIN_ROWS=10", "AVG_ROW_LENGTH=200", "PACK_KEYS=0", "CHECKSUM=0",
                "DELAY_KEY_WRITE=1", "ROW_FORMAT=DEFAULT"));
        if (mariadb) {
            options.addAll(List.of("PAGE_COMPRESSED=1", "PAGE_COMPRESSED=0", "PAGE_COMPRESSION_LEVEL=3"));
        } else {
            options.addAll(List.of("AUTOEXTEND_SIZE=4M", "STATS_PERSISTENT=DEFAULT"));
        }
        return new Clause(ch.pick("table-option", options), "clause:table-option", false);
    }

    private Clause convertCharset(Draft d) {
        String cs = ch.pick("convert:to", List.of("utf8mb4", "latin1", "utf8mb3"));
        String collate = ch.chance("convert:collate", 0.3) ? " COLLATE " + (cs.equals("utf8mb4") ? "utf8mb4_bin"
                : cs.equals("latin1") ? "latin1_bin" : "utf8mb3_bin") : "";
        return new Clause("CONVERT TO CHARACTER SET " + cs + collate, "clause:convert-charset", false);
    }

    private Clause ifExists(Draft d) {
        String form = ch.pick("if-exists", List.of("add-column-if-not-exists", "drop-column-if-exists",
                "add-index-if-not-exists", "drop-index-if-exists", "modify-column-if-exists"));
        return switch (form) {
            case "add-column-if-not-exists" -> new Clause("ADD COLUMN IF NOT EXISTS " + d.fresh("n") + " INT",
                    "clause:if-exists", false);
            case "drop-column-if-exists" -> new Clause("DROP COLUMN IF EXISTS " + ch.any(List.of("nosuch",
                    ch.any(d.table.columns).name())), "clause:if-exists", false);
            case "add-index-if-not-exists" -> new Clause("ADD INDEX IF NOT EXISTS " + d.fresh("ix") + " (id)",
                    "clause:if-exists", false);
            case "drop-index-if-exists" -> new Clause("DROP INDEX IF EXISTS nosuch_ix", "clause:if-exists", false);
            default -> {
                GeneratedColumn c = ch.any(d.table.columns);
                d.touched.add(c.name());
                yield new Clause("MODIFY COLUMN IF EXISTS " + c.definition(mariadb), "clause:if-exists", false);
            }
        };
    }

    private Clause partitionOperation(Draft d) {
        GeneratedTable t = d.table;
        if (t.partitioning == null) {
            String by = ch.pick("partition-by", List.of("hash", "key", "range"));
            String sql = switch (by) {
                case "hash" -> "PARTITION BY HASH (id) PARTITIONS 2";
                case "range" -> "PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (100), PARTITION p1 VALUES "
                        + "LESS THAN MAXVALUE)";
                default -> "PARTITION BY KEY (id) PARTITIONS 3";
            };
            return new Clause(sql, "clause:partition-by", true);
        }
        boolean rangeOrList = t.partitioning.contains("RANGE") || t.partitioning.contains("LIST");
        List<String> ops = new ArrayList<>(List.of("add", "coalesce", "reorganize", "rebuild", "analyze", "check",
                "optimize", "repair", "truncate", "remove", "repartition", "truncate-all"));
        if (rangeOrList) {
            ops.add("drop");
        }
        String op = ch.pick("partition-op", ops);
        String sql = switch (op) {
            case "add" -> t.partitioning.contains("RANGE COLUMNS") ? "ADD PARTITION (PARTITION p9 VALUES LESS THAN (5000))"
                    : t.partitioning.contains("RANGE") ? "ADD PARTITION (PARTITION p9 VALUES LESS THAN (5000))"
                    : t.partitioning.contains("LIST") ? "ADD PARTITION (PARTITION p9 VALUES IN (60, 70))"
                    : "ADD PARTITION PARTITIONS 1";
            case "drop" -> "DROP PARTITION p0";
            case "coalesce" -> rangeOrList ? "REORGANIZE PARTITION p0, p1 INTO (" + (t.partitioning.contains("LIST")
                    ? "PARTITION p01 VALUES IN (1, 2, 10, 3, 20, 30))" : "PARTITION p01 VALUES LESS THAN ("
                    + (t.partitioning.contains("COLUMNS") ? "1000" : "100") + "))") : "COALESCE PARTITION 1";
            case "reorganize" -> rangeOrList ? (t.partitioning.contains("LIST")
                    ? "REORGANIZE PARTITION p0 INTO (PARTITION p0a VALUES IN (1, 2), PARTITION p0b VALUES IN (10))"
                    : "REORGANIZE PARTITION p0 INTO (PARTITION p0a VALUES LESS THAN (5), PARTITION p0b VALUES LESS THAN (10))")
                    : "REORGANIZE PARTITION";
            case "rebuild" -> "REBUILD PARTITION " + firstPartition(t);
            case "analyze" -> "ANALYZE PARTITION " + firstPartition(t);
            case "check" -> "CHECK PARTITION " + firstPartition(t);
            case "optimize" -> "OPTIMIZE PARTITION " + firstPartition(t);
            case "repair" -> "REPAIR PARTITION " + firstPartition(t);
            case "truncate" -> "TRUNCATE PARTITION " + firstPartition(t);
            case "truncate-all" -> "TRUNCATE PARTITION ALL";
            case "remove" -> "REMOVE PARTITIONING";
            default -> "PARTITION BY HASH (id) PARTITIONS 5";
        };
        return new Clause(sql, "clause:partition-" + op, true);
    }

    /** Every generated partitioning names its first partition p0 (HASH/KEY: the server's own names). */
    private static String firstPartition(GeneratedTable t) {
        return "p0";
    }
}
