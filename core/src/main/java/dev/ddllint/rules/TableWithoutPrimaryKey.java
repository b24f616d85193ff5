package dev.ddllint.rules;

import dev.ddllint.model.CreateTableDefinition;
import dev.ddllint.model.StatementKind;
import dev.ddllint.schema.TableFacts;

/**
 * CREATE TABLE without a PRIMARY KEY (or a UNIQUE index on NOT NULL columns, which InnoDB would cluster on).
 * InnoDB then clusters on a hidden 6-byte row id no query can use; gh-ost, pt-online-schema-change and Spirit
 * refuse the table, so it can never be altered online; row-based replicas scan the table for each changed row.
 */
public final class TableWithoutPrimaryKey implements StatementRule {

    public static final String ID = "table-without-primary-key";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.INDEXES, Risk.AVAILABILITY,
            "A table without a primary key: online schema-change tools refuse it, replicas scan it");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        CreateTableDefinition def = ctx.statement().createTable();
        if (ctx.statement().kind() != StatementKind.CREATE_TABLE || def == null || def.likeTable() != null
                || def.columns().isEmpty() || ctx.sql().matches("(?is)\\s*CREATE\\s+TEMPORARY\\b.*")) {
            return;
        }
        TableFacts facts = TableFacts.of(ctx.statement().table().toString(), def.columns(), def.indexes(),
                def.options(), "", true, def.partitioned());
        if (facts.hasPrimaryKey() || facts.implicitPrimaryKey().isPresent()) {
            return;
        }
        String t = ctx.statement().table().toString();
        sink.report(INFO, "CREATE TABLE `" + t + "` declares no PRIMARY KEY (nor a UNIQUE index on NOT NULL columns): "
                        + "InnoDB clusters it on a hidden row id, gh-ost and pt-online-schema-change refuse to alter "
                        + "it, and row-based replicas scan it for every changed row",
                "declare a primary key in the CREATE TABLE, e.g. id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY "
                        + "KEY, or PRIMARY KEY (<the columns that identify a row>); on an existing table: ALTER TABLE "
                        + t + " ADD COLUMN id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY; (a rebuild that "
                        + "blocks writes: schedule it)");
    }
}
