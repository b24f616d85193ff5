package dev.ddllint.flyway.it;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An application's classpath, isolated from the test's: the JDK, a Flyway version with its own dependencies, the
 * MySQL driver, the callback jar as built (shaded, or the unshaded control), optionally the application's own
 * JSqlParser (ahead of everything else, as a user dependency may be), and the {@code FlywayDriver} that runs
 * Flyway in there. Nothing of the test's classpath leaks in: the parent is the platform class loader.
 */
final class IsolatedApp implements AutoCloseable {

    private static final String DRIVER = "dev.ddllint.flywayit.FlywayDriver";

    private final URLClassLoader loader;
    private final String description;

    private IsolatedApp(URLClassLoader loader, String description) {
        this.loader = loader;
        this.description = description;
    }

    static Path lib() {
        return Path.of(required("ddllint.it.lib"));
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the end-to-end tests "
                    + "through Maven (mvn verify), which builds the jars they load");
        }
        return v;
    }

    /** The shipped callback jar with Flyway {@code flywayMajor}; {@code userJSqlParser}: add the app's own 4.x. */
    static IsolatedApp shaded(String flywayMajor, boolean userJSqlParser) throws IOException {
        return create(flywayMajor, userJSqlParser, true, List.of(Path.of(required("ddllint.it.shadedJar"))),
                "shaded");
    }

    /** As {@link #shaded}, without Flyway's optional dependencies ({@code flyway-<major>-optional}). */
    static IsolatedApp shadedWithoutOptional(String flywayMajor) throws IOException {
        return create(flywayMajor, false, false, List.of(Path.of(required("ddllint.it.shadedJar"))),
                "shaded, without Flyway's optional dependencies");
    }

    /** The shipped callback jar with exactly Flyway {@code version} of the compatibility matrix. */
    static IsolatedApp matrix(String version) throws IOException {
        return create(lib().resolve("matrix").resolve(version), version, false, false,
                List.of(Path.of(required("ddllint.it.shadedJar"))), "shaded");
    }

    /** Whether Flyway {@code flywayMajor} has optional dependencies in the test library. */
    static boolean hasOptional(String flywayMajor) {
        return Files.isDirectory(lib().resolve("flyway-" + flywayMajor + "-optional"));
    }

    /** The callback WITHOUT shading: its classes, ddl-lint-core and core's own dependencies, side by side. */
    static IsolatedApp unshaded(String flywayMajor, boolean userJSqlParser) throws IOException {
        List<Path> jars = new ArrayList<>();
        jars.add(Path.of(required("ddllint.it.unshadedClasses")));
        jars.addAll(jarsIn(lib().resolve("unshaded")));
        return create(flywayMajor, userJSqlParser, true, jars, "unshaded");
    }

    private static IsolatedApp create(String flywayMajor, boolean userJSqlParser, boolean optional,
                                      List<Path> callbackJars, String kind) throws IOException {
        return create(lib().resolve("flyway-" + flywayMajor), flywayMajor, userJSqlParser,
                optional && hasOptional(flywayMajor), callbackJars, kind);
    }

    private static IsolatedApp create(Path flywayDir, String flywayMajor, boolean userJSqlParser, boolean optional,
                                      List<Path> callbackJars, String kind) throws IOException {
        List<URL> urls = new ArrayList<>();
        if (userJSqlParser) {
            for (Path p : jarsIn(lib().resolve("user-jsqlparser"))) {
                urls.add(p.toUri().toURL());
            }
        }
        for (Path p : callbackJars) {
            if (!Files.exists(p)) {
                throw new IllegalStateException(p + " is missing: the end-to-end tests run after `package`");
            }
            urls.add(p.toUri().toURL());
        }
        List<Path> flyway = jarsIn(flywayDir);
        if (flyway.isEmpty()) {
            throw new IllegalStateException("no Flyway " + flywayMajor + " jars in " + flywayDir);
        }
        for (Path p : flyway) {
            urls.add(p.toUri().toURL());
        }
        if (optional) {
            for (Path p : jarsIn(lib().resolve("flyway-" + flywayMajor + "-optional"))) {
                urls.add(p.toUri().toURL());
            }
        }
        for (Path p : jarsIn(lib().resolve("app"))) {
            urls.add(p.toUri().toURL());
        }
        // Last: the driver class (test-classes holds it; nothing else there is loaded by this loader).
        urls.add(Path.of(required("ddllint.it.testClasses")).toUri().toURL());
        URLClassLoader loader = new URLClassLoader("app-flyway-" + flywayMajor, urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        return new IsolatedApp(loader, "Flyway " + flywayMajor + " + " + kind + " ddl-lint-flyway"
                + (userJSqlParser ? " + the app's JSqlParser 4.x" : ""));
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, String> migrate(Map<String, String> properties, Map<String, String> builderOptions) {
        return (Map<String, String>) call("migrate", new Class<?>[]{Map.class, Map.class}, properties,
                builderOptions);
    }

    @SuppressWarnings("unchecked")
    Map<String, String> migrateAsBean(Map<String, String> properties, Map<String, String> builderOptions) {
        return (Map<String, String>) call("migrate", new Class<?>[]{Map.class, Map.class, boolean.class}, properties,
                builderOptions, true);
    }

    @SuppressWarnings("unchecked")
    Map<String, String> reflection() {
        return (Map<String, String>) call("reflection", new Class<?>[0]);
    }

    String flywayVersion() {
        return (String) call("flywayVersion", new Class<?>[0]);
    }

    @SuppressWarnings("unchecked")
    Map<String, String> applicationJSqlParser(String sql) {
        return (Map<String, String>) call("applicationJSqlParser", new Class<?>[]{String.class}, sql);
    }

    String locationOf(String className) {
        return (String) call("locationOf", new Class<?>[]{String.class}, className);
    }

    private Object call(String method, Class<?>[] types, Object... args) {
        try {
            Class<?> driver = Class.forName(DRIVER, true, loader);
            if (driver.getClassLoader() != loader) {
                throw new IllegalStateException("the driver leaked from the test classpath");
            }
            Method m = driver.getMethod(method, types);
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(description + ": " + method + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(description + ": cannot call " + method, e);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
