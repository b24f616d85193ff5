package dev.ddllint.run;

/**
 * ddl-lint could not do its job (a bad or missing configuration file, an unknown git ref, an unreadable baseline
 * or statistics snapshot, a live database that fails): exit code 2 in the CLI, a build error in Maven, a stopped
 * (or, with {@code failClosed=false}, unchecked) migrate in Flyway. The message names the file, line or value and
 * never contains a password; front ends print it after their own prefix.
 */
public final class LintFailure extends Exception {

    public LintFailure(String message) {
        super(message);
    }

    public LintFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
