package dev.ddllint.script;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 */
public final class ScriptReader {

    private ScriptReader() {
    }

    /**
     * Reads a script from its bytes, which should be UTF-8 (an initial byte-order mark is skipped). A UTF-16 file
     * (editors on Windows save one) is read as UTF-16, so that none of its statements is lost, and reported.
     */
    public static ScriptReadResult read(byte[] content, ScriptOptions options) {
        byte[] bytes = content == null ? new byte[0] : content;
        ScriptReadResult utf16 = readUtf16(bytes, options);
        if (utf16 != null) {
            return utf16;
        }
        int offset = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF ? 3 : 0;
        int length = bytes.length - offset;
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        // The decoder puts U+FFFD where bytes are malformed; without one the input was valid UTF-8.
        if (text.indexOf('\uFFFD') < 0) {
            return new Scanner(text, options, null).run();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (!result.isError()) {
            return new Scanner(text, options, null).run(); // a genuine U+FFFD in valid UTF-8
        }
        int bad = in.position();
        out.flip();
        int[] position = endPosition(out);
        String message = String.format(Locale.ROOT,
                "file is not valid UTF-8 (first bad byte 0x%02X at line %d, column %d); decoded with replacement"
                        + " characters", bytes[bad] & 0xFF, position[0], position[1]);
        ScriptProblem problem = new ScriptProblem(ScriptProblem.INVALID_ENCODING, position[0], position[1], message);
        return new Scanner(text, options, problem).run();
    }

    /**
     * UTF-16 by its byte-order mark, or without one by its shape: ASCII text in UTF-16 has a zero byte in every
     * other position. Null when the bytes are not UTF-16.
     */
    private static ScriptReadResult readUtf16(byte[] bytes, ScriptOptions options) {
        boolean bom = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
        boolean littleEndian;
        if (bom) {
            // FF FE 00 00 is UTF-32LE's mark: not handled here (the UTF-8 path reports it as invalid).
            if (bytes.length >= 4 && bytes[0] == (byte) 0xFF && bytes[2] == 0 && bytes[3] == 0) {
                return null;
            }
            littleEndian = bytes[0] == (byte) 0xFF;
        } else {
            int pairs = Math.min(bytes.length / 2, 32);
            if (pairs < 4) {
                return null;
            }
            int zeroOdd = 0;
            int zeroEven = 0;
            for (int i = 0; i < pairs; i++) {
                zeroEven += bytes[2 * i] == 0 ? 1 : 0;
                zeroOdd += bytes[2 * i + 1] == 0 ? 1 : 0;
            }
            if (zeroOdd == pairs && zeroEven == 0) {
                littleEndian = true;
            } else if (zeroEven == pairs && zeroOdd == 0) {
                littleEndian = false;
            } else {
                return null;
            }
        }
        Charset charset = littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        int skip = bom ? 2 : 0;
        String text = new String(bytes, skip, bytes.length - skip, charset);
        String message = "file is " + charset.name() + (bom ? " (it starts with a byte-order mark)" : "")
                + ", not UTF-8; read as " + charset.name();
        return new Scanner(text, options, new ScriptProblem(ScriptProblem.INVALID_ENCODING, 1, 1, message)).run();
    }

    /** Reads a script that is already text (an initial U+FEFF is skipped). */
    public static ScriptReadResult read(String content, ScriptOptions options) {
        String text = content == null ? "" : content;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new Scanner(text, options, null).run();
    }

    /** Line and column just after the given text, counted like the scanner does. */
    private static int[] endPosition(CharSequence text) {
        int line = 1;
        int column = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (i == 0 || text.charAt(i - 1) != '\r') {
                    line++;
                }
                column = 1;
            } else if (c == '\r') {
                line++;
                column = 1;
            } else if (!(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** The single-pass state machine. One instance per read. */
    private static final class Scanner {

        // Token keys for punctuation (compared by identity) and the "any other token" key.
        private static final String SEMI = ";";
        private static final String OPEN = "(";
        private static final String CLOSE = ")";
        private static final String COMMA = ",";
        private static final String DOT = ".";
        private static final String AT = "@";
        private static final String COLON = ":";
        private static final String ASSIGN = ":=";
        private static final String OTHER = "?";
        private static final String QUOTED = "'";
        private static final String IDENT = "ID";

        private static final int H_NONE = 0;
        private static final int H_CREATE = 1;
        private static final int H_BEGIN = 2;
        private static final int H_BEGIN_NOT = 3;

        private static final int K_BEGIN = 1;
        private static final int K_CASE = 2;
        private static final int K_OTHER = 3;
        private static final int K_REPEAT = 4;

        private static final int P_NONE = 0;
        private static final int P_IF_NEXT = 1;
        private static final int P_IF_PARENS = 2;
        private static final int P_REPEAT_NEXT = 3;

        private static final int MAX_KEYWORD = 16;
        private static final int MAX_CREATE_HEADER_TOKENS = 40;
        private static final int MAX_PLACEHOLDER_NAME = 256;

        private final String s;
        private final int n;
        private final boolean placeholdersOn;
        private final Map<String, String> placeholders;
        private final Map<String, String> placeholdersIgnoringCase = new HashMap<>();
        private final String[][] asciiTokens = new String[128][];
        private final Map<Character, String[]> otherTokens = new HashMap<>();
        private final Map<String, String> tokenValues;
        private final boolean anyTokens;

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
        private final List<int[]> editRanges = new ArrayList<>();
        private final List<String> editValues = new ArrayList<>();
        private int lastEnd;
        private int tokens;
        private int header;
        private int headerTokens;
        private boolean compound;
        private boolean tracking;
        /** Open blocks of a compound statement, innermost last (K_BEGIN, K_CASE, K_REPEAT, K_OTHER). */
        private int[] blocks = new int[16];
        private int depth;
        private int parenDepth;
        private String prev;
        private int pending;
        private int pendingBase;

        Scanner(String text, ScriptOptions options, ScriptProblem encodingProblem) {
            ScriptOptions opts = options == null ? ScriptOptions.defaults() : options;
            this.s = text;
            this.n = text.length();
            this.placeholdersOn = opts.replaceFlywayPlaceholders();
            this.placeholders = opts.placeholders() == null ? Map.of() : opts.placeholders();
            for (Map.Entry<String, String> e : placeholders.entrySet()) {
                placeholdersIgnoringCase.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
            }
            this.tokenValues = opts.tokenReplacements() == null ? Map.of() : opts.tokenReplacements();
            Map<Character, List<String>> byFirst = new HashMap<>();
            for (String token : tokenValues.keySet()) {
                if (token != null && !token.isEmpty()) {
                    byFirst.computeIfAbsent(token.charAt(0), k -> new ArrayList<>()).add(token);
                }
            }
            for (Map.Entry<Character, List<String>> e : byFirst.entrySet()) {
                List<String> list = e.getValue();
                list.sort(Comparator.comparingInt(String::length).reversed());
                String[] array = list.toArray(new String[0]);
                char first = e.getKey();
                if (first < 128) {
                    asciiTokens[first] = array;
                } else {
                    otherTokens.put(first, array);
                }
            }
            this.anyTokens = !byFirst.isEmpty();
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
            if (isBlank(c) && !(anyTokens && tokenAt(i) != null)) {
                // A delimiter never starts with a blank (DELIMITER takes a run of non-blank characters).
                advance();
                return;
            }
            if (!inVersioned && c == delimiter.charAt(0) && s.startsWith(delimiter, i)) {
                if (tracking && depth > 0) {
                    consumeSignificant(1);
                    onToken(SEMI);
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
                onToken(IDENT);
                return;
            }
            if (c == '$' && placeholdersOn && replacePlaceholder()) {
                onToken(IDENT);
                return;
            }
            char next = i + 1 < n ? s.charAt(i + 1) : '\0';
            if (c == '-' && next == '-' && (i + 2 >= n || isControlOrBlank(s.charAt(i + 2)))) {
                lineComment();
            } else if (c == '#') {
                lineComment();
            } else if (c == '/' && next == '*') {
                if (!inVersioned && isVersionedOpen()) {
                    versionedOpen();
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
                onToken(QUOTED);
            } else if (isWordChar(c)) {
                word();
            } else if (c == ':' && next == '=') {
                consumeSignificant(2);
                onToken(ASSIGN);
            } else {
                consumeSignificant(1);
                onToken(punctuation(c));
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
                editRanges.add(new int[] {from, to});
                editValues.add(value);
            }
        }

        // ---------------------------------------------------------------- statements

        private void endStatement() {
            if (started) {
                lastEnd = lastIndex + (Character.isHighSurrogate(s.charAt(lastIndex)) && lastIndex + 1 < n
                        && Character.isLowSurrogate(s.charAt(lastIndex + 1)) ? 2 : 1);
                String sql = buildSql();
                if (!sql.isEmpty()) {
                    statements.add(new ScriptStatement(sql, s.substring(stStart, lastEnd), stLine, stCol, lastLine,
                            lastCol, delimiter, compound));
                }
            }
            started = false;
            editRanges.clear();
            editValues.clear();
            tokens = 0;
            header = H_NONE;
            headerTokens = 0;
            compound = false;
            tracking = false;
            depth = 0;
            parenDepth = 0;
            prev = null;
            pending = P_NONE;
        }

        private String buildSql() {
            StringBuilder sb = new StringBuilder(lastEnd - stStart + 16);
            int pos = stStart;
            for (int k = 0; k < editRanges.size(); k++) {
                int[] range = editRanges.get(k);
                int from = Math.max(range[0], pos);
                int to = Math.min(range[1], lastEnd);
                if (from >= lastEnd) {
                    break;
                }
                if (to <= from) {
                    continue;
                }
                sb.append(s, pos, from);
                String value = editValues.get(k);
                if (value == null) {
                    for (int j = from; j < to; j++) {
                        char c = s.charAt(j);
                        if (c == '\n' || c == '\r') {
                            sb.append(c);
                        } else if (!(Character.isLowSurrogate(c) && j > from
                                && Character.isHighSurrogate(s.charAt(j - 1)))) {
                            sb.append(' ');
                        }
                    }
                } else {
                    sb.append(value);
                }
                pos = to;
            }
            if (pos < lastEnd) {
                sb.append(s, pos, lastEnd);
            }
            int a = 0;
            int b = sb.length();
            while (a < b && sb.charAt(a) <= ' ') {
                a++;
            }
            while (b > a && sb.charAt(b - 1) <= ' ') {
                b--;
            }
            return sb.substring(a, b);
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
                if (anyTokens && replaceToken()) {
                    continue;
                }
                if (c == '$' && placeholdersOn && replacePlaceholder()) {
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
            while (i < n) {
                char c = s.charAt(i);
                if (!isWordChar(c)
                        || (c == delimiter.charAt(0) && s.startsWith(delimiter, i))
                        || (c == '$' && placeholdersOn && i + 1 < n && s.charAt(i + 1) == '{')
                        || (anyTokens && tokenAt(i) != null)) {
                    break;
                }
                significant();
            }
            String key = IDENT;
            if ((tokens == 0 || header != H_NONE || tracking) && i - from <= MAX_KEYWORD) {
                key = s.substring(from, i).toUpperCase(Locale.ROOT);
            }
            onToken(key);
        }

        private String tokenAt(int at) {
            char c = s.charAt(at);
            String[] candidates = c < 128 ? asciiTokens[c] : otherTokens.get(c);
            if (candidates != null) {
                for (String token : candidates) {
                    if (s.startsWith(token, at)) {
                        return token;
                    }
                }
            }
            return null;
        }

        private boolean replaceToken() {
            String token = tokenAt(i);
            if (token == null) {
                return false;
            }
            int from = i;
            consumeSignificant(token.length());
            edit(from, i, tokenValues.get(token));
            return true;
        }

        private boolean replacePlaceholder() {
            if (i + 1 >= n || s.charAt(i + 1) != '{') {
                return false;
            }
            int j = i + 2;
            int limit = Math.min(n, j + MAX_PLACEHOLDER_NAME);
            while (j < limit && isPlaceholderChar(s.charAt(j))) {
                j++;
            }
            if (j == i + 2 || j >= n || s.charAt(j) != '}') {
                return false;
            }
            String name = s.substring(i + 2, j);
            String value = placeholders.get(name);
            if (value == null) {
                value = placeholdersIgnoringCase.get(name.toLowerCase(Locale.ROOT));
            }
            int from = i;
            int phLine = line;
            int phCol = col;
            consumeSignificant(j + 1 - i);
            if (value != null) {
                edit(from, i, value);
            } else {
                problems.add(new ScriptProblem(ScriptProblem.UNRESOLVED_PLACEHOLDER, phLine, phCol,
                        "Flyway placeholder ${" + name + "} at line " + phLine + ", column " + phCol
                                + " has no value; left as it is"));
            }
            return true;
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

        // ---------------------------------------------------------------- compound statements

        /**
         * Sees every token of the statement (words, quoted strings, punctuation; not comments). Decides whether the
         * statement is compound, and for compound statements under {@code ;} tracks block nesting.
         */
        private void onToken(String key) {
            if (tokens++ == 0) {
                if (key.equals("CREATE")) {
                    header = H_CREATE;
                    headerTokens = 0;
                } else if (key.equals("BEGIN")) {
                    header = H_BEGIN;
                }
                prev = key;
                return;
            }
            switch (header) {
                case H_CREATE:
                    headerTokens++;
                    if (prev != DOT && prev != AT && isRoutineKind(key)) {
                        header = H_NONE;
                        compound = true;
                        tracking = delimiter.equals(";");
                        prev = key;
                        return;
                    }
                    if (isCreateStop(key) || headerTokens > MAX_CREATE_HEADER_TOKENS) {
                        header = H_NONE;
                    }
                    prev = key;
                    return;
                case H_BEGIN:
                    header = key.equals("NOT") ? H_BEGIN_NOT : H_NONE;
                    prev = key;
                    return;
                case H_BEGIN_NOT:
                    header = H_NONE;
                    if (key.equals("ATOMIC")) {
                        compound = true;
                        tracking = delimiter.equals(";");
                        push(K_BEGIN);
                    }
                    prev = key;
                    return;
                default:
                    break;
            }
            if (tracking) {
                track(key);
            }
            prev = key;
        }

        private void track(String key) {
            // Resolve an IF or REPEAT whose role depended on what follows it.
            if (key == SEMI) {
                pending = P_NONE;
            } else if (pending == P_IF_NEXT) {
                if (key == OPEN) {
                    pending = P_IF_PARENS;
                    pendingBase = parenDepth;
                } else {
                    push(K_OTHER);
                    pending = P_NONE;
                }
            } else if (pending == P_REPEAT_NEXT) {
                if (key != OPEN) {
                    push(K_REPEAT);
                }
                pending = P_NONE;
            } else if (pending == P_IF_PARENS && parenDepth == pendingBase + 1) {
                if (key == COMMA) {
                    pending = P_NONE; // IF(cond, a, b): the function
                } else if (key == CLOSE) {
                    push(K_OTHER); // IF (cond) THEN: the statement
                    pending = P_NONE;
                }
            }
            if (key == OPEN) {
                parenDepth++;
                return;
            }
            if (key == CLOSE) {
                parenDepth = Math.max(0, parenDepth - 1);
                return;
            }
            if (key == SEMI) {
                parenDepth = 0;
                return;
            }
            switch (key) {
                case "BEGIN":
                    if (!valueExpected(prev, false)) {
                        push(K_BEGIN);
                    }
                    break;
                case "END":
                    // Every statement in a block ends with ';', so the END of a BEGIN, IF, LOOP... block follows a
                    // ';' (or the BEGIN of an empty block). Only a CASE expression and REPEAT ... UNTIL cond END
                    // REPEAT end after an expression. An END anywhere else is a column or variable called "end".
                    if (depth > 0 && (prev == SEMI || "BEGIN".equals(prev)
                            || (blocks[depth - 1] != K_OTHER && blocks[depth - 1] != K_BEGIN
                                && !valueExpected(prev, true)))) {
                        depth--;
                    }
                    break;
                case "CASE":
                    if (!"END".equals(prev) && prev != DOT && prev != AT) {
                        push(K_CASE);
                    }
                    break;
                case "IF":
                    if (statementPosition()) {
                        pending = P_IF_NEXT;
                    }
                    break;
                case "REPEAT":
                    if (statementPosition()) {
                        pending = P_REPEAT_NEXT;
                    }
                    break;
                case "LOOP":
                case "WHILE":
                    if (statementPosition()) {
                        push(K_OTHER);
                    }
                    break;
                default:
                    break;
            }
        }

        private void push(int kind) {
            if (depth == blocks.length) {
                blocks = java.util.Arrays.copyOf(blocks, depth * 2);
            }
            blocks[depth++] = kind;
        }

        /**
         * Whether a value (column, variable, operand) is expected after the given token, so that a BEGIN or END there
         * is a name. {@code inCase}: also after WHEN/THEN/ELSE, where a CASE expression needs its operand.
         */
        private static boolean valueExpected(String before, boolean inCase) {
            if (before == COMMA || before == OPEN || before == DOT || before == AT || before == OTHER
                    || before == ASSIGN || before == COLON && inCase) {
                return true;
            }
            switch (before) {
                case "SET":
                case "SELECT":
                case "WHERE":
                case "AND":
                case "OR":
                case "XOR":
                case "NOT":
                case "BY":
                case "ON":
                case "AS":
                case "IN":
                case "IS":
                case "INTO":
                case "FROM":
                case "VALUES":
                case "LIKE":
                case "BETWEEN":
                case "RETURN":
                case "DISTINCT":
                case "INTERVAL":
                case "CASE":
                case "WHEN":
                    return true;
                case "THEN":
                case "ELSE":
                    return inCase;
                default:
                    return false;
            }
        }

        /** Whether the previous token lets a statement (IF, LOOP, WHILE, REPEAT) start here. */
        private boolean statementPosition() {
            if (prev == null) {
                return false;
            }
            if (prev == SEMI || prev == COLON || prev == CLOSE) {
                return true;
            }
            switch (prev) {
                case "BEGIN":
                case "THEN":
                case "ELSE":
                case "DO":
                case "LOOP":
                case "REPEAT":
                case "ROW":
                case "DETERMINISTIC":
                case "DATA":
                case "SQL":
                case "INVOKER":
                case "DEFINER":
                    return true;
                default:
                    return false;
            }
        }

        private static boolean isRoutineKind(String key) {
            switch (key) {
                case "PROCEDURE":
                case "FUNCTION":
                case "TRIGGER":
                case "EVENT":
                    return true;
                default:
                    return false;
            }
        }

        private static boolean isCreateStop(String key) {
            switch (key) {
                case "TABLE":
                case "VIEW":
                case "INDEX":
                case "UNIQUE":
                case "FULLTEXT":
                case "SPATIAL":
                case "DATABASE":
                case "SCHEMA":
                case "USER":
                case "ROLE":
                case "TABLESPACE":
                case "SERVER":
                case "LOGFILE":
                case "SEQUENCE":
                case "RESOURCE":
                case "TEMPORARY":
                case "SYNONYM":
                case "PACKAGE":
                    return true;
                default:
                    return false;
            }
        }

        private static String punctuation(char c) {
            switch (c) {
                case ';':
                    return SEMI;
                case '(':
                    return OPEN;
                case ')':
                    return CLOSE;
                case ',':
                    return COMMA;
                case '.':
                    return DOT;
                case '@':
                    return AT;
                case ':':
                    return COLON;
                default:
                    return OTHER;
            }
        }

        // ---------------------------------------------------------------- characters

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

        /** Whether the character may start the delimiter or a token (placeholders start with '$', never plain). */
        private boolean mayStartSomething(char c) {
            return c == delimiter.charAt(0) || c == '$' || (c < 128 ? asciiTokens[c] != null : otherTokens.containsKey(c));
        }

        private static boolean isPlaceholderChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.' || c == '-' || c == ':';
        }
    }
}
