package dev.ddllint.analysis;

/** The table source (a live database) failed; the message says how, without credentials. Unchecked so that
 * analyses without a table source need no handling. */
public final class TableSourceException extends RuntimeException {
    public TableSourceException(Throwable cause) {
        super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
    }
}
