package dev.ddllint.flyway;

import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorDetails;
import org.flywaydb.core.api.exception.FlywayBlockStatementExecutionException;

/**
 * The exception that makes Flyway skip a statement (Flyway 10 and later). Kept out of {@link DdlLintCallback} so
 * that Flyway 9, which has no {@code CoreErrorCode}, still loads the callback; there a run-with statement is refused
 * before pt-online-schema-change runs it (Flyway would run it a second time).
 */
final class FlywayStatementSkip {

    private FlywayStatementSkip() {
    }

    /** Whether this Flyway can skip a statement from a callback. */
    static boolean available(ClassLoader loader) {
        try {
            Class.forName("org.flywaydb.core.api.CoreErrorCode", false, loader);
            Class.forName("org.flywaydb.core.api.exception.FlywayBlockStatementExecutionException", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static RuntimeException skip(String message) {
        return new FlywayBlockStatementExecutionException(new ErrorDetails(CoreErrorCode.ERROR, message), message);
    }
}
