package dev.ddllint.kb;

/** The algorithm InnoDB uses, strongest first. MariaDB's NOCOPY is INPLACE without a table rebuild. */
public enum Algorithm {
    INSTANT, INPLACE, COPY;

    public Algorithm weaker(Algorithm other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
