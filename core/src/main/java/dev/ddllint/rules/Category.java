package dev.ddllint.rules;

/** What a rule is about, as the rules index groups them. */
public enum Category {
    LOCKING("blocks writes"),
    REFUSAL("refused by the server"),
    REBUILD("rebuilds the table"),
    ESTIMATE("estimated duration and row log"),
    METADATA_LOCK("metadata lock waits"),
    FAIL_CLOSED("not understood: fails closed"),
    SCRIPT("the file itself");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    /** How the rules index names the category. */
    public String title() {
        return title;
    }
}
