package dev.ddllint.model;

/**
 * Where a statement the analyzer checks comes from, when it is not simply a statement of the file.
 *
 * @param kind             FILE: a statement of the file; STRING: text run later by PREPARE/EXECUTE, positioned at
 *                         the statement that holds it; ROUTINE: a statement inside the body of a routine (or of a
 *                         {@code BEGIN NOT ATOMIC} block), positioned inside the body
 * @param where            for findings: "inside procedure `p` (created here, not called in this file)"; null for
 *                         a statement of the file
 * @param uncheckedDynamic why SQL this statement runs at run time (PREPARE … FROM @v, EXECUTE IMMEDIATE) cannot be
 *                         known, or null
 * @param unreadBody       a routine body that could not be split into statements: whatever it holds is unchecked
 */
public record StatementOrigin(Kind kind, String where, String uncheckedDynamic, boolean unreadBody) {

    public enum Kind { FILE, STRING, ROUTINE }

    public static final StatementOrigin FILE = new StatementOrigin(Kind.FILE, null, null, false);

    public static StatementOrigin string(String where) {
        return new StatementOrigin(Kind.STRING, where, null, false);
    }

    public static StatementOrigin routine(String where) {
        return new StatementOrigin(Kind.ROUTINE, where, null, false);
    }

    public static StatementOrigin unreadBody(String where) {
        return new StatementOrigin(Kind.FILE, where, null, true);
    }

    public StatementOrigin withUncheckedDynamic(String why) {
        return new StatementOrigin(kind, where, why, unreadBody);
    }

    /** Not a statement the file runs where it stands (a string for PREPARE, a routine body). */
    public boolean embedded() {
        return kind != Kind.FILE;
    }

    /** The statement certainly runs, once, where it stands when the file runs. */
    public boolean certain() {
        return kind == Kind.FILE;
    }

    /** The prefix for findings: "inside procedure `p` (…): ", or "". */
    public String prefix() {
        return where == null || unreadBody ? "" : where + ": ";
    }
}
