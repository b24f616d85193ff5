package dev.ddllint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.Severity;
import dev.ddllint.run.FrontEndOption;
import dev.ddllint.run.RunOverrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The CLI's spelling of the options every front end shares (docs/configuration.md, "Front-end options"). */
class FrontEndOptionsCliTest {

    @Test
    void everySharedOptionIsAFlag() {
        CommandLine.Model.CommandSpec spec = new CommandLine(new CheckCommand()).getCommandSpec();
        for (FrontEndOption o : FrontEndOption.values()) {
            assertThat(spec.findOption(o.cliFlag())).as(o.cliFlag()).isNotNull();
        }
    }

    @Test
    void theFlagsBecomeTheSameOverridesAsInEveryFrontEnd() {
        CheckCommand cmd = new CheckCommand();
        new CommandLine(cmd).parseArgs("--target", "mysql:8.0.35", "--fail-on", "warning",
                "--lock-wait-timeout-set-by-runner", "-D", "schema=app", "x.sql");
        RunOverrides o = cmd.overrides();
        assertThat(o.target()).isEqualTo(TargetServer.parse("mysql:8.0.35"));
        assertThat(o.failOn()).isEqualTo(Severity.WARNING);
        assertThat(o.lockWaitTimeoutSetByRunner()).isTrue();
        assertThat(o.placeholders()).isEqualTo(Map.of("schema", "app"));

        CheckCommand off = new CheckCommand();
        new CommandLine(off).parseArgs("--lock-wait-timeout-set-by-runner=false", "--fail-on", "never", "x.sql");
        assertThat(off.overrides().lockWaitTimeoutSetByRunner()).isFalse();
        assertThat(off.overrides().failOn()).isEqualTo(Severity.OFF);

        CheckCommand none = new CheckCommand();
        new CommandLine(none).parseArgs("x.sql");
        assertThat(none.overrides()).isEqualTo(RunOverrides.NONE);
    }

    @Test
    void lockWaitTimeoutSetByRunnerSilencesTheRuleAsTheFileDoes(@TempDir Path dir) throws Exception {
        Path sql = Files.writeString(dir.resolve("V2__add.sql"), "ALTER TABLE orders ADD COLUMN note INT;\n");
        assertThat(CheckCommandTest.run("check", sql.toString(), "--format", "json").out())
                .contains("missing-lock-wait-timeout");
        assertThat(CheckCommandTest.run("check", sql.toString(), "--format", "json",
                "--lock-wait-timeout-set-by-runner").out()).doesNotContain("missing-lock-wait-timeout");
        Path yml = Files.writeString(dir.resolve("ddl-lint.yml"), "lockWaitTimeoutSetByRunner: true\n");
        assertThat(CheckCommandTest.run("check", sql.toString(), "--format", "json", "--config-file",
                yml.toString()).out()).doesNotContain("missing-lock-wait-timeout");
        assertThat(CheckCommandTest.run("check", sql.toString(), "--format", "json", "--config-file",
                yml.toString(), "--lock-wait-timeout-set-by-runner=false").out())
                .contains("missing-lock-wait-timeout");
    }

    @Test
    void theInputLimitsAreFlagsOverTheFile(@TempDir Path dir) throws Exception {
        CheckCommand cmd = new CheckCommand();
        new CommandLine(cmd).parseArgs("--max-findings-per-rule", "3", "--max-file-size", "1MiB",
                "--max-statement-size", "64k", "x.sql");
        RunOverrides o = cmd.overrides();
        assertThat(o.maxFindingsPerRule()).isEqualTo(3);
        assertThat(o.maxFileSize()).isEqualTo(1L << 20);
        assertThat(o.maxStatementSize()).isEqualTo(64L << 10);

        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            text.append("ALTER TABLE t").append(i).append(" ADD COLUMN ${c").append(i).append("} INT;\n");
        }
        Path sql = Files.writeString(dir.resolve("V1__p.sql"), text.toString());
        CheckCommandTest.Result capped = CheckCommandTest.run("check", sql.toString(), "--format", "compact",
                "--max-findings-per-rule", "3");
        assertThat(capped.out().lines().filter(l -> l.contains("[unresolved-placeholder]"))).hasSize(4);
        assertThat(capped.out()).contains("7 more unresolved-placeholder findings in this file are not listed");
        assertThat(capped.exit()).isEqualTo(Main.EXIT_FINDINGS);
        Path yml = Files.writeString(dir.resolve("ddl-lint.yml"), "maxFindingsPerRule: 2\n");
        assertThat(CheckCommandTest.run("check", sql.toString(), "--format", "compact", "--config-file",
                yml.toString()).out()).contains("8 more unresolved-placeholder findings");
        CheckCommandTest.Result bad = CheckCommandTest.run("check", sql.toString(), "--max-findings-per-rule",
                "none");
        assertThat(bad.exit()).isEqualTo(Main.EXIT_TOOL_FAILURE);
        assertThat(bad.err()).contains("--max-findings-per-rule: 'none' is not a whole number");
    }

    @Test
    void aNamedBaselineThatDoesNotExistIsAToolFailure(@TempDir Path dir) throws Exception {
        Path sql = Files.writeString(dir.resolve("V2__add.sql"), "ALTER TABLE orders ADD COLUMN note INT;\n");
        CheckCommandTest.Result r = CheckCommandTest.run("check", sql.toString(), "--baseline-file",
                dir.resolve("known.json").toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_TOOL_FAILURE);
        assertThat(r.err()).contains("known.json does not exist");
    }
}
