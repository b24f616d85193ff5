package dev.ddllint.flyway;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

import java.lang.reflect.Proxy;

/**
 * A Flyway log creator for {@code Flyway.configure().loggers(CapturedLog.class.getName())}: every message, of any
 * level, in {@link #TEXT}. Flyway resets {@code LogFactory.setLogCreator} when it is configured; a logger named in
 * the configuration is what it keeps.
 */
public final class CapturedLog implements LogCreator {

    /** The messages, one a line, of every Flyway configured with this creator since {@link #clear()}. */
    public static final StringBuffer TEXT = new StringBuffer();

    public static void clear() {
        TEXT.setLength(0);
    }

    @Override
    public Log createLogger(Class<?> clazz) {
        return (Log) Proxy.newProxyInstance(CapturedLog.class.getClassLoader(), new Class<?>[]{Log.class},
                (proxy, method, args) -> {
                    if (method.getReturnType() == boolean.class) {
                        return Boolean.TRUE;
                    }
                    if (args != null && args.length > 0 && args[0] instanceof String message) {
                        TEXT.append(message).append('\n');
                    }
                    return null;
                });
    }
}
