package dev.ddllint.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher script (target/ddl-lint) as users run it: the same report and exit code as {@code java -jar},
 * with its archive, without one, and from a copy of the jar elsewhere; nothing of the JVM's own (class-data
 * sharing warnings) on stdout, which carries the JSON report.
 */
class LauncherIT {

    static final Path LAUNCHER = Path.of(System.getProperty("ddllint.it.launcher", "target/ddl-lint"));

    @TempDir
    Path dir;

    @BeforeAll
    static void needsBash() {
        assumeTrue(!System.getProperty("os.name").toLowerCase().contains("win") && Files.isExecutable(LAUNCHER),
                "the launcher is a bash script: " + LAUNCHER);
    }

    static CliJarIT.Run launcher(Path launcher, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("DDL_LINT_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("ddl-lint-launcher", ".out");
        Path err = Files.createTempFile("ddl-lint-launcher", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("ddl-lint " + String.join(" ", args) + " did not finish");
            }
            return new CliJarIT.Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theLauncherGivesTheJarsReportAndExitCode() throws Exception {
        String[] args = {"check", CliJarIT.EXAMPLES.toString(), "--format", "json"};
        CliJarIT.Run jar = CliJarIT.jar(args);
        assertThat(jar.exit()).as(jar.err()).isEqualTo(1);
        Map<String, String> cache = Map.of("DDL_LINT_CDS_DIR", dir.resolve("cache").toString(), "CI", "true");

        CliJarIT.Run archived = launcher(LAUNCHER, cache, args);
        assertThat(archived.exit()).as(archived.err()).isEqualTo(1);
        assertThat(archived.out()).isEqualTo(jar.out());
        assertThat(archived.err()).doesNotContain("[warning]").doesNotContain("Exception");

        CliJarIT.Run off = launcher(LAUNCHER, Map.of("DDL_LINT_CDS", "off"), args);
        assertThat(off.exit()).isEqualTo(1);
        assertThat(off.out()).isEqualTo(jar.out());

        // A copy of the jar elsewhere has no archive beside it; under CI=true the launcher makes none.
        Path elsewhere = Files.createDirectories(dir.resolve("opt"));
        Files.copy(CliJarIT.JAR, elsewhere.resolve("ddl-lint.jar"));
        Files.copy(LAUNCHER, elsewhere.resolve("ddl-lint"));
        CliJarIT.Run copied = launcher(elsewhere.resolve("ddl-lint"), cache, args);
        assertThat(copied.exit()).as(copied.err()).isEqualTo(1);
        assertThat(copied.out()).isEqualTo(jar.out());
        assertThat(dir.resolve("cache")).doesNotExist();

        CliJarIT.Run clean = launcher(LAUNCHER, cache, "check", CliJarIT.EXAMPLES.resolve("V1__create_orders.sql")
                .toString(), "--format", "compact");
        assertThat(clean.exit()).as(clean.err() + clean.out()).isZero();
    }
}
