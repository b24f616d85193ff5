package dev.ddllint.script;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A script's bytes as text: UTF-8 with its byte-order mark skipped; UTF-16 (by its mark, or by the zero bytes of
 * ASCII text) read as UTF-16 so that no statement is lost; bytes that are not UTF-8 decoded with U+FFFD. The last
 * two are reported, once, as {@link ScriptProblem#INVALID_ENCODING}.
 */
final class ScriptDecoder {

    /**
     * @param text    the decoded script, without its byte-order mark
     * @param problem why the bytes were not clean UTF-8, or null
     */
    record Decoded(String text, ScriptProblem problem) {
    }

    private ScriptDecoder() {
    }

    static Decoded decode(byte[] bytes) {
        Decoded utf16 = utf16(bytes);
        if (utf16 != null) {
            return utf16;
        }
        int offset = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF ? 3 : 0;
        int length = bytes.length - offset;
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        // The decoder puts U+FFFD where bytes are malformed; without one the input was valid UTF-8.
        if (text.indexOf('\uFFFD') < 0) {
            return new Decoded(text, null);
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
            return new Decoded(text, null); // a genuine U+FFFD in valid UTF-8
        }
        int bad = in.position();
        out.flip();
        int[] position = endPosition(out);
        String message = String.format(Locale.ROOT,
                "file is not valid UTF-8 (first bad byte 0x%02X at line %d, column %d); decoded with replacement"
                        + " characters", bytes[bad] & 0xFF, position[0], position[1]);
        return new Decoded(text, new ScriptProblem(ScriptProblem.INVALID_ENCODING, position[0], position[1], message));
    }

    /**
     * UTF-16 by its byte-order mark, or without one by its shape: ASCII text in UTF-16 has a zero byte in every
     * other position. Null when the bytes are not UTF-16.
     */
    private static Decoded utf16(byte[] bytes) {
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
                Boolean byShape = utf16ByZeroBytes(bytes);
                if (byShape == null) {
                    return null;
                }
                littleEndian = byShape;
            }
        }
        Charset charset = littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        int skip = bom ? 2 : 0;
        String text = new String(bytes, skip, bytes.length - skip, charset);
        String message = "file is " + charset.name() + (bom ? " (it starts with a byte-order mark)" : "")
                + ", not UTF-8; read as " + charset.name();
        return new Decoded(text, new ScriptProblem(ScriptProblem.INVALID_ENCODING, 1, 1, message));
    }

    /** How much of a file {@link #utf16ByZeroBytes} looks at. */
    private static final int SAMPLE_BYTES = 64 * 1024;

    /**
     * UTF-16 without a mark whose first characters are not ASCII (a Chinese or accented comment first): over a
     * larger sample, the ASCII of the SQL (keywords, blanks, line ends) still puts a zero byte on one side of
     * most pairs, while a text character only sometimes has one on the other (U+4E00 is 00 4E); UTF-8 text has no
     * zero byte at all. The sample must then decode as UTF-16 without an error. True: little-endian; false: big;
     * null: not UTF-16.
     */
    private static Boolean utf16ByZeroBytes(byte[] bytes) {
        int pairs = Math.min(bytes.length, SAMPLE_BYTES) / 2;
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < pairs; i++) {
            zeroEven += bytes[2 * i] == 0 ? 1 : 0;
            zeroOdd += bytes[2 * i + 1] == 0 ? 1 : 0;
        }
        int more = Math.max(zeroEven, zeroOdd);
        int fewer = Math.min(zeroEven, zeroOdd);
        // At least a tenth of the pairs (at least 8) zero on one side, four times as many as on the other.
        if (more < 8 || more * 10 < pairs || more < 4 * fewer) {
            return null;
        }
        boolean littleEndian = zeroOdd > zeroEven;
        CharsetDecoder strict = (littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(pairs);
        // Not at the end of input: a sample cut inside a surrogate pair is no error.
        CoderResult result = strict.decode(ByteBuffer.wrap(bytes, 0, pairs * 2), out, pairs * 2 == bytes.length);
        return result.isError() ? null : littleEndian;
    }

    /** Line and column just after the given text, counted like {@link ScriptScanner} does. */
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
}
