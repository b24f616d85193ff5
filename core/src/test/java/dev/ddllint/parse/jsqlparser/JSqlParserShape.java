package dev.ddllint.parse.jsqlparser;

import dev.ddllint.model.StatementKind;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.drop.Drop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSqlParser's own reading of a statement, in neutral terms ({@link StatementShape}), read from its tree and not
 * from our readers: the other side of the cross-check. Test code; it lives beside the adapter because JSqlParser
 * is used nowhere else.
 */
public final class JSqlParserShape {

    private JSqlParserShape() {
    }

    /** JSqlParser's shape of the statement, or null when it rejects it or has no tree we can compare. */
    public static StatementShape of(String sql) {
        net.sf.jsqlparser.statement.Statement parsed;
        try {
            parsed = CCJSqlParserUtil.parse(sql, p -> p.withDialect(AbstractJSqlParser.Dialect.MYSQL)
                    .withBackslashEscapeCharacter(true));
        } catch (Exception | StackOverflowError e) {
            return null;
        }
        if (parsed instanceof CreateTable c && c.getColumnDefinitions() != null) {
            return createTable(c);
        }
        if (parsed instanceof CreateTable c && c.getLikeTable() != null) {
            return new StatementShape(StatementKind.CREATE_TABLE, name(c.getTable()), List.of(),
                    List.of("LIKE " + name(c.getLikeTable())), List.of());
        }
        if (parsed instanceof CreateIndex ci) {
            Index i = ci.getIndex();
            return new StatementShape(StatementKind.CREATE_INDEX, name(ci.getTable()), List.of(),
                    List.of(StatementShape.index(indexKind(i.getType()), unquote(i.getName()),
                            columns(i.getColumnsNames()))), List.of());
        }
        if (parsed instanceof Drop d && "TABLE".equalsIgnoreCase(d.getType())) {
            List<String> tables = new ArrayList<>();
            tables.add(name(d.getName()));
            if (d.getNames() != null) {
                d.getNames().stream().skip(1).map(JSqlParserShape::name).forEach(tables::add);
            }
            return new StatementShape(StatementKind.DROP_TABLE, tables.get(0), List.of(), List.of(), tables);
        }
        if (parsed instanceof Drop d && "INDEX".equalsIgnoreCase(d.getType())) {
            List<String> p = d.getParameters() == null ? List.of() : d.getParameters();
            int on = p.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList().indexOf("ON");
            String table = on >= 0 && on + 1 < p.size() ? unquoteQualified(p.get(on + 1)) : null;
            return new StatementShape(StatementKind.DROP_INDEX, table, List.of(),
                    List.of(unquote(d.getName().getName())), List.of());
        }
        if (parsed instanceof RenameTableStatement r) {
            List<String> pairs = new ArrayList<>();
            for (Map.Entry<Table, Table> e : r.getTableNames()) {
                pairs.add(name(e.getKey()) + " TO " + name(e.getValue()));
            }
            return new StatementShape(StatementKind.RENAME_TABLE, null, List.of(), List.of(), pairs);
        }
        if (parsed instanceof SetStatement s) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < s.getCount(); i++) {
                names.add(StatementShape.settingName(String.valueOf(s.getName(i))));
            }
            return new StatementShape(StatementKind.SET, null, List.of(), List.of(), names);
        }
        return null;
    }

    private static StatementShape createTable(CreateTable c) {
        List<String> columns = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> inline = new ArrayList<>();
        for (ColumnDefinition d : c.getColumnDefinitions()) {
            String name = unquote(d.getColumnName());
            List<String> specs = d.getColumnSpecs() == null ? List.of()
                    : d.getColumnSpecs().stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
            columns.add(StatementShape.column(name, typeName(d.getColDataType()), arguments(d.getColDataType()),
                    contains(specs, "NOT", "NULL"), specs.contains("AUTO_INCREMENT")));
            if (contains(specs, "PRIMARY", "KEY")) {
                inline.add(StatementShape.index("PRIMARY", "PRIMARY", List.of(name)));
            } else if (specs.contains("UNIQUE")) {
                inline.add(StatementShape.index("UNIQUE", name, List.of(name)));
            }
        }
        if (c.getIndexes() != null) {
            for (Index i : c.getIndexes()) {
                String kind = i instanceof ForeignKeyIndex ? "FOREIGN" : i instanceof CheckConstraint ? "CHECK"
                        : indexKind(i.getType());
                // JSqlParser 5.4 drops the name of UNIQUE KEY name (…): no name is "not known", not "none".
                String name = kind.equals("PRIMARY") ? "PRIMARY"
                        : i.getName() == null ? StatementShape.UNKNOWN_NAME : unquote(i.getName());
                indexes.add(StatementShape.index(kind, name, kind.equals("CHECK") ? List.of()
                        : columns(i.getColumnsNames())));
            }
        }
        indexes.addAll(inline);
        return new StatementShape(StatementKind.CREATE_TABLE, name(c.getTable()), columns, indexes, List.of());
    }

    private static boolean contains(List<String> specs, String first, String second) {
        for (int i = 0; i + 1 < specs.size(); i++) {
            if (specs.get(i).equals(first) && specs.get(i + 1).equals(second)) {
                return true;
            }
        }
        return false;
    }

    /** {@code int (10)}, {@code decimal (10, 2)}: JSqlParser keeps some types' arguments in the type's text. */
    private static final Pattern TYPE_WITH_ARGUMENTS = Pattern.compile("(?s)^(.*?)\\s*\\((.*)\\)$");

    /** The type's name in our reader's terms (aliases as MySQL spells them resolved the same way). */
    private static String typeName(ColDataType t) {
        Matcher m = TYPE_WITH_ARGUMENTS.matcher(t.getDataType().trim());
        String name = (m.matches() ? m.group(1) : t.getDataType()).toUpperCase(Locale.ROOT).trim()
                .replaceAll("\\s+", " ");
        name = name.replaceAll(" (UNSIGNED|SIGNED|ZEROFILL)\\b", "");
        return switch (name) {
            case "DOUBLE PRECISION" -> "DOUBLE";
            case "CHARACTER VARYING", "CHAR VARYING" -> "VARCHAR";
            case "CHARACTER" -> "CHAR";
            default -> name.startsWith("NATIONAL ") ? name.substring("NATIONAL ".length()) : name;
        };
    }

    private static List<String> arguments(ColDataType t) {
        Matcher m = TYPE_WITH_ARGUMENTS.matcher(t.getDataType().trim());
        List<String> raw = m.matches() ? List.of(m.group(2).split(","))
                : t.getArgumentsStringList() == null ? List.of() : t.getArgumentsStringList();
        return raw.stream().map(a -> {
            String s = a.trim();
            return s.length() >= 2 && s.startsWith("'") && s.endsWith("'")
                    ? s.substring(1, s.length() - 1).replace("''", "'") : s;
        }).toList();
    }

    private static String indexKind(String type) {
        String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
        if (t.contains("PRIMARY")) {
            return "PRIMARY";
        }
        if (t.contains("UNIQUE")) {
            return "UNIQUE";
        }
        if (t.contains("FULLTEXT")) {
            return "FULLTEXT";
        }
        if (t.contains("SPATIAL")) {
            return "SPATIAL";
        }
        return "PLAIN";
    }

    private static List<String> columns(List<String> names) {
        // Our model keeps a key part's column without its prefix length or order (c(10) DESC is c).
        return names == null ? List.of() : names.stream().map(n -> unquote(n.replaceAll("(?i)\\s+(ASC|DESC)$", "")
                .replaceAll("\\s*\\(\\s*\\d+\\s*\\)$", ""))).toList();
    }

    private static String name(Table t) {
        if (t == null) {
            return null;
        }
        return t.getSchemaName() == null ? unquote(t.getName())
                : unquote(t.getSchemaName()) + "." + unquote(t.getName());
    }

    private static String unquoteQualified(String s) {
        String[] parts = s.split("\\.");
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add(unquote(p));
        }
        return String.join(".", out);
    }

    static String unquote(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim();
        if (n.length() >= 2 && (n.startsWith("`") && n.endsWith("`") || n.startsWith("\"") && n.endsWith("\""))) {
            return n.substring(1, n.length() - 1);
        }
        return n;
    }
}
