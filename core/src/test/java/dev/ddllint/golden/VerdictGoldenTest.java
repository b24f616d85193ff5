package dev.ddllint.golden;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.kb.Verdict;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden verdicts: in {@code golden/verdicts/*.sql}, a statement is preceded by one or more lines
 * {@code -- @verdict <target> <ALGORITHM>[+REBUILD] <LOCK>}; the statement's verdict for that target must match.
 * Earlier statements of the file (CREATE TABLE …) give the analyzer the table as it stands.
 */
class VerdictGoldenTest {

    private static final Pattern DIRECTIVE = Pattern.compile(
            "--\\s*@verdict\\s+(\\S+)\\s+(INSTANT|INPLACE|COPY)(\\+REBUILD)?\\s+(NONE|SHARED|EXCLUSIVE)\\s*");

    record Expectation(int statementLine, TargetServer target, String expected, int directiveLine) {
    }

    @TestFactory
    List<DynamicTest> verdicts() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : GoldenFiles.sqlFiles(GoldenFiles.root().resolve("verdicts"))) {
            List<Expectation> expectations = expectations(file);
            assertThat(expectations).as(file + " has @verdict lines").isNotEmpty();
            Map<TargetServer, AnalysisReport> reports = new LinkedHashMap<>();
            for (Expectation e : expectations) {
                String name = file.getFileName() + ":" + e.statementLine() + " " + e.target();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    AnalysisReport report = reports.computeIfAbsent(e.target(), t -> GoldenFiles.analyze(file, t));
                    StatementReport s = report.files().get(0).statements().stream()
                            .filter(r -> r.source().line() == e.statementLine()).findFirst().orElseThrow(
                                    () -> new AssertionError("no statement at line " + e.statementLine()));
                    assertThat(s.verdict()).as("verdict of the statement at line %d", e.statementLine()).isNotNull();
                    assertThat(render(s.verdict().effective()))
                            .as("%s:%d (%s): %s", file.getFileName(), e.directiveLine(), e.target(),
                                    s.source().sql().lines().findFirst().orElse(""))
                            .isEqualTo(e.expected());
                }));
            }
        }
        return tests;
    }

    static String render(Verdict v) {
        return v.algorithm() + (v.rebuildsTable() && v.algorithm() != dev.ddllint.kb.Algorithm.COPY ? "+REBUILD" : "")
                + " " + v.lock();
    }

    /** Each directive applies to the next line that starts a statement (not a comment, not blank). */
    static List<Expectation> expectations(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Expectation> result = new ArrayList<>();
        List<String[]> pending = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            Matcher m = DIRECTIVE.matcher(line);
            if (m.matches()) {
                pending.add(new String[] {m.group(1), m.group(2) + (m.group(3) == null ? "" : "+REBUILD") + " "
                        + m.group(4), String.valueOf(i + 1)});
            } else if (!line.isEmpty() && !line.startsWith("--") && !pending.isEmpty()) {
                for (String[] p : pending) {
                    result.add(new Expectation(i + 1, TargetServer.parse(p[0]), p[1], Integer.parseInt(p[2])));
                }
                pending.clear();
            }
        }
        return result;
    }
}
