package dev.ddllint.flywayit;

import dev.ddllint.flyway.DdlLintCallback;
import dev.ddllint.flyway.DdlLintCallbackBuilder;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Runs real Flyway inside an isolated class loader that models an application's classpath (a Flyway version, the
 * JDBC driver, the shaded ddl-lint-flyway jar, maybe the application's own JSqlParser). Only JDK types cross the
 * class-loader boundary: the test calls these methods by reflection and gets maps of strings back.
 */
public final class FlywayDriver {

    private FlywayDriver() {
    }

    /**
     * Runs {@code migrate}.
     *
     * @param properties     Flyway configuration properties ({@code flyway.url}, {@code flyway.locations},
     *                       {@code flyway.callbacks}, {@code flyway.plugins.ddllint.mode}, …), as in flyway.conf
     * @param builderOptions when not null, a {@link DdlLintCallback} built with these options is registered in
     *                       code ({@code Flyway.configure().callbacks(…)})
     * @return {@code executed} (count) on success, or {@code error} (class names of the cause chain) and
     *         {@code message}; {@code log}: what Flyway and ddl-lint logged
     */
    public static Map<String, String> migrate(Map<String, String> properties, Map<String, String> builderOptions) {
        return migrate(properties, builderOptions, false);
    }

    /**
     * As {@link #migrate(Map, Map)}; {@code frameworkShape}: register the builder's callback as a framework bean
     * is registered, {@code buildCallback()} (the adapter for this Flyway), after reflecting on its class as Spring
     * does.
     */
    public static Map<String, String> migrate(Map<String, String> properties, Map<String, String> builderOptions,
                                              boolean frameworkShape) {
        Map<String, String> result = new LinkedHashMap<>();
        // Without SLF4J, Log4j 2 or Commons Logging on the classpath Flyway logs through java.util.logging.
        StringBuilder log = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public synchronized void publish(LogRecord r) {
                log.append(r.getLevel()).append(' ').append(r.getLoggerName()).append(": ").append(r.getMessage())
                        .append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ClassLoader mine = FlywayDriver.class.getClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(mine);
            FluentConfiguration config = Flyway.configure(mine).configuration(properties);
            if (builderOptions != null) {
                DdlLintCallbackBuilder b = DdlLintCallback.builder();
                builderOptions.forEach(b::option);
                if (frameworkShape) {
                    Callback bean = b.buildCallback();
                    bean.getClass().getDeclaredMethods(); // what Spring's bean post-processors do first
                    config = config.callbacks(bean);
                } else {
                    config = config.callbacks(b.build());
                }
            }
            MigrateResult r = config.load().migrate();
            result.put("executed", Integer.toString(r.migrationsExecuted));
        } catch (Throwable t) {
            StringBuilder classes = new StringBuilder();
            StringBuilder messages = new StringBuilder();
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                classes.append(classes.length() == 0 ? "" : " <- ").append(c.getClass().getName());
                messages.append(messages.length() == 0 ? "" : "\n--- caused by ").append(c.getMessage());
            }
            result.put("error", classes.toString());
            result.put("message", messages.toString());
        } finally {
            root.removeHandler(capture);
            Thread.currentThread().setContextClassLoader(previous);
        }
        synchronized (capture) {
            result.put("log", log.toString());
        }
        return result;
    }

    /**
     * What a framework that reflects on a callback bean meets: {@code adapter}, the class of
     * {@code buildCallback()}'s object and whether its methods can be listed; {@code compiledClass}, the same for
     * {@link DdlLintCallback} itself (on a Flyway before {@code GenericCallback}: the NoClassDefFoundError that
     * Spring Boot 3.4 and 3.5 met).
     */
    public static Map<String, String> reflection() {
        Map<String, String> r = new LinkedHashMap<>();
        Callback adapted = DdlLintCallback.builder().buildCallback();
        r.put("adapter", adapted instanceof DdlLintCallback ? "DdlLintCallback" : "proxy");
        r.put("adapterMethods", listMethods(adapted.getClass()));
        r.put("compiledClass", listMethods(DdlLintCallback.class));
        return r;
    }

    private static String listMethods(Class<?> c) {
        try {
            return "ok: " + c.getDeclaredMethods().length + " methods";
        } catch (Throwable t) {
            return t.getClass().getName() + ": " + t.getMessage();
        }
    }

    /** Flyway's version as its jar names it. */
    public static String flywayVersion() {
        Package p = Flyway.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        if (v == null) {
            String where = Flyway.class.getProtectionDomain().getCodeSource().getLocation().getPath();
            v = where.replaceAll(".*flyway-core-([^/]+)\\.jar$", "$1");
        }
        return v;
    }

    /**
     * What the application's own JSqlParser says: where its classes come from, and a statement parsed by it
     * through an API that 5.x no longer has the same way ({@code Select.getSelectBody()} is 4.x style).
     */
    public static Map<String, String> applicationJSqlParser(String sql) throws Exception {
        Map<String, String> r = new LinkedHashMap<>();
        ClassLoader mine = FlywayDriver.class.getClassLoader();
        Class<?> util = Class.forName("net.sf.jsqlparser.parser.CCJSqlParserUtil", true, mine);
        r.put("location", util.getProtectionDomain().getCodeSource().getLocation().toString());
        Object statement = util.getMethod("parse", String.class).invoke(null, sql);
        r.put("statementClass", statement.getClass().getName());
        r.put("statement", statement.toString());
        return r;
    }

    /** Where a class comes from in this class loader, or "absent". */
    public static String locationOf(String className) {
        try {
            Class<?> c = Class.forName(className, false, FlywayDriver.class.getClassLoader());
            return c.getProtectionDomain().getCodeSource().getLocation().toString();
        } catch (ClassNotFoundException e) {
            return "absent";
        }
    }
}
