package dev.ddllint.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The single forward pass of {@link ScriptReader} over decoded text: positions (line, column in code points), the
 * delimiter and {@code DELIMITER}, quotes, comments and versioned comments, and where each statement starts and ends.
 * Words and punctuation go to a {@link BlockTracker} (is a {@code ;} inside a BEGIN…END body?), placeholders and
 * tokens are looked up in {@link Replacements}, changes to the sql text collect in {@link StatementEdits}. One
 * instance per read.
 */
final class ScriptScanner {

    private static final int MAX_KEYWORD = 16;

    private final String s;
    private final int n;
    private final Replacements replacements;
    private final long maxStatementSize;
    private final BlockTracker blocks = new BlockTracker();
    private final StatementEdits edits = new StatementEdits();

    private final List<ScriptStatement> statements = new ArrayList<>();
    private final List<ScriptProblem> problems = new ArrayList<>();

    // Position of s.charAt(i).
    private int i;
    private int line = 1;
    private int col = 1;

    private String delimiter = ";";
    private boolean inVersioned;
    private int versionedLine;
    private int versionedCol;

    // The statement being read.
    private boolean started;
    private int stStart;
    private int stLine;
    private int stCol;
    private int lastIndex;
    private int lastLine;
    private int lastCol;

    /** @param encodingProblem what {@link ScriptDecoder} reported about the bytes, or null */
    ScriptScanner(String text, ScriptOptions options, ScriptProblem encodingProblem) {
        this.s = text;
        this.n = text.length();
        this.replacements = new Replacements(options);
        this.maxStatementSize = options == null ? Long.MAX_VALUE : options.maxStatementSize();
        if (encodingProblem != null) {
            problems.add(encodingProblem);
        }
    }

    ScriptReadResult run() {
        while (i < n) {
            step();
        }
        if (inVersioned) {
            problems.add(unterminated(ScriptProblem.UNTERMINATED_COMMENT, "versioned comment", versionedLine,
                    versionedCol));
            inVersioned = false;
        }
        endStatement();
        problems.sort(Comparator.comparingInt(ScriptProblem::line).thenComparingInt(ScriptProblem::column));
        return new ScriptReadResult(statements, problems, s);
    }

    private void step() {
        char c = s.charAt(i);
        boolean anyTokens = replacements.anyTokens();
        if (isBlank(c) && !(anyTokens && replacements.tokenAt(s, i) != null)) {
            // A delimiter never starts with a blank (DELIMITER takes a run of non-blank characters).
            advance();
            return;
        }
        if (!inVersioned && c == delimiter.charAt(0) && s.startsWith(delimiter, i)) {
            if (blocks.insideBlock()) {
                consumeSignificant(1);
                blocks.onToken(BlockTracker.SEMI);
            } else {
                endStatement();
                for (int k = 0; k < delimiter.length(); k++) {
                    advance();
                }
            }
            return;
        }
        if (!started && !inVersioned && (c == 'd' || c == 'D') && isDelimiterCommand()) {
            delimiterCommand();
            return;
        }
        if (anyTokens && replaceToken()) {
            blocks.onToken(BlockTracker.IDENT);
            return;
        }
        if (c == '$' && replacements.placeholdersOn() && replacePlaceholder()) {
            blocks.onToken(BlockTracker.IDENT);
            return;
        }
        char next = i + 1 < n ? s.charAt(i + 1) : '\0';
        if (c == '-' && next == '-' && (i + 2 >= n || isControlOrBlank(s.charAt(i + 2)))) {
            lineComment();
        } else if (c == '#') {
            lineComment();
        } else if (c == '/' && next == '*') {
            if (isVersionedOpen()) {
                if (inVersioned) {
                    nestedVersionedOpen();
                } else {
                    versionedOpen();
                }
            } else {
                blockComment();
            }
        } else if (c == '*' && next == '/' && inVersioned) {
            int from = i;
            consumeSignificant(2);
            edit(from, i, null);
            inVersioned = false;
        } else if (c == '\'' || c == '"' || c == '`') {
            quoted(c);
            blocks.onToken(BlockTracker.QUOTED);
        } else if (isWordChar(c)) {
            word();
        } else if (c == ':' && next == '=') {
            consumeSignificant(2);
            blocks.onToken(BlockTracker.ASSIGN);
        } else {
            consumeSignificant(1);
            blocks.onToken(BlockTracker.punctuation(c));
        }
    }

    // ---------------------------------------------------------------- positions

    /** Consumes one code point, not significant (blank or comment). */
    private void advance() {
        char c = s.charAt(i);
        if (c == '\n') {
            if (i == 0 || s.charAt(i - 1) != '\r') {
                line++;
            }
            col = 1;
            i++;
        } else if (c == '\r') {
            line++;
            col = 1;
            i++;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
            i += 2;
            col++;
        } else {
            i++;
            col++;
        }
    }

    /** Consumes one code point that belongs to the statement (blanks do not move its start or end). */
    private void significant() {
        if (!isBlank(s.charAt(i))) {
            mark();
        }
        advance();
    }

    /** Consumes code points until at least {@code chars} chars have been consumed. */
    private void consumeSignificant(int chars) {
        int end = Math.min(n, i + chars);
        while (i < end) {
            significant();
        }
    }

    private void mark() {
        if (!started) {
            started = true;
            stStart = i;
            stLine = line;
            stCol = col;
        }
        lastIndex = i;
        lastLine = line;
        lastCol = col;
    }

    /** Fast path: consumes the chars up to {@code end}, all ASCII, not blank, part of the statement. */
    private void skipPlain(int end) {
        if (end <= i) {
            return;
        }
        if (!started) {
            mark();
        }
        lastIndex = end - 1;
        lastLine = line;
        lastCol = col + (end - 1 - i);
        col += end - i;
        i = end;
    }

    /** Records a change for the sql text: {@code value == null} blanks the range (keeping line breaks). */
    private void edit(int from, int to, String value) {
        if (started && to > from) {
            edits.add(from, to, value);
        }
    }

    // ---------------------------------------------------------------- statements

    private void endStatement() {
        if (started) {
            int lastEnd = lastIndex + (Character.isHighSurrogate(s.charAt(lastIndex)) && lastIndex + 1 < n
                    && Character.isLowSurrogate(s.charAt(lastIndex + 1)) ? 2 : 1);
            if (lastEnd - stStart > maxStatementSize) {
                tooLarge(lastEnd);
            } else {
                String sql = edits.apply(s, stStart, lastEnd);
                if (!sql.isEmpty()) {
                    statements.add(new ScriptStatement(sql, s.substring(stStart, lastEnd), stLine, stCol, lastLine,
                            lastCol, delimiter, blocks.compound()));
                }
            }
        }
        started = false;
        edits.clear();
        blocks.reset();
    }

    /**
     * A statement over {@code maxStatementSize}: only its beginning is copied (the whole would cost memory in
     * proportion to the input, several times over), reported, and never parsed.
     */
    private void tooLarge(int lastEnd) {
        int prefixEnd = Math.min(lastEnd, stStart + ScriptStatement.TOO_LARGE_PREFIX);
        if (prefixEnd < lastEnd && Character.isHighSurrogate(s.charAt(prefixEnd - 1))) {
            prefixEnd--;
        }
        String sql = edits.apply(s, stStart, prefixEnd);
        statements.add(new ScriptStatement(sql, s.substring(stStart, prefixEnd), stLine, stCol, lastLine, lastCol,
                delimiter, blocks.compound(), true));
        problems.add(new ScriptProblem(ScriptProblem.INPUT_TOO_LARGE, stLine, stCol, String.format(Locale.ROOT,
                "statement of %,d characters (to line %d) is longer than maxStatementSize (%,d): it is not read, "
                        + "so its DDL counts as not understood (assumed the worst: COPY, LOCK=EXCLUSIVE)",
                lastEnd - stStart, lastLine, maxStatementSize)));
    }

    // ---------------------------------------------------------------- DELIMITER

    private boolean isDelimiterCommand() {
        int end = i + 9;
        return end <= n && s.regionMatches(true, i, "DELIMITER", 0, 9) && (end == n || !isWordChar(s.charAt(end)));
    }

    private void delimiterCommand() {
        int cmdLine = line;
        int cmdCol = col;
        for (int k = 0; k < 9; k++) {
            advance();
        }
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            advance();
        }
        int from = i;
        while (i < n && !isBlank(s.charAt(i))) {
            advance();
        }
        String token = s.substring(from, i);
        if (token.length() > 2) {
            char q = token.charAt(0);
            if ((q == '\'' || q == '"' || q == '`') && token.charAt(token.length() - 1) == q) {
                token = token.substring(1, token.length() - 1);
            }
        }
        if (token.isEmpty()) {
            problems.add(new ScriptProblem(ScriptProblem.STRAY_DELIMITER, cmdLine, cmdCol,
                    "DELIMITER without a delimiter token at line " + cmdLine + ", column " + cmdCol
                            + "; ignored, the delimiter stays " + delimiter));
        } else {
            delimiter = token;
            blocks.useDelimiter(delimiter);
        }
        // The rest of the line belongs to the command, as in the mysql client.
        while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            advance();
        }
    }

    // ---------------------------------------------------------------- comments

    private boolean isVersionedOpen() {
        if (i + 2 < n && s.charAt(i + 2) == '!') {
            return true;
        }
        return i + 3 < n && s.charAt(i + 2) == 'M' && s.charAt(i + 3) == '!';
    }

    private void versionedOpen() {
        int from = i;
        versionedLine = line;
        versionedCol = col;
        int markerEnd = i + (s.charAt(i + 2) == '!' ? 3 : 4);
        int digits = 0;
        while (markerEnd < n && digits < 6 && isDigit(s.charAt(markerEnd))) {
            markerEnd++;
            digits++;
        }
        consumeSignificant(markerEnd - i);
        edit(from, i, null);
        inVersioned = true;
    }

    /**
     * {@code /*!50100} inside a versioned comment: MySQL 9.7 and MariaDB 10.11/11.8 drop the marker and read on,
     * and the first {@code *}{@code /} ends the versioned comment, so what follows it is SQL again
     * ({@code SELECT 1 /*!40101 , 2 /*!50100 , 3 *}{@code / , 4} gives 1, 2, 3, 4 on all three; with a second
     * {@code *}{@code /} after the 4 it is a syntax error near {@code /}). A nested version above the server's
     * is skipped by the server as a nested comment instead; like every versioned comment here, it is read as
     * the newest servers read it.
     */
    private void nestedVersionedOpen() {
        int from = i;
        int markerEnd = i + (s.charAt(i + 2) == '!' ? 3 : 4);
        int digits = 0;
        while (markerEnd < n && digits < 6 && isDigit(s.charAt(markerEnd))) {
            markerEnd++;
            digits++;
        }
        consumeSignificant(markerEnd - i);
        edit(from, i, null);
    }

    private void lineComment() {
        int from = i;
        while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            advance();
        }
        edit(from, i, null);
    }

    private void blockComment() {
        int from = i;
        int openLine = line;
        int openCol = col;
        advance();
        advance();
        while (i < n) {
            if (s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/') {
                advance();
                advance();
                edit(from, i, null);
                return;
            }
            advance();
        }
        // Unterminated: the comment runs to the end of the file and is kept in the statement's raw text.
        problems.add(unterminated(ScriptProblem.UNTERMINATED_COMMENT, "comment", openLine, openCol));
        i = from;
        line = openLine;
        col = openCol;
        while (i < n) {
            significant();
        }
        edit(from, n, null);
    }

    private ScriptProblem unterminated(String code, String what, int openLine, int openCol) {
        // Called at the end of the file: count the lines from the opening one to the last one with text.
        int fileEndLine = line;
        if (n > 0 && fileEndLine > openLine && (s.charAt(n - 1) == '\n' || s.charAt(n - 1) == '\r')) {
            fileEndLine--;
        }
        int lines = fileEndLine - openLine + 1;
        String message = "unterminated " + what + " starting at line " + openLine + ", column " + openCol
                + ": the rest of the file (" + lines + (lines == 1 ? " line" : " lines")
                + ") was read as part of it";
        return new ScriptProblem(code, openLine, openCol, message);
    }

    // ---------------------------------------------------------------- quotes, words, replacements

    private void quoted(char q) {
        int openLine = line;
        int openCol = col;
        significant();
        while (true) {
            if (i >= n) {
                problems.add(unterminated(ScriptProblem.UNTERMINATED_STRING,
                        q == '`' ? "quoted identifier" : "string", openLine, openCol));
                return;
            }
            char c = s.charAt(i);
            if (c == q) {
                if (i + 1 < n && s.charAt(i + 1) == q) {
                    significant();
                    significant();
                    continue;
                }
                significant();
                return;
            }
            if (c == '\\' && q != '`') {
                significant();
                if (i < n) {
                    significant();
                }
                continue;
            }
            if (c > ' ' && c < 128 && c != '\\' && !mayStartSomething(c)) {
                int j = i + 1;
                char d;
                while (j < n && (d = s.charAt(j)) > ' ' && d < 128 && d != q && d != '\\' && !mayStartSomething(d)) {
                    j++;
                }
                skipPlain(j);
                continue;
            }
            if (replacements.anyTokens() && replaceToken()) {
                continue;
            }
            if (c == '$' && replacements.placeholdersOn() && replacePlaceholder()) {
                continue;
            }
            significant();
        }
    }

    private void word() {
        int from = i;
        significant();
        // Plain ASCII letters, digits and '_' cannot start a delimiter, token or placeholder unless configured so.
        int j = i;
        while (j < n && isPlainWordChar(s.charAt(j)) && !mayStartSomething(s.charAt(j))) {
            j++;
        }
        skipPlain(j);
        boolean anyTokens = replacements.anyTokens();
        boolean placeholdersOn = replacements.placeholdersOn();
        while (i < n) {
            char c = s.charAt(i);
            if (!isWordChar(c)
                    || (c == delimiter.charAt(0) && s.startsWith(delimiter, i))
                    || (c == '$' && placeholdersOn && i + 1 < n && s.charAt(i + 1) == '{')
                    || (anyTokens && replacements.tokenAt(s, i) != null)) {
                break;
            }
            significant();
        }
        String key = BlockTracker.IDENT;
        if (blocks.wantsKeywords() && i - from <= MAX_KEYWORD) {
            key = s.substring(from, i).toUpperCase(Locale.ROOT);
        }
        blocks.onToken(key);
    }

    private boolean replaceToken() {
        String token = replacements.tokenAt(s, i);
        if (token == null) {
            return false;
        }
        int from = i;
        consumeSignificant(token.length());
        edit(from, i, replacements.tokenValue(token));
        return true;
    }

    private boolean replacePlaceholder() {
        int close = replacements.placeholderEnd(s, i);
        if (close < 0) {
            return false;
        }
        String name = s.substring(i + 2, close);
        String value = replacements.placeholderValue(name);
        int from = i;
        int phLine = line;
        int phCol = col;
        consumeSignificant(close + 1 - i);
        if (value != null) {
            edit(from, i, value);
        } else {
            problems.add(new ScriptProblem(ScriptProblem.UNRESOLVED_PLACEHOLDER, phLine, phCol,
                    "Flyway placeholder ${" + name + "} at line " + phLine + ", column " + phCol
                            + " has no value; left as it is"));
        }
        return true;
    }

    // ---------------------------------------------------------------- characters

    /** Whether the character may start the delimiter, a token or a placeholder (plain word characters never do). */
    private boolean mayStartSomething(char c) {
        return c == delimiter.charAt(0) || replacements.mayStart(c);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isControlOrBlank(char c) {
        return c <= ' ' || c == 0x7F;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                || c == '$' || c >= 0x80;
    }

    /** ASCII letters, digits and '_' (not '$', which may start a placeholder). */
    private static boolean isPlainWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
