package dev.ddllint.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns location strings into folders. Two dialects:
 * <ul>
 *   <li>ddl-lint's own {@code <locations>}: a plain path is relative to the project folder;
 *       {@code filesystem:} and {@code classpath:} prefixes work as in Flyway;</li>
 *   <li>flyway-maven-plugin's {@code <locations>}: as Flyway reads them, a plain path is a classpath location.</li>
 * </ul>
 * A classpath location is looked up in the project's resource folders ({@code src/main/resources/…}).
 */
final class MigrationLocations {

    /** Where the migrations of a default Flyway set-up live. */
    static final String DEFAULT_LOCATION = "src/main/resources/db/migration";

    /**
     * One folder to search, and the text it came from (for messages).
     *
     * @param source the location as configured, e.g. {@code classpath:db/migration}
     */
    record Location(Path folder, String source) {
    }

    private MigrationLocations() {
    }

    /**
     * @param locations      the configured locations
     * @param flywayDialect  true when they come from Flyway (a plain path means classpath)
     * @param basedir        the project folder
     * @param resourceDirs   the project's resource folders, in order (for classpath locations)
     * @param warnings       receives a sentence for each location that cannot be used
     */
    static List<Location> resolve(List<String> locations, boolean flywayDialect, Path basedir,
                                  List<Path> resourceDirs, List<String> warnings) {
        List<Location> result = new ArrayList<>();
        for (String raw : locations) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String location = raw.strip();
            String lower = location.toLowerCase(Locale.ROOT);
            if (lower.startsWith("filesystem:")) {
                result.add(new Location(basedir.resolve(location.substring("filesystem:".length())).normalize(),
                        location));
            } else if (lower.startsWith("classpath:") || (flywayDialect && !location.matches("^[A-Za-z0-9]+:.*"))) {
                String path = lower.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
                path = path.replaceFirst("^/+", "");
                List<Path> candidates = new ArrayList<>();
                for (Path dir : resourceDirs) {
                    candidates.add(dir.resolve(path).normalize());
                }
                if (candidates.isEmpty()) {
                    candidates.add(basedir.resolve("src/main/resources").resolve(path).normalize());
                }
                for (Path c : candidates) {
                    result.add(new Location(c, location));
                }
            } else if (location.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*") && !location.matches("^[A-Za-z]:[\\\\/].*")) {
                warnings.add("location '" + location + "' is not a folder ddl-lint can read (use filesystem: or "
                        + "classpath:); it is skipped");
            } else {
                result.add(new Location(basedir.resolve(location).normalize(), location));
            }
        }
        return result;
    }
}
