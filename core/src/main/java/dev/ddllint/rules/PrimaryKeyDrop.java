package dev.ddllint.rules;

import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.kb.DdlOperation;

import java.util.List;
import java.util.Set;

/** Dropping the primary key without adding a new one in the same statement: the table is copied. */
public final class PrimaryKeyDrop implements StatementRule {

    public static final String ID = "primary-key-drop";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.LOCKING, Risk.DATA,
            "Dropping a primary key without adding another copies the table and blocks writes")
            // The statement is reported once, by the rule that names its cause.
            .superseding(BlockingAlter.ID);
    /** The same drop copied online (MariaDB 11.2+, LOCK=NONE): writes go on, so a warning about the copy. */
    static final RuleInfo ONLINE_COPY = INFO.withDefaultSeverity(Severity.WARNING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (ClassifiedOperation c : ctx.operations(Set.of(DdlOperation.DROP_PRIMARY_KEY))) {
            String what = switch (c.operation().kind()) {
                case DROP_PRIMARY_KEY -> "drops the primary key of " + ctx.tableName();
                case DROP_COLUMN -> "drops column `" + c.operation().column() + "`, which is the whole primary key "
                        + "(or the UNIQUE NOT NULL key InnoDB uses as one) of " + ctx.tableName();
                default -> "drops index `" + (c.operation().index() == null ? "?" : c.operation().index().name())
                        + "`, the UNIQUE NOT NULL key InnoDB uses as the primary key of " + ctx.tableName();
            };
            boolean online = Messages.onlineCopy(ctx.verdict().effective());
            sink.report(online ? ONLINE_COPY : INFO, Messages.operation(c) + " " + what + " without adding a new one: "
                    + ctx.verdictText() + "; " + Messages.copyEffect(ctx.verdict().effective(), ctx.tableName()),
                    "drop and add the primary key in one "
                    + "statement (ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (…)), which rebuilds in place "
                    + "with LOCK=NONE; or " + Help.shadowTable(ctx), List.of(c.operation()));
        }
    }
}
