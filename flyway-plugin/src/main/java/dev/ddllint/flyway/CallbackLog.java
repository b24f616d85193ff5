package dev.ddllint.flyway;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;

/**
 * The callback's log: Flyway's own logging, under {@code dev.ddllint.flyway.DdlLintCallback} for every part of the
 * callback. Looked up at each use, since Flyway picks its log system when it is configured, after the callback
 * may have been built.
 */
final class CallbackLog {

    private CallbackLog() {
    }

    static Log log() {
        return LogFactory.getLog(DdlLintCallback.class);
    }
}
