package dev.ddllint.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Starts the scratch server a {@code testcontainers:} scratch URL names. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.ddllint.verify.ScratchServerProvider}) when such a URL is given, so core has no
 * container library: {@code dev.ddllint:ddl-lint-testcontainers} provides one, and the CLI jar and the Maven plugin
 * carry it.
 */
public interface ScratchServerProvider {

    /**
     * Starts {@code url}'s image and waits until its server takes connections.
     *
     * @param progress one line for the user at each step (starting, started), never with a password
     * @throws NotStarted why not, in words the user can act on
     */
    Started start(ContainerScratchUrl url, Consumer<String> progress) throws NotStarted;

    /** A server the provider started; {@link #stop()} removes it, with everything in it. */
    interface Started {

        /** Its JDBC URL, without credentials: safe to print. */
        String jdbcUrl();

        /** The user {@link #connect()} logs in as. */
        String user();

        /** A new connection, with a password that is never printed. */
        Connection connect() throws SQLException;

        /** Stops and removes the container; a second call does nothing. */
        void stop();
    }

    /** The server could not be started: no container engine, or the image did not start. */
    final class NotStarted extends Exception {
        private final boolean noEngine;

        /**
         * @param noEngine true when there is no container engine to ask (the reason says what was looked at)
         * @param reason   one line, no password
         */
        public NotStarted(boolean noEngine, String reason, Throwable cause) {
            super(reason, cause);
            this.noEngine = noEngine;
        }

        public boolean noEngine() {
            return noEngine;
        }
    }
}
