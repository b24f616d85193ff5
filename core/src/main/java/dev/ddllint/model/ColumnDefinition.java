package dev.ddllint.model;

/**
 * A column as declared in CREATE TABLE or in ADD/MODIFY/CHANGE COLUMN.
 *
 * @param nullable     TRUE for NULL, FALSE for NOT NULL, null when not written
 * @param generated    VIRTUAL or STORED for generated columns, else null
 * @param defaultValue the DEFAULT expression as written, or null
 * @param position     FIRST, AFTER x, or null when not written
 */
public record ColumnDefinition(String name, ColumnType type, Boolean nullable, String defaultValue,
                               boolean autoIncrement, Generated generated, boolean primaryKey, boolean unique,
                               String comment, ColumnPosition position) {

    public enum Generated { VIRTUAL, STORED }

    public boolean isNotNull() {
        return Boolean.FALSE.equals(nullable) || primaryKey;
    }

    public ColumnDefinition withName(String newName) {
        return new ColumnDefinition(newName, type, nullable, defaultValue, autoIncrement, generated, primaryKey,
                unique, comment, position);
    }
}
