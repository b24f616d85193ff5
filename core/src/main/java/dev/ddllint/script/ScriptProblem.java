package dev.ddllint.script;

/**
 * Something wrong with the script as a file (not with the SQL in it). Reading goes on after each problem.
 *
 * @param code    one of the constants of this record
 * @param line    1-based line
 * @param column  1-based column in code points
 * @param message a sentence for people
 */
public record ScriptProblem(String code, int line, int column, String message) {

    /** Bytes that are not UTF-8; reported once, at the first bad byte; the text is decoded with U+FFFD. */
    public static final String INVALID_ENCODING = "invalid-encoding";
    /** A quote or backtick that is never closed; reported where it opened; the rest of the file is read into it. */
    public static final String UNTERMINATED_STRING = "unterminated-string";
    /** A block or versioned comment that is never closed; reported where it opened. */
    public static final String UNTERMINATED_COMMENT = "unterminated-comment";
    /** A Flyway {@code ${name}} with no value; the text is left as it is. */
    public static final String UNRESOLVED_PLACEHOLDER = "unresolved-placeholder";
    /** A {@code DELIMITER} command without a delimiter token; ignored. */
    public static final String STRAY_DELIMITER = "stray-delimiter";
    /** A file over {@code maxFileSize} (not read) or a statement over {@code maxStatementSize} (not parsed). */
    public static final String INPUT_TOO_LARGE = "input-too-large";
}
