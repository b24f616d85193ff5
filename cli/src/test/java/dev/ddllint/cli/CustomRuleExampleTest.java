package dev.ddllint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/custom-rules.md, end to end: examples/custom-rule's rule compiled and packed as its
 * own build would (its class and its META-INF/services file in a jar), given to the CLI with --rules-path, flags the
 * example's migration.
 */
class CustomRuleExampleTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "custom-rule");

    @TempDir
    Path dir;

    /** The example's jar, built from its sources against ddl-lint's classes (the test classpath). */
    private Path exampleJar() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String[] sources;
        try (Stream<Path> s = Files.walk(EXAMPLE.resolve("src/main/java"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toArray(String[]::new);
        }
        String[] args = Stream.concat(Stream.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "--release", "17"), Stream.of(sources)).toArray(String[]::new);
        assertThat(javac.run(null, null, null, args)).as("the example compiles").isZero();
        Path jar = dir.resolve("acme-ddl-lint-rules.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path root : new Path[]{classes, EXAMPLE.resolve("src/main/resources")}) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                        try (OutputStream ignored = null) {
                            Files.copy(f, out);
                        }
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    @Test
    void theExampleRuleFlagsTheExampleMigration() throws IOException {
        Path jar = exampleJar();
        String migrations = EXAMPLE.resolve("db/migration").toString();

        CheckCommandTest.Result r = CheckCommandTest.run("check", "--rules-path", jar.toString(), migrations);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("V2__add_nickname.sql:4:1: error[acme-column-comment-required] column "
                        + "`nickname` is added to `users` without a COMMENT: \"ADD COLUMN nickname VARCHAR(64) NULL\"")
                .contains("     5 |   ADD COLUMN nickname VARCHAR(64) NULL,\n"
                        + "       |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n")
                .contains("= docs: https://wiki.acme.example/ddl/acme-column-comment-required")
                .doesNotContain("`locale` is added");

        CheckCommandTest.Result json = CheckCommandTest.run("check", "--rules-path", jar.toString(), "--format",
                "json", migrations);
        assertThat(json.out()).contains("\"docsUrl\" : \"https://wiki.acme.example/ddl/acme-column-comment-required\"");

        // Without the jar the migration is clean: the finding is the custom rule's.
        assertThat(CheckCommandTest.run("check", migrations).exit()).isZero();
    }

    @Test
    void aMissingRulesPathIsAToolFailure() {
        CheckCommandTest.Result r = CheckCommandTest.run("check", "--rules-path", dir.resolve("nope.jar").toString(),
                EXAMPLE.resolve("db/migration").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--rules-path: ").contains("nope.jar does not exist");
    }
}
