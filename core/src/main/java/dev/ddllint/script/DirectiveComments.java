package dev.ddllint.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comment lines addressed to ddl-lint in a migration: {@code -- ddl-lint:NAME ARGUMENT} (or {@code #}), alone on
 * their line. Flyway and MySQL see ordinary comments.
 */
public final class DirectiveComments {

    private static final Pattern ANY = Pattern.compile("^\\s*(?:--|#)\\s*ddl-lint:([\\w-]*)");

    private DirectiveComments() {
    }

    /** One directive: its 1-based line and the text after its name (trimmed, possibly empty). */
    public record Directive(int line, String argument) {
    }

    /** The directives called {@code name} ({@code "stats"}, {@code "ignore"}) in the text, in line order. */
    public static List<Directive> find(String text, String name) {
        String marker = "ddl-lint:" + name;
        if (text == null || !text.contains(marker)) {
            return List.of();
        }
        return matching(text, Pattern.compile("^\\s*(?:--|#)\\s*" + Pattern.quote(marker) + "(?![\\w-])(.*)$"),
                argument -> true);
    }

    /** Directives whose name is none of {@code known} (a typo, or another tool's syntax): the name is the argument. */
    public static List<Directive> unknown(String text, Set<String> known) {
        if (text == null || !text.contains("ddl-lint:")) {
            return List.of();
        }
        return matching(text, ANY, name -> !known.contains(name));
    }

    private static List<Directive> matching(String text, Pattern line, java.util.function.Predicate<String> keep) {
        List<Directive> found = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = line.matcher(lines[i]);
            if (m.find() && keep.test(m.group(1).trim())) {
                found.add(new Directive(i + 1, m.group(1).trim()));
            }
        }
        return found;
    }
}
