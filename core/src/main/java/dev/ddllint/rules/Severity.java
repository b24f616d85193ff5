package dev.ddllint.rules;

import java.util.Locale;

/** Finding severity, most severe first. OFF disables a rule. */
public enum Severity {
    ERROR, WARNING, INFO, OFF;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return this != OFF && threshold != OFF && ordinal() <= threshold.ordinal();
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a severity (use error, warning, info or off)");
        }
    }
}
