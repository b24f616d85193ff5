package dev.ddllint.rules;

import dev.ddllint.golden.RepoRoot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked-in rules indexes are what the rules' metadata generates. With {@code -Dddllint.regenerate=true} the
 * test writes them instead: {@code mvn -o -q -B test -pl core -Dtest=RulesIndexTest -Dddllint.regenerate=true}.
 */
class RulesIndexTest {

    private static final boolean REGENERATE = Boolean.getBoolean("ddllint.regenerate");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"README.md, docs/rules/", "docs/rules/README.md, ''"})
    void indexIsCurrent(String document, String pages) throws IOException {
        Path file = RepoRoot.find().resolve(document);
        String current = Files.readString(file, StandardCharsets.UTF_8);
        String generated = RulesIndex.replaceBlock(current, RulesIndex.block(BuiltinRules.all(), pages));
        if (REGENERATE && !generated.equals(current)) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("%s: the rules index is stale; regenerate it with mvn -o -q -B test -pl core "
                + "-Dtest=RulesIndexTest -Dddllint.regenerate=true", document).isEqualTo(generated);
    }
}
