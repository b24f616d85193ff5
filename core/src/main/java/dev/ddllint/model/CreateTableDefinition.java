package dev.ddllint.model;

import java.util.List;
import java.util.Map;

/**
 * The body of a CREATE TABLE.
 *
 * @param likeTable set for CREATE TABLE t LIKE other
 * @param options   table options, upper-case keys (ENGINE, ROW_FORMAT, DEFAULT CHARSET → CHARSET, …)
 */
public record CreateTableDefinition(List<ColumnDefinition> columns, List<IndexDefinition> indexes,
                                    Map<String, String> options, TableName likeTable, boolean partitioned) {

    public CreateTableDefinition {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        options = Map.copyOf(options);
    }
}
