package dev.ddllint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class FileSelectorTest {

    @TempDir
    Path dir;

    private void touch(String... names) throws Exception {
        for (String name : names) {
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "SELECT 1;");
        }
    }

    private List<String> select(List<String> includes, List<String> excludes) throws Exception {
        return new FileSelector(includes, excludes).select(List.of(dir, dir.resolve("missing"))).stream()
                .map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
    }

    @Test
    void defaultIncludesSqlFilesAtAnyDepth() throws Exception {
        touch("V1__a.sql", "sub/V2__b.sql", "README.md", "sub/deeper/R__c.SQL.bak");
        assertThat(select(null, null)).containsExactly("V1__a.sql", "sub/V2__b.sql");
    }

    @Test
    void includesAndExcludes() throws Exception {
        touch("V1__a.sql", "R__view.sql", "legacy/V0__old.sql", "sub/R__other.sql");
        assertThat(select(List.of("**/*.sql"), List.of("**/R__*.sql", "legacy/"))).containsExactly("V1__a.sql");
        assertThat(select(List.of("V*.sql"), List.of())).containsExactly("V1__a.sql");
    }
}
