package dev.ddllint.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one way through: where ddl-lint.yml is found, how overrides apply, what fails. */
class LintRunTest {

    /** An ALTER on a table the files do not create: missing-lock-wait-timeout warns unless the runner sets it. */
    private static final List<SourceFile> ALTER = List.of(new SourceFile("V2__add.sql",
            "ALTER TABLE orders ADD COLUMN note VARCHAR(20);\n".getBytes(StandardCharsets.UTF_8)));

    private static List<String> rules(LintResult r) {
        return r.report().findings().stream().flatMap(Finding::withAllFolded).map(Finding::rule).toList();
    }

    @Test
    void ddlLintYmlOnTheClasspathIsHonoured(@TempDir Path dir) throws Exception {
        Path resources = Files.createDirectories(dir.resolve("resources"));
        Files.writeString(resources.resolve("ddl-lint.yml"), "lockWaitTimeoutSetByRunner: true\n");
        Path empty = Files.createDirectories(dir.resolve("cwd"));

        LintResult without = LintRun.builder().configFolders(List.of(empty)).load().check(ALTER);
        assertThat(rules(without)).contains("missing-lock-wait-timeout");
        assertThat(without.configSource()).isEqualTo("defaults (no ddl-lint.yml)");

        // The Flyway callback's classpath (a class loader) and the Maven plugin's (resource folders) alike.
        try (URLClassLoader loader = new URLClassLoader(new URL[]{resources.toUri().toURL()}, null)) {
            for (ClasspathResources classpath : List.of(ClasspathResources.of(loader),
                    ClasspathResources.ofFolders(List.of(resources)))) {
                LintResult with = LintRun.builder().configFolders(List.of(empty)).classpath(classpath).load()
                        .check(ALTER);
                assertThat(rules(with)).doesNotContain("missing-lock-wait-timeout");
                assertThat(with.configSource()).isEqualTo("classpath:ddl-lint.yml");
                assertThat(with.configuration().lockWaitTimeoutSetByRunner()).isTrue();
            }
        }
    }

    @Test
    void anExplicitFileThenTheFoldersThenTheClasspath(@TempDir Path dir) throws Exception {
        Path resources = Files.createDirectories(dir.resolve("resources"));
        Files.writeString(resources.resolve("ddl-lint.yml"), "failOn: info\n");
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("ddl-lint.yml"), "failOn: warning\n");
        Path named = Files.writeString(dir.resolve("named.yml"), "failOn: never\n");
        ClasspathResources classpath = ClasspathResources.ofFolders(List.of(resources));

        assertThat(LintRun.builder().configFile(named.toString()).configFolders(List.of(project))
                .classpath(classpath).load().configuration().failOn()).isEqualTo(Severity.OFF);
        assertThat(LintRun.builder().configFolders(List.of(dir, project)).classpath(classpath).load()
                .configuration().failOn()).isEqualTo(Severity.WARNING);
        assertThat(LintRun.builder().configFolders(List.of(dir)).classpath(classpath).load()
                .configuration().failOn()).isEqualTo(Severity.INFO);
        assertThat(LintRun.builder().configFile("classpath:ddl-lint.yml").classpath(classpath).load()
                .configuration().failOn()).isEqualTo(Severity.INFO);

        assertThatThrownBy(() -> LintRun.builder().configFile(dir.resolve("nope.yml").toString()).load())
                .isInstanceOf(LintFailure.class).hasMessageContaining("nope.yml: no such configuration file");
        assertThatThrownBy(() -> LintRun.builder().configFile("classpath:nope.yml").load())
                .isInstanceOf(LintFailure.class).hasMessageContaining("classpath:nope.yml: no such resource");
        Path bad = Files.writeString(dir.resolve("bad.yml"), "failOn: error\nrulez: {}\n");
        assertThatThrownBy(() -> LintRun.builder().configFile(bad.toString()).load())
                .isInstanceOf(LintFailure.class).hasMessageContaining("bad.yml:2");
    }

    @Test
    void overridesWinOverTheFileAndUnsetOnesLeaveIt(@TempDir Path dir) throws Exception {
        Path yml = Files.writeString(dir.resolve("ddl-lint.yml"), "target: mysql:8.0.35\nfailOn: warning\n"
                + "lockWaitTimeoutSetByRunner: true\nplaceholders: {a: file, b: file}\n");
        LintRun plain = LintRun.builder().configFile(yml.toString()).load();
        assertThat(plain.configuration().failOn()).isEqualTo(Severity.WARNING);
        assertThat(plain.configuration().lockWaitTimeoutSetByRunner()).isTrue();

        RunOverrides o = RunOverrides.NONE.withTarget(TargetServer.parse("mariadb:10.11")).withFailOn(Severity.ERROR)
                .withLockWaitTimeoutSetByRunner(false)
                .withPlaceholdersBelowFile(Map.of("a", "below", "c", "below"))
                .withPlaceholders(Map.of("b", "over"));
        LintRun run = LintRun.builder().configFile(yml.toString()).overrides(o).load();
        assertThat(run.configuration().target().displayName().toLowerCase(Locale.ROOT)).contains("mariadb");
        assertThat(run.configuration().failOn()).isEqualTo(Severity.ERROR);
        assertThat(run.configuration().lockWaitTimeoutSetByRunner()).isFalse();
        assertThat(run.configuration().placeholders()).containsExactlyInAnyOrderEntriesOf(
                Map.of("a", "file", "b", "over", "c", "below"));
    }

    @Test
    void theServerIsTheTargetUnlessAnOptionOrFileSaysOtherwise(@TempDir Path dir) throws Exception {
        TargetServer server = TargetServer.parse("mariadb:11.8");
        Path yml = Files.writeString(dir.resolve("ddl-lint.yml"), "target: mysql:8.0.35\n");
        LintRun fileTarget = LintRun.builder().configFile(yml.toString()).load();
        assertThat(fileTarget.forServer(server, false).configuration().target())
                .isSameAs(fileTarget.configuration().target());
        assertThat(fileTarget.forServer(server, true).configuration().target()).isSameAs(server);
        LintRun noFile = LintRun.builder().configFolders(List.of(Files.createDirectories(dir.resolve("e")))).load();
        assertThat(noFile.forServer(server, false).configuration().target()).isSameAs(server);
        LintRun option = LintRun.builder().overrides(RunOverrides.NONE.withTarget(TargetServer.parse("mysql:9.7")))
                .configFolders(List.of()).load();
        assertThat(option.forServer(server, true).configuration().target()).isNotSameAs(server);
    }

    @Test
    void newTablesRunOnlyWhereTheFrontEndKnowsWhatIsPending(@TempDir Path dir) throws Exception {
        Path yml = Files.writeString(dir.resolve("ddl-lint.yml"), "newTables: run\n");
        assertThatThrownBy(() -> LintRun.builder().configFile(yml.toString()).load())
                .isInstanceOf(LintFailure.class).hasMessageContaining("newTables: run is accepted only by the Flyway");
        assertThat(LintRun.builder().configFile(yml.toString()).allowRunScope(true).load().configuration()
                .newTables()).isEqualTo(NewTableScope.RUN);
    }

    @Test
    void theDecision(@TempDir Path dir) throws Exception {
        List<SourceFile> unsafe = List.of(new SourceFile("V1__widen.sql",
                ("CREATE TABLE t (id INT PRIMARY KEY, v INT);\nINSERT INTO t VALUES (1, 1);\n").getBytes(
                        StandardCharsets.UTF_8)), new SourceFile("V2__widen.sql",
                "SET SESSION lock_wait_timeout = 5;\nALTER TABLE t MODIFY COLUMN v BIGINT;\n"
                        .getBytes(StandardCharsets.UTF_8)));
        LintResult r = LintRun.builder().configFolders(List.of(dir)).load().check(unsafe);
        assertThat(r.fails()).isTrue();
        assertThat(r.exitCode()).isEqualTo(LintResult.EXIT_FINDINGS);
        assertThat(r.failing()).extracting(Finding::rule).containsExactly("column-type-change");
        assertThat(r.failing()).allMatch(f -> f.severity() == Severity.ERROR);

        LintResult never = LintRun.builder().configFolders(List.of(dir))
                .overrides(RunOverrides.NONE.withFailOn(Severity.OFF)).load().check(unsafe);
        assertThat(never.fails()).isFalse();
        assertThat(never.failing()).isEmpty();
        assertThat(never.exitCode()).isEqualTo(LintResult.EXIT_OK);
        assertThat(never.report().findings()).isNotEmpty();
    }

    @Test
    void aNamedBaselineMustExistTheDefaultOneIsOptional(@TempDir Path dir) throws Exception {
        LintResult r = LintRun.builder().configFolders(List.of(dir))
                .baseline(dir.resolve(LintRun.DEFAULT_BASELINE_FILE), false, dir).load().check(ALTER);
        assertThat(r.baseline()).isNull();
        assertThatThrownBy(() -> LintRun.builder().configFolders(List.of(dir))
                .baseline(dir.resolve("known.json"), true, dir).load().check(ALTER))
                .isInstanceOf(LintFailure.class).hasMessageContaining("known.json does not exist");
    }

    @Test
    void everySharedOptionHasItsNameInEachFrontEnd() {
        for (FrontEndOption o : FrontEndOption.values()) {
            String kebab = "--" + o.key().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            if (o == FrontEndOption.FORMATS) {
                kebab = "--format";             // one flag, repeatable or comma-separated
            } else if (o == FrontEndOption.PLACEHOLDERS) {
                kebab = "--placeholder";        // -D name=value, repeatable
            } else if (o == FrontEndOption.OUTPUT_DIRECTORY) {
                kebab = "--output-dir";         // next to --output
            }
            assertThat(o.cliFlag()).as(o.name()).isEqualTo(kebab);
            assertThat(o.mavenParameter()).as(o.name()).isEqualTo(o.key());
            assertThat(o.flywayKey() == null ? o.notApplicable() : o.flywayKey()).as(o.name()).isNotNull();
            if (o.flywayKey() != null) {
                assertThat(o.flywayKey()).isEqualTo(o.key());
            }
        }
    }

    @Test
    void theOptionTableIsDocumentedOnce() throws Exception {
        String doc = Files.readString(dev.ddllint.golden.RepoRoot.find().resolve("docs/configuration.md"));
        for (FrontEndOption o : FrontEndOption.values()) {
            String row = doc.lines().filter(l -> l.startsWith("| `" + o.key() + "` |")).findFirst().orElse("");
            assertThat(row).as(o.name()).contains("`" + o.cliFlag(), "`" + o.mavenParameter() + "`");
            if (o.flywayKey() != null) {
                assertThat(row.split("\\|")[4]).as(o.name()).contains("`" + o.flywayKey() + "`");
            }
        }
    }
}
