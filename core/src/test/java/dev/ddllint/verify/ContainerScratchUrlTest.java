package dev.ddllint.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code testcontainers:} scratch URLs: the message without Docker, with Docker, and for a JDBC URL none. */
class ContainerScratchUrlTest {

    @Test
    void withoutDockerTheMessageSaysSoAndHowToDoWithoutIt(@TempDir Path dir) {
        String m = ContainerScratchUrl.problem("testcontainers:mysql:8.4.3", Map.of(), dir.resolve("docker.sock"));
        assertThat(m).startsWith("--scratch-url testcontainers:mysql:8.4.3 starts the server in a container, but "
                        + "there is no Docker here (DOCKER_HOST is not set and ")
                .contains("docker run -d --rm -e MYSQL_ROOT_PASSWORD=scratch -p 127.0.0.1:3306:3306 mysql:8.4.3")
                .contains("jdbc:mysql://127.0.0.1:3306/");
        assertThat(ContainerScratchUrl.problem("testcontainers:mariadb:10.11", Map.of("DOCKER_HOST", " "),
                dir.resolve("docker.sock"))).contains("no Docker here").contains("MARIADB_ROOT_PASSWORD");
    }

    @Test
    void withDockerItSaysTheStartIsNotBuiltYet(@TempDir Path dir) throws Exception {
        Path socket = Files.createFile(dir.resolve("docker.sock"));
        assertThat(ContainerScratchUrl.problem("testcontainers:mysql:8.4.3", Map.of(), socket))
                .contains("not built yet").doesNotContain("no Docker");
        assertThat(ContainerScratchUrl.problem("testcontainers:mysql:8.4.3",
                Map.of("DOCKER_HOST", "tcp://docker:2375"), dir.resolve("absent")))
                .contains("not built yet");
    }

    @Test
    void aJdbcUrlHasNoProblemAndABadImageIsNamed(@TempDir Path dir) {
        assertThat(ContainerScratchUrl.problem("jdbc:mysql://127.0.0.1:3306/", Map.of(), dir)).isNull();
        assertThat(ContainerScratchUrl.problem(null, Map.of(), dir)).isNull();
        assertThat(ContainerScratchUrl.problem("testcontainers:postgres:16", Map.of(), dir))
                .contains("name an image as testcontainers:mysql:8.4.3");
    }
}
