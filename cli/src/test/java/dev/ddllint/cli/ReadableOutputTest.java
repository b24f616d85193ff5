package dev.ddllint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** --color, --quiet and --format compact on the command line. */
class ReadableOutputTest {

    @TempDir
    Path dir;

    private Path migration() throws IOException {
        Path p = dir.resolve("V1__changes.sql");
        Files.writeString(p, "CREATE TABLE IF NOT EXISTS t (id INT NOT NULL PRIMARY KEY, a INT);\n"
                + "ALTER TABLE t ADD COLUMN b INT;\n"
                + "SET SESSION lock_wait_timeout = 5;\n"
                + "ALTER TABLE orders MODIFY amount BIGINT(20) NOT NULL;\n");
        return p;
    }

    @Test
    void colourOnlyWhenAskedOrOnATerminal() throws IOException {
        Path p = migration();
        assertThat(CheckCommandTest.run("check", "--color=always", p.toString()).out()).contains("\u001b[1;31m");
        // Tests run without a console: auto means plain.
        assertThat(CheckCommandTest.run("check", p.toString()).out()).doesNotContain("\u001b[");
        assertThat(CheckCommandTest.run("check", "--color=never", p.toString()).out()).doesNotContain("\u001b[");
        CheckCommandTest.Result bad = CheckCommandTest.run("check", "--color=sometimes", p.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--color: 'sometimes' is not never, always or auto");
    }

    @Test
    void theTerminalColorWhen() {
        assertThat(TerminalColor.AUTO.on(true, null)).isTrue();
        assertThat(TerminalColor.AUTO.on(true, "1")).isFalse();
        assertThat(TerminalColor.AUTO.on(false, null)).isFalse();
        assertThat(TerminalColor.ALWAYS.on(false, "1")).isTrue();
        assertThat(TerminalColor.NEVER.on(true, null)).isFalse();
    }

    @Test
    void quietShowsErrorsOnlyAndTheExitCodeStays() throws IOException {
        Path p = migration();
        CheckCommandTest.Result all = CheckCommandTest.run("check", "--fail-on", "warning", p.toString());
        CheckCommandTest.Result quiet = CheckCommandTest.run("check", "--quiet", "--fail-on", "warning",
                p.toString());
        assertThat(all.out()).contains("error[column-type-change]").contains(":2:1: warning[missing-lock-wait-timeout]");
        assertThat(quiet.out()).contains("error[column-type-change]").doesNotContain("warning[");
        assertThat(quiet.exit()).isEqualTo(all.exit()).isEqualTo(1);
    }

    @Test
    void compactIsOneLineAFindingWithTheAuthorsText() throws IOException {
        Path p = migration();
        CheckCommandTest.Result r = CheckCommandTest.run("check", "--format", "compact", p.toString());
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).matches(".*V1__changes\\.sql:2:1: warning\\[missing-lock-wait-timeout\\] .*");
        // The clause as the author wrote it, not as a parser prints it (BIGINT (20)).
        assertThat(lines[1]).matches(".*V1__changes\\.sql:4:1: error\\[column-type-change\\] \"MODIFY amount "
                + "BIGINT\\(20\\) NOT NULL\" .*");
        assertThat(lines).allMatch(l -> l.matches(".+:\\d+:\\d+: (error|warning|info)\\[[a-z0-9-]+\\] .+")
                || l.startsWith("ddl-lint: "));
        assertThat(r.exit()).isEqualTo(1);
    }
}
