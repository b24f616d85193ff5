package dev.ddllint.testcontainers;

import dev.ddllint.verify.ContainerScratchUrl;
import dev.ddllint.verify.ScratchServerProvider;
import org.testcontainers.DockerClientFactory;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code testcontainers:mysql:8.4.3}: the image started with Testcontainers for one verify run, as root with a
 * random password that is never printed, reached with Connector/J. Testcontainers is asked whether there is Docker
 * first, so a machine without it hears so at once (its strategies fail fast where no socket exists). Registered in
 * {@code META-INF/services/dev.ddllint.verify.ScratchServerProvider}.
 */
public final class TestcontainersScratchServers implements ScratchServerProvider {

    @Override
    public Started start(ContainerScratchUrl url, Consumer<String> progress) throws NotStarted {
        try {
            DockerClientFactory.instance().client();
        } catch (IllegalStateException e) {
            throw new NotStarted(true, DockerEnvironment.describe(System.getenv(), DockerEnvironment.DEFAULT_SOCKET,
                    e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new NotStarted(false, "Testcontainers could not use Docker: " + oneLine(e), e);
        }
        progress.accept("starting " + url.image() + " with Testcontainers (the first start downloads the image)");
        long t0 = System.nanoTime();
        ScratchContainer container = ScratchContainer.of(url);
        // Ctrl-C during the pull or the wait: stop what was created (once started, ScratchServer's hook does)
        Thread stopIfInterrupted = new Thread(container::stop, "ddl-lint stop " + url.image() + " (starting)");
        Runtime.getRuntime().addShutdownHook(stopIfInterrupted);
        try {
            container.start();
        } catch (RuntimeException e) {
            try {
                container.stop();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw new NotStarted(false, url.image() + ": " + oneLine(rootCause(e)), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopIfInterrupted);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running or has run
            }
        }
        progress.accept("started " + url.image() + " in " + String.format(Locale.ROOT, "%.1f s",
                (System.nanoTime() - t0) / 1e9) + ": " + container.jdbcUrl() + ", user " + container.user()
                + "; it is stopped and removed when verify ends");
        return container;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e : t;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }
}
