package dev.ddllint.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Picks the migration files under the location folders with Ant-style include and exclude patterns, matched
 * against the path relative to the location ({@code **}{@code /*.sql}, {@code V1__*.sql}, {@code **}{@code /R__*}).
 * A pattern that starts with {@code **}{@code /} also matches at the top of the folder.
 */
final class FileSelector {

    static final List<String> DEFAULT_INCLUDES = List.of("**/*.sql");

    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;

    FileSelector(List<String> includes, List<String> excludes) {
        FileSystem fs = FileSystems.getDefault();
        this.includes = matchers(fs, includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes);
        this.excludes = matchers(fs, excludes == null ? List.of() : excludes);
    }

    private static List<PathMatcher> matchers(FileSystem fs, List<String> patterns) {
        List<PathMatcher> result = new ArrayList<>();
        for (String p : patterns) {
            if (p == null || p.isBlank()) {
                continue;
            }
            String pattern = p.strip().replace('\\', '/');
            if (pattern.endsWith("/")) {
                pattern = pattern + "**";
            }
            result.add(fs.getPathMatcher("glob:" + pattern));
            if (pattern.startsWith("**/")) {
                result.add(fs.getPathMatcher("glob:" + pattern.substring(3)));
            }
        }
        return result;
    }

    boolean selects(Path relative) {
        return includes.stream().anyMatch(m -> m.matches(relative)) && excludes.stream().noneMatch(m -> m.matches(relative));
    }

    /** The selected regular files under each folder (folders that don't exist are skipped), without duplicates. */
    List<Path> select(List<Path> folders) throws IOException {
        Set<Path> found = new LinkedHashSet<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile)
                        .sorted()
                        .filter(f -> selects(folder.relativize(f)))
                        .forEach(f -> found.add(f.toAbsolutePath().normalize()));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return new ArrayList<>(found);
    }
}
