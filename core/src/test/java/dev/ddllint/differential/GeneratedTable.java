package dev.ddllint.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The table {@code t} a case runs its change on, with the tables around it (a parent {@code p} that {@code t}
 * references, a child {@code c} that references {@code t}), as a mutable model the shrinker can take apart.
 */
final class GeneratedTable {

    enum IndexKind { PRIMARY, UNIQUE, PLAIN, FULLTEXT, SPATIAL }

    /** @param parts key parts as written ({@code a}, {@code s(10)}, {@code a DESC}, {@code ((a + 1))}) */
    record Index(String name, IndexKind kind, List<String> parts, List<String> columns, String options) {
        String definition() {
            String head = switch (kind) {
                case PRIMARY -> "PRIMARY KEY";
                case UNIQUE -> "UNIQUE KEY " + name;
                case PLAIN -> "KEY " + name;
                case FULLTEXT -> "FULLTEXT KEY " + name;
                case SPATIAL -> "SPATIAL KEY " + name;
            };
            return head + " (" + String.join(", ", parts) + ")" + (options.isEmpty() ? "" : " " + options);
        }
    }

    record Check(String name, String expression, List<String> columns, boolean enforced) {
        String definition() {
            return "CONSTRAINT " + name + " CHECK (" + expression + ")" + (enforced ? "" : " NOT ENFORCED");
        }
    }

    /** {@code t.column REFERENCES p (id)}. */
    record ForeignKey(String name, String column, String onDelete, String onUpdate) {
        String definition() {
            return "CONSTRAINT " + name + " FOREIGN KEY (" + column + ") REFERENCES p (id)"
                    + (onDelete == null ? "" : " ON DELETE " + onDelete) + (onUpdate == null ? "" : " ON UPDATE " + onUpdate);
        }
    }

    final boolean mariadb;
    final List<GeneratedColumn> columns = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    /** Table options as written, e.g. {@code ROW_FORMAT=COMPRESSED}. */
    final List<String> options = new ArrayList<>();
    /** Session settings run before the tables, e.g. {@code SET SESSION foreign_key_checks = 0}. */
    final List<String> session = new ArrayList<>();
    String charset;
    String collation;
    /** The PARTITION BY clause, or null. */
    String partitioning;
    /** The child table {@code c}: its FOREIGN KEY (tid) REFERENCES t (id) clause actions, or null. */
    String childReference;
    boolean systemVersioned;
    /** The parent table {@code p} exists (a foreign key of {@code t} references it, or the change adds one). */
    boolean parent;
    int rows = 3;

    GeneratedTable(boolean mariadb) {
        this.mariadb = mariadb;
    }

    GeneratedTable copy() {
        GeneratedTable t = new GeneratedTable(mariadb);
        t.columns.addAll(columns);
        t.indexes.addAll(indexes);
        t.checks.addAll(checks);
        t.foreignKeys.addAll(foreignKeys);
        t.options.addAll(options);
        t.session.addAll(session);
        t.charset = charset;
        t.collation = collation;
        t.partitioning = partitioning;
        t.childReference = childReference;
        t.systemVersioned = systemVersioned;
        t.parent = parent;
        t.rows = rows;
        return t;
    }

    GeneratedColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    boolean hasPrimaryKey() {
        return indexes.stream().anyMatch(i -> i.kind() == IndexKind.PRIMARY);
    }

    boolean hasIndex(IndexKind kind) {
        return indexes.stream().anyMatch(i -> i.kind() == kind);
    }

    boolean indexed(String column) {
        return indexes.stream().anyMatch(i -> i.columns().contains(column))
                || foreignKeys.stream().anyMatch(f -> f.column().equals(column));
    }

    /** Everything the case's setup runs, statements separated by {@code ;\n}. */
    String setupSql() {
        List<String> out = new ArrayList<>(session);
        if (parent || !foreignKeys.isEmpty()) {
            out.add("CREATE TABLE p (id INT NOT NULL PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            out.add("INSERT INTO p VALUES (10), (20), (30), (40), (50)");
        }
        out.add(createSql());
        String insert = insertSql();
        if (insert != null) {
            out.add(insert);
        }
        if (childReference != null) {
            out.add("CREATE TABLE c (cid INT NOT NULL PRIMARY KEY, tid INT, KEY k_tid (tid), CONSTRAINT fk_c "
                    + "FOREIGN KEY (tid) REFERENCES t (id)" + childReference + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            if (rows > 0) {
                out.add("INSERT INTO c VALUES (1, " + ColumnTypes.PARTITION_SPREAD[0] + ")");
            }
        }
        return out.stream().map(s -> s + ";").collect(Collectors.joining("\n"));
    }

    String createSql() {
        List<String> elements = new ArrayList<>();
        for (GeneratedColumn c : columns) {
            elements.add(c.definition(mariadb));
        }
        indexes.forEach(i -> elements.add(i.definition()));
        checks.forEach(c -> elements.add(c.definition()));
        foreignKeys.forEach(f -> elements.add(f.definition()));
        StringBuilder sb = new StringBuilder("CREATE TABLE t (\n  ").append(String.join(",\n  ", elements))
                .append("\n) ENGINE=InnoDB");
        if (charset != null) {
            sb.append(" DEFAULT CHARSET=").append(charset);
        }
        if (collation != null) {
            sb.append(" COLLATE=").append(collation);
        }
        for (String o : options) {
            sb.append(' ').append(o);
        }
        if (systemVersioned) {
            sb.append(" WITH SYSTEM VERSIONING");
        }
        if (partitioning != null) {
            sb.append('\n').append(partitioning);
        }
        return sb.toString();
    }

    private String insertSql() {
        List<GeneratedColumn> cols = columns.stream().filter(GeneratedColumn::insertable).toList();
        if (rows == 0 || cols.isEmpty()) {
            return null;
        }
        List<String> tuples = new ArrayList<>();
        for (int r = 1; r <= rows; r++) {
            final int row = r;
            tuples.add("(" + cols.stream().map(c -> ColumnTypes.value(c, row)).collect(Collectors.joining(", ")) + ")");
        }
        return "INSERT INTO t (" + cols.stream().map(GeneratedColumn::name).collect(Collectors.joining(", "))
                + ") VALUES " + String.join(", ", tuples);
    }

    /** A name not used by any column, index or constraint yet. */
    String freshName(String prefix) {
        for (int n = 1; ; n++) {
            String name = prefix + n;
            String lower = name.toLowerCase(Locale.ROOT);
            boolean used = columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(lower))
                    || indexes.stream().anyMatch(i -> lower.equalsIgnoreCase(i.name()))
                    || checks.stream().anyMatch(c -> c.name().equalsIgnoreCase(lower))
                    || foreignKeys.stream().anyMatch(f -> f.name().equalsIgnoreCase(lower));
            if (!used) {
                return name;
            }
        }
    }
}
