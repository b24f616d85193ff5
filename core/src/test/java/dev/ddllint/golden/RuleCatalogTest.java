package dev.ddllint.golden;

import dev.ddllint.rules.BuiltinRules;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.RulesIndex;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule has one kebab-case id, a doc page with the standard headings, and golden ok/err cases. */
class RuleCatalogTest {

    static final List<String> HEADINGS = List.of("## What it finds", "## Why it matters", "## What to do instead",
            "## Example");

    @Test
    void idsAreKebabCaseAndUnique() {
        Set<String> seen = new HashSet<>();
        for (RuleInfo rule : BuiltinRules.all()) {
            assertThat(rule.id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
            assertThat(seen.add(rule.id())).as("duplicate id %s", rule.id()).isTrue();
        }
    }

    @Test
    void everyRuleHasADocPage() throws IOException {
        Path root = RepoRoot.find();
        for (RuleInfo rule : BuiltinRules.all()) {
            Path page = root.resolve(rule.docsPath());
            assertThat(page).as("doc page of %s", rule.id()).exists();
            String text = Files.readString(page);
            assertThat(text).as(page.toString()).startsWith("# " + rule.id());
            for (String heading : HEADINGS) {
                assertThat(text).as("%s has '%s'", page, heading).contains(heading);
            }
        }
        String index = Files.readString(root.resolve("docs/rules/README.md"));
        for (RuleInfo rule : BuiltinRules.all()) {
            assertThat(index).as("docs/rules/README.md lists %s", rule.id()).contains("[" + rule.id() + "]");
        }
    }

    /** Each rule's row, as its metadata generates it, is in both checked-in indexes. */
    @Test
    void everyRuleHasItsRowInTheGeneratedIndexes() throws IOException {
        Path root = RepoRoot.find();
        String rulesReadme = Files.readString(root.resolve("docs/rules/README.md"));
        String readme = Files.readString(root.resolve("README.md"));
        for (RuleInfo rule : BuiltinRules.all()) {
            assertThat(rulesReadme).as("docs/rules/README.md has the row of %s (regenerate the index)", rule.id())
                    .contains(RulesIndex.row(rule, "") + "\n");
            assertThat(readme).as("README.md has the row of %s (regenerate the index)", rule.id())
                    .contains(RulesIndex.row(rule, "docs/rules/") + "\n");
        }
    }

    @Test
    void everyRuleHasGoldenCases() throws IOException {
        for (RuleInfo rule : BuiltinRules.all()) {
            Path dir = GoldenFiles.root().resolve(rule.id());
            assertThat(dir).as("golden folder of %s", rule.id()).isDirectory();
            List<String> names = GoldenFiles.sqlFiles(dir).stream().map(p -> p.getFileName().toString()).toList();
            assertThat(names).as("%s has an _err case", rule.id()).anyMatch(n -> n.endsWith("_err.sql"));
            assertThat(names).as("%s has an _ok case", rule.id()).anyMatch(n -> n.endsWith("_ok.sql"));
        }
    }
}
