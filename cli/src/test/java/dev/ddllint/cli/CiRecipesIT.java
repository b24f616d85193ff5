package dev.ddllint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

/**
 * The CI recipes of docs/ci.md: {@code .ci/check-recipes.sh} runs what each one runs with the shaded jar (see the
 * script), and this test validates what they wrote — the GitLab Code Quality report against its JSON schema, the
 * Checkstyle report against its XSD (both in core/src/test/resources) — and the structure of {@code action.yml} and
 * {@code .pre-commit-hooks.yaml} as GitHub and pre-commit read them.
 */
class CiRecipesIT {

    static final Path ROOT = CliJarIT.EXAMPLES.toAbsolutePath().normalize().getParent().getParent().getParent();

    @TempDir
    static Path out;

    private static String scriptOutput;

    @BeforeAll
    static void runTheRecipes() throws Exception {
        Path log = out.resolve("check-recipes.log");
        Process p = new ProcessBuilder("bash", ROOT.resolve(".ci/check-recipes.sh").toString(),
                CliJarIT.JAR.toAbsolutePath().toString(), out.resolve("recipes").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A guard against a hung process, not a timing assertion.
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(".ci/check-recipes.sh did not finish");
        }
        scriptOutput = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(scriptOutput).isZero();
    }

    @Test
    void everyRecipeRan() {
        for (String recipe : List.of("github", "gitlab", "jenkins", "gradle", "pre-commit")) {
            assertThat(scriptOutput).as(recipe).contains("ok   [" + recipe + "]");
        }
        assertThat(scriptOutput).doesNotContain("FAIL").contains("0 failure(s)");
    }

    @Test
    void gitlabCodeQualityReportMatchesItsSchema() throws Exception {
        Schema schema;
        try (InputStream in = Files.newInputStream(ROOT.resolve(
                "core/src/test/resources/gitlab/code-quality-report.schema.json"))) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        String json = Files.readString(out.resolve("recipes/gitlab/reports/ddl-lint-gitlab.json"));
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        assertThat(errors).isEmpty();
        assertThat(json).contains("\"check_name\" : \"column-type-change\"")
                .contains("\"path\" : \"src/main/resources/db/migration/V3__widen_amount.sql\"");
        // The schema rejects what GitLab would not read.
        assertThat(schema.validate(json.replace("\"critical\"", "\"fatal\""), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void checkstyleReportMatchesItsSchema() throws Exception {
        javax.xml.validation.Schema xsd = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(ROOT.resolve("core/src/test/resources/checkstyle/checkstyle.xsd").toFile());
        Path xml = out.resolve("recipes/jenkins/reports/ddl-lint-checkstyle.xml");
        xsd.newValidator().validate(new StreamSource(xml.toFile()));
        assertThat(Files.readString(xml)).contains("source=\"ddl-lint.column-type-change\"")
                .contains("<file name=\"src/main/resources/db/migration/V3__widen_amount.sql\">");
    }

    @Test
    @SuppressWarnings("unchecked")
    void actionYmlIsACompositeActionWhoseReferencesResolve() throws Exception {
        String text = Files.readString(ROOT.resolve("action.yml"));
        Map<String, Object> action = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(text);
        assertThat(action).containsKeys("name", "description", "inputs", "outputs", "runs");
        Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
        inputs.forEach((name, spec) -> assertThat((Map<String, Object>) spec).as("input %s", name)
                .containsKey("description"));
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        assertThat(runs.get("using")).isEqualTo("composite");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
        Set<String> stepIds = new LinkedHashSet<>();
        List<String> uses = new ArrayList<>();
        for (Map<String, Object> step : steps) {
            assertThat(step).as("step %s", step.get("name")).containsKey("name");
            assertThat(step.containsKey("run") ^ step.containsKey("uses")).as("run or uses: %s", step.get("name"))
                    .isTrue();
            if (step.containsKey("run")) {
                // Composite steps must name their shell.
                assertThat(step.get("shell")).as("shell of %s", step.get("name")).isEqualTo("bash");
                Matcher script = Pattern.compile("\\$GITHUB_ACTION_PATH/([\\w./-]+)").matcher((String) step.get("run"));
                while (script.find()) {
                    assertThat(ROOT.resolve(script.group(1))).as("script of %s", step.get("name")).isRegularFile();
                }
            } else {
                uses.add((String) step.get("uses"));
            }
            if (step.get("id") != null) {
                stepIds.add((String) step.get("id"));
            }
        }
        assertThat(uses).contains("github/codeql-action/upload-sarif@v3");
        Matcher input = Pattern.compile("inputs\\.([\\w-]+)").matcher(text);
        while (input.find()) {
            assertThat(inputs).as("input referenced: %s", input.group(1)).containsKey(input.group(1));
        }
        Matcher output = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)").matcher(text);
        String check = Files.readString(ROOT.resolve("action/check.sh"));
        while (output.find()) {
            assertThat(stepIds).as("step referenced: %s", output.group(1)).contains(output.group(1));
            // The check step's outputs are written by action/check.sh ("name=value", or "name:file" in its loop).
            assertThat(check).as("output %s", output.group(2)).containsPattern(Pattern.quote(output.group(2))
                    + "[=:]");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGateStepFailsOnFindingsAndOnToolFailures() throws Exception {
        Map<String, Object> action = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(ROOT.resolve("action.yml")));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs"))
                .get("steps");
        Map<String, Object> gate = steps.get(steps.size() - 1);
        assertThat(gate.get("if")).isEqualTo("always()");
        for (String[] exit : new String[][] {{"0", "0"}, {"1", "1"}, {"2", "2"}, {"", "2"}}) {
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", (String) gate.get("run")).redirectErrorStream(true);
            pb.environment().put("DDL_LINT_EXIT", exit[0]);
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).as("gate with exit-code '%s'", exit[0]).isEqualTo(Integer.parseInt(exit[1]));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void preCommitHooksAreWhatPreCommitReads() throws Exception {
        List<Map<String, Object>> hooks = (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(ROOT.resolve(".pre-commit-hooks.yaml")));
        assertThat(hooks).isNotEmpty();
        Set<String> languages = Set.of("conda", "coursier", "dart", "docker", "docker_image", "dotnet", "fail",
                "golang", "haskell", "lua", "node", "perl", "pygrep", "python", "r", "ruby", "rust", "script",
                "swift", "system", "julia");
        for (Map<String, Object> hook : hooks) {
            assertThat(hook).containsKeys("id", "name", "entry", "language");
            assertThat(languages).contains((String) hook.get("language"));
            if ("script".equals(hook.get("language"))) {
                Path entry = ROOT.resolve(((String) hook.get("entry")).split(" ")[0]);
                assertThat(entry).isRegularFile();
                assertThat(Files.isExecutable(entry)).as("%s is executable", entry).isTrue();
            }
            if (hook.get("files") != null) {
                assertThat(Pattern.compile((String) hook.get("files")).matcher("db/V1__a.sql").find()).isTrue();
            }
        }
    }
}
