package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.Statement.RenamePair;
import dev.ddllint.model.StatementKind;

import java.util.ArrayList;
import java.util.List;

/** RENAME TABLE, or ALTER TABLE … RENAME TO: instant, and an outage for the code that uses the old name. */
public final class RenameTable implements StatementRule {

    public static final String ID = "rename-table";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.COMPATIBILITY, Risk.DATA,
            "Renaming a table breaks code that uses the old name");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        List<String[]> renames = new ArrayList<>();
        if (ctx.statement().kind() == StatementKind.RENAME_TABLE) {
            for (RenamePair p : ctx.statement().renames()) {
                renames.add(new String[] {p.from().toString(), p.to().toString()});
            }
        } else if (ctx.statement().kind() == StatementKind.ALTER_TABLE) {
            for (AlterOperation op : ctx.statement().operations()) {
                if (op.kind() == ClauseKind.RENAME_TABLE && op.newName() != null) {
                    renames.add(new String[] {ctx.statement().table().toString(), op.newName()});
                }
            }
        }
        for (String[] r : renames) {
            sink.report(INFO, "renaming table `" + r[0] + "` to `" + r[1] + "`: instances of the previous release "
                            + "(during a rolling deploy) and old clients still use `" + r[0] + "` and fail with ERROR "
                            + "1146 (Table doesn't exist) from the moment it runs",
                    "ship it in this order: (1) migration: RENAME TABLE " + r[0] + " TO " + r[1] + "; CREATE VIEW "
                            + r[0] + " AS SELECT * FROM " + r[1] + "; (a single-table view is updatable, so old code "
                            + "keeps reading and writing through it; the two statements leave a gap of milliseconds, "
                            + "so run it off-peak); (2) release code that uses `" + r[1] + "` only, and wait until no "
                            + "old instance or client is left; (3) migration: DROP VIEW " + r[0] + ";");
        }
    }
}
