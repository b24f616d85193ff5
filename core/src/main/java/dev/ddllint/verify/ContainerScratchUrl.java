package dev.ddllint.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --scratch-url testcontainers:mysql:8.4.3}: a scratch server started in a container. Not built yet: a
 * front end asks {@link #problem} first and exits with its message (exit 2) instead of passing such a URL to JDBC,
 * which would fail with "no suitable driver". Without Docker the message says so and how to do without it; with
 * Docker it says how to start the container by hand and give its JDBC URL.
 */
public final class ContainerScratchUrl {

    public static final String PREFIX = "testcontainers:";
    /** Where a local Docker daemon listens when DOCKER_HOST is not set. */
    static final Path DOCKER_SOCKET = Path.of("/var/run/docker.sock");

    private ContainerScratchUrl() {
    }

    /** Why {@code url} cannot be used as a scratch URL here, or null when it is no {@code testcontainers:} URL. */
    public static String problem(String url) {
        return problem(url, System.getenv(), DOCKER_SOCKET);
    }

    static String problem(String url, Map<String, String> env, Path dockerSocket) {
        if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String image = url.substring(PREFIX.length()).strip();
        if (!image.matches("(?i)(mysql|mariadb)(:[A-Za-z0-9._-]+)?")) {
            return "--scratch-url " + url + ": name an image as testcontainers:mysql:8.4.3 or "
                    + "testcontainers:mariadb:10.11";
        }
        String start = "docker run -d --rm -e " + (image.toLowerCase(java.util.Locale.ROOT).startsWith("mariadb")
                ? "MARIADB_ROOT_PASSWORD" : "MYSQL_ROOT_PASSWORD") + "=scratch -p 127.0.0.1:3306:3306 " + image;
        String instead = "start the scratch server yourself (" + start + ") and give --scratch-url "
                + "'jdbc:mysql://127.0.0.1:3306/?user=root' with DDL_LINT_SCRATCH_PASSWORD=scratch";
        String dockerHost = env.get("DOCKER_HOST");
        if ((dockerHost == null || dockerHost.isBlank()) && !Files.exists(dockerSocket)) {
            return "--scratch-url " + url + " starts the server in a container, but there is no Docker here "
                    + "(DOCKER_HOST is not set and " + dockerSocket + " does not exist): start Docker, or "
                    + instead;
        }
        return "--scratch-url " + url + ": starting the container from ddl-lint is not built yet; " + instead;
    }
}
