package dev.ddllint.analysis;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.rules.Snippet;
import dev.ddllint.script.ScriptStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a finding's clauses are in the author's text of its statement. A clause's text is the author's (see
 * {@link AlterOperation#authorText()}); it is found in the statement's source text, or in its parser text when the two
 * are aligned character for character (they are unless placeholders were replaced). A clause that cannot be found is
 * not marked: the report then shows the statement without a mark rather than a wrong one.
 */
final class ClauseLocator {

    private ClauseLocator() {
    }

    static List<Snippet.Range> locate(ScriptStatement source, List<AlterOperation> clauses) {
        String raw = source.rawText();
        boolean aligned = source.sql().length() == raw.length();
        List<Snippet.Range> marks = new ArrayList<>();
        int from = 0;
        for (AlterOperation clause : clauses) {
            String text = clause.authorText() == null ? "" : clause.authorText().strip();
            if (text.isEmpty()) {
                continue;
            }
            int at = find(raw, text, from);
            if (at < 0 && aligned) {
                // A comment inside the clause: the parser text has spaces where the source has the comment.
                at = find(source.sql(), text, from);
            }
            if (at >= 0) {
                Snippet.Range range = new Snippet.Range(at, at + text.length());
                if (!marks.contains(range)) {
                    marks.add(range);
                }
                from = range.end();
            }
        }
        return marks;
    }

    /** The next occurrence at or after {@code from}, else the first one: clauses come in order, mostly. */
    private static int find(String in, String text, int from) {
        int at = in.indexOf(text, from);
        return at >= 0 ? at : in.indexOf(text);
    }
}
