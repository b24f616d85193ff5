package dev.ddllint.kb;

/**
 * Session settings that change verdicts, tracked through SET statements of a migration.
 *
 * @param oldAlterTable  {@code old_alter_table} is ON (MySQL; on MariaDB before 11.x an alias of
 *                       {@code alter_algorithm=COPY})
 * @param alterAlgorithm MariaDB's {@code alter_algorithm} (COPY, INPLACE, NOCOPY, INSTANT), or null for DEFAULT
 * @param algorithmSetBy the SET that put old_alter_table / alter_algorithm in force, for messages ("SET SESSION
 *                       old_alter_table=1 at line 3"), or null
 * @param alterHistoryKept MariaDB's {@code system_versioning_alter_history} is KEEP (or a value not known); at its
 *                       default, ERROR, the server refuses to recreate a system-versioned table
 */
public record SessionState(boolean foreignKeyChecks, Long lockWaitTimeoutSeconds, boolean oldAlterTable,
                           String alterAlgorithm, String algorithmSetBy, boolean alterHistoryKept) {

    public static final SessionState DEFAULT = new SessionState(true, null, false, null, null, false);

    public SessionState(boolean foreignKeyChecks, Long lockWaitTimeoutSeconds) {
        this(foreignKeyChecks, lockWaitTimeoutSeconds, false, null, null, false);
    }

    public SessionState withForeignKeyChecks(boolean on) {
        return new SessionState(on, lockWaitTimeoutSeconds, oldAlterTable, alterAlgorithm, algorithmSetBy,
                alterHistoryKept);
    }

    public SessionState withLockWaitTimeout(Long seconds) {
        return new SessionState(foreignKeyChecks, seconds, oldAlterTable, alterAlgorithm, algorithmSetBy,
                alterHistoryKept);
    }

    public SessionState withOldAlterTable(boolean on, String setBy) {
        return new SessionState(foreignKeyChecks, lockWaitTimeoutSeconds, on, alterAlgorithm,
                on || alterAlgorithm != null ? setBy : null, alterHistoryKept);
    }

    public SessionState withAlterAlgorithm(String algorithm, String setBy) {
        return new SessionState(foreignKeyChecks, lockWaitTimeoutSeconds, oldAlterTable, algorithm,
                algorithm != null || oldAlterTable ? setBy : null, alterHistoryKept);
    }

    public SessionState withAlterHistoryKept(boolean kept) {
        return new SessionState(foreignKeyChecks, lockWaitTimeoutSeconds, oldAlterTable, alterAlgorithm,
                algorithmSetBy, kept);
    }
}
