package dev.ddllint.rules;

/** What a rule is about, as the rules index groups them. */
public enum Category {
    LOCKING("blocks writes"),
    REFUSAL("refused by the server"),
    REBUILD("rebuilds the table"),
    ESTIMATE("estimated duration and row log"),
    METADATA_LOCK("metadata lock waits"),
    FAIL_CLOSED("not understood: fails closed"),
    SCRIPT("the file itself"),
    COMPATIBILITY("breaks running application code"),
    DATA_LOSS("deletes or alters data"),
    EXECUTION("execution hygiene"),
    INDEXES("indexes and keys"),
    POLICY("schema policy");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    /** How the rules index names the category. */
    public String title() {
        return title;
    }
}
