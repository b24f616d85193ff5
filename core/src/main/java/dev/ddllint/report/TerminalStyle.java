package dev.ddllint.report;

import dev.ddllint.rules.Severity;

/** How the text report looks on a terminal: ANSI colours, or plain text (files, pipes, NO_COLOR). */
enum TerminalStyle {
    PLAIN, ANSI;

    private static final String RESET = "\u001b[0m";

    static TerminalStyle of(ReportOptions options) {
        return options.color() ? ANSI : PLAIN;
    }

    String severity(Severity severity, String text) {
        return paint(switch (severity) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;33m";
            default -> "\u001b[1;36m";
        }, text);
    }

    /** Line numbers, the gutter and the {@code =} notes. */
    String gutter(String text) {
        return paint("\u001b[1;34m", text);
    }

    String bold(String text) {
        return paint("\u001b[1m", text);
    }

    private String paint(String code, String text) {
        return this == PLAIN || text.isEmpty() ? text : code + text + RESET;
    }
}
