package dev.ddllint.kb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server version. {@code patch == LATEST} means "the newest release of that series" (a target written
 * {@code mysql:8.0}), which compares above every numbered patch of the series.
 */
public record ServerVersion(int major, int minor, int patch) implements Comparable<ServerVersion> {

    public static final int LATEST = Integer.MAX_VALUE;
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    /** Parses {@code 8.0.35}, {@code 8.4}, {@code 8.0.35-log}, {@code 10.11.6-MariaDB-0+deb12u1}. */
    public static ServerVersion parse(String text) {
        Matcher m = VERSION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a version: '" + text + "' (expected e.g. 8.0.35 or 8.4)");
        }
        int patch = m.group(3) == null ? LATEST : Integer.parseInt(m.group(3));
        return new ServerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch);
    }

    public boolean atLeast(int major, int minor, int patch) {
        return compareTo(new ServerVersion(major, minor, patch)) >= 0;
    }

    @Override
    public int compareTo(ServerVersion o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        if (minor != o.minor) {
            return Integer.compare(minor, o.minor);
        }
        return Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return patch == LATEST ? major + "." + minor : major + "." + minor + "." + patch;
    }
}
