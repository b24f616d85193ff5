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
 */
public record AlterOperation(OperationKind kind, String text, String column, String newName,
                             ColumnDefinition definition, IndexDefinition index, String value) {

    public static AlterOperation of(OperationKind kind, String text) {
        return new AlterOperation(kind, text, null, null, null, null, null);
    }

    public AlterOperation withColumn(String c) {
        return new AlterOperation(kind, text, c, newName, definition, index, value);
    }

    public AlterOperation withNewName(String n) {
        return new AlterOperation(kind, text, column, n, definition, index, value);
    }

    public AlterOperation withDefinition(ColumnDefinition d) {
        return new AlterOperation(kind, text, column, newName, d, index, value);
    }

    public AlterOperation withIndex(IndexDefinition i) {
        return new AlterOperation(kind, text, column, newName, definition, i, value);
    }

    public AlterOperation withValue(String v) {
        return new AlterOperation(kind, text, column, newName, definition, index, v);
    }
}
