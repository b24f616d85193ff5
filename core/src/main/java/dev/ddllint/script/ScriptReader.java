package dev.ddllint.script;

/**
 * Splits a MySQL migration script into statements with exact positions, the way the {@code mysql} client would send
 * them to the server.
 *
 * <p>One forward pass over the text, no regular expressions: linear in the size of the file, and it never throws
 * on any content. What it understands:
 * <ul>
 *   <li>{@code '...'} and {@code "..."} with backslash escapes and doubled quotes; {@code `...`} with doubled
 *       backticks (a backslash is an ordinary character in an identifier, as in MySQL);</li>
 *   <li>comments {@code -- } (only when followed by a blank, a control character or the end), {@code #} and
 *       {@code /* ... *}{@code /}; versioned comments {@code /*!50100 ... *}{@code /}, {@code /*M!100100 ... *}{@code /}
 *       and {@code /*! ... *}{@code /}, whose content is SQL (a delimiter inside one does not end the
 *       statement);</li>
 *   <li>{@code DELIMITER xx} at the start of a statement (case-insensitive, any token, quotes around it removed);
 *       the rest of its line is ignored;</li>
 *   <li>{@code CREATE [...] PROCEDURE|FUNCTION|TRIGGER|EVENT} and {@code BEGIN NOT ATOMIC} with the default
 *       delimiter {@code ;}: {@code BEGIN/CASE/IF/LOOP/WHILE/REPEAT ... END [IF|CASE|...]} nesting is tracked so
 *       that the {@code ;} inside the body do not end the statement. This is a heuristic on tokens, not a parser:
 *       {@code IF(a, b, c)} and {@code REPEAT('x', 3)} are functions, {@code IF (cond) THEN} is a statement, the END
 *       of a BEGIN/IF/LOOP/WHILE block must follow a {@code ;}, and BEGIN/END where a value is expected (after
 *       {@code ,}, {@code (}, {@code .}, {@code @}, an operator, SET, SELECT, WHERE...) are names. With a custom
 *       delimiter no tracking is needed: the statement ends at the delimiter;</li>
 *   <li>a UTF-8 byte-order mark, CRLF / CR / LF line ends, bytes that are not UTF-8, UTF-16 files;</li>
 *   <li>Flyway placeholders {@code ${name}} and literal tokens of other tools (see {@link ScriptOptions}).</li>
 * </ul>
 *
 * <p>The work is shared out by concern: {@link ScriptDecoder} turns bytes into text, {@link ScriptScanner} makes the
 * pass (quotes, comments, DELIMITER), {@link BlockTracker} follows BEGIN…END nesting, {@link Replacements} holds the
 * placeholder and token values and {@link StatementEdits} builds each statement's sql text.
 */
public final class ScriptReader {

    private ScriptReader() {
    }

    /**
     * Reads a script from its bytes, which should be UTF-8 (an initial byte-order mark is skipped). A UTF-16 file
     * (editors on Windows save one) is read as UTF-16, so that none of its statements is lost, and reported.
     */
    public static ScriptReadResult read(byte[] content, ScriptOptions options) {
        ScriptDecoder.Decoded decoded = ScriptDecoder.decode(content == null ? new byte[0] : content);
        return new ScriptScanner(decoded.text(), options, decoded.problem()).run();
    }

    /** Reads a script that is already text (an initial U+FEFF is skipped). */
    public static ScriptReadResult read(String content, ScriptOptions options) {
        String text = content == null ? "" : content;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new ScriptScanner(text, options, null).run();
    }
}
