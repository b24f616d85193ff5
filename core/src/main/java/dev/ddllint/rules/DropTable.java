package dev.ddllint.rules;

import dev.ddllint.model.Statement.RenamePair;
import dev.ddllint.model.StatementKind;
import dev.ddllint.model.TableName;

import java.util.ArrayList;
import java.util.List;

/** DROP TABLE of an existing table: its rows are gone and the code that uses it fails. */
public final class DropTable implements StatementRule {

    public static final String ID = "drop-table";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.DATA_LOSS, Risk.DATA,
            "Dropping a table deletes its rows and breaks code that still uses it");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.statement().kind() != StatementKind.DROP_TABLE || ctx.statement().table() == null
                || ctx.sql().matches("(?is)\\s*DROP\\s+TEMPORARY\\b.*")) {
            return;
        }
        List<TableName> tables = new ArrayList<>(List.of(ctx.statement().table()));
        ctx.statement().renames().stream().map(RenamePair::from).forEach(tables::add);
        for (TableName t : tables) {
            String parked = t.name() + "_dropped";
            sink.report(INFO, "DROP TABLE `" + t + "` deletes every row of it (no undo but a backup), and instances "
                            + "of the previous release and old clients that still use it fail with ERROR 1146 (Table "
                            + "doesn't exist)" + (ctx.target().isMySql() && ctx.target().version().compareTo(
                            dev.ddllint.kb.ServerVersion.parse("8.0.23")) < 0 ? "; before MySQL 8.0.23 dropping a "
                            + "large table also stalls the server while the buffer pool is scanned" : ""),
                    "ship it in this order: (1) release code that no longer uses `" + t + "`, and wait until no old "
                            + "instance or client is left; (2) migration: RENAME TABLE " + t + " TO " + parked
                            + "; (instant and reversible: RENAME TABLE " + parked + " TO " + t + "); (3) after a "
                            + "retention period, migration: DROP TABLE " + parked + "; with a '-- ddl-lint:ignore "
                            + ID + " <reason>' comment above it");
        }
    }
}
