package dev.ddllint.testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Docker was looked for, in words, for the message when Testcontainers finds none: what the user can check
 * (Testcontainers' own account goes to its log, which the CLI keeps quiet).
 */
final class DockerEnvironment {

    /** Where a local Docker engine listens when {@code DOCKER_HOST} is not set. */
    static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");
    /**
     * In Testcontainers' messages when no strategy finds an engine ("Could not find a valid Docker environment",
     * and "Previous attempts to find a Docker environment failed" after that in one JVM): they point at a log the
     * user may not see, so the message says what was looked at instead.
     */
    private static final String NOT_FOUND = "Docker environment";

    private DockerEnvironment() {
    }

    /**
     * {@code DOCKER_HOST is not set and /var/run/docker.sock does not exist}, {@code DOCKER_HOST=tcp://…
     * does not answer}, …; Testcontainers' own message after it when it says more than "none found".
     */
    static String describe(Map<String, String> env, Path socket, String testcontainersMessage) {
        String dockerHost = env.get("DOCKER_HOST");
        String where;
        if (dockerHost != null && !dockerHost.isBlank()) {
            where = "DOCKER_HOST=" + dockerHost.strip() + " does not answer";
        } else if (Files.exists(socket)) {
            where = socket + " exists, but no Docker engine answers on it";
        } else {
            where = "DOCKER_HOST is not set and " + socket + " does not exist";
        }
        if (testcontainersMessage == null || testcontainersMessage.isBlank()
                || testcontainersMessage.contains(NOT_FOUND)) {
            return where;
        }
        return where + "; Testcontainers: " + testcontainersMessage.lines().findFirst().orElse("").strip();
    }
}
