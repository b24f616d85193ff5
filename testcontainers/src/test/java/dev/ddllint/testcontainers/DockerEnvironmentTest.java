package dev.ddllint.testcontainers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The words for "no Docker here": what was looked at, and Testcontainers' message when it says more. */
class DockerEnvironmentTest {

    private static final String NONE_FOUND = "Could not find a valid Docker environment. Please see logs and check "
            + "configuration";

    @Test
    void noVariableAndNoSocket(@TempDir Path dir) {
        Path socket = dir.resolve("docker.sock");
        assertThat(DockerEnvironment.describe(Map.of(), socket, NONE_FOUND))
                .isEqualTo("DOCKER_HOST is not set and " + socket + " does not exist");
        assertThat(DockerEnvironment.describe(Map.of("DOCKER_HOST", " "), socket, null))
                .isEqualTo("DOCKER_HOST is not set and " + socket + " does not exist");
    }

    @Test
    void aSocketOrAVariableThatDoesNotAnswer(@TempDir Path dir) throws Exception {
        Path socket = Files.createFile(dir.resolve("docker.sock"));
        assertThat(DockerEnvironment.describe(Map.of(), socket, NONE_FOUND))
                .isEqualTo(socket + " exists, but no Docker engine answers on it");
        assertThat(DockerEnvironment.describe(Map.of("DOCKER_HOST", "tcp://10.0.0.9:2375"), socket, NONE_FOUND))
                .isEqualTo("DOCKER_HOST=tcp://10.0.0.9:2375 does not answer");
    }

    @Test
    void testcontainersOwnMessageWhenItSaysMoreThanNoneFound(@TempDir Path dir) {
        Path socket = dir.resolve("docker.sock");
        // the second look in one JVM: Testcontainers does not try again, and its message says no more
        assertThat(DockerEnvironment.describe(Map.of(), socket, "Previous attempts to find a Docker environment "
                + "failed. Will not retry. Please see logs and check configuration"))
                .isEqualTo("DOCKER_HOST is not set and " + socket + " does not exist");
        assertThat(DockerEnvironment.describe(Map.of(), socket,
                "Check failed: Docker server version should be at least 1.6.0\nsecond line"))
                .isEqualTo("DOCKER_HOST is not set and " + socket + " does not exist; Testcontainers: Check "
                        + "failed: Docker server version should be at least 1.6.0");
    }
}
