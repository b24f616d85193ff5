package dev.ddllint.rules;

/** What a rule's finding puts at risk; it decides how the finding is weighed. */
public enum Risk {
    /**
     * The harm grows with the rows already in the table (a copy, a rebuild, deleted rows): on a table created
     * earlier in the migrations it has none, so the finding is demoted to info there.
     */
    DATA,
    /** The migration fails, waits or cannot be vouched for, whatever the table holds. */
    AVAILABILITY,
    /** The file itself (encoding, quoting, placeholders, directive comments): the SQL may not be what runs. */
    HYGIENE;

    /** True when the finding is harmless on a table that holds no rows yet. */
    public boolean harmlessOnNewTable() {
        return this == DATA;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
