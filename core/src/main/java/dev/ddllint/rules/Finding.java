package dev.ddllint.rules;

/**
 * One problem found in a migration.
 *
 * @param path     the file as given to the analyzer (relative where possible)
 * @param line     1-based line where the statement (or problem) starts
 * @param excerpt  the statement's first line, for text reports
 */
public record Finding(String rule, Severity severity, String path, int line, int column, int endLine,
                      int endColumn, String message, String help, String excerpt) {

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, path, line, column, endLine, endColumn, message, help, excerpt);
    }
}
