package dev.ddllint.rules;

import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.schema.TableFacts;
import dev.ddllint.schema.TableLinks;

import java.util.ArrayList;
import java.util.List;

/** Safe alternatives shared by several rules, worded once. */
final class Help {
    static final String SHADOW_TABLE = "run it with gh-ost or pt-online-schema-change, which copy the table in the "
            + "background while writes continue";
    static final String EXPAND_CONTRACT = "add a new column with the new definition, backfill it in batches, switch "
            + "reads and writes to it, then drop the old column; or ";

    private Help() {
    }

    /** Expand/contract, or a shadow-table tool that can run on this table. */
    static String expandContract(StatementContext ctx) {
        return EXPAND_CONTRACT + shadowTable(ctx);
    }

    /**
     * gh-ost or pt-online-schema-change, after their known refusals: gh-ost refuses foreign keys (either
     * direction) and triggers; both need a PRIMARY KEY or a UNIQUE NOT NULL key. With the table known, the help
     * names the tool that can run; with it unknown, it says what to check first.
     */
    static String shadowTable(StatementContext ctx) {
        TableFacts t = ctx.table();
        TableLinks links = ctx.links();
        if (t == null) {
            return SHADOW_TABLE + "; check first: gh-ost refuses a table with foreign keys (to or from it) or "
                    + "triggers, and both tools need a PRIMARY KEY or a UNIQUE NOT NULL key";
        }
        boolean key = t.hasPrimaryKey() || t.implicitPrimaryKey().isPresent();
        if (!key) {
            return "gh-ost and pt-online-schema-change both refuse " + ctx.tableName() + ": it has no PRIMARY KEY "
                    + "or UNIQUE NOT NULL key; add one first (or schedule a maintenance window)";
        }
        List<String> ghostRefuses = new ArrayList<>();
        boolean foreignKeys = t.indexes().stream().anyMatch(i -> i.kind() == IndexKind.FOREIGN);
        if (foreignKeys) {
            ghostRefuses.add("it has foreign keys");
        }
        if (!links.referencedBy().isEmpty()) {
            ghostRefuses.add("foreign keys of " + String.join(", ", links.referencedBy()) + " reference it");
        }
        if (!links.triggers().isEmpty()) {
            ghostRefuses.add("it has triggers (" + String.join(", ", links.triggers()) + ")");
        }
        if (ghostRefuses.isEmpty()) {
            return SHADOW_TABLE;
        }
        List<String> ptOsc = new ArrayList<>();
        if (foreignKeys || !links.referencedBy().isEmpty()) {
            ptOsc.add("--alter-foreign-keys-method=auto");
        }
        if (!links.triggers().isEmpty() && ctx.target().isMySql()) {
            ptOsc.add("--preserve-triggers");
        }
        return "run it with pt-online-schema-change" + (ptOsc.isEmpty() ? "" : " " + String.join(" ", ptOsc))
                + ", which copies the table in the background while writes continue; gh-ost refuses "
                + ctx.tableName() + ": " + String.join("; ", ghostRefuses);
    }
}
