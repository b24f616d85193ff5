package dev.ddllint.rules;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One problem found in a migration.
 *
 * @param path     the file as given to the analyzer (relative where possible)
 * @param line     1-based line where the statement (or problem) starts
 * @param excerpt  the statement's first line, for one-line reports
 * @param snippet  the statement's text with the clauses the finding is about, or null for a problem of the file
 * @param folded   findings of the same statement and cause folded into this one (the same rule on other clauses, or
 *                 a related rule): they count as this finding, at the highest of their severities
 */
public record Finding(String rule, Severity severity, String path, int line, int column, int endLine,
                      int endColumn, String message, String help, String excerpt, Snippet snippet,
                      List<Finding> folded) {

    public Finding {
        folded = folded == null ? List.of() : List.copyOf(folded);
    }

    /** A finding with no statement text and nothing folded into it. */
    public Finding(String rule, Severity severity, String path, int line, int column, int endLine, int endColumn,
                   String message, String help, String excerpt) {
        this(rule, severity, path, line, column, endLine, endColumn, message, help, excerpt, null, List.of());
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, path, line, column, endLine, endColumn, message, help, excerpt, snippet, folded);
    }

    public Finding withPath(String p) {
        return new Finding(rule, severity, p, line, column, endLine, endColumn, message, help, excerpt, snippet,
                folded.stream().map(f -> f.withPath(p)).toList());
    }

    public Finding withFolded(List<Finding> more) {
        return new Finding(rule, severity, path, line, column, endLine, endColumn, message, help, excerpt, snippet,
                more);
    }

    /** This finding and the ones folded into it. */
    public Stream<Finding> withAllFolded() {
        return Stream.concat(Stream.of(this), folded.stream());
    }

    /**
     * The message with those of the folded findings, for one-line formats (JSON, SARIF, compact):
     * {@code "…; also: …; also [repeated-rebuild]: …"}.
     */
    public String fullMessage() {
        if (folded.isEmpty()) {
            return message;
        }
        return message + folded.stream().map(f -> "; also" + (f.rule.equals(rule) ? "" : " [" + f.rule + "]") + ": "
                + f.message).collect(Collectors.joining());
    }
}
