package dev.ddllint.rules;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.kb.Verdict;
import dev.ddllint.model.AlterOperation;

import java.util.List;

/** Phrasing shared by rule messages. */
final class Messages {

    /**
     * The rules that report a statement blocking or copying its table: a repeated rebuild, or the metadata-lock wait
     * before it, on the same statement is part of that finding.
     */
    static final String[] REBUILDING_RULES = {"column-type-change", "primary-key-drop", "partition-operation",
        "blocking-alter", "algorithm-lock-refused", "table-rebuild", "row-log-may-overflow", "long-rebuild",
        "repeated-rebuild"};

    private Messages() {
    }

    /** The operation as written, quoted and shortened. */
    static String operation(ClassifiedOperation c) {
        return "\"" + shorten(c.operation().authorText()) + "\"";
    }

    static String shorten(String text) {
        String oneLine = text == null ? "" : oneLine(text).trim();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    /**
     * Each run of white space as one space: what {@code replaceAll("\\s+", " ")} gives ({@code \s}: space, tab,
     * new line, vertical tab, form feed, return), without a regex for every statement.
     */
    static String oneLine(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                space = true;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return space ? b.append(' ').toString() : b.toString();
    }

    /** A table copy that lets writes go on: MariaDB 11.2+ copies online with LOCK=NONE. */
    static boolean onlineCopy(Verdict v) {
        return v.algorithm() == Algorithm.COPY && !v.blocksWrites();
    }

    /** What a copy does to writes, so a verdict's message never contradicts it. */
    static String copyEffect(Verdict v, String table) {
        return onlineCopy(v) ? "the whole table is copied while writes to " + table + " go on (an online copy: the "
                + "writes made meanwhile are logged and applied at the end, so a large or busy table takes long)"
                : "writes to " + table + " wait until the whole table is copied";
    }

    /** The clauses behind a finding, for the reports to mark. */
    static List<AlterOperation> clauses(List<ClassifiedOperation> ops) {
        return ops.stream().map(ClassifiedOperation::operation).toList();
    }

    static String assumptions(ClassifiedOperation c) {
        return assumptions(List.of(c));
    }

    static String assumptions(List<ClassifiedOperation> ops) {
        List<String> all = ops.stream().flatMap(c -> c.assumptions().stream()).distinct().toList();
        return all.isEmpty() ? "" : " (assumed: " + String.join("; ", all) + ")";
    }
}
