package dev.ddllint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Running out of memory is the tool's own failure: exit 2 with a message, never 1 ("unsafe migration found"). */
class OutOfMemoryExitTest {

    @Test
    void aJvmOutOfMemoryExitsTwoWithAMessage(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("V1__many.sql");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(20));\n");
            for (int i = 0; i < 200_000; i++) {
                w.write("ALTER TABLE t ADD COLUMN c" + i + " INT, ALGORITHM=INSTANT;\n");
            }
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx24m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", big.toString(),
                "--format", "json").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(stderr).contains("ddl-lint: the JVM ran out of memory").doesNotContain("\tat ");
        assertThat(p.exitValue()).isEqualTo(Main.EXIT_TOOL_FAILURE);
    }
}
