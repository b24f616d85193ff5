package dev.ddllint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class MigrationLocationsTest {

    private static final Path BASE = Path.of("/project");
    private static final List<Path> RESOURCES = List.of(Path.of("/project/src/main/resources"),
            Path.of("/project/target/generated-resources"));

    private static List<String> folders(List<String> locations, boolean flyway, List<String> warnings) {
        return MigrationLocations.resolve(locations, flyway, BASE, RESOURCES, warnings).stream()
                .map(l -> l.folder().toString()).toList();
    }

    @Test
    void ownLocationsArePathsUnlessPrefixed() {
        List<String> warnings = new ArrayList<>();
        assertThat(folders(List.of("db/migration", "filesystem:sql/../sql/extra", "classpath:db/other",
                "/abs/migrations"), false, warnings)).containsExactly("/project/db/migration",
                "/project/sql/extra", "/project/src/main/resources/db/other",
                "/project/target/generated-resources/db/other", "/abs/migrations");
        assertThat(warnings).isEmpty();
    }

    @Test
    void flywayLocationsWithoutPrefixAreClasspath() {
        List<String> warnings = new ArrayList<>();
        assertThat(folders(List.of("db/migration", "classpath:/db/x", "filesystem:/opt/sql"), true, warnings))
                .containsExactly("/project/src/main/resources/db/migration",
                        "/project/target/generated-resources/db/migration", "/project/src/main/resources/db/x",
                        "/project/target/generated-resources/db/x", "/opt/sql");
    }

    @Test
    void cloudLocationsAreSkippedWithAWarning() {
        List<String> warnings = new ArrayList<>();
        assertThat(folders(List.of("s3:bucket/migrations", " ", "gcs:b/m"), true, warnings)).isEmpty();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("'s3:bucket/migrations'").contains("filesystem:");
    }

    @Test
    void defaultLocation() {
        assertThat(folders(List.of(MigrationLocations.DEFAULT_LOCATION), false, new ArrayList<>()))
                .containsExactly("/project/src/main/resources/db/migration");
    }
}
