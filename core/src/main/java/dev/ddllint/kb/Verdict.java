package dev.ddllint.kb;

/** What the server does with an operation or a statement. */
public record Verdict(Algorithm algorithm, boolean rebuildsTable, LockLevel lock) {

    /** True when concurrent writes wait for the whole operation (COPY with a lock, or any lock). */
    public boolean blocksWrites() {
        return lock.blocksWrites();
    }

    @Override
    public String toString() {
        return algorithm + (rebuildsTable && algorithm != Algorithm.COPY ? " with table rebuild" : "")
                + ", LOCK=" + lock;
    }
}
