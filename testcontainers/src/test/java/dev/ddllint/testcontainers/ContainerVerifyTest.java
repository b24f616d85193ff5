package dev.ddllint.testcontainers;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.MigrationFiles;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.Configuration;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.verify.Agreement;
import dev.ddllint.verify.ScratchServer;
import dev.ddllint.verify.ScratchServerProvider;
import dev.ddllint.verify.Verification;
import dev.ddllint.verify.Verifier;
import dev.ddllint.verify.VerifyException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code testcontainers:} scratch URLs through core's {@link ScratchServer}, with this module found by ServiceLoader
 * as every front end finds it. Where Docker runs: MySQL 8.4.3 and MariaDB 10.11 are started and the bundled
 * examples verified on them. Where it does not (this project's CI has no engine): those tests are skipped, also
 * under {@code CI=true}, and the refusal is tested instead.
 */
class ContainerVerifyTest {

    static final Path EXAMPLES = Path.of(System.getProperty("ddllint.repoRoot", ".."), "examples", "db", "migration");

    private static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @Test
    void theProviderIsFoundByServiceLoader() {
        List<Class<?>> found = new ArrayList<>();
        ServiceLoader.load(ScratchServerProvider.class).forEach(p -> found.add(p.getClass()));
        assertThat(found).containsExactly(TestcontainersScratchServers.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"testcontainers:mysql:8.4.3", "testcontainers:mariadb:10.11"})
    void theImageIsStartedTheExamplesAreVerifiedAndTheContainerIsGoneAfter(String url) throws Exception {
        Assumptions.assumeTrue(dockerAvailable(), "no Docker engine here (Testcontainers finds none): the "
                + "container path is not exercised; ScratchServerTest covers the rest with a fake provider");
        List<String> progress = new ArrayList<>();
        Verification v;
        ScratchServer reached;
        try (ScratchServer server = ScratchServer.open(url, progress::add); Connection c = server.connect()) {
            reached = server;
            assertThat(server.startedHere()).isTrue();
            assertThat(server.describe()).startsWith(url + " (jdbc:mysql://").endsWith(", user root)")
                    .doesNotContain("password");
            TargetServer target = Verifier.serverOf(c);
            // without --target the verdicts are for the started server: the image's tag, made exact
            String tag = url.substring(url.lastIndexOf(':') + 1);
            assertThat(target.toString()).startsWith((url.contains("mariadb") ? "mariadb:" : "mysql:") + tag);
            List<SourceFile> files = MigrationFiles.collect(List.of(EXAMPLES), EXAMPLES);
            AnalysisReport report = new Analyzer(Configuration.DEFAULT.withTarget(target)).analyze(files);
            v = Verifier.builder().scratch(server, c).build().verify(report);
        }
        System.out.println("verify examples on " + url + ": " + v.summary() + "; " + progress);
        assertThat(v.checked()).hasSize(9);
        assertThat(v.checked()).allSatisfy(s -> assertThat(s.server().outcome())
                .as("%s line %d: %s", s.source().sql(), s.source().line(), s.server().details())
                .isIn(Agreement.Outcome.CONFIRMED, Agreement.Outcome.CONSERVATIVE));
        assertThat(v.disagreements()).isEmpty();
        assertThat(v.notes()).isEmpty();
        assertThat(progress).hasSize(2);
        assertThat(progress.get(0)).startsWith("starting " + url.substring("testcontainers:".length()));
        assertThat(progress.get(1)).contains("stopped and removed when verify ends").doesNotContain("password");
        // stopped: the server no longer answers
        assertThatThrownBy(reached::connect).isInstanceOf(SQLException.class);
    }

    @Test
    void withoutDockerTheRefusalIsQuickAndSaysWhatToDoInstead() {
        Assumptions.assumeFalse(dockerAvailable(), "Docker runs here: the refusal cannot be seen");
        List<String> progress = new ArrayList<>();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ScratchServer.open("testcontainers:mysql:8.4.3", progress::add))
                .isInstanceOf(VerifyException.class)
                .satisfies(e -> System.out.println("no-Docker refusal: " + e.getMessage()))
                .hasMessageNotContaining("Please see logs")
                .hasMessageStartingWith("scratch URL testcontainers:mysql:8.4.3 starts the server in a container, "
                        + "but there is no Docker here (")
                .hasMessageContaining("start Docker, or start the scratch server yourself (docker run -d --rm -e "
                        + "MYSQL_ROOT_PASSWORD=scratch -p 127.0.0.1:3306:3306 mysql:8.4.3)");
        System.out.printf("no-Docker refusal after Testcontainers' own look (it ran once in this JVM already): "
                + "%.3f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(progress).as("nothing was started").isEmpty();
    }
}
