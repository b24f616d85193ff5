package dev.ddllint.analysis;

import dev.ddllint.script.DirectiveComments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberate exception for one statement, written in the migration next to it, with its reason:
 * <pre>
 * -- ddl-lint:ignore column-type-change currencies has 180 rows: the copy takes milliseconds
 * ALTER TABLE currencies MODIFY code VARCHAR(8) NOT NULL;
 * </pre>
 * The comment applies to the next statement; its findings of the named rules are reported as info, with the
 * reason, and no longer fail the check. {@code -- ddl-lint:ignore-file RULE[,RULE] REASON}, anywhere in the file,
 * does the same for every statement of the file. A reason is required: the comment is the review record of the
 * decision.
 */
public final class IgnoreDirectives {

    /** The directive's name: {@code -- ddl-lint:ignore}. */
    public static final String NAME = "ignore";
    /** The whole-file form: {@code -- ddl-lint:ignore-file}. */
    public static final String FILE_NAME = "ignore-file";

    private static final Pattern RULES = Pattern.compile("^\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)(.*)$");

    private IgnoreDirectives() {
    }

    /** One comment: the rules it allows on the next statement (or, {@code wholeFile}, on every one), and why. */
    public record Ignore(int line, Set<String> rules, String reason, boolean wholeFile) {

        public Ignore {
            rules = Set.copyOf(rules);
        }

        /** The comment as the user wrote its name: {@code ddl-lint:ignore} or {@code ddl-lint:ignore-file}. */
        public String directive() {
            return "ddl-lint:" + (wholeFile ? FILE_NAME : NAME);
        }
    }

    /** A comment that could not be applied; it is reported and ignored. */
    public record Problem(int line, String message) {
    }

    public record Result(List<Ignore> ignores, List<Problem> problems) {

        public Result {
            ignores = List.copyOf(ignores);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Applies a file's comments to its statements, in order: a comment belongs to the first statement after it (and
     * to what shares that statement's position: the tables of one OPTIMIZE, the DDL strings of one SET).
     */
    static final class Tracker {

        private final List<Ignore> pending;
        private final List<Ignore> wholeFile;
        private final Map<String, List<Ignore>> byPosition = new HashMap<>();
        private final Set<Ignore> used = new HashSet<>();

        Tracker(Result result) {
            this.pending = new ArrayList<>(result.ignores().stream().filter(i -> !i.wholeFile()).toList());
            this.wholeFile = result.ignores().stream().filter(Ignore::wholeFile).toList();
        }

        /**
         * The comments that apply to the statement starting here: its own, then the file's; statements must come in
         * file order.
         */
        List<Ignore> forStatement(int line, int column) {
            String position = line + ":" + column;
            while (!pending.isEmpty() && pending.get(0).line() < line) {
                byPosition.computeIfAbsent(position, p -> new ArrayList<>()).add(pending.remove(0));
            }
            List<Ignore> own = byPosition.getOrDefault(position, List.of());
            if (wholeFile.isEmpty()) {
                return own;
            }
            List<Ignore> all = new ArrayList<>(own);
            all.addAll(wholeFile);
            return all;
        }

        /** The comment among {@code ignores} that allows this rule, or null; it then counts as used. */
        Ignore allowing(List<Ignore> ignores, String rule) {
            for (Ignore ignore : ignores) {
                if (ignore.rules().contains(rule)) {
                    used.add(ignore);
                    return ignore;
                }
            }
            return null;
        }

        /** After the last statement: comments with no statement after them, and comments that allowed nothing. */
        List<Problem> unapplied() {
            List<Problem> problems = new ArrayList<>();
            pending.forEach(i -> problems.add(new Problem(i.line(), "ddl-lint:ignore ignored: no statement follows "
                    + "it")));
            byPosition.values().stream().flatMap(List::stream).filter(i -> !used.contains(i))
                    .forEach(i -> problems.add(new Problem(i.line(), "ddl-lint:ignore " + String.join(",", i.rules())
                            + " allowed nothing: the next statement has no such finding (remove the comment)")));
            wholeFile.stream().filter(i -> !used.contains(i)).forEach(i -> problems.add(new Problem(i.line(),
                    "ddl-lint:ignore-file " + String.join(",", i.rules()) + " allowed nothing: no statement of this "
                            + "file has such a finding (remove the comment)")));
            return problems;
        }
    }

    /**
     * The {@code ddl-lint:ignore} and {@code ddl-lint:ignore-file} comments among a file's directives.
     *
     * @param ignorable the ids of the rules that report on statements (file-level rules cannot be ignored here)
     * @param fileRules the ids of the rules that report on the file, named in the message when one is used
     */
    public static Result of(List<DirectiveComments.Directive> directives, Set<String> ignorable,
                            Set<String> fileRules) {
        List<Ignore> ignores = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (DirectiveComments.Directive directive : directives) {
            boolean wholeFile = directive.name().equals(FILE_NAME);
            if (!wholeFile && !directive.name().equals(NAME)) {
                continue;
            }
            String written = "ddl-lint:" + directive.name();
            int line = directive.line();
            Matcher r = RULES.matcher(directive.argument());
            if (!r.matches()) {
                problems.add(new Problem(line, written + " needs the rule ids and a reason: -- " + written
                        + " column-type-change currencies has 180 rows"));
                continue;
            }
            Set<String> rules = new LinkedHashSet<>(Arrays.asList(r.group(1).split("\\s*,\\s*")));
            String reason = r.group(2).trim();
            List<String> unknown = rules.stream().filter(id -> !ignorable.contains(id)).toList();
            if (!unknown.isEmpty()) {
                String which = String.join(", ", unknown);
                problems.add(new Problem(line, written + " ignored: " + (unknown.stream()
                        .allMatch(fileRules::contains) ? which + " reports on the file, not on a statement; set its "
                        + "severity in ddl-lint.yml instead" : "no statement rule " + which + " (known: "
                        + String.join(", ", ignorable.stream().sorted().toList()) + ")")));
                continue;
            }
            if (reason.chars().noneMatch(Character::isLetterOrDigit)) {
                problems.add(new Problem(line, written + " ignored: give the reason after the rule ids, so the "
                        + "decision is reviewable: -- " + written + " " + String.join(",", rules)
                        + " currencies has 180 rows"));
                continue;
            }
            ignores.add(new Ignore(line, rules, reason, wholeFile));
        }
        return new Result(ignores, problems);
    }
}
