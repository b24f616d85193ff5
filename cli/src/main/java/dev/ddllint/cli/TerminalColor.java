package dev.ddllint.cli;

import java.util.Locale;

/** {@code --color=never|always|auto}: whether the text report on standard output is coloured. */
enum TerminalColor {
    NEVER, ALWAYS, AUTO;

    static TerminalColor parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("'" + text + "' is not never, always or auto");
        }
    }

    /**
     * @param console  standard output is a terminal
     * @param noColor  the NO_COLOR environment variable, or null when it is not set
     */
    boolean on(boolean console, String noColor) {
        return switch (this) {
            case NEVER -> false;
            case ALWAYS -> true;
            case AUTO -> console && noColor == null;
        };
    }
}
