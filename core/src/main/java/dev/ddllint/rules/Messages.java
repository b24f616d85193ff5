package dev.ddllint.rules;

import dev.ddllint.kb.ClassifiedOperation;

import java.util.List;

/** Phrasing shared by rule messages. */
final class Messages {

    private Messages() {
    }

    /** The operation as written, quoted and shortened. */
    static String operation(ClassifiedOperation c) {
        return "\"" + shorten(c.operation().text()) + "\"";
    }

    static String shorten(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    static String assumptions(ClassifiedOperation c) {
        return assumptions(List.of(c));
    }

    static String assumptions(List<ClassifiedOperation> ops) {
        List<String> all = ops.stream().flatMap(c -> c.assumptions().stream()).distinct().toList();
        return all.isEmpty() ? "" : " (assumed: " + String.join("; ", all) + ")";
    }
}
