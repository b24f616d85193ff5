package dev.ddllint.script;

/**
 * One statement of a migration script.
 *
 * @param sql       the text for a SQL parser that knows nothing of MySQL comments: ordinary comments replaced by
 *                  spaces (line breaks kept), the markers of versioned comments ({@code /*!50100}, {@code /*M!100100},
 *                  {@code /*!} and their closing {@code *}{@code /}) replaced by spaces so their content stays,
 *                  placeholders and tokens replaced, trimmed. Without replacements it is aligned character for
 *                  character with {@link #rawText()}.
 * @param rawText   the exact source text from the first to the last character of the statement (leading and
 *                  trailing comments and the delimiter are not part of it; comments inside it are)
 * @param line      1-based line of the first character that is neither blank nor part of an ordinary comment
 * @param column    1-based column (in code points) of that character
 * @param endLine   1-based line of the last such character, before the delimiter
 * @param endColumn 1-based column of that character (inclusive)
 * @param delimiter the delimiter in force for this statement ({@code ";"} or e.g. {@code "$$"}), whether or not
 *                  the statement was actually terminated by it (the last statement of a file may not be)
 * @param compound  true for {@code CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT} (whose bodies may contain
 *                  {@code BEGIN ... END} blocks) and for MariaDB's {@code BEGIN NOT ATOMIC ... END}
 * @param tooLarge  the statement is longer than {@code maxStatementSize}: {@code sql} and {@code rawText} hold only
 *                  its beginning ({@link #TOO_LARGE_PREFIX} characters), enough to tell its kind, and it is not parsed
 */
public record ScriptStatement(String sql,
                              String rawText,
                              int line,
                              int column,
                              int endLine,
                              int endColumn,
                              String delimiter,
                              boolean compound,
                              boolean tooLarge) {

    /** How much of a statement over {@code maxStatementSize} is kept: enough for its kind and table. */
    public static final int TOO_LARGE_PREFIX = 4096;

    /** A statement of ordinary size. */
    public ScriptStatement(String sql, String rawText, int line, int column, int endLine, int endColumn,
                           String delimiter, boolean compound) {
        this(sql, rawText, line, column, endLine, endColumn, delimiter, compound, false);
    }
}
