package com.acme.ddllint;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.rules.Category;
import dev.ddllint.rules.FindingSink;
import dev.ddllint.rules.Risk;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.Severity;
import dev.ddllint.rules.StatementContext;
import dev.ddllint.rules.StatementRule;

import java.util.List;
import java.util.regex.Pattern;

/**
 * ACME's policy: every column added to a table says what it holds, in a COMMENT, so the data catalogue generated
 * from the schema stays complete. A custom ddl-lint rule: the same API as the built-in rules, found through
 * {@code META-INF/services/dev.ddllint.rules.StatementRule}.
 */
public final class ColumnCommentRequired implements StatementRule {

    /** Prefixed with the team's name, so it never meets a built-in rule's id. */
    public static final String ID = "acme-column-comment-required";

    static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.SCRIPT, Risk.HYGIENE,
                    "A column added without a COMMENT saying what it holds")
            .documentedAt("https://wiki.acme.example/ddl/acme-column-comment-required");

    private static final Pattern COMMENT = Pattern.compile("(?i)\\bCOMMENT\\b");

    /** ServiceLoader creates the rule with this constructor; rules are stateless. */
    public ColumnCommentRequired() {
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (AlterOperation op : ctx.statement().operations()) {
            if (op.kind() == ClauseKind.ADD_COLUMN && !COMMENT.matcher(op.authorText()).find()) {
                sink.report(INFO, "column `" + op.column() + "` is added to " + ctx.tableName()
                                + " without a COMMENT: \"" + op.authorText() + "\"",
                        "say what the column holds: ADD COLUMN " + op.column() + " ... COMMENT 'what it holds'",
                        List.of(op));
            }
        }
    }
}
