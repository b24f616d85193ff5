package dev.ddllint.kb;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/online-ddl-matrix.md} is generated from the facts table: this test fails when it is stale.
 * Regenerate with {@code mvn -pl core test -Dtest=MatrixDocumentTest -Dddllint.updateDocs=true}.
 */
class MatrixDocumentTest {

    static final String DOCUMENT = "docs/online-ddl-matrix.md";

    @Test
    void theCommittedMatrixIsTheOneTheFactsTableRenders() throws IOException {
        Path file = repoRoot().resolve(DOCUMENT);
        String expected = MatrixDocument.render(KnowledgeBase.builtin());
        if (Boolean.getBoolean("ddllint.updateDocs")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
        }
        assertThat(Files.exists(file)).as(DOCUMENT + " is missing; generate it with "
                + "mvn -pl core test -Dtest=MatrixDocumentTest -Dddllint.updateDocs=true").isTrue();
        String actual = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual).as(DOCUMENT + " is stale: the facts table (online-ddl-facts.tsv) or MatrixDocument changed. "
                + "Regenerate it with mvn -pl core test -Dtest=MatrixDocumentTest -Dddllint.updateDocs=true "
                + "and commit the result").isEqualTo(expected);
    }

    @Test
    void everyOperationHasFactsForBothFlavorsOrIsFlavorSpecific() {
        KnowledgeBase kb = KnowledgeBase.builtin();
        for (DdlOperation op : DdlOperation.values()) {
            assertThat(kb.facts().stream().anyMatch(f -> f.operation() == op)).as(op + " has no row").isTrue();
        }
        assertThat(MatrixDocument.render(kb)).contains("| `ADD_COLUMN_LAST` |").contains("MariaDB 11.8");
    }

    /** The repository root: {@code ddllint.repoRoot} (set by surefire), else the nearest directory with .git. */
    static Path repoRoot() {
        String property = System.getProperty("ddllint.repoRoot");
        if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property, "core"))) {
            return Path.of(property);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git")) || Files.isDirectory(p.resolve("core").resolve("src"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found from " + dir + " (set -Dddllint.repoRoot)");
    }
}
