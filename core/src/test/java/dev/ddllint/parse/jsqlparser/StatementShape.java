package dev.ddllint.parse.jsqlparser;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;
import dev.ddllint.model.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What two readings of one statement must agree on, in neutral terms: its kind, its table, its columns (name, type,
 * arguments, NOT NULL, AUTO_INCREMENT), its keys (kind, name, columns) and the rest per kind (ALTER clauses,
 * dropped tables, renamed pairs, SET variables).
 */
public record StatementShape(StatementKind kind, String table, List<String> columns, List<String> indexes,
                             List<String> other) {

    /** A key name one reading did not keep: it agrees with any name. */
    static final String UNKNOWN_NAME = "?";

    /** Equal, except that a key name JSqlParser did not keep ({@link #UNKNOWN_NAME}) matches any. */
    public boolean agrees(StatementShape theirs) {
        if (kind != theirs.kind || !java.util.Objects.equals(table, theirs.table) || !columns.equals(theirs.columns)
                || !other.equals(theirs.other) || indexes.size() != theirs.indexes.size()) {
            return false;
        }
        for (int i = 0; i < indexes.size(); i++) {
            String[] a = indexes.get(i).split(" ", 3);
            String[] b = theirs.indexes.get(i).split(" ", 3);
            boolean same = indexes.get(i).equals(theirs.indexes.get(i)) || a.length == 3 && b.length == 3
                    && a[0].equals(b[0]) && b[1].equals(UNKNOWN_NAME) && a[2].equals(b[2]);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** The shape of a statement of our model. */
    public static StatementShape of(Statement s) {
        List<String> columns = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> other = new ArrayList<>();
        switch (s.kind()) {
            case CREATE_TABLE -> {
                if (s.createTable().likeTable() != null) {
                    indexes.add("LIKE " + name(s.createTable().likeTable()));
                } else {
                    s.createTable().columns().forEach(c -> columns.add(column(c)));
                    s.createTable().indexes().forEach(i -> indexes.add(index(i)));
                }
            }
            case CREATE_INDEX -> s.operations().forEach(o -> indexes.add(index(o.index())));
            case DROP_INDEX -> s.operations().forEach(o -> indexes.add(o.index().name()));
            case DROP_TABLE -> {
                other.add(name(s.table()));
                s.renames().forEach(r -> other.add(name(r.from())));
            }
            case RENAME_TABLE -> s.renames().forEach(r -> other.add(name(r.from()) + " TO " + name(r.to())));
            case SET -> s.settings().forEach(v -> other.add(settingName(v.name())));
            case ALTER_TABLE -> {
                // Both sides are our model here (the adapter's is built from JSqlParser's tree): all of it is
                // compared except the clause's text, which JSqlParser prints its own way.
                other.add("ALGORITHM=" + s.algorithm() + " LOCK=" + s.lock() + (s.ignore() ? " IGNORE" : "")
                        + (s.clausesWritten() ? " written" : "") + (s.online() ? " ONLINE" : ""));
                for (AlterOperation o : s.operations()) {
                    other.add(o.kind() + " " + o.column() + " " + o.newName() + " " + o.value());
                    if (o.definition() != null) {
                        columns.add(keywordDefaultUpper(o.definition()).toString());
                    }
                    if (o.index() != null) {
                        indexes.add(o.index().toString());
                    }
                }
            }
            default -> other.add("not compared");
        }
        String table = s.kind() == StatementKind.RENAME_TABLE ? null : name(s.table());
        return new StatementShape(s.kind(), table, columns, indexes, other);
    }

    /** JSqlParser prints a keyword default its own way ({@code DEFAULT FALSE} as false); a string keeps its case. */
    private static ColumnDefinition keywordDefaultUpper(ColumnDefinition c) {
        String d = c.defaultValue();
        if (d == null || d.startsWith("'")) {
            return c;
        }
        return new ColumnDefinition(c.name(), c.type(), c.nullable(), d.toUpperCase(Locale.ROOT), c.autoIncrement(),
                c.generated(), c.primaryKey(), c.unique(), c.comment(), c.position());
    }

    static String column(ColumnDefinition c) {
        return column(c.name(), c.type() == null ? null : c.type().name(),
                c.type() == null ? List.of() : c.type().arguments(), Boolean.FALSE.equals(c.nullable()),
                c.autoIncrement());
    }

    static String column(String name, String type, List<String> arguments, boolean notNull, boolean autoIncrement) {
        return name + " " + type + arguments + (notNull ? " NOT NULL" : "") + (autoIncrement ? " AUTO_INCREMENT" : "");
    }

    static String index(IndexDefinition i) {
        return index(i.kind() == null ? "CONSTRAINT" : i.kind().name(),
                i.kind() == IndexDefinition.IndexKind.PRIMARY ? "PRIMARY" : i.name(), i.columns());
    }

    static String index(String kind, String name, List<String> columns) {
        return kind + " " + name + " " + columns;
    }

    /** A SET variable without its scope ({@code @@global.x}, {@code GLOBAL x} and {@code x} are all x). */
    static String settingName(String n) {
        String s = n.toLowerCase(Locale.ROOT).trim();
        s = s.replaceFirst("^@@(global|session|local|persist|persist_only)\\.", "").replaceFirst("^@@", "");
        return s.replaceFirst("^(global|session|local|persist|persist_only)[. ]", "").trim();
    }

    private static String name(TableName t) {
        return t == null ? null : t.schema() == null ? t.name() : t.schema() + "." + t.name();
    }
}
