package dev.ddllint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.Severity;
import dev.ddllint.run.FrontEndOption;
import dev.ddllint.run.RunOverrides;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The Maven plugin's spelling of the options every front end shares (docs/configuration.md). */
class FrontEndOptionsMavenTest {

    private static CheckMojo mojo(Path basedir) {
        Model model = new Model();
        model.setBuild(new Build());
        Resource resources = new Resource();
        resources.setDirectory(basedir.resolve("src/main/resources").toString());
        model.getBuild().addResource(resources);
        MavenProject project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        CheckMojo mojo = new CheckMojo();
        mojo.project = project;
        return mojo;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    /** The check goal's part of the descriptor that maven-plugin-plugin generated from the annotations. */
    private static String checkGoalDescriptor() throws Exception {
        String xml;
        try (var in = CheckMojo.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("plugin.xml (generated in process-classes)").isNotNull();
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int start = xml.indexOf("<goal>check</goal>");
        return xml.substring(start, xml.indexOf("</mojo>", start));
    }

    @Test
    void everySharedOptionIsAParameterWithItsUserProperty() throws Exception {
        String check = checkGoalDescriptor();
        for (FrontEndOption o : FrontEndOption.values()) {
            assertThat(field(CheckMojo.class, o.mavenParameter())).as(o.mavenParameter()).isNotNull();
            assertThat(check).as(o.mavenParameter()).contains("<name>" + o.mavenParameter() + "</name>");
            if (o != FrontEndOption.PLACEHOLDERS) { // a map: set in <configuration> only
                assertThat(check).as(o.mavenParameter()).containsPattern("<" + o.mavenParameter()
                        + " [^>]*>\\$\\{" + o.mavenProperty().replace(".", "\\.") + "\\}");
            }
        }
    }

    @Test
    void theInputLimitsAreParameters(@TempDir Path dir) throws Exception {
        CheckMojo mojo = mojo(dir);
        mojo.maxFindingsPerRule = "3";
        mojo.maxFileSize = "1MiB";
        mojo.maxStatementSize = "64k";
        RunOverrides o = mojo.overrides();
        assertThat(o.maxFindingsPerRule()).isEqualTo(3);
        assertThat(o.maxFileSize()).isEqualTo(1L << 20);
        assertThat(o.maxStatementSize()).isEqualTo(64L << 10);
        assertThat(mojo.lintRun().load().configuration().limits().maxFindingsPerRule()).isEqualTo(3);
        CheckMojo bad = mojo(dir);
        bad.maxFileSize = "big";
        org.assertj.core.api.Assertions.assertThatThrownBy(bad::overrides)
                .hasMessageContaining("'big' is not a size");
    }

    @Test
    void theParametersBecomeTheSameOverridesAsInEveryFrontEnd(@TempDir Path dir) throws Exception {
        CheckMojo mojo = mojo(dir);
        mojo.target = "mysql:8.0.35";
        mojo.failOn = "warning";
        mojo.lockWaitTimeoutSetByRunner = true;
        mojo.placeholders = Map.of("schema", "app");
        RunOverrides o = mojo.overrides();
        assertThat(o.target()).isEqualTo(TargetServer.parse("mysql:8.0.35"));
        assertThat(o.failOn()).isEqualTo(Severity.WARNING);
        assertThat(o.lockWaitTimeoutSetByRunner()).isTrue();
        assertThat(o.placeholders()).isEqualTo(Map.of("schema", "app"));

        CheckMojo off = mojo(dir);
        off.lockWaitTimeoutSetByRunner = false;
        off.failOn = "never";
        assertThat(off.overrides().lockWaitTimeoutSetByRunner()).isFalse();
        assertThat(off.overrides().failOn()).isEqualTo(Severity.OFF);
        assertThat(mojo(dir).overrides()).isEqualTo(RunOverrides.NONE);
    }

    @Test
    void ddlLintYmlInTheResourceFoldersIsReadLikeTheFlywayCallbackReadsItFromTheClasspath(@TempDir Path dir)
            throws Exception {
        assertThat(mojo(dir).lintRun().load().configuration().lockWaitTimeoutSetByRunner()).isFalse();
        Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
        Files.writeString(resources.resolve("ddl-lint.yml"), "lockWaitTimeoutSetByRunner: true\n");
        assertThat(mojo(dir).lintRun().load().configuration().lockWaitTimeoutSetByRunner()).isTrue();
        assertThat(mojo(dir).lintRun().load().configSource()).isEqualTo("classpath:ddl-lint.yml");

        // The project's own ddl-lint.yml wins over the classpath one; the parameter wins over both.
        Files.writeString(dir.resolve("ddl-lint.yml"), "failOn: warning\n");
        assertThat(mojo(dir).lintRun().load().configuration().lockWaitTimeoutSetByRunner()).isFalse();
        CheckMojo explicit = mojo(dir);
        explicit.lockWaitTimeoutSetByRunner = true;
        assertThat(explicit.lintRun().load().configuration().lockWaitTimeoutSetByRunner()).isTrue();
        CheckMojo named = mojo(dir);
        named.configFile = "classpath:ddl-lint.yml";
        assertThat(named.lintRun().load().configuration().lockWaitTimeoutSetByRunner()).isTrue();
    }
}
