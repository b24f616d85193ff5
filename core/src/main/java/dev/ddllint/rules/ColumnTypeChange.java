package dev.ddllint.rules;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.kb.DdlOperation;

import java.util.Set;

/** MODIFY/CHANGE COLUMN that changes a column's data type or character set: the table is copied. */
public final class ColumnTypeChange implements Rule {

    public static final RuleInfo INFO = new RuleInfo("column-type-change", Severity.ERROR,
            "Changing a column's data type copies the table and blocks writes");

    private static final Set<DdlOperation> TYPE_CHANGES = Set.of(DdlOperation.COLUMN_TYPE_CHANGE,
            DdlOperation.COLUMN_CHARSET_CHANGE, DdlOperation.VARCHAR_EXTEND_CROSS_PREFIX);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    static boolean applies(ClassifiedOperation c) {
        return TYPE_CHANGES.contains(c.ddlOperation()) && c.verdict().algorithm() == Algorithm.COPY;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (ClassifiedOperation c : ctx.operations(TYPE_CHANGES)) {
            if (!applies(c)) {
                continue;
            }
            String what = switch (c.ddlOperation()) {
                case COLUMN_CHARSET_CHANGE -> "changes the character set or collation of column `"
                        + c.operation().column() + "`";
                case VARCHAR_EXTEND_CROSS_PREFIX -> "extends VARCHAR column `" + c.operation().column()
                        + "` past 255 bytes, which changes its length prefix";
                default -> c.isExact() ? "changes the data type of column `" + c.operation().column() + "`"
                        : "may change the data type of column `" + c.operation().column() + "`";
            };
            sink.report(INFO, Messages.operation(c) + " " + what + ": " + ctx.verdictText()
                    + "; writes to " + ctx.tableName() + " wait until the whole table is copied"
                    + Messages.assumptions(c), Help.EXPAND_CONTRACT);
        }
    }
}
