package dev.ddllint.rules;

/** Safe alternatives shared by several rules, worded once. */
final class Help {
    static final String SHADOW_TABLE = "run it with gh-ost or pt-online-schema-change, which copy the table in the "
            + "background while writes continue";
    static final String EXPAND_CONTRACT = "add a new column with the new definition, backfill it in batches, switch "
            + "reads and writes to it, then drop the old column; or " + SHADOW_TABLE;

    private Help() {
    }
}
