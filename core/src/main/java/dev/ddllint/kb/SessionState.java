package dev.ddllint.kb;

/**
 * Session settings that change verdicts, tracked through SET statements of a migration.
 *
 * @param oldAlterTable  {@code old_alter_table} is ON (MySQL; on MariaDB before 11.x an alias of
 *                       {@code alter_algorithm=COPY})
 * @param alterAlgorithm MariaDB's {@code alter_algorithm} (COPY, INPLACE, NOCOPY, INSTANT), or null for DEFAULT
 * @param algorithmSetBy the SET that put old_alter_table / alter_algorithm in force, for messages ("SET SESSION
 *                       old_alter_table=1 at line 3"), or null
 */
public record SessionState(boolean foreignKeyChecks, Long lockWaitTimeoutSeconds, boolean oldAlterTable,
                           String alterAlgorithm, String algorithmSetBy) {

    public static final SessionState DEFAULT = new SessionState(true, null, false, null, null);

    public SessionState(boolean foreignKeyChecks, Long lockWaitTimeoutSeconds) {
        this(foreignKeyChecks, lockWaitTimeoutSeconds, false, null, null);
    }

    public SessionState withForeignKeyChecks(boolean on) {
        return new SessionState(on, lockWaitTimeoutSeconds, oldAlterTable, alterAlgorithm, algorithmSetBy);
    }

    public SessionState withLockWaitTimeout(Long seconds) {
        return new SessionState(foreignKeyChecks, seconds, oldAlterTable, alterAlgorithm, algorithmSetBy);
    }

    public SessionState withOldAlterTable(boolean on, String setBy) {
        return new SessionState(foreignKeyChecks, lockWaitTimeoutSeconds, on, alterAlgorithm,
                on || alterAlgorithm != null ? setBy : null);
    }

    public SessionState withAlterAlgorithm(String algorithm, String setBy) {
        return new SessionState(foreignKeyChecks, lockWaitTimeoutSeconds, oldAlterTable, algorithm,
                algorithm != null || oldAlterTable ? setBy : null);
    }
}
