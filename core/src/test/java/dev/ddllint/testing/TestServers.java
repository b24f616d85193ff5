package dev.ddllint.testing;

import dev.ddllint.kb.TargetServer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real servers tests run against. JDBC URLs come from the environment (set by {@code .ci/run}):
 * {@code DDL_LINT_MYSQL_URL}, {@code DDL_LINT_MARIADB_URL}, {@code DDL_LINT_MARIADB11_URL}. Without any, and with
 * Docker available, Testcontainers starts MySQL 8.0 and 8.4. Without either, tests skip, except under
 * {@code CI=true}, where a missing server fails the run.
 */
public final class TestServers {

    /** {@code @MethodSource(TestServers.ALL)}: a parameterized test runs once per server. */
    public static final String ALL = "dev.ddllint.testing.TestServers#all";

    /** Environment variable → display name. */
    public static final Map<String, String> URL_VARIABLES = new LinkedHashMap<>();

    static {
        URL_VARIABLES.put("DDL_LINT_MYSQL_URL", "mysql");
        URL_VARIABLES.put("DDL_LINT_MARIADB_URL", "mariadb");
        URL_VARIABLES.put("DDL_LINT_MARIADB11_URL", "mariadb11");
    }

    private static List<Server> servers;

    private TestServers() {
    }

    /** A reachable server with its version as it reports it. */
    public record Server(String name, String jdbcUrl, String versionString, TargetServer target) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl);
        }

        @Override
        public String toString() {
            return name + " (" + versionString + ")";
        }
    }

    /** A check that runs against one server. */
    @FunctionalInterface
    public interface ServerCheck {
        void check(Server server) throws Exception;
    }

    /** One dynamic test per configured server, named after it (for {@code @TestFactory} methods). */
    public static List<DynamicTest> eachServer(ServerCheck check) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Server server : all()) {
            tests.add(DynamicTest.dynamicTest(server.toString(), () -> check.check(server)));
        }
        return tests;
    }

    /** All configured servers; skips (or fails under CI=true) when there are none. */
    public static synchronized List<Server> all() {
        if (servers == null) {
            servers = discover();
        }
        if (servers.isEmpty()) {
            String why = "no database server: set " + String.join(" / ", URL_VARIABLES.keySet())
                    + " (bash .ci/run does) or make Docker available for Testcontainers";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + " (CI=true: a missing server is a failure)");
            }
            Assumptions.abort(why);
        }
        return servers;
    }

    private static List<Server> discover() {
        List<Server> found = new ArrayList<>();
        for (Map.Entry<String, String> v : URL_VARIABLES.entrySet()) {
            String url = System.getenv(v.getKey());
            if (url == null || url.isBlank()) {
                continue;
            }
            // A configured server that does not answer is an error, not a skip.
            found.add(probe(v.getValue(), url));
        }
        if (found.isEmpty() && dockerAvailable()) {
            for (String image : List.of("mysql:8.0", "mysql:8.4")) {
                MySQLContainer<?> c = new MySQLContainer<>(image).withDatabaseName("ddl_lint")
                        .withUsername("root").withPassword("");
                c.start();
                found.add(probe(image, c.getJdbcUrl() + "?user=root&password=&useSSL=false"
                        + "&allowPublicKeyRetrieval=true"));
            }
        }
        return found;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Server probe(String name, String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            String version = rs.getString(1);
            return new Server(name, url, version, TargetServer.fromVersionString(version));
        } catch (SQLException e) {
            throw new IllegalStateException(name + " at " + redact(url) + " does not answer: " + e.getMessage(), e);
        }
    }

    /** JDBC URL without its password, for messages. */
    public static String redact(String url) {
        return dev.ddllint.live.JdbcConnections.redact(url);
    }
}
