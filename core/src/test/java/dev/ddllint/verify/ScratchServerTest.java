package dev.ddllint.verify;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.config.Configuration;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static dev.ddllint.verify.VerifierTest.databaseExists;
import static dev.ddllint.verify.VerifierTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ScratchServer}: a JDBC URL as given; a {@code testcontainers:} URL through a provider (fakes here; the real
 * one is ddl-lint-testcontainers' test), with the messages of each way it cannot start, and the container stopped
 * once, by close or by the shutdown hook.
 */
class ScratchServerTest {

    private final List<String> progress = new ArrayList<>();

    /** A provider that "starts" a server: connections from {@code connect}, stops counted. */
    private static final class FakeProvider implements ScratchServerProvider {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        private final Connector connector;

        interface Connector {
            Connection connect() throws SQLException;
        }

        FakeProvider(Connector connector) {
            this.connector = connector;
        }

        @Override
        public Started start(ContainerScratchUrl url, Consumer<String> progress) {
            starts.incrementAndGet();
            progress.accept("started " + url.image());
            return new Started() {
                @Override
                public String jdbcUrl() {
                    return "jdbc:mysql://localhost:32771/?useSSL=false";
                }

                @Override
                public String user() {
                    return "root";
                }

                @Override
                public Connection connect() throws SQLException {
                    return connector.connect();
                }

                @Override
                public void stop() {
                    stops.incrementAndGet();
                }
            };
        }
    }

    private static ScratchServerProvider failing(ScratchServerProvider.NotStarted e) {
        return (url, progress) -> {
            throw e;
        };
    }

    @Test
    void aJdbcUrlIsUsedAsGivenAndShownWithoutItsPassword() throws Exception {
        try (ScratchServer s = ScratchServer.open("jdbc:mysql://127.0.0.1:1/?user=root&password=s3cret", progress::add,
                () -> {
                    throw new AssertionError("no provider is looked for a JDBC URL");
                })) {
            assertThat(s.startedHere()).isFalse();
            assertThat(s.container()).isNull();
            assertThat(s.describe()).isEqualTo("jdbc:mysql://127.0.0.1:1/?user=root&password=***");
        }
        assertThat(progress).isEmpty();
    }

    @Test
    void withoutAProviderTheMessageNamesTheArtifactAndTheDockerRun() {
        assertThatThrownBy(() -> ScratchServer.open("testcontainers:mysql:8.4.3", progress::add, List::of))
                .isInstanceOf(VerifyException.class)
                .hasMessageStartingWith("scratch URL testcontainers:mysql:8.4.3 starts the server in a container, "
                        + "which needs dev.ddllint:ddl-lint-testcontainers on the class path")
                .hasMessageContaining("docker run -d --rm -e MYSQL_ROOT_PASSWORD=scratch -p 127.0.0.1:3306:3306 "
                        + "mysql:8.4.3");
        assertThatThrownBy(() -> ScratchServer.open("testcontainers:mysql:8.4.3", progress::add, () -> {
            throw new ServiceConfigurationError("dev.ddllint.verify.ScratchServerProvider: Provider x not found");
        })).isInstanceOf(VerifyException.class).hasMessageContaining("does not load: dev.ddllint.verify");
    }

    @Test
    void withoutDockerTheMessageSaysSoAndWhatToDoInstead() {
        ScratchServerProvider noDocker = failing(new ScratchServerProvider.NotStarted(true,
                "DOCKER_HOST is not set and /var/run/docker.sock does not exist", null));
        assertThatThrownBy(() -> ScratchServer.open("testcontainers:mariadb:10.11", progress::add,
                () -> List.of(noDocker)))
                .isInstanceOf(VerifyException.class)
                .hasMessage("scratch URL testcontainers:mariadb:10.11 starts the server in a container, but there is "
                        + "no Docker here (DOCKER_HOST is not set and /var/run/docker.sock does not exist): start "
                        + "Docker, or start the scratch server yourself (docker run -d --rm -e "
                        + "MARIADB_ROOT_PASSWORD=scratch -p 127.0.0.1:3306:3306 mariadb:10.11) and give the scratch "
                        + "URL 'jdbc:mysql://127.0.0.1:3306/?user=root' with DDL_LINT_SCRATCH_PASSWORD=scratch");
    }

    @Test
    void anImageThatDoesNotStartIsNamedWithItsCause() {
        ScratchServerProvider pullFails = failing(new ScratchServerProvider.NotStarted(false,
                "mysql:9.99: manifest for mysql:9.99 not found", null));
        assertThatThrownBy(() -> ScratchServer.open("testcontainers:mysql:9.99", progress::add,
                () -> List.of(pullFails)))
                .hasMessageStartingWith("scratch URL testcontainers:mysql:9.99 starts the server in a container, "
                        + "and it did not start: mysql:9.99: manifest for mysql:9.99 not found; start the scratch "
                        + "server yourself (docker run");
        ScratchServerProvider breaks = (url, p) -> {
            throw new IllegalStateException("Container startup failed\nat line two");
        };
        assertThatThrownBy(() -> ScratchServer.open("testcontainers:mysql:8.4.3", progress::add,
                () -> List.of(breaks)))
                .hasMessageContaining("and it did not start: Container startup failed; start the scratch server")
                .hasMessageNotContaining("line two");
    }

    @Test
    void aBadImageIsRefusedBeforeAnyProviderIsAsked() {
        assertThatThrownBy(() -> ScratchServer.open("testcontainers:postgres:16", progress::add, () -> {
            throw new AssertionError("no provider for a bad image");
        })).isInstanceOf(VerifyException.class).hasMessageContaining("name an image as testcontainers:mysql:8.4.3");
    }

    @Test
    void aStartedServerIsStoppedOnceByCloseOrByTheShutdownHook() throws Exception {
        FakeProvider provider = new FakeProvider(() -> {
            throw new SQLException("not used");
        });
        ScratchServer closed = ScratchServer.open("testcontainers:mysql:8.4.3", progress::add, () -> List.of(provider));
        assertThat(closed.startedHere()).isTrue();
        assertThat(closed.describe()).isEqualTo("testcontainers:mysql:8.4.3 (jdbc:mysql://localhost:32771/"
                + "?useSSL=false, user root)");
        assertThat(progress).containsExactly("started mysql:8.4.3");
        Thread hook = closed.stopOnExit();
        closed.close();
        closed.close();
        assertThat(provider.stops).hasValue(1);
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("close removed the hook").isFalse();

        // Ctrl-C before close: the hook stops it, and the close that follows (try-with-resources) does not again
        ScratchServer interrupted = ScratchServer.open("testcontainers:mysql:8.4.3", progress::add,
                () -> List.of(provider));
        interrupted.stopOnExit().run();
        assertThat(provider.stops).hasValue(2);
        interrupted.close();
        assertThat(provider.stops).hasValue(2);
        assertThat(provider.starts).hasValue(2);
    }

    @Test
    void aFailingStopIsReportedNotThrown() throws Exception {
        ScratchServerProvider stopFails = (url, p) -> new ScratchServerProvider.Started() {
            @Override
            public String jdbcUrl() {
                return "jdbc:mysql://localhost:32771/";
            }

            @Override
            public String user() {
                return "root";
            }

            @Override
            public Connection connect() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void stop() {
                throw new IllegalStateException("Docker went away");
            }
        };
        ScratchServer s = ScratchServer.open("testcontainers:mysql:8.4.3", progress::add, () -> List.of(stopFails));
        s.close();
        assertThat(progress).containsExactly("could not stop the scratch container of mysql:8.4.3: Docker went away");
    }

    /**
     * On a server started for the run the scratch database gets no shutdown hook (the server's stop throws it
     * away; a drop racing it would only fail), and verify still drops it at the end.
     */
    @TestFactory
    List<DynamicTest> theVerifierRunsOnAStartedServerAndDropsItsDatabase() {
        return TestServers.eachServer(server -> {
            FakeProvider provider = new FakeProvider(server::connect);
            AnalysisReport report = new Analyzer(Configuration.DEFAULT.withTarget(server.target()))
                    .analyze(List.of(file("V1__t.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n"
                            + "ALTER TABLE t ADD COLUMN c INT NULL;\n")));
            Verification v;
            try (ScratchServer s = ScratchServer.open("testcontainers:mysql:8.4.3", progress::add,
                    () -> List.of(provider)); Connection c = s.connect()) {
                v = Verifier.builder().scratch(s, c).build().verify(report);
                try (ScratchSchema schema = ScratchSchema.create(c, s::connect, !s.startedHere())) {
                    assertThat(schema.dropsOnExit()).isFalse();
                }
            }
            assertThat(provider.stops).hasValue(1);
            assertThat(v.checked()).hasSize(1);
            assertThat(v.disagreements()).isEmpty();
            assertThat(databaseExists(server, v.scratchDatabase())).isFalse();
            try (Connection c = server.connect(); ScratchSchema schema = ScratchSchema.create(c, server::connect)) {
                assertThat(schema.dropsOnExit()).isTrue();
            }
        });
    }
}
