package dev.ddllint.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Helpers shared by the script reader tests. */
final class ScriptTestSupport {

    private ScriptTestSupport() {
    }

    static ScriptReadResult read(String text) {
        return ScriptReader.read(text.getBytes(StandardCharsets.UTF_8), ScriptOptions.defaults());
    }

    static ScriptReadResult read(String text, ScriptOptions options) {
        return ScriptReader.read(text.getBytes(StandardCharsets.UTF_8), options);
    }

    static ScriptReadResult readTokens(String text, Map<String, String> tokens) {
        return read(text, new ScriptOptions(Map.of(), tokens, true));
    }

    static List<String> sqls(ScriptReadResult result) {
        return result.statements().stream().map(ScriptStatement::sql).toList();
    }

    /** Asserts start and end position of a statement. */
    static void assertSpan(ScriptStatement statement, int line, int column, int endLine, int endColumn) {
        assertThat(new int[] {statement.line(), statement.column(), statement.endLine(), statement.endColumn()})
                .as("span of %s", statement.rawText())
                .containsExactly(line, column, endLine, endColumn);
    }

    static void assertNoProblems(ScriptReadResult result) {
        assertThat(result.problems()).isEmpty();
    }
}
