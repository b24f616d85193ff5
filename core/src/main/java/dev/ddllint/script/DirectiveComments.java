package dev.ddllint.script;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comment lines addressed to ddl-lint in a migration: {@code -- ddl-lint:NAME ARGUMENT} (or {@code #}), alone on
 * their line. Flyway and MySQL see ordinary comments.
 */
public final class DirectiveComments {

    private static final Pattern LINE = Pattern.compile("^\\s*(?:--|#)\\s*ddl-lint:([\\w-]*)(.*)$");

    private DirectiveComments() {
    }

    /** One directive: its 1-based line, its name ({@code stats}, {@code ignore}, or a typo) and the rest, trimmed. */
    public record Directive(int line, String name, String argument) {
    }

    /** Every directive in the text, in line order. */
    public static List<Directive> all(String text) {
        if (text == null || !text.contains("ddl-lint:")) {
            return List.of();
        }
        List<Directive> found = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i]);
            if (m.matches()) {
                found.add(new Directive(i + 1, m.group(1), m.group(2).trim()));
            }
        }
        return found;
    }
}
