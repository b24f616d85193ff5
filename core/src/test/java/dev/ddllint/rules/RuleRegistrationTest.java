package dev.ddllint.rules;

import dev.ddllint.golden.RepoRoot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One id finds a rule's class, its page and its golden folder, for every rule in {@link BuiltinRules#ALL}, and
 * nothing of the three exists without a registered rule.
 */
class RuleRegistrationTest {

    /** Golden folders that hold cases for something other than one rule. */
    private static final Set<String> NOT_RULE_FOLDERS = Set.of("verdicts");

    private static final Path ROOT = RepoRoot.find();
    private static final Set<String> IDS = BuiltinRules.all().stream().map(RuleInfo::id)
            .collect(Collectors.toSet());

    @Test
    void everyRuleHasItsClassPageAndGoldenFolder() {
        assertThat(IDS).as("ids are unique").hasSameSizeAs(BuiltinRules.ALL);
        for (Rule rule : BuiltinRules.ALL) {
            RuleInfo info = rule.info();
            assertThat(rule.getClass().getName()).as("class of %s", info.id()).isEqualTo(info.className());
            assertThat(ROOT.resolve(info.docsPath())).as("page of %s", info.id()).isRegularFile();
            assertThat(ROOT.resolve(info.goldenPath())).as("golden folder of %s", info.id()).isDirectory();
        }
    }

    @Test
    void noPageWithoutARule() throws IOException {
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs/rules"))) {
            List<String> orphans = pages.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
                    .map(n -> n.substring(0, n.length() - 3)).filter(id -> !IDS.contains(id)).toList();
            assertThat(orphans).as("docs/rules pages of no registered rule").isEmpty();
        }
    }

    @Test
    void noGoldenFolderWithoutARule() throws IOException {
        try (Stream<Path> folders = Files.list(ROOT.resolve("core/src/test/resources/golden"))) {
            List<String> orphans = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !NOT_RULE_FOLDERS.contains(n) && !IDS.contains(n)).toList();
            assertThat(orphans).as("golden folders of no registered rule").isEmpty();
        }
    }

    @Test
    void noRuleClassOutsideTheCatalogue() throws Exception {
        Set<String> registered = BuiltinRules.ALL.stream().map(r -> r.getClass().getName()).collect(Collectors.toSet());
        try (Stream<Path> sources = Files.list(ROOT.resolve("core/src/main/java/dev/ddllint/rules"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = source.getFileName().toString();
                Class<?> type = Class.forName(Rule.class.getPackageName() + "." + name.substring(0,
                        name.length() - 5));
                if (Rule.class.isAssignableFrom(type) && !type.isInterface()) {
                    assertThat(registered).as("%s is a rule but not in BuiltinRules.ALL", type.getName())
                            .contains(type.getName());
                }
            }
        }
    }

    @Test
    void pagesStateTheDefaultSeverity() throws IOException {
        for (RuleInfo rule : BuiltinRules.all()) {
            assertThat(Files.readString(ROOT.resolve(rule.docsPath())))
                    .as("%s states its default severity", rule.docsPath())
                    .contains("**Default severity:** " + rule.defaultSeverity().id());
        }
    }

    /** The analyzer skips a superseded rule where its superseder reported, so the superseder must run first. */
    @Test
    void supersededRulesAreStatementRulesListedAfterTheirSuperseder() {
        List<String> order = BuiltinRules.statementRules().stream().map(r -> r.info().id()).toList();
        for (StatementRule rule : BuiltinRules.statementRules()) {
            for (String superseded : rule.info().supersedes()) {
                assertThat(order).as("%s supersedes a statement rule", rule.info().id()).contains(superseded);
                assertThat(order.indexOf(superseded)).as("%s runs after %s", superseded, rule.info().id())
                        .isGreaterThan(order.indexOf(rule.info().id()));
            }
        }
        assertThat(BuiltinRules.fileProblemRules()).allSatisfy(r -> assertThat(r.info().supersedes()).isEmpty());
    }

    @Test
    void everyProblemCodeHasOneRule() {
        List<String> codes = BuiltinRules.fileProblemRules().stream().flatMap(r -> r.problemCodes().stream())
                .toList();
        assertThat(codes).doesNotHaveDuplicates();
        assertThat(BuiltinRules.forProblem("unterminated-string").info().id()).isEqualTo(MalformedScript.ID);
        assertThat(BuiltinRules.forProblem("no-such-code").info().id()).isEqualTo(MalformedScript.ID);
        assertThat(BuiltinRules.forProblem(InvalidDirective.PROBLEM).info().id()).isEqualTo(InvalidDirective.ID);
    }
}
