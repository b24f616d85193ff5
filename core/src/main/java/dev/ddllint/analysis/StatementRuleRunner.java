package dev.ddllint.analysis;

import dev.ddllint.config.Configuration;
import dev.ddllint.model.AlterOperation;
import dev.ddllint.rules.BuiltinRules;
import dev.ddllint.rules.FindingSink;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.Severity;
import dev.ddllint.rules.StatementContext;
import dev.ddllint.rules.StatementRule;
import dev.ddllint.rules.UnparseableStatement;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the statement rules on one statement as their metadata says: only rules for the target server and not
 * turned off, none that a rule reporting on the statement supersedes, each finding at its configured severity.
 */
final class StatementRuleRunner {

    /**
     * A rule's finding before it is placed in the file: new-table and ignore-comment weighing come after.
     *
     * @param clauses the clauses it is about (empty: the statement)
     */
    record Report(RuleInfo rule, Severity severity, String message, String help, List<AlterOperation> clauses) {
    }

    private StatementRuleRunner() {
    }

    /** The rule's severity in this analysis: OFF when configured so or when the rule is not for the target. */
    static Severity severityOf(RuleInfo rule, Configuration config) {
        return rule.appliesTo().includes(config.target()) ? config.severityOf(rule) : Severity.OFF;
    }

    /** The findings of the built-in rules on the statement, in catalogue order. */
    static void run(StatementContext ctx, Consumer<Report> out) {
        run(ctx, BuiltinRules.statementRules(), out);
    }

    /** The findings of the rules on the statement, in their order. */
    static void run(StatementContext ctx, List<StatementRule> rules, Consumer<Report> out) {
        Set<String> superseded = new HashSet<>();
        for (StatementRule rule : rules) {
            RuleInfo info = rule.info();
            // A statement not understood gets the worst verdict; only unparseable-statement speaks for it.
            if (superseded.contains(info.id())
                    || (!ctx.statement().parsed() && !(rule instanceof UnparseableStatement))) {
                continue;
            }
            Severity severity = severityOf(info, ctx.config());
            // A rule turned off still supersedes, so turning column-type-change off does not turn its statements
            // into blocking-alter findings; it runs unseen.
            boolean shown = severity != Severity.OFF;
            if (!shown && (info.supersedes().isEmpty() || !info.appliesTo().includes(ctx.target()))) {
                continue;
            }
            rule.check(ctx, new FindingSink() {
                @Override
                public void report(RuleInfo reported, String message, String help) {
                    report(reported, message, help, List.of());
                }

                @Override
                public void report(RuleInfo reported, String message, String help, List<AlterOperation> clauses) {
                    superseded.addAll(info.supersedes());
                    if (shown) {
                        out.accept(new Report(reported, noteSeverity(info, reported, severity), message, help,
                                clauses == null ? List.of() : List.copyOf(clauses)));
                    }
                }
            });
        }
    }

    /**
     * A rule reports under its own info at its configured severity; it may also report a note under another info
     * of the same id with a lower default severity (an estimate within the limits is an info), never a higher one.
     */
    private static Severity noteSeverity(RuleInfo rule, RuleInfo reported, Severity configured) {
        if (reported == rule || !reported.id().equals(rule.id())) {
            return configured;
        }
        return reported.defaultSeverity().ordinal() > configured.ordinal() ? reported.defaultSeverity() : configured;
    }
}
