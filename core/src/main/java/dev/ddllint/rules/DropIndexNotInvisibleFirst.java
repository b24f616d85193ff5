package dev.ddllint.rules;

import dev.ddllint.kb.ServerVersion;
import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.ClauseKind;

import java.util.Locale;

/**
 * DROP INDEX without having made the index invisible (MySQL 8.0+) or IGNORED (MariaDB 10.6+) first. The drop is
 * metadata-only and fast; if queries still use the index they turn into full scans at once, and bringing the index
 * back is a full index build. An invisible index is still maintained, so making it visible again is instant.
 */
public final class DropIndexNotInvisibleFirst implements StatementRule {

    public static final String ID = "drop-index-not-invisible-first";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.INDEXES, Risk.DATA,
            "An index dropped without being made invisible first: if queries still use it, they become full scans");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.statement().table() == null) {
            return;
        }
        String table = ctx.statement().table().key();
        for (AlterOperation op : ctx.statement().operations()) {
            if (op.kind() == ClauseKind.SET_INDEX_VISIBILITY && op.index() != null && op.index().name() != null) {
                String text = op.text().toUpperCase(Locale.ROOT);
                boolean hidden = text.contains("INVISIBLE") || text.contains("IGNORED") && !text.contains("NOT IGNORED");
                ctx.once().rememberInRun(key(table, op.index().name()), hidden ? "hidden" : "visible");
            }
        }
        for (AlterOperation op : ctx.statement().operations()) {
            if (op.kind() != ClauseKind.DROP_INDEX || op.index() == null || op.index().name() == null
                    || op.index().kind() == IndexKind.PRIMARY) {
                continue;
            }
            String name = op.index().name();
            if ("hidden".equals(ctx.once().recallInRun(key(table, name)))) {
                continue;
            }
            boolean foreign = ctx.table() != null && ctx.table().index(name).map(i -> i.kind() == IndexKind.FOREIGN)
                    .orElse(false);
            if (foreign) {
                continue;
            }
            String state = ctx.table() == null ? "ddl-lint cannot tell whether it was made invisible in production "
                    + "(the analysed migrations do not show " + ctx.tableName() + "'s history)"
                    : "the analysed migrations never make it invisible";
            boolean canHide = ctx.target().version().compareTo(ServerVersion.parse(ctx.target().isMySql()
                    ? "8.0.0" : "10.6.0")) >= 0;
            String hide = ctx.target().isMySql() ? "ALTER TABLE " + ctx.statement().table() + " ALTER INDEX " + name
                    + " INVISIBLE;" : "ALTER TABLE " + ctx.statement().table() + " ALTER INDEX " + name
                    + " IGNORED;";
            if (!canHide) {
                hide = "none on " + ctx.target().displayName() + ", which has no invisible indexes (MySQL 8.0+, "
                        + "MariaDB 10.6+): check instead that no query uses it, in "
                        + "performance_schema.table_io_waits_summary_by_index_usage (COUNT_STAR = 0 since the last "
                        + "restart) or sys.schema_unused_indexes;";
            }
            sink.report(INFO, "\"" + Messages.shorten(op.text()) + "\" drops index `" + name + "` of " + ctx.tableName()
                            + " at once: " + state + "; queries that still use it become full scans the moment it "
                            + "runs, and restoring it is a full index build",
                    "ship it in this order: (1) migration: " + hide + " (metadata-only, instant to revert); (2) watch "
                            + "the slow-query log and sys.schema_unused_indexes for a release cycle; (3) migration: "
                            + "ALTER TABLE " + ctx.statement().table() + " DROP INDEX " + name + ";");
        }
    }

    private static String key(String table, String index) {
        return ID + ":" + table + ":" + index.toLowerCase(Locale.ROOT);
    }
}
