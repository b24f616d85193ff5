package dev.ddllint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check} writes text, json and compact as the files are analysed: the same reports, files and exit code as
 * the whole-report path, each console report whole and in the order of {@code --format}.
 */
class StreamedCheckTest {

    @TempDir
    Path dir;

    private Path migrations() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("db"));
        Files.writeString(folder.resolve("V1__t.sql"), CheckCommandTest.KNOWN_T, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("V2__alter.sql"), "ALTER TABLE t MODIFY a BIGINT;\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("V3__alter.sql"), "ALTER TABLE t ADD COLUMN b INT, ALGORITHM=INSTANT;\n",
                StandardCharsets.UTF_8);
        return folder;
    }

    @Test
    void twoConsoleFormatsComeWholeOneAfterTheOther() throws IOException {
        Path folder = migrations();
        Path out = dir.resolve("out");
        CheckCommandTest.Result r = CheckCommandTest.run("check", folder.toString(), "--format", "text,json,compact",
                "--output-dir", out.toString(), "--color", "never");
        assertThat(r.exit()).isEqualTo(1);
        String text = Files.readString(out.resolve("ddl-lint.txt"));
        String compact = Files.readString(out.resolve("ddl-lint-compact.txt"));
        assertThat(text).contains("error[column-type-change]");
        assertThat(compact).contains("error[column-type-change]");
        assertThat(r.out()).isEqualTo(text + compact);
        assertThat(Files.readString(out.resolve("ddl-lint.json"))).isEqualTo(
                CheckCommandTest.run("check", folder.toString(), "--format", "json").out());
        assertThat(r.err()).contains("ddl-lint: wrote ");
    }

    @Test
    void theStreamedReportEqualsTheWholeReportOfTheSameRun() throws IOException {
        Path folder = migrations();
        // sarif does not stream: with it, every report is rendered from the whole run.
        Path whole = dir.resolve("whole");
        Path streamed = dir.resolve("streamed");
        CheckCommandTest.Result a = CheckCommandTest.run("check", folder.toString(), "--format", "text,json,sarif",
                "--output-dir", whole.toString(), "--color", "never");
        CheckCommandTest.Result b = CheckCommandTest.run("check", folder.toString(), "--format", "text,json",
                "--output-dir", streamed.toString(), "--color", "never");
        assertThat(b.exit()).isEqualTo(a.exit()).isEqualTo(1);
        assertThat(Files.readString(streamed.resolve("ddl-lint.json")))
                .isEqualTo(Files.readString(whole.resolve("ddl-lint.json")));
        assertThat(Files.readString(streamed.resolve("ddl-lint.txt")))
                .isEqualTo(Files.readString(whole.resolve("ddl-lint.txt")));
        assertThat(b.out()).isEqualTo(a.out());
    }
}
