package dev.ddllint.verify;

import dev.ddllint.live.JdbcConnections;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The scratch server a front end's scratch URL names, for as long as verify runs: a JDBC URL as given (password
 * from {@code DDL_LINT_SCRATCH_PASSWORD}), or a {@code testcontainers:} URL, whose container a
 * {@link ScratchServerProvider} starts here. {@link #close()} stops that container, and a shutdown hook does when the
 * JVM is stopped first (Ctrl-C); a JDBC server is left as it was. Front ends open it in try-with-resources around
 * the whole run, so a failure stops the container too.
 */
public final class ScratchServer implements AutoCloseable {

    /** The artifact that provides {@code testcontainers:} URLs, for the message when none is on the class path. */
    public static final String PROVIDER_ARTIFACT = "dev.ddllint:ddl-lint-testcontainers";

    private final String url;
    private final ContainerScratchUrl container;
    private final ScratchServerProvider.Started started;
    private final Thread stopOnExit;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Consumer<String> progress;

    private ScratchServer(String url, ContainerScratchUrl container, ScratchServerProvider.Started started,
                          Consumer<String> progress) {
        this.url = url;
        this.container = container;
        this.started = started;
        this.progress = progress;
        if (started != null) {
            this.stopOnExit = new Thread(this::stop, "ddl-lint stop " + container.image());
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        } else {
            this.stopOnExit = null;
        }
    }

    /**
     * The scratch server of {@code url}: nothing is opened yet for a JDBC URL; a {@code testcontainers:} URL's
     * container is started (which can take a minute the first time, for the image's download).
     *
     * @param progress one line at each step of a container's start, never with a password
     * @throws VerifyException (exit 2) when a container cannot be started: no provider on the class path, no Docker,
     *                         the image did not start; the message says how to start the server by hand instead
     */
    public static ScratchServer open(String url, Consumer<String> progress) throws VerifyException {
        return open(url, progress, () -> providers(ScratchServerProvider.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()));
    }

    /** Where {@link #open(String, Consumer)} finds its providers (a test gives its own). */
    interface Providers {
        List<ScratchServerProvider> load();
    }

    static ScratchServer open(String url, Consumer<String> progress, Providers providers) throws VerifyException {
        if (!ContainerScratchUrl.isContainerUrl(url)) {
            return new ScratchServer(url, null, null, progress);
        }
        ContainerScratchUrl c;
        try {
            c = ContainerScratchUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new VerifyException(e.getMessage());
        }
        String cannot = "scratch URL " + c.url() + " starts the server in a container";
        List<ScratchServerProvider> found;
        try {
            found = providers.load();
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new VerifyException(cannot + ", but its provider (" + PROVIDER_ARTIFACT + ") does not load: "
                    + oneLine(e) + "; " + c.doItYourself(), e);
        }
        if (found.isEmpty()) {
            throw new VerifyException(cannot + ", which needs " + PROVIDER_ARTIFACT + " on the class path (the CLI "
                    + "jar and the Maven plugin carry it) and Docker: add it, or " + c.doItYourself());
        }
        ScratchServerProvider.Started s;
        try {
            s = found.get(0).start(c, progress);
        } catch (ScratchServerProvider.NotStarted e) {
            throw new VerifyException(e.noEngine()
                    ? cannot + ", but there is no Docker here (" + e.getMessage() + "): start Docker, or "
                    + c.doItYourself()
                    : cannot + ", and it did not start: " + e.getMessage() + "; " + c.doItYourself(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new VerifyException(cannot + ", and it did not start: " + oneLine(e) + "; " + c.doItYourself(), e);
        }
        return new ScratchServer(url, c, s, progress);
    }

    /** The providers visible from each loader, each class once. */
    private static List<ScratchServerProvider> providers(ClassLoader... loaders) {
        List<ScratchServerProvider> out = new ArrayList<>();
        List<Class<?>> seen = new ArrayList<>();
        for (ClassLoader loader : loaders) {
            if (loader == null) {
                continue;
            }
            Iterator<ScratchServerProvider> it = ServiceLoader.load(ScratchServerProvider.class, loader).iterator();
            while (it.hasNext()) {
                ScratchServerProvider p = it.next();
                if (!seen.contains(p.getClass())) {
                    seen.add(p.getClass());
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** A new connection: the container's, or the JDBC URL's with {@code DDL_LINT_SCRATCH_PASSWORD}. */
    public Connection connect() throws SQLException {
        if (started != null) {
            return started.connect();
        }
        return JdbcConnections.open(url, false, JdbcConnections.SCRATCH_PASSWORD_VARIABLE);
    }

    /**
     * Where it is, for messages: the JDBC URL with its password as {@code ***}, or the container URL with the
     * started server's JDBC URL and user (its password is never shown).
     */
    public String describe() {
        if (started == null) {
            return JdbcConnections.redact(url);
        }
        return container.url() + " (" + started.jdbcUrl() + ", user " + started.user() + ")";
    }

    /**
     * Whether ddl-lint started this server and throws it away at the end: then nothing in it outlives the run, and
     * the scratch database needs no shutdown hook of its own.
     */
    public boolean startedHere() {
        return started != null;
    }

    /** The container URL it was started from; null for a JDBC URL. */
    public ContainerScratchUrl container() {
        return container;
    }

    /** Stops the container (a JDBC server is left alone). */
    @Override
    public void close() {
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running or has run
            }
        }
        stop();
    }

    /** The shutdown hook's work, and close's: once. */
    private void stop() {
        if (started == null || !stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            started.stop();
        } catch (RuntimeException | LinkageError e) {
            progress.accept("could not stop the scratch container of " + container.image() + ": " + oneLine(e));
        }
    }

    /** The hook {@link #close()} removes (for tests). */
    Thread stopOnExit() {
        return stopOnExit;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return JdbcConnections.redact(m.lines().findFirst().orElse(m).strip());
    }
}
