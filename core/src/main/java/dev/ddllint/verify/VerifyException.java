package dev.ddllint.verify;

/** Verification could not be done (the scratch server unreachable, the same server as the source, …): exit 2. */
public final class VerifyException extends Exception {
    public VerifyException(String message) {
        super(message);
    }

    public VerifyException(String message, Throwable cause) {
        super(message, cause);
    }
}
