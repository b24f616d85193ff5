package dev.ddllint.verify;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.config.Configuration;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.ddllint.verify.VerifierTest.databaseExists;
import static dev.ddllint.verify.VerifierTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Verifier's safety on the real servers: DDL only in its own database, the source only read (by a user that can
 * only SELECT), the source's own server and database refused as scratch, the scratch database dropped after a
 * failure.
 */
class VerifierSafetyTest {

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static void sql(TestServers.Server server, String... statements) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String showCreate(TestServers.Server server, String db, String table) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW CREATE TABLE `" + db + "`.`" + table + "`")) {
            rs.next();
            return rs.getString(2);
        }
    }

    private static List<String> verifyDatabases(TestServers.Server server) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW DATABASES LIKE 'ddl\\_lint\\_verify\\_%'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String withDatabase(String url, String db, String userAndPassword) {
        String u = url.replaceFirst("^(jdbc:[a-z]+://[^/?]+/)[^?]*", "$1" + db);
        return userAndPassword == null ? u : u.replaceFirst("&password=[^&]*", "")
                .replaceFirst("([?&])user=[^&]*", "$1" + userAndPassword);
    }

    @TestFactory
    List<DynamicTest> ddlOutsideTheScratchDatabaseIsRefused() {
        return TestServers.eachServer(server -> {
            String other = unique("ddl_lint_16v_other_");
            sql(server, "CREATE DATABASE " + other, "CREATE TABLE " + other + ".t (id INT PRIMARY KEY, a INT)");
            try {
                String before = showCreate(server, other, "t");
                AnalysisReport report = VerifierTest.analyse(server, List.of(file("V1__x.sql",
                        "CREATE TABLE t (id INT PRIMARY KEY, a INT);\n"
                                + "ALTER TABLE " + other + ".t ADD COLUMN b INT;\n"
                                + "ALTER TABLE t ADD COLUMN c INT, ALGORITHM=INSTANT;\n"
                                + "DROP TABLE " + other + ".t;\n")));
                Verification v = VerifierTest.verify(server, report, VerdictSource.ANALYSIS);
                assertThat(v.checked()).hasSize(2);
                assertThat(v.checked().get(0).server().outcome()).isEqualTo(Agreement.Outcome.NOT_VERIFIED);
                assertThat(v.checked().get(0).server().details().toString()).contains("refused")
                        .contains("`" + other + "`, which ddl-lint did not create");
                assertThat(v.checked().get(1).server().outcome()).isEqualTo(Agreement.Outcome.CONFIRMED);
                assertThat(v.notes()).anyMatch(n -> n.contains("V1__x.sql:4: not replayed: refused"));
                assertThat(showCreate(server, other, "t")).isEqualTo(before);
            } finally {
                sql(server, "DROP DATABASE IF EXISTS " + other);
            }
        });
    }

    @TestFactory
    List<DynamicTest> aSourceUserWithOnlySelectIsEnoughAndTheSourceIsNotWritten() {
        return TestServers.eachServer(server -> {
            String source = unique("ddl_lint_16v_src_");
            String user = unique("ddl_lint_ro_");
            String password = "pw" + UUID.randomUUID().toString().substring(0, 8);
            sql(server, "CREATE DATABASE " + source,
                    "CREATE TABLE " + source + ".customers (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL)",
                    "CREATE TABLE " + source + ".orders (id INT PRIMARY KEY, customer_id INT NOT NULL, amount INT "
                            + "NOT NULL, CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id))",
                    "INSERT INTO " + source + ".customers VALUES (1, 'a@example.com')",
                    "INSERT INTO " + source + ".orders VALUES (1, 1, 10)",
                    "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'",
                    "GRANT SELECT ON " + source + ".* TO '" + user + "'@'%'");
            try {
                String ordersBefore = showCreate(server, source, "orders");
                String url = withDatabase(server.jdbcUrl(), source, "user=" + user + "&password=" + password);
                AnalysisReport report = new Analyzer(Configuration.DEFAULT.withTarget(server.target()))
                        .analyze(List.of(file("V7__more.sql", """
                                ALTER TABLE orders ADD COLUMN note VARCHAR(20) NULL;
                                ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;
                                CREATE INDEX ix_email ON customers (email);
                                """)));
                Verification v;
                try (Connection scratch = server.connect(); Connection src = DriverManager.getConnection(url)) {
                    v = Verifier.builder().scratch(scratch, server::connect).source(src).build().verify(report);
                }
                assertThat(v.checked()).hasSize(3);
                assertThat(v.checked()).allSatisfy(s -> assertThat(s.server().outcome())
                        .as("%s: %s", s.source().sql(), s.server().details())
                        .isIn(Agreement.Outcome.CONFIRMED, Agreement.Outcome.CONSERVATIVE));
                // the FK's parent came from the source too: the reproducer starts from the source's definition
                assertThat(v.checked().get(0).server().reproducer()).contains("CONSTRAINT `fk_customer`");
                assertThat(showCreate(server, source, "orders")).isEqualTo(ordersBefore);
                try (Connection c = server.connect(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + source + ".orders")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
                assertThat(databaseExists(server, v.scratchDatabase())).isFalse();
            } finally {
                sql(server, "DROP USER IF EXISTS '" + user + "'@'%'", "DROP DATABASE IF EXISTS " + source);
            }
        });
    }

    @TestFactory
    List<DynamicTest> theSourcesServerAndDatabaseAreRefusedAsScratchUnlessAllowed() {
        return TestServers.eachServer(server -> {
            String source = unique("ddl_lint_16v_same_");
            sql(server, "CREATE DATABASE " + source, "CREATE TABLE " + source + ".t (id INT PRIMARY KEY)");
            try {
                String url = withDatabase(server.jdbcUrl(), source, null);
                AnalysisReport report = VerifierTest.analyse(server, List.of(file("V2__a.sql",
                        "ALTER TABLE t ADD COLUMN a INT;\n")));
                List<String> before = verifyDatabases(server);
                try (Connection scratch = DriverManager.getConnection(url);
                     Connection src = DriverManager.getConnection(url)) {
                    assertThatThrownBy(() -> Verifier.builder().scratch(scratch, null).source(src).build()
                            .verify(report)).isInstanceOf(VerifyException.class)
                            .hasMessageContaining("--allow-same-server");
                }
                assertThat(verifyDatabases(server)).isEqualTo(before);
                try (Connection scratch = DriverManager.getConnection(url);
                     Connection src = DriverManager.getConnection(url)) {
                    Verification v = Verifier.builder().scratch(scratch, null).source(src).allowSameServer(true)
                            .build().verify(report);
                    // the analysis did not read the table (no live schema), so its verdict may be the worst case
                    assertThat(v.checked()).singleElement().satisfies(s -> assertThat(s.server().outcome())
                            .isIn(Agreement.Outcome.CONFIRMED, Agreement.Outcome.CONSERVATIVE));
                }
                assertThat(showCreate(server, source, "t")).doesNotContain("`a`");
            } finally {
                sql(server, "DROP DATABASE IF EXISTS " + source);
            }
        });
    }

    @TestFactory
    List<DynamicTest> theScratchDatabaseIsDroppedAfterAFailure() {
        return TestServers.eachServer(server -> {
            AnalysisReport report = VerifierTest.analyse(server, List.of(file("V1__t.sql",
                    "CREATE TABLE t (id INT PRIMARY KEY);\nALTER TABLE t ADD COLUMN a INT;\n")));
            List<String> before = verifyDatabases(server);
            List<String> during = new ArrayList<>();
            VerdictSource failing = s -> {
                try {
                    during.addAll(verifyDatabases(server));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("the knowledge base failed");
            };
            assertThatThrownBy(() -> VerifierTest.verify(server, report, failing))
                    .hasMessage("the knowledge base failed");
            assertThat(during).as("the scratch database existed while it ran").hasSize(before.size() + 1);
            assertThat(verifyDatabases(server)).isEqualTo(before);
        });
    }
}
