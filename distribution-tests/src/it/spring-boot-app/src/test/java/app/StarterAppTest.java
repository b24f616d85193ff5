package app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real Spring Boot application with the starter against the real MySQL ({@code DDL_LINT_MYSQL_URL}), each case
 * in a scratch database of its own: blocked, allowed by a comment, audit mode, bad settings, the documented
 * {@code @Bean} without the starter, and the start-up cost (printed, not asserted).
 */
class StarterAppTest {

    private static final String URL = System.getenv("DDL_LINT_MYSQL_URL");
    private static final List<String> SUMMARY = new ArrayList<>();
    private static final List<String> DATABASES = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void server() {
        if (URL == null || URL.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but DDL_LINT_MYSQL_URL is not set");
            }
            assumeTrue(false, "DDL_LINT_MYSQL_URL not set: no MySQL to start the application against");
        }
        SUMMARY.add("Spring Boot " + SpringBootVersion.getVersion() + ", Flyway " + flywayVersion());
    }

    @AfterAll
    static void dropAndWriteSummary() throws Exception {
        if (URL == null || URL.isBlank()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            for (String db : DATABASES) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
        Files.write(Path.of(System.getProperty("summary.file")), SUMMARY, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------- cases

    @Test
    void blockedThenAllowedByACommentThenAudited() throws Exception {
        String db = scratchDatabase();
        write("V1__create_account.sql", "CREATE TABLE account (id INT NOT NULL PRIMARY KEY, amount INT NOT NULL) "
                + "ENGINE=InnoDB;\nINSERT INTO account VALUES (1, 10), (2, 20);\n");
        start(db).close();
        assertEquals(List.of("1"), history(db));

        write("V2__widen_amount.sql", "ALTER TABLE account MODIFY COLUMN amount BIGINT NOT NULL;\n");
        Captured blocked = capture(() -> start(db, "ddl-lint.lock-check=off"));
        assertNotNull(blocked.failure, "the type change did not stop the start");
        String finding = "V2__widen_amount.sql:1:1: error[column-type-change]";
        assertEquals(1, occurrences(blocked.output, finding),
                "the finding appears once in the log:\n" + blocked.output);
        assertTrue(causeMessages(blocked.failure).contains("set ddl-lint.mode=audit"),
                "the message names the Spring property:\n" + causeMessages(blocked.failure));
        assertEquals(List.of("1"), history(db));
        SUMMARY.add("blocked: start failed, finding logged " + occurrences(blocked.output, finding) + " time(s)");

        write("V2__widen_amount.sql", "-- ddl-lint:ignore column-type-change two rows: the copy takes "
                + "milliseconds\nALTER TABLE account MODIFY COLUMN amount BIGINT NOT NULL;\n");
        start(db, "ddl-lint.lock-check=off").close();
        assertEquals(List.of("1", "2"), history(db));
        SUMMARY.add("allowed by comment: started, V2 applied");

        write("V3__widen_id.sql", "ALTER TABLE account MODIFY COLUMN id BIGINT NOT NULL;\n");
        Captured audited = capture(() -> start(db, "ddl-lint.mode=audit", "ddl-lint.lock-check=off"));
        assertEquals(null, audited.failure, "audit mode stopped the start");
        assertEquals(1, occurrences(audited.output, "V3__widen_id.sql:1:1: error[column-type-change]"),
                audited.output);
        assertTrue(audited.output.contains("audit mode: migrate goes on"), audited.output);
        assertEquals(List.of("1", "2", "3"), history(db));
        SUMMARY.add("audit (ddl-lint.mode=audit): started, V3 applied, finding logged once");
    }

    @Test
    void aMisspeltOrFlywayStylePropertyStopsTheStartNamingTheProperty() throws Exception {
        String db = scratchDatabase();
        write("V1__create_account.sql", "CREATE TABLE account (id INT NOT NULL PRIMARY KEY) ENGINE=InnoDB;\n");
        String typo = causeMessages(assertThrows(Exception.class, () -> start(db, "ddl-lint.mdoe=audit")));
        assertTrue(typo.contains("Unknown property ddl-lint.mdoe") && typo.contains("Did you mean ddl-lint.mode?"),
                typo);
        String flywayStyle = causeMessages(assertThrows(Exception.class,
                () -> start(db, "flyway.plugins.ddllint.mode=audit")));
        assertTrue(flywayStyle.contains("Set ddl-lint.mode instead"), flywayStyle);
        String badValue = causeMessages(assertThrows(Exception.class,
                () -> start(db, "ddl-lint.lock-check-wait-seconds=7200")));
        assertTrue(badValue.contains("ddl-lint.lock-check-wait-seconds"), badValue);
        assertEquals(List.of(), history(db), "nothing migrated");
        SUMMARY.add("settings: ddl-lint.mdoe, flyway.plugins.ddllint.mode and a bad value each stop the start, "
                + "naming the property");
    }

    @Test
    void theDocumentedBeanWorksAndTheCompiledClassShowsWhy() throws Exception {
        String db = scratchDatabase();
        write("V1__create_account.sql", "CREATE TABLE account (id INT NOT NULL PRIMARY KEY) ENGINE=InnoDB;\n");
        String noStarter = "spring.autoconfigure.exclude=dev.ddllint.spring.DdlLintFlywayAutoConfiguration,"
                + "dev.ddllint.spring.DdlLintFlyway4AutoConfiguration";
        Captured documented = capture(() -> start(db, new Class<?>[]{App.class, beans.DocumentedBean.class},
                noStarter));
        assertEquals(null, documented.failure, documented.output);
        assertTrue(documented.output.contains("ddl-lint: 1 pending SQL migration checked"), documented.output);

        String db2 = scratchDatabase();
        Captured compiled = capture(() -> start(db2, new Class<?>[]{App.class, beans.CompiledClassBean.class},
                noStarter));
        boolean generic = classExists("org.flywaydb.core.api.callback.GenericCallback");
        if (generic) {
            assertEquals(null, compiled.failure, compiled.output);
        } else {
            assertNotNull(compiled.failure, "DdlLintCallback itself as a bean on Flyway " + flywayVersion());
            assertTrue(causeMessages(compiled.failure).contains("org/flywaydb/core/api/callback/CallbackEvent"),
                    causeMessages(compiled.failure));
        }
        SUMMARY.add("documented @Bean (buildCallback()): started; DdlLintCallback itself as the bean: "
                + (generic ? "started (GenericCallback Flyway)" : "NoClassDefFoundError CallbackEvent (the old crash)"));
    }

    @Test
    void startUpCost() throws Exception {
        write("V1__create_account.sql", "CREATE TABLE account (id INT NOT NULL PRIMARY KEY) ENGINE=InnoDB;\n");
        write("V2__add_note.sql", "ALTER TABLE account ADD COLUMN note VARCHAR(20) NULL;\n");
        String excluded = "spring.autoconfigure.exclude=dev.ddllint.spring.DdlLintFlywayAutoConfiguration,"
                + "dev.ddllint.spring.DdlLintFlyway4AutoConfiguration";
        start(scratchDatabase(), excluded).close(); // warm the JVM once, so neither run pays for it
        long without = 0;
        long with = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            start(scratchDatabase(), excluded).close();
            long t1 = System.nanoTime();
            start(scratchDatabase()).close();
            long t2 = System.nanoTime();
            without += t1 - t0;
            with += t2 - t1;
        }
        String line = String.format("start-up cost (2 pending migrations, mean of 3): without ddl-lint %d ms, "
                + "with %d ms, +%d ms", without / 3_000_000, with / 3_000_000, (with - without) / 3_000_000);
        System.out.println("[spring-boot-app] " + line);
        SUMMARY.add(line);
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    private ConfigurableApplicationContext start(String db, String... properties) {
        return start(db, new Class<?>[]{App.class}, properties);
    }

    private ConfigurableApplicationContext start(String db, Class<?>[] sources, String... properties) {
        List<String> p = new ArrayList<>(List.of(properties));
        p.add("spring.datasource.url=" + withDatabase(db));
        p.add("spring.flyway.locations=filesystem:" + dir);
        p.add("spring.main.banner-mode=off");
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
                .properties(p.toArray(String[]::new)).run();
    }

    private record Captured(String output, Throwable failure) {
    }

    private interface Start {
        ConfigurableApplicationContext run() throws Exception;
    }

    /** Console output (Spring Boot logs there) while the application starts, and its failure if any. */
    private static Captured capture(Start start) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Throwable failure = null;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try (ConfigurableApplicationContext ignored = start.run()) {
            // started
        } catch (Throwable t) {
            failure = t;
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        original.print(out);
        return new Captured(out, failure);
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static String causeMessages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            b.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
        }
        return b.toString();
    }

    private void write(String name, String sql) throws Exception {
        Files.writeString(dir.resolve(name), sql, StandardCharsets.UTF_8);
    }

    private static String scratchDatabase() throws Exception {
        String name = "ddl_lint_sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        DATABASES.add(name);
        return name;
    }

    /** The server URL with {@code db} as its database (the URL names ddl_lint, or none). */
    private static String withDatabase(String db) {
        int q = URL.indexOf('?');
        String base = q < 0 ? URL : URL.substring(0, q);
        String query = q < 0 ? "" : URL.substring(q);
        int slash = base.indexOf('/', "jdbc:mysql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + db + query;
    }

    private static List<String> history(String db) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(withDatabase(db)); Statement s = c.createStatement()) {
            ResultSet tables = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                    + db + "' AND TABLE_NAME = 'flyway_schema_history'");
            tables.next();
            if (tables.getInt(1) == 0) {
                return versions;
            }
            ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 "
                    + "AND version IS NOT NULL ORDER BY installed_rank");
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, StarterAppTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String flywayVersion() {
        String jar = org.flywaydb.core.Flyway.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        return jar.replaceAll(".*flyway-core-([^/]+)\\.jar$", "$1");
    }
}
