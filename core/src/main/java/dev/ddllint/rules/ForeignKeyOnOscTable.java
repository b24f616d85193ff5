package dev.ddllint.rules;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.model.IndexDefinition.IndexKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A copy (or a rebuild that blocks writes) of a table that has foreign keys or is referenced by them: exactly the ALTER an online
 * schema-change tool would run, and gh-ost and Spirit refuse such tables; pt-online-schema-change needs
 * --alter-foreign-keys-method, whose choices either rebuild the child tables or briefly drop the table.
 */
public final class ForeignKeyOnOscTable implements StatementRule {

    public static final String ID = "foreign-key-on-osc-table";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.INDEXES, Risk.DATA,
            "A rebuilt table has foreign keys (to or from it): gh-ost refuses it, pt-osc needs a foreign-key plan");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        // A copy, or a rebuild that blocks writes: the statements an online schema-change tool is for.
        if (ctx.verdict() == null || ctx.table() == null || (!ctx.verdict().effective().blocksWrites()
                && ctx.verdict().effective().algorithm() != Algorithm.COPY)) {
            return;
        }
        List<String> why = new ArrayList<>();
        List<String> own = ctx.table().indexes().stream().filter(i -> i.kind() == IndexKind.FOREIGN)
                .map(i -> i.name() == null ? "→ " + i.referencedTable() : i.name()).toList();
        if (!own.isEmpty()) {
            why.add("it has foreign keys (" + String.join(", ", own) + ")");
        }
        if (!ctx.links().referencedBy().isEmpty()) {
            why.add("foreign keys of " + String.join(", ", ctx.links().referencedBy()) + " reference it");
        }
        if (why.isEmpty()) {
            return;
        }
        sink.report(INFO, ctx.statementName() + " on " + ctx.tableName() + " rebuilds the table (" + ctx.verdictText()
                        + ") and " + String.join("; ", why) + ": gh-ost and Spirit refuse to copy it, and "
                        + "pt-online-schema-change needs --alter-foreign-keys-method (rebuild_constraints rebuilds "
                        + "the child tables, blocking them; drop_swap drops the table for a moment)",
                "plan the foreign keys before the change: run it in place (ALGORITHM=INPLACE, LOCK=NONE) where the "
                        + "server can, or with pt-online-schema-change --alter-foreign-keys-method=rebuild_constraints "
                        + "when the child tables are small; or drop the foreign keys first (ALTER TABLE … DROP FOREIGN "
                        + "KEY …, instant) and enforce the relation in the application");
    }
}
