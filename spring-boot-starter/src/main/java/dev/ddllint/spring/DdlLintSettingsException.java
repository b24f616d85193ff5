package dev.ddllint.spring;

/** A ddl-lint setting of the application is wrong; the message names the property and what to set instead. */
public class DdlLintSettingsException extends RuntimeException {

    private final String action;

    DdlLintSettingsException(String message, String action) {
        super(message + " " + action);
        this.action = action;
    }

    /** What the user can do, for Spring Boot's failure report. */
    public String action() {
        return action;
    }

    /** The problem alone. */
    public String problem() {
        return getMessage().substring(0, getMessage().length() - action.length() - 1);
    }
}
