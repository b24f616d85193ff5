package dev.ddllint.model;

/**
 * What one clause of an ALTER TABLE (or a CREATE/DROP INDEX statement) says, as written: the syntax level. The
 * knowledge base's {@code kb.DdlOperation} is the other level: what the server does with the clause once the table
 * and the session are known (one clause may map to several operations, e.g. a MODIFY to a type change and a NOT NULL).
 */
public enum ClauseKind {
    ADD_COLUMN, DROP_COLUMN, MODIFY_COLUMN, CHANGE_COLUMN, RENAME_COLUMN,
    SET_DEFAULT, DROP_DEFAULT, SET_COLUMN_VISIBILITY,
    ADD_INDEX, DROP_INDEX, RENAME_INDEX, SET_INDEX_VISIBILITY,
    ADD_PRIMARY_KEY, DROP_PRIMARY_KEY,
    ADD_FOREIGN_KEY, DROP_FOREIGN_KEY,
    ADD_CHECK_CONSTRAINT, DROP_CHECK_CONSTRAINT, DROP_CONSTRAINT,
    RENAME_TABLE,
    CONVERT_CHARSET, DEFAULT_CHARSET,
    TABLE_COMMENT, AUTO_INCREMENT_VALUE, ROW_FORMAT, KEY_BLOCK_SIZE, ENGINE, FORCE, ENCRYPTION, TABLESPACE,
    STATS_OPTION, TABLE_OPTION, ORDER_BY,
    DISCARD_TABLESPACE, IMPORT_TABLESPACE,
    /** MariaDB: ADD/DROP SYSTEM VERSIONING, ADD/DROP PERIOD FOR. */
    SYSTEM_VERSIONING,
    PARTITION_BY, REMOVE_PARTITIONING, ADD_PARTITION, DROP_PARTITION, TRUNCATE_PARTITION, COALESCE_PARTITION,
    REORGANIZE_PARTITION, EXCHANGE_PARTITION, REBUILD_PARTITION, PARTITION_MAINTENANCE,
    /** A clause neither JSqlParser nor the clause reader understood. */
    UNKNOWN;

    public boolean isPartitionOperation() {
        return switch (this) {
            case PARTITION_BY, REMOVE_PARTITIONING, ADD_PARTITION, DROP_PARTITION, TRUNCATE_PARTITION,
                 COALESCE_PARTITION, REORGANIZE_PARTITION, EXCHANGE_PARTITION, REBUILD_PARTITION,
                 PARTITION_MAINTENANCE -> true;
            default -> false;
        };
    }
}
