package dev.ddllint.rules;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.ClassifiedOperation;

import dev.ddllint.model.ClauseKind;

import java.util.List;

/** MODIFY/CHANGE COLUMN that changes a column's data type or character set: the table is copied. */
public final class ColumnTypeChange implements StatementRule {

    public static final String ID = "column-type-change";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.LOCKING, Risk.DATA,
            "Changing a column's data type copies the table and blocks writes")
            // The statement is reported once, by the rule that names its cause.
            .superseding(BlockingAlter.ID);
    /** The same change copied online (MariaDB 11.2+, LOCK=NONE): writes go on, so a warning about the copy. */
    static final RuleInfo ONLINE_COPY = INFO.withDefaultSeverity(Severity.WARNING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /**
     * A MODIFY/CHANGE COLUMN the server can only do by copying the table: whatever changes (type, signedness,
     * length prefix, character set, AUTO_INCREMENT, generation expression), the column's stored form changes.
     */
    private static boolean applies(ClassifiedOperation c) {
        ClauseKind kind = c.operation().kind();
        return (kind == ClauseKind.MODIFY_COLUMN || kind == ClauseKind.CHANGE_COLUMN)
                && c.verdict().algorithm() == Algorithm.COPY;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.verdict() == null) {
            return;
        }
        for (ClassifiedOperation c : ctx.verdict().operations()) {
            if (!applies(c)) {
                continue;
            }
            String what = switch (c.ddlOperation()) {
                case COLUMN_CHARSET_CHANGE, COLUMN_COLLATION_CHANGE, COLUMN_COLLATION_CHANGE_INDEXED,
                     COLUMN_CHARSET_WIDEN, COLUMN_CHARSET_WIDEN_INDEXED -> "changes the character set or collation "
                        + "of column `" + c.operation().column() + "`";
                case GENERATED_COLUMN_CHANGE, VIRTUAL_COLUMN_CHANGE -> "changes generated column `"
                        + c.operation().column() + "`";
                case ADD_AUTO_INCREMENT_ATTRIBUTE, DROP_AUTO_INCREMENT_ATTRIBUTE -> "changes the AUTO_INCREMENT "
                        + "attribute of column `" + c.operation().column() + "`";
                case VARCHAR_EXTEND_CROSS_PREFIX -> "extends VARCHAR column `" + c.operation().column()
                        + "` past 255 bytes, which changes its length prefix";
                default -> c.isExact() ? "changes the data type of column `" + c.operation().column() + "`"
                        : "may change the data type of column `" + c.operation().column() + "`";
            };
            boolean online = Messages.onlineCopy(ctx.verdict().effective());
            sink.report(online ? ONLINE_COPY : INFO, Messages.operation(c) + " " + what + ": " + ctx.verdictText()
                    + "; " + Messages.copyEffect(ctx.verdict().effective(), ctx.tableName())
                    + Messages.assumptions(c), Help.expandContract(ctx), List.of(c.operation()));
        }
    }
}
