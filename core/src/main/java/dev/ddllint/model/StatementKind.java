package dev.ddllint.model;

/** Statement kinds the analyzer distinguishes; names are part of the JSON report. */
public enum StatementKind {
    CREATE_TABLE, ALTER_TABLE, CREATE_INDEX, DROP_INDEX, RENAME_TABLE, DROP_TABLE, TRUNCATE_TABLE,
    OPTIMIZE_TABLE, SET, DML, OTHER
}
