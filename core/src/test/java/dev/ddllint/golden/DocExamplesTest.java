package dev.ddllint.golden;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.BuiltinRules;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.RuleInfo;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The ```sql bad / ```sql good examples of each rule page are linted, so the docs cannot drift from the code. */
class DocExamplesTest {

    private static final Pattern BLOCK = Pattern.compile("```sql (bad|good)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TARGET = Pattern.compile("--\\s*@target\\s+(\\S+)");

    @TestFactory
    List<DynamicTest> examples() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleInfo rule : BuiltinRules.all()) {
            String page = Files.readString(RepoRoot.find().resolve(rule.docsPath()));
            Matcher m = BLOCK.matcher(page);
            int n = 0;
            while (m.find()) {
                boolean bad = m.group(1).equals("bad");
                String sql = m.group(2);
                tests.add(DynamicTest.dynamicTest(rule.id() + " example " + (++n) + (bad ? " (bad)" : " (good)"),
                        () -> {
                            Matcher t = TARGET.matcher(sql);
                            TargetServer target = t.find() ? TargetServer.parse(t.group(1)) : TargetServer.DEFAULT;
                            AnalysisReport report = new Analyzer(GoldenFiles.configFor(rule, target)).analyze(
                                    List.of(new SourceFile("example.sql", sql.getBytes(StandardCharsets.UTF_8))));
                            long hits = report.findings().stream().flatMap(Finding::withAllFolded)
                                    .filter(f -> f.rule().equals(rule.id()))
                                    .filter(f -> f.severity() != Severity.INFO).count();
                            if (bad) {
                                assertThat(hits).as("bad example of %s is reported: %s", rule.id(), sql).isPositive();
                            } else {
                                assertThat(hits).as("good example of %s is clean: %s", rule.id(), sql).isZero();
                            }
                        }));
            }
        }
        return tests;
    }
}
