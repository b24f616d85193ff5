package dev.ddllint.flyway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The callback lives inside applications: its jar must bring nothing that can clash with theirs. Shown three
 * ways: the jar's content (everything but our own classes is relocated under {@code dev.ddllint.shaded}, and no
 * class refers to an unrelocated package), its published pom (no dependencies left), and an application that
 * carries its own JSqlParser 4.x (whose API differs from the 5.x that ddl-lint uses): with the shaded jar both
 * work side by side; with the same classes unshaded, the analysis breaks.
 */
class ShadingIT {

    private static final List<String> FOREIGN = List.of("net/sf/jsqlparser/", "com/fasterxml/jackson/",
            "org/snakeyaml/engine/");
    private static final List<IsolatedApp> OPENED = new ArrayList<>();

    @AfterAll
    static void close() throws IOException {
        for (IsolatedApp a : OPENED) {
            a.close();
        }
    }

    private static Path shadedJar() {
        return Path.of(System.getProperty("ddllint.it.shadedJar"));
    }

    @Test
    void everythingButOurOwnClassesIsRelocated() throws IOException {
        List<String> outside = new ArrayList<>();
        List<String> referencesForeign = new ArrayList<>();
        int relocatedClasses = 0;
        try (ZipFile zip = new ZipFile(shadedJar().toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (!name.startsWith("dev/ddllint/") && !name.startsWith("META-INF/") && !name.equals("dev/")) {
                    outside.add(name);
                }
                if (name.startsWith("dev/ddllint/shaded/") && name.endsWith(".class")) {
                    relocatedClasses++;
                }
                if (name.endsWith(".class")) {
                    String constants = new String(readAll(zip, entry), StandardCharsets.ISO_8859_1);
                    for (String f : FOREIGN) {
                        if (constants.contains(f)) {
                            referencesForeign.add(name + " -> " + f);
                        }
                    }
                }
            }
            assertThat(outside).as("entries outside dev/ddllint and META-INF").isEmpty();
            assertThat(referencesForeign).as("classes that still refer to an unrelocated package").isEmpty();
            assertThat(relocatedClasses).isGreaterThan(1000);
            assertThat(zip.getEntry("dev/ddllint/shaded/jsqlparser/parser/CCJSqlParserUtil.class")).isNotNull();
            assertThat(zip.getEntry("dev/ddllint/shaded/jackson/databind/ObjectMapper.class")).isNotNull();
            assertThat(zip.getEntry("dev/ddllint/shaded/snakeyaml/v2/api/LoadSettings.class")).isNotNull();
            assertThat(zip.getEntry("dev/ddllint/analysis/Analyzer.class")).isNotNull();
            assertThat(zip.getEntry("dev/ddllint/flyway/DdlLintCallback.class")).isNotNull();
            assertThat(zip.getEntry("org/flywaydb/core/Flyway.class")).as("Flyway stays the application's").isNull();
            assertThat(new String(readAll(zip, zip.getEntry(
                    "META-INF/services/org.flywaydb.core.extensibility.Plugin")), StandardCharsets.UTF_8))
                    .contains("dev.ddllint.flyway.DdlLintConfigurationExtension");
        }
    }

    @Test
    void thePublishedPomDependsOnNothingAtRuntime() throws IOException {
        Path pom = shadedJar().getParent().resolve("dependency-reduced-pom.xml");
        String xml = Files.readString(pom);
        String deps = xml.substring(xml.indexOf("<dependencies>"), xml.indexOf("</dependencies>"));
        Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(deps);
        List<String> runtime = new ArrayList<>();
        while (m.find()) {
            String d = m.group(1);
            String scope = d.contains("<scope>") ? d.replaceAll("(?s).*<scope>(.*?)</scope>.*", "$1") : "compile";
            if (scope.equals("compile") || scope.equals("runtime")) {
                runtime.add(d.replaceAll("(?s).*<artifactId>(.*?)</artifactId>.*", "$1"));
            }
        }
        assertThat(runtime).as("compile/runtime dependencies of ddl-lint-flyway").isEmpty();
        assertThat(deps).contains("<artifactId>flyway-core</artifactId>");
    }

    @Test
    void anApplicationWithItsOwnJSqlParser4AndTheShadedCallbackWorks(@TempDir Path dir) throws Exception {
        IsolatedApp app = open(IsolatedApp.shaded("11", true));
        // The application's own JSqlParser 4.x is the one its code sees ...
        Map<String, String> own = app.applicationJSqlParser("SELECT a FROM b WHERE c = 1");
        assertThat(own.get("location")).endsWith("jsqlparser-4.9.jar");
        assertThat(own.get("statement")).isEqualTo("SELECT a FROM b WHERE c = 1");
        // ... and ddl-lint's 5.x sits relocated in its own jar.
        assertThat(app.locationOf("dev.ddllint.shaded.jsqlparser.parser.CCJSqlParserUtil"))
                .endsWith(shadedJar().getFileName().toString());
        assertThat(app.locationOf("net.sf.jsqlparser.parser.CCJSqlParserUtil")).endsWith("jsqlparser-4.9.jar");

        Map<String, String> r = unsafeV3(app, dir);
        assertThat(r.get("error")).as(r.toString()).startsWith("org.flywaydb.core.api.FlywayException");
        assertThat(r.get("message")).contains("V3__widen_amount.sql:1:1: error[column-type-change]");
    }

    @Test
    void withoutShadingTheSameApplicationBreaks(@TempDir Path dir) throws Exception {
        IsolatedApp app = open(IsolatedApp.unshaded("11", true));
        assertThat(app.locationOf("net.sf.jsqlparser.parser.CCJSqlParserUtil")).endsWith("jsqlparser-4.9.jar");
        assertThat(app.locationOf("dev.ddllint.analysis.Analyzer")).contains("/unshaded/ddl-lint-core-");
        TestServers.Server server = TestServers.all().get(0);
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw")) {
            Files.writeString(dir.resolve("V1__create_account.sql"), "CREATE TABLE account (id INT NOT NULL "
                    + "PRIMARY KEY, amount INT NOT NULL);\nALTER TABLE account ADD COLUMN note VARCHAR(20);\n");
            Map<String, String> r = app.migrate(conf(db, dir), null);
            // ddl-lint's own classes now link against the application's JSqlParser 4.9 and cannot read the ALTER
            // (a CREATE TABLE its own reader models alone never reaches JSqlParser); the callback fails closed, so
            // not even the harmless V1 runs.
            assertThat(r.get("error")).as(r.toString()).startsWith("org.flywaydb.core.api.FlywayException");
            assertThat(r.get("message")).contains("ddl-lint could not check the pending migrations")
                    .containsIgnoringCase("jsqlparser").containsAnyOf("NoSuchFieldError", "NoSuchMethodError",
                            "NoClassDefFoundError", "AbstractMethodError", "IncompatibleClassChangeError");
        }
    }

    private static Map<String, String> conf(ScratchDatabase db, Path dir) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("flyway.url", db.jdbcUrl());
        conf.put("flyway.locations", "filesystem:" + dir);
        conf.put("flyway.callbacks", "dev.ddllint.flyway.DdlLintCallback");
        conf.put("flyway.plugins.ddllint.lockCheck", "off");
        return conf;
    }

    /** V1 and V2 applied in a first migrate, then V3 (a column type change) in a second; returns the second. */
    private static Map<String, String> unsafeV3(IsolatedApp app, Path dir) throws Exception {
        TestServers.Server server = TestServers.all().get(0);
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_fw")) {
            Files.writeString(dir.resolve("V1__create_account.sql"), "CREATE TABLE account (id INT NOT NULL "
                    + "PRIMARY KEY, amount INT NOT NULL);\n");
            Files.writeString(dir.resolve("V2__add_note.sql"), "ALTER TABLE account ADD COLUMN note VARCHAR(20);\n");
            Map<String, String> conf = conf(db, dir);
            Map<String, String> first = app.migrate(conf, null);
            assertThat(first).as(first.toString()).containsEntry("executed", "2");
            Files.writeString(dir.resolve("V3__widen_amount.sql"), "ALTER TABLE account MODIFY COLUMN amount "
                    + "BIGINT NOT NULL;\n");
            return app.migrate(conf, null);
        }
    }

    private static IsolatedApp open(IsolatedApp app) {
        OPENED.add(app);
        return app;
    }

    private static byte[] readAll(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
