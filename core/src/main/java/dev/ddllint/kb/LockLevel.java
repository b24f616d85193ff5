package dev.ddllint.kb;

/** The least restrictive LOCK= the server allows, least restrictive first. */
public enum LockLevel {
    NONE, SHARED, EXCLUSIVE;

    public LockLevel stronger(LockLevel other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** True when concurrent writes must wait. */
    public boolean blocksWrites() {
        return this != NONE;
    }
}
