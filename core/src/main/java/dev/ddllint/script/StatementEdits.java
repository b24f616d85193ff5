package dev.ddllint.script;

import java.util.ArrayList;
import java.util.List;

/**
 * How a statement's {@link ScriptStatement#sql() sql} differs from its raw text: ranges blanked (comments, the markers
 * of versioned comments; line breaks kept, so positions stay aligned) or replaced (placeholders, tokens). Ranges
 * arrive in text order. One per read; {@link #clear()} between statements.
 */
final class StatementEdits {

    private final List<int[]> ranges = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /** Records a change: {@code value == null} blanks the range. */
    void add(int from, int to, String value) {
        ranges.add(new int[] {from, to});
        values.add(value);
    }

    void clear() {
        ranges.clear();
        values.clear();
    }

    /** The text from {@code start} to {@code end} with the edits applied, trimmed of blanks and controls. */
    String apply(String s, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start + 16);
        int pos = start;
        for (int k = 0; k < ranges.size(); k++) {
            int[] range = ranges.get(k);
            int from = Math.max(range[0], pos);
            int to = Math.min(range[1], end);
            if (from >= end) {
                break;
            }
            if (to <= from) {
                continue;
            }
            sb.append(s, pos, from);
            String value = values.get(k);
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
        if (pos < end) {
            sb.append(s, pos, end);
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
}
