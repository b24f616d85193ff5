package dev.ddllint.model;

/** FIRST, or AFTER {@code column}. */
public record ColumnPosition(boolean first, String afterColumn) {

    public static ColumnPosition atFirst() {
        return new ColumnPosition(true, null);
    }

    public static ColumnPosition after(String column) {
        return new ColumnPosition(false, column);
    }

    @Override
    public String toString() {
        return first ? "FIRST" : "AFTER " + afterColumn;
    }
}
