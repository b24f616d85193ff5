package dev.ddllint.kb;

/** What the server does with an operation or a statement. */
public record Verdict(Algorithm algorithm, boolean rebuildsTable, LockLevel lock) {

    /** True when concurrent writes wait for the whole operation (COPY with a lock, or any lock). */
    public boolean blocksWrites() {
        return lock.blocksWrites();
    }

    /** What running this and {@code other} together needs: the weaker algorithm, a rebuild if either, the stronger lock. */
    public Verdict with(Verdict other) {
        return new Verdict(algorithm.weaker(other.algorithm), rebuildsTable || other.rebuildsTable,
                lock.stronger(other.lock));
    }

    @Override
    public String toString() {
        return algorithm + (rebuildsTable && algorithm != Algorithm.COPY ? " with table rebuild" : "")
                + ", LOCK=" + lock;
    }
}
