package dev.ddllint.flyway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.flyway.FlywayHistory;
import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Flyway compatibility matrix: every version in {@code ddllint.it.matrix} (docs/flyway.md "Versions") runs
 * one small migration set against each real server, in one class loader per version with the shipped jar. Per
 * version and server: the callback registered by class name reads {@code flyway.plugins.ddllint.*}; a column type
 * change stops {@code migrate} before it runs; an allow comment lets it through with the callback registered as a
 * framework bean ({@code buildCallback()}, after reflecting on its class as Spring does); audit mode lets the next
 * one through with the finding logged. Per version: which adapter the callback takes.
 */
class FlywayMatrixIT {

    private static final Map<String, IsolatedApp> APPS = new ConcurrentHashMap<>();
    /** version → server → "passed" (filled as the cases pass, printed at the end) */
    private static final Map<String, Map<String, String>> PASSED = new ConcurrentHashMap<>();
    private static final Map<String, String> ADAPTERS = new ConcurrentHashMap<>();

    static List<String> versions() {
        String v = System.getProperty("ddllint.it.matrix", "");
        return v.isBlank() ? List.of() : List.of(v.split(",")).stream().map(String::trim).toList();
    }

    static List<Arguments> matrix() {
        List<Arguments> m = new ArrayList<>();
        for (String v : versions()) {
            for (TestServers.Server s : TestServers.all()) {
                m.add(Arguments.of(v, s));
            }
        }
        return m;
    }

    private static IsolatedApp app(String version) {
        return APPS.computeIfAbsent(version, v -> {
            try {
                IsolatedApp a = IsolatedApp.matrix(v);
                assertThat(a.flywayVersion()).as("Flyway actually loaded").isEqualTo(v);
                return a;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterAll
    static void printMatrixAndClose() throws Exception {
        StringBuilder b = new StringBuilder("\n[flyway-matrix] version    adapter          servers passed\n");
        int cells = 0;
        for (String v : versions()) {
            Map<String, String> servers = new TreeMap<>(PASSED.getOrDefault(v, Map.of()));
            cells += servers.size();
            b.append(String.format("[flyway-matrix] %-10s %-16s %d: %s%n", v, ADAPTERS.getOrDefault(v, "?"),
                    servers.size(), String.join(", ", servers.keySet())));
        }
        b.append("[flyway-matrix] ").append(versions().size()).append(" Flyway versions, ").append(cells)
                .append(" version x server cells passed\n");
        System.out.print(b);
        for (IsolatedApp a : APPS.values()) {
            a.close();
        }
        APPS.clear();
    }

    /** Versions whose {@code Callback} still declares its methods with {@code Event}: before 11.13 (javap). */
    private static boolean beforeGenericCallback(String version) {
        String[] p = version.split("\\.");
        int major = Integer.parseInt(p[0]);
        int minor = Integer.parseInt(p[1]);
        return major < 11 || (major == 11 && minor < 13);
    }

    @ParameterizedTest(name = "Flyway {0}")
    @MethodSource("versions")
    void theCallbackTakesTheAdapterOfItsRange(String version) {
        Map<String, String> r = app(version).reflection();
        assertThat(r.get("adapterMethods")).as("reflecting on buildCallback()'s class").startsWith("ok");
        if (beforeGenericCallback(version)) {
            assertThat(r.get("adapter")).isEqualTo("proxy");
            // The crash that Spring Boot 3.4 / 3.5 met with the class itself: the reason for the adapter.
            assertThat(r.get("compiledClass")).startsWith("java.lang.NoClassDefFoundError")
                    .contains("org/flywaydb/core/api/callback/CallbackEvent");
            ADAPTERS.put(version, "Event proxy");
        } else {
            assertThat(r.get("adapter")).isEqualTo("DdlLintCallback");
            assertThat(r.get("compiledClass")).startsWith("ok");
            ADAPTERS.put(version, "GenericCallback");
        }
    }

    @ParameterizedTest(name = "Flyway {0} on {1}")
    @MethodSource("matrix")
    void blockedAllowedAndAudited(String version, TestServers.Server server, @TempDir Path dir) throws Exception {
        IsolatedApp app = app(version);
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_mx")) {
            write(dir, "V1__create_account.sql", "CREATE TABLE account (id INT NOT NULL PRIMARY KEY, "
                    + "amount INT NOT NULL) ENGINE=InnoDB;\nINSERT INTO account VALUES (1, 10), (2, 20);\n");
            Map<String, String> first = app.migrate(conf(db, dir, "flyway.callbacks",
                    "dev.ddllint.flyway.DdlLintCallback", "flyway.plugins.ddllint.lockWaitTimeout", "7"), null);
            assertThat(first).as(describe(first)).containsEntry("executed", "1");
            assertThat(first.get("log")).as("flyway.plugins.ddllint.* reached the callback")
                    .contains("lockWaitTimeout=7 s");

            write(dir, "V2__widen_amount.sql", "ALTER TABLE account MODIFY COLUMN amount BIGINT NOT NULL;\n");
            boolean online = copiesOnline(server);
            Map<String, String> blocked = app.migrate(conf(db, dir, "flyway.callbacks",
                    "dev.ddllint.flyway.DdlLintCallback"), null);
            if (online) {
                // MariaDB 11.2+ copies the table while writes go on: a warning, and migrate runs.
                assertThat(blocked).as(describe(blocked)).containsEntry("executed", "1");
                assertThat(blocked.get("log")).contains("V2__widen_amount.sql:1:1: warning[column-type-change]");
            } else {
                assertThat(blocked).as(describe(blocked)).containsKey("error");
                assertThat(blocked.get("error")).startsWith("org.flywaydb.core.api.FlywayException");
                assertThat(blocked.get("message")).contains("V2__widen_amount.sql:1:1: error[column-type-change]")
                        .contains("set flyway.plugins.ddllint.mode=audit");
                assertThat(FlywayHistory.versions(db)).containsExactly("1");

                write(dir, "V2__widen_amount.sql", "-- ddl-lint:ignore column-type-change two rows: the copy "
                        + "takes milliseconds\nALTER TABLE account MODIFY COLUMN amount BIGINT NOT NULL;\n");
                Map<String, String> allowed = app.migrateAsBean(conf(db, dir), Map.of("lockCheck", "off"));
                assertThat(allowed).as(describe(allowed)).doesNotContainKey("error").containsEntry("executed", "1");
            }
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2");

            write(dir, "V3__widen_id.sql", "ALTER TABLE account MODIFY COLUMN id BIGINT NOT NULL;\n");
            Map<String, String> audited = app.migrate(conf(db, dir, "flyway.callbacks",
                    "dev.ddllint.flyway.DdlLintCallback", "flyway.plugins.ddllint.mode", "audit"), null);
            assertThat(audited).as(describe(audited)).containsEntry("executed", "1");
            assertThat(audited.get("log")).contains("mode=audit")
                    .contains("V3__widen_id.sql:1:1: " + (online ? "warning" : "error") + "[column-type-change]");
            assertThat(FlywayHistory.versions(db)).containsExactly("1", "2", "3");
        }
        PASSED.computeIfAbsent(version, v -> new ConcurrentHashMap<>()).put(server.toString(), "passed");
    }

    private static Map<String, String> conf(ScratchDatabase db, Path dir, String... keyValues) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("flyway.url", db.jdbcUrl());
        p.put("flyway.locations", "filesystem:" + dir);
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    /** MariaDB 11.2+ copies a table while writes go on (a type change is then a warning, not an error). */
    private static boolean copiesOnline(TestServers.Server server) {
        return server.target().flavor() == dev.ddllint.kb.ServerFlavor.MARIADB
                && server.target().version().atLeast(11, 2, 0);
    }

    private static void write(Path dir, String name, String sql) throws Exception {
        Files.writeString(dir.resolve(name), sql, StandardCharsets.UTF_8);
    }

    private static String describe(Map<String, String> r) {
        return r.containsKey("error") ? r.get("error") + ": " + r.get("message") + "\nlog:\n" + r.get("log")
                : "executed " + r.get("executed") + "\nlog:\n" + r.get("log");
    }
}
