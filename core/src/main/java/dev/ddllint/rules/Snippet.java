package dev.ddllint.rules;

import java.util.List;

/**
 * A statement's text exactly as its author wrote it, and the parts a finding is about, for reports that quote the
 * statement and mark the clauses (carets under them).
 *
 * @param text     the statement's source text, from its first to its last character
 * @param line     1-based line of the text's first character in the file
 * @param column   1-based column of that character
 * @param embedded the text is not the file's (DDL held in a string for PREPARE): its lines are not file lines
 * @param marks    the parts the finding is about, as offsets into {@code text}; empty: the whole statement
 */
public record Snippet(String text, int line, int column, boolean embedded, List<Range> marks) {

    public Snippet {
        marks = List.copyOf(marks);
    }

    /** {@code text.substring(start, end)}. */
    public record Range(int start, int end) {

        public Range {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad range " + start + ".." + end);
            }
        }
    }
}
