package dev.ddllint.estimate;

import dev.ddllint.script.DirectiveComments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics declared in a migration file, for a table nothing better describes (no live connection, no snapshot):
 * <pre>
 * -- ddl-lint:stats orders rows=50M data=200GB index=50GB avgRow=214 inserts=500/s updates=1500/s deletes=100/s
 * </pre>
 * The line applies to the statements of the whole analysis from the file it is in on. Keys: see
 * {@link TableStats#KEYS}.
 */
public final class DeclaredStats {

    /** The directive's name: {@code -- ddl-lint:stats}. */
    public static final String NAME = "stats";

    private DeclaredStats() {
    }

    public record Declaration(int line, TableStats stats) {
    }

    /** A directive that could not be read; it is ignored. */
    public record Problem(int line, String message) {
    }

    public record Result(List<Declaration> declarations, List<Problem> problems) {

        public Result {
            declarations = List.copyOf(declarations);
            problems = List.copyOf(problems);
        }
    }

    public static Result scan(String text, String path) {
        return of(DirectiveComments.all(text), path);
    }

    /** The {@code ddl-lint:stats} lines among a file's directives. */
    public static Result of(List<DirectiveComments.Directive> directives, String path) {
        List<Declaration> declarations = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (DirectiveComments.Directive directive : directives) {
            if (!directive.name().equals(NAME)) {
                continue;
            }
            int line = directive.line();
            String rest = directive.argument();
            String[] parts = rest.isEmpty() ? new String[0] : rest.split("\\s+");
            if (parts.length == 0 || parts[0].contains("=")) {
                problems.add(new Problem(line, "ddl-lint:stats needs a table name first: -- ddl-lint:stats orders "
                        + "rows=50M data=200GB updates=1500/s"));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            String bad = null;
            for (int p = 1; p < parts.length; p++) {
                int eq = parts[p].indexOf('=');
                if (eq <= 0 || eq == parts[p].length() - 1) {
                    bad = "'" + parts[p] + "' is not key=value";
                    break;
                }
                values.put(parts[p].substring(0, eq), parts[p].substring(eq + 1));
            }
            if (bad == null && values.isEmpty()) {
                bad = "no figures (known keys: " + String.join(", ", TableStats.KEYS.keySet()) + ")";
            }
            if (bad != null) {
                problems.add(new Problem(line, "ddl-lint:stats ignored: " + bad));
                continue;
            }
            try {
                declarations.add(new Declaration(line, TableStats.parse(parts[0], values,
                        "declared in " + path + ":" + line)));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(line, "ddl-lint:stats ignored: " + e.getMessage()));
            }
        }
        return new Result(declarations, problems);
    }
}
