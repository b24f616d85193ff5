package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.ClauseKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A table or column named with a reserved word of MySQL 8 or MariaDB: every query must quote it, and a word
 * reserved by a newer version (RANK, GROUPS, WINDOW, LEAD in MySQL 8.0) breaks unquoted queries on upgrade.
 */
public final class ReservedWordIdentifier implements StatementRule {

    public static final String ID = "reserved-word-identifier";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.POLICY, Risk.AVAILABILITY,
            "A table or column named with a reserved word: every query must quote it");

    /** Reserved words of MySQL 8.4 and MariaDB 11 that are plausible names. */
    static final Set<String> RESERVED = Set.of("ACCESSIBLE", "ADD", "ALL", "ALTER", "ANALYZE", "AND", "AS", "ASC",
            "BEFORE", "BETWEEN", "BIGINT", "BINARY", "BLOB", "BOTH", "BY", "CALL", "CASCADE", "CASE", "CHANGE", "CHAR",
            "CHARACTER", "CHECK", "COLLATE", "COLUMN", "CONDITION", "CONSTRAINT", "CONTINUE", "CONVERT", "CREATE",
            "CROSS", "CUBE", "CUME_DIST", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER",
            "CURSOR", "DATABASE", "DATABASES", "DEC", "DECIMAL", "DECLARE", "DEFAULT", "DELAYED", "DELETE",
            "DENSE_RANK", "DESC", "DESCRIBE", "DISTINCT", "DIV", "DOUBLE", "DROP", "DUAL", "EACH", "ELSE", "ELSEIF",
            "EMPTY", "ENCLOSED", "ESCAPED", "EXCEPT", "EXISTS", "EXIT", "EXPLAIN", "FALSE", "FETCH", "FIRST_VALUE",
            "FLOAT", "FOR", "FORCE", "FOREIGN", "FROM", "FULLTEXT", "FUNCTION", "GENERATED", "GET", "GRANT", "GROUP",
            "GROUPING", "GROUPS", "HAVING", "IF", "IGNORE", "IN", "INDEX", "INFILE", "INNER", "INOUT", "INSERT",
            "INT", "INTEGER", "INTERVAL", "INTO", "IS", "ITERATE", "JOIN", "JSON_TABLE", "KEY", "KEYS", "KILL", "LAG",
            "LAST_VALUE", "LATERAL", "LEAD", "LEADING", "LEAVE", "LEFT", "LIKE", "LIMIT", "LINEAR", "LINES", "LOAD",
            "LOCALTIME", "LOCALTIMESTAMP", "LOCK", "LONG", "LOOP", "MATCH", "MAXVALUE", "MOD", "MODIFIES", "NATURAL",
            "NOT", "NTH_VALUE", "NTILE", "NULL", "NUMERIC", "OF", "ON", "OPTIMIZE", "OPTION", "OR", "ORDER", "OUT",
            "OUTER", "OVER", "PARTITION", "PERCENT_RANK", "PRECISION", "PRIMARY", "PROCEDURE", "PURGE", "RANGE",
            "RANK", "READ", "READS", "REAL", "RECURSIVE", "REFERENCES", "REGEXP", "RELEASE", "RENAME", "REPEAT",
            "REPLACE", "REQUIRE", "RESIGNAL", "RESTRICT", "RETURN", "REVOKE", "RIGHT", "RLIKE", "ROW", "ROWS",
            "ROW_NUMBER", "SCHEMA", "SCHEMAS", "SELECT", "SENSITIVE", "SEPARATOR", "SET", "SHOW", "SIGNAL", "SPATIAL",
            "SQL", "STARTING", "STORED", "STRAIGHT_JOIN", "SYSTEM", "TABLE", "TERMINATED", "THEN", "TO", "TRAILING",
            "TRIGGER", "TRUE", "UNION", "UNIQUE", "UNLOCK", "UNSIGNED", "UPDATE", "USAGE", "USE", "USING", "VALUES",
            "VARCHAR", "VARYING", "VIRTUAL", "WHEN", "WHERE", "WHILE", "WINDOW", "WITH", "WRITE", "XOR", "ZEROFILL");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        List<String[]> names = new ArrayList<>();
        if (ctx.statement().createTable() != null && ctx.statement().table() != null) {
            names.add(new String[] {"table", ctx.statement().table().name()});
        }
        for (ColumnDefinition c : DeclaredColumns.of(ctx)) {
            names.add(new String[] {"column", c.name()});
        }
        for (AlterOperation op : ctx.statement().operations()) {
            if ((op.kind() == ClauseKind.RENAME_COLUMN || op.kind() == ClauseKind.RENAME_TABLE)
                    && op.newName() != null) {
                names.add(new String[] {op.kind() == ClauseKind.RENAME_TABLE ? "table" : "column", op.newName()});
            }
        }
        for (String[] n : names) {
            if (!RESERVED.contains(n[1].toUpperCase(Locale.ROOT))) {
                continue;
            }
            sink.report(INFO, n[0] + " `" + n[1] + "` " + (n[0].equals("table") ? "" : "of " + ctx.tableName() + " ")
                            + "is named with a reserved word: every query must quote it (`" + n[1] + "`), and one "
                            + "that does not fails with a syntax error (ERROR 1064)",
                    "choose another name (" + n[1].toLowerCase(Locale.ROOT) + "_value, " + n[0] + "_"
                            + n[1].toLowerCase(Locale.ROOT) + "); renaming later is a backward-incompatible change "
                            + "(see rename-column)");
        }
    }
}
