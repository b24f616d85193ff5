package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.StatementKind;
import dev.ddllint.parse.StatementParser;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A DDL statement, or a clause of an ALTER, that neither JSqlParser nor the clause reader understood. Table DDL
 * that gets a verdict (ALTER TABLE, CREATE/DROP INDEX, OPTIMIZE TABLE) fails closed: the worst verdict and an
 * error. Other statements not understood (an odd CREATE TABLE, RENAME) shape no verdict and stay a warning,
 * reported under the same id so one {@code rules:} entry or ignore comment covers both.
 */
public final class UnparseableStatement implements StatementRule {

    public static final String ID = "unparseable-statement";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.FAIL_CLOSED, Risk.AVAILABILITY,
            "ddl-lint could not understand a statement or clause, so it cannot vouch for it");
    /** The same finding on a statement that is not ALTER/CREATE INDEX/DROP INDEX/OPTIMIZE: a warning. */
    static final RuleInfo NOT_TABLE_DDL = INFO.withDefaultSeverity(Severity.WARNING);

    /** The statement kinds that get a verdict, and so the worst one when not understood. */
    public static final Set<StatementKind> TABLE_DDL = EnumSet.of(StatementKind.ALTER_TABLE,
            StatementKind.CREATE_INDEX, StatementKind.DROP_INDEX, StatementKind.OPTIMIZE_TABLE);

    static final String WORST = "assumed the worst: COPY, LOCK=EXCLUSIVE";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        String help = "check the syntax; if the statement is valid MySQL, report it with the statement so "
                + "ddl-lint learns it, and review its locking by hand meanwhile";
        if (!ctx.statement().parsed()) {
            // A routine body that could not be split may hold any DDL: it fails closed like table DDL.
            boolean tableDdl = TABLE_DDL.contains(ctx.statement().kind()) || ctx.origin().unreadBody();
            sink.report(tableDdl ? INFO : NOT_TABLE_DDL, "statement not understood: " + ctx.statement().parseNote()
                    + (tableDdl ? " (" + WORST + ")" : ""), help);
            return;
        }
        for (AlterOperation op : ctx.statement().operations()) {
            if (op.kind() != ClauseKind.UNKNOWN) {
                continue;
            }
            String type = StatementParser.unknownTypeOf(op);
            if (type != null) {
                sink.report(INFO, "column type " + type + " in \"" + Messages.shorten(op.text())
                        + "\" is not a MySQL or MariaDB type (" + WORST + ")", "check the type name; the server "
                        + "rejects an unknown type, so the migration fails as written", List.of(op));
            } else {
                sink.report(INFO, "clause not understood: \"" + Messages.shorten(op.text()) + "\" (" + WORST + ")",
                        help, List.of(op));
            }
        }
    }
}
