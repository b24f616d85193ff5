package dev.ddllint.report;

import dev.ddllint.rules.Severity;
import dev.ddllint.rules.Snippet;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A statement as its author wrote it, with the clauses of a finding underlined: {@code ^} under the finding's own
 * clauses, {@code -} under those of the findings folded into it. A short statement is shown whole; a long one shows
 * its first line and the lines with marks, with {@code ...} for the lines left out.
 */
final class Excerpt {

    /** Statements up to this many lines are shown whole. */
    private static final int WHOLE = 5;
    /** At most this many lines of one statement are shown. */
    private static final int MAX_LINES = 12;

    private Excerpt() {
    }

    static List<String> render(Snippet snippet, List<Snippet.Range> primary, List<Snippet.Range> secondary,
                               Severity severity, TerminalStyle style) {
        String text = snippet.text();
        List<int[]> lines = lines(text);
        TreeSet<Integer> shown = new TreeSet<>();
        if (lines.size() <= WHOLE) {
            for (int i = 0; i < lines.size(); i++) {
                shown.add(i);
            }
        } else {
            shown.add(0);
            for (Snippet.Range r : concat(primary, secondary)) {
                for (int i = 0; i < lines.size(); i++) {
                    if (r.start() < lines.get(i)[1] && r.end() > lines.get(i)[0]
                            || r.start() == r.end() && r.start() == lines.get(i)[0]) {
                        shown.add(i);
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        int previous = -1;
        int count = 0;
        for (int i : shown) {
            if (count == MAX_LINES) {
                out.add(style.gutter("   ...") + " (" + (lines.size() - i) + " more lines)");
                break;
            }
            if (previous >= 0 && i > previous + 1) {
                out.add(style.gutter("   ..."));
            }
            int[] line = lines.get(i);
            // The first line starts at the statement's column: pad it so the marks stay under their text.
            String pad = i == 0 ? " ".repeat(Math.max(0, snippet.column() - 1)) : "";
            String content = pad + text.substring(line[0], line[1]);
            char[] marks = new char[content.length()];
            mark(marks, secondary, line, pad.length(), '-');
            mark(marks, primary, line, pad.length(), '^');
            String number = snippet.embedded() ? "" : Integer.toString(snippet.line() + i);
            out.add(style.gutter(String.format("%6s |", number)) + (content.isBlank() ? "" : " " + content.stripTrailing()));
            String underline = underline(content, marks);
            if (!underline.isEmpty()) {
                out.add(style.gutter("       |") + " " + style.severity(severity, underline));
            }
            previous = i;
            count++;
        }
        return out;
    }

    private static void mark(char[] marks, List<Snippet.Range> ranges, int[] line, int pad, char c) {
        for (Snippet.Range r : ranges) {
            int from = Math.max(r.start(), line[0]);
            int to = Math.min(r.end(), line[1]);
            for (int k = from; k < to; k++) {
                marks[pad + k - line[0]] = c;
            }
        }
    }

    /** The marks, with the line's tabs kept before them so they line up on any tab width. */
    private static String underline(String content, char[] marks) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < marks.length; k++) {
            sb.append(marks[k] != 0 ? marks[k] : content.charAt(k) == '\t' ? '\t' : ' ');
        }
        return sb.toString().stripTrailing();
    }

    /** Each line's [start, end) in the text, without its line break. */
    private static List<int[]> lines(String text) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(new int[] {start, i});
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(new int[] {start, text.length()});
        return lines;
    }

    private static List<Snippet.Range> concat(List<Snippet.Range> a, List<Snippet.Range> b) {
        List<Snippet.Range> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
