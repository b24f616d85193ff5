package dev.ddllint.analysis;

import dev.ddllint.model.StatementKind;
import dev.ddllint.osc.OscOptions;
import dev.ddllint.rules.Category;
import dev.ddllint.script.DirectiveComments;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The next statement runs through pt-online-schema-change instead of as it is written:
 * <pre>
 * -- ddl-lint:run-with pt-online-schema-change --alter-foreign-keys-method=rebuild_constraints
 * ALTER TABLE orders MODIFY note TEXT;
 * </pre>
 * The tool copies the table in the background and swaps it in, so the findings about how the server would run the
 * ALTER (it blocks writes, rebuilds, its ALGORITHM/LOCK would be refused, its row log, its metadata-lock wait) are
 * reported as info; findings about what the change does (a dropped column, a new NOT NULL column) stay. The Flyway
 * callback runs the statement with the tool after checking the tool's preconditions on the live server; the CLI's
 * {@code ddl-lint pt-osc} prints or runs the command.
 */
public final class RunWithDirectives {

    /** The directive's name: {@code -- ddl-lint:run-with}. */
    public static final String NAME = "run-with";
    /** The one tool ddl-lint runs. */
    public static final String PT_OSC = "pt-online-schema-change";
    /** The rule categories the tool's background copy makes moot. */
    static final Set<Category> MOOT = EnumSet.of(Category.LOCKING, Category.REFUSAL, Category.REBUILD,
            Category.ESTIMATE, Category.METADATA_LOCK);
    /** The statements the tool can run. */
    static final Set<StatementKind> RUNNABLE = EnumSet.of(StatementKind.ALTER_TABLE, StatementKind.CREATE_INDEX,
            StatementKind.DROP_INDEX);

    private RunWithDirectives() {
    }

    /** One comment: its line, the tool and the tool's options. */
    public record RunWith(int line, String tool, OscOptions options) {

        /** How a demoted finding says so. */
        String note() {
            return "run by " + tool + " (ddl-lint:run-with at line " + line + "): it copies the table in the "
                    + "background and swaps it in, writers are not blocked";
        }
    }

    /** The comments that can be applied and the problems of the others. */
    public record Result(List<RunWith> runWiths, List<IgnoreDirectives.Problem> problems) {

        public Result {
            runWiths = List.copyOf(runWiths);
            problems = List.copyOf(problems);
        }
    }

    /** The {@code ddl-lint:run-with} comments among a file's directives. */
    public static Result of(List<DirectiveComments.Directive> directives) {
        List<RunWith> found = new ArrayList<>();
        List<IgnoreDirectives.Problem> problems = new ArrayList<>();
        for (DirectiveComments.Directive d : directives) {
            if (!d.name().equals(NAME)) {
                continue;
            }
            String[] parts = d.argument().split("\\s+", 2);
            String tool = parts[0].toLowerCase(Locale.ROOT);
            if (tool.isEmpty()) {
                problems.add(new IgnoreDirectives.Problem(d.line(), "ddl-lint:run-with needs the tool: -- "
                        + "ddl-lint:run-with " + PT_OSC));
            } else if (!tool.equals(PT_OSC)) {
                problems.add(new IgnoreDirectives.Problem(d.line(), "ddl-lint:run-with " + parts[0] + " ignored: "
                        + "ddl-lint runs only " + PT_OSC + " (gh-ost's and Spirit's commands are printed by "
                        + "'ddl-lint pt-osc FILE')"));
            } else {
                try {
                    found.add(new RunWith(d.line(), PT_OSC, OscOptions.parse(parts.length > 1 ? parts[1] : "")));
                } catch (OscOptions.BadOption e) {
                    problems.add(new IgnoreDirectives.Problem(d.line(), "ddl-lint:run-with ignored: "
                            + e.getMessage()));
                }
            }
        }
        return new Result(found, problems);
    }

    /** Gives each comment to the first statement after it, in file order. */
    static final class Tracker {

        private final List<RunWith> pending;
        private final List<IgnoreDirectives.Problem> problems = new ArrayList<>();

        Tracker(Result result) {
            this.pending = new ArrayList<>(result.runWiths());
        }

        /** The comment for the statement starting on this line, or null; a second one before it is a problem. */
        RunWith forStatement(int line, StatementKind kind, boolean parsed) {
            RunWith mine = null;
            while (!pending.isEmpty() && pending.get(0).line() < line) {
                RunWith r = pending.remove(0);
                if (mine != null) {
                    problems.add(new IgnoreDirectives.Problem(mine.line(), "ddl-lint:run-with ignored: another one "
                            + "follows at line " + r.line() + " before the statement"));
                }
                mine = r;
            }
            if (mine != null && (!parsed || !RUNNABLE.contains(kind))) {
                problems.add(new IgnoreDirectives.Problem(mine.line(), "ddl-lint:run-with ignored: " + PT_OSC
                        + " runs one ALTER TABLE (or CREATE/DROP INDEX); the next statement is "
                        + (parsed ? kind.toString().replace('_', ' ') : "not understood")));
                return null;
            }
            return mine;
        }

        /** After the last statement: comments with no statement after them, and those that could not apply. */
        List<IgnoreDirectives.Problem> unapplied() {
            List<IgnoreDirectives.Problem> all = new ArrayList<>(problems);
            pending.forEach(r -> all.add(new IgnoreDirectives.Problem(r.line(), "ddl-lint:run-with ignored: no "
                    + "statement follows it")));
            return all;
        }
    }
}
