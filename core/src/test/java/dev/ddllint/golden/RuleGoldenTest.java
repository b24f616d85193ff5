package dev.ddllint.golden;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.BuiltinRules;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.RuleInfo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden cases per rule: {@code golden/<rule-id>/<case>_err.sql} and {@code <case>_ok.sql}. A line
 * {@code -- @expect <rule-id>} marks that the next statement gets that rule's finding; {@code -- @target x:y}
 * (once per file) sets the target server. The rule's findings must be exactly the expected statements' lines.
 */
class RuleGoldenTest {

    private static final Pattern EXPECT = Pattern.compile("--\\s*@expect\\s+([a-z0-9-]+)(?:\\s+line\\s+(\\d+))?\\s*");
    private static final Pattern TARGET = Pattern.compile("--\\s*@target\\s+(\\S+)\\s*");

    @TestFactory
    List<DynamicTest> goldenCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleInfo rule : BuiltinRules.all()) {
            Path dir = GoldenFiles.root().resolve(rule.id());
            if (!Files.isDirectory(dir)) {
                continue; // RuleCatalogTest reports missing folders
            }
            for (Path file : GoldenFiles.sqlFiles(dir)) {
                tests.add(DynamicTest.dynamicTest(rule.id() + "/" + file.getFileName(), () -> check(rule, file)));
            }
        }
        return tests;
    }

    private static void check(RuleInfo rule, Path file) throws IOException {
        List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        TargetServer target = TargetServer.DEFAULT;
        List<Integer> expected = new ArrayList<>();
        int pending = 0; // one -- @expect per finding: OPTIMIZE TABLE a, b reports each table
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            Matcher t = TARGET.matcher(line);
            Matcher e = EXPECT.matcher(line);
            if (t.matches()) {
                assertThat(target).as("%s: one -- @target per case file", file).isEqualTo(TargetServer.DEFAULT);
                target = TargetServer.parse(t.group(1));
            } else if (e.matches()) {
                assertThat(e.group(1)).as("%s:%d expects another rule", file, i + 1).isEqualTo(rule.id());
                if (e.group(2) != null) {
                    expected.add(Integer.parseInt(e.group(2)));
                } else {
                    pending++;
                }
            } else if (pending > 0 && !line.isEmpty() && !line.startsWith("--")) {
                for (; pending > 0; pending--) {
                    expected.add(i + 1);
                }
            }
        }
        AnalysisReport report = GoldenFiles.analyze(file, target, rule);
        // A finding folded into another one of its statement is still the rule's finding.
        List<Integer> actual = report.findings().stream().flatMap(Finding::withAllFolded)
                .filter(f -> f.rule().equals(rule.id()))
                .filter(f -> f.severity() != dev.ddllint.rules.Severity.INFO).map(Finding::line).toList();
        String name = file.getFileName().toString();
        if (name.endsWith("_ok.sql")) {
            assertThat(expected).as("%s: an _ok case expects no finding", file).isEmpty();
        } else {
            assertThat(name).as("case file names end in _ok.sql or _err.sql").endsWith("_err.sql");
            assertThat(expected).as("%s: an _err case marks its findings with -- @expect", file).isNotEmpty();
        }
        assertThat(actual).as("lines of %s findings in %s (findings: %s)", rule.id(), file.getFileName(),
                report.findings()).containsExactlyElementsOf(expected);
    }
}
