package dev.ddllint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A character column that MODIFY/CHANGE writes without CHARACTER SET or COLLATE takes the table's default, and when
 * the same ALTER sets a new default ({@code DEFAULT CHARACTER SET x}), the new one, wherever the clause stands
 * (differential: {@code DEFAULT CHARACTER SET utf8mb4, CHANGE c c VARCHAR(36)} converts a latin1 column by a copy).
 * This makes that charset explicit on the rewritten columns, so every later step compares real charsets.
 */
public final class InheritedCharset {

    /** Marks a collation that the server picks as the charset's default, which ddl-lint does not know per version. */
    public static final String DEFAULT_COLLATION_SUFFIX = "_default_collation";

    private InheritedCharset() {
    }

    public static Statement apply(Statement statement) {
        String value = null;
        for (AlterOperation op : statement.operations()) {
            if (op.kind() == ClauseKind.DEFAULT_CHARSET && op.value() != null) {
                value = op.value().toLowerCase(Locale.ROOT);
            }
        }
        if (value == null) {
            return statement;
        }
        boolean isCollation = value.contains("_");
        String charset = isCollation ? value.substring(0, value.indexOf('_')) : value;
        String collation = isCollation ? value : charset + DEFAULT_COLLATION_SUFFIX;
        List<AlterOperation> ops = new ArrayList<>();
        boolean changed = false;
        for (AlterOperation op : statement.operations()) {
            ColumnDefinition d = op.definition();
            if ((op.kind() == ClauseKind.MODIFY_COLUMN || op.kind() == ClauseKind.CHANGE_COLUMN) && d != null
                    && d.type() != null && isCharacter(d.type()) && d.type().charset() == null
                    && d.type().collation() == null) {
                ColumnType t = d.type();
                ColumnType typed = new ColumnType(t.name(), t.arguments(), t.unsigned(), t.zerofill(), charset,
                        collation);
                ops.add(op.withDefinition(new ColumnDefinition(d.name(), typed, d.nullable(), d.defaultValue(),
                        d.autoIncrement(), d.generated(), d.primaryKey(), d.unique(), d.comment(), d.position())));
                changed = true;
            } else {
                ops.add(op);
            }
        }
        return changed ? statement.withOperations(ops) : statement;
    }

    private static boolean isCharacter(ColumnType t) {
        return switch (t.name()) {
            case "CHAR", "VARCHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "SET" -> true;
            default -> false;
        };
    }
}
