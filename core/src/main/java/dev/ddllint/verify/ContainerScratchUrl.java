package dev.ddllint.verify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code testcontainers:mysql:8.4.3} (or {@code mariadb:10.11}): a scratch URL that names an image instead of a
 * server. {@link ScratchServer#open} starts it through a {@link ScratchServerProvider}; this class only reads the
 * URL and says how to do the same by hand, for the messages of a start that cannot happen.
 *
 * @param url        the URL as given
 * @param repository {@code mysql} or {@code mariadb}
 * @param tag        the image's tag; {@code latest} when the URL names none
 */
public record ContainerScratchUrl(String url, String repository, String tag) {

    public static final String PREFIX = "testcontainers:";
    private static final Pattern IMAGE = Pattern.compile("(?i)(mysql|mariadb)(?::([A-Za-z0-9._-]+))?");

    /** Whether {@code url} asks for a container ({@code testcontainers:…}), well named or not. */
    public static boolean isContainerUrl(String url) {
        return url != null && url.strip().regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Reads a {@code testcontainers:} URL.
     *
     * @throws IllegalArgumentException naming the URL when it names no MySQL or MariaDB image
     */
    public static ContainerScratchUrl parse(String url) {
        if (!isContainerUrl(url)) {
            throw new IllegalArgumentException("not a testcontainers: scratch URL: " + url);
        }
        String image = url.strip().substring(PREFIX.length()).strip();
        Matcher m = IMAGE.matcher(image);
        if (!m.matches()) {
            throw new IllegalArgumentException("scratch URL " + url + ": name an image as testcontainers:mysql:8.4.3 "
                    + "or testcontainers:mariadb:10.11");
        }
        return new ContainerScratchUrl(url.strip(), m.group(1).toLowerCase(Locale.ROOT),
                m.group(2) == null ? "latest" : m.group(2));
    }

    /** {@code mysql:8.4.3}, as Docker names it. */
    public String image() {
        return repository + ":" + tag;
    }

    public boolean mariadb() {
        return repository.equals("mariadb");
    }

    /** What the user can do without ddl-lint starting the container: start it and give its JDBC URL. */
    public String doItYourself() {
        return "start the scratch server yourself (docker run -d --rm -e " + (mariadb() ? "MARIADB_ROOT_PASSWORD"
                : "MYSQL_ROOT_PASSWORD") + "=scratch -p 127.0.0.1:3306:3306 " + image() + ") and give the scratch URL "
                + "'jdbc:mysql://127.0.0.1:3306/?user=root' with DDL_LINT_SCRATCH_PASSWORD=scratch";
    }
}
