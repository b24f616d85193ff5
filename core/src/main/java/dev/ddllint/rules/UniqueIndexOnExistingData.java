package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.ClauseKind;

/**
 * A UNIQUE index (or PRIMARY KEY) added to a table that already holds rows: duplicates fail the statement with
 * ERROR 1062 only after the whole index is built; with ALTER IGNORE (MariaDB) or an online schema-change tool the
 * duplicate rows are silently deleted.
 */
public final class UniqueIndexOnExistingData implements StatementRule {

    public static final String ID = "unique-index-on-existing-data";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.DATA_LOSS, Risk.DATA,
            "A UNIQUE index added to existing rows fails on duplicates, or deletes them (ALTER IGNORE, OSC tools)");
    /** ALTER IGNORE deletes the duplicates: rows are lost. */
    static final RuleInfo IGNORE = INFO.withDefaultSeverity(Severity.ERROR);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (AlterOperation op : ctx.statement().operations()) {
            if (op.index() == null || (op.kind() != ClauseKind.ADD_INDEX && op.kind() != ClauseKind.ADD_PRIMARY_KEY)
                    || (op.index().kind() != IndexKind.UNIQUE && op.index().kind() != IndexKind.PRIMARY)) {
                continue;
            }
            String columns = String.join(", ", op.index().columns());
            String table = ctx.statement().table().toString();
            String effect = ctx.statement().ignore()
                    ? "with ALTER IGNORE the server keeps the first row of each duplicate group and deletes the others"
                    : "if two rows share a value the statement fails with ERROR 1062 (Duplicate entry) only after "
                    + "building the whole index, and gh-ost / pt-online-schema-change copies silently drop the "
                    + "duplicates";
            sink.report(ctx.statement().ignore() ? IGNORE : INFO, "\"" + Messages.shorten(op.text()) + "\" adds a "
                            + (op.index().kind() == IndexKind.PRIMARY ? "PRIMARY KEY" : "UNIQUE index") + " on ("
                            + columns + ") to " + ctx.tableName() + ", which holds rows already: " + effect,
                    "look for duplicates first: SELECT " + columns + ", COUNT(*) FROM " + table + " GROUP BY "
                            + columns + " HAVING COUNT(*) > 1; resolve them, release code that no longer writes "
                            + "duplicates, then add the index in a migration of its own (without IGNORE)");
        }
    }
}
