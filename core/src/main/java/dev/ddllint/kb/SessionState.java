package dev.ddllint.kb;

/** Session settings that change verdicts, tracked through SET statements of a migration. */
public record SessionState(boolean foreignKeyChecks, Long lockWaitTimeoutSeconds) {

    public static final SessionState DEFAULT = new SessionState(true, null);

    public SessionState withForeignKeyChecks(boolean on) {
        return new SessionState(on, lockWaitTimeoutSeconds);
    }

    public SessionState withLockWaitTimeout(Long seconds) {
        return new SessionState(foreignKeyChecks, seconds);
    }
}
