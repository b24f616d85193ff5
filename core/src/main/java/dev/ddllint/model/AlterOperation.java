package dev.ddllint.model;

/**
 * One operation of an ALTER TABLE, in the project's own terms.
 *
 * @param text       the clause as written (for messages)
 * @param column     the column the operation works on (old name for CHANGE/RENAME), or null
 * @param newName    new column/index/table name for CHANGE, RENAME, RENAME INDEX/TABLE, or null
 * @param definition the new column definition for ADD/MODIFY/CHANGE COLUMN, or null
 * @param index      the index added (ADD INDEX/KEY/…), or the dropped index's name in {@code index.name()}
 * @param value      option value (ROW_FORMAT, ENGINE, charset, …), or null
 * @param written    the clause exactly as the author wrote it, where {@code text} is a parser's rendering of it
 *                   ({@code BIGINT (20)}); null when {@code text} is the author's
 */
public record AlterOperation(ClauseKind kind, String text, String column, String newName,
                             ColumnDefinition definition, IndexDefinition index, String value, String written) {

    public AlterOperation(ClauseKind kind, String text, String column, String newName,
                          ColumnDefinition definition, IndexDefinition index, String value) {
        this(kind, text, column, newName, definition, index, value, null);
    }

    /** The clause as the author wrote it: what messages quote and reports mark. */
    public String authorText() {
        return written != null ? written : text;
    }

    public AlterOperation withWritten(String w) {
        return new AlterOperation(kind, text, column, newName, definition, index, value, w);
    }

    public static AlterOperation of(ClauseKind kind, String text) {
        return new AlterOperation(kind, text, null, null, null, null, null);
    }

    public AlterOperation withColumn(String c) {
        return new AlterOperation(kind, text, c, newName, definition, index, value, written);
    }

    public AlterOperation withNewName(String n) {
        return new AlterOperation(kind, text, column, n, definition, index, value, written);
    }

    public AlterOperation withDefinition(ColumnDefinition d) {
        return new AlterOperation(kind, text, column, newName, d, index, value, written);
    }

    public AlterOperation withIndex(IndexDefinition i) {
        return new AlterOperation(kind, text, column, newName, definition, i, value, written);
    }

    public AlterOperation withValue(String v) {
        return new AlterOperation(kind, text, column, newName, definition, index, v, written);
    }
}
