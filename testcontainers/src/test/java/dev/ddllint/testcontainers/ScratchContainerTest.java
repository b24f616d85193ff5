package dev.ddllint.testcontainers;

import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What runs without Docker: the password made for a container, and the JDBC URL given to verify, which connects
 * (with the credentials as properties, as {@link ScratchContainer#connect()} gives them) to each real server here.
 */
class ScratchContainerTest {

    private static final Pattern HOST_PORT = Pattern.compile("jdbc:mysql://([^:/]+):(\\d+)/");

    @Test
    void passwordsAreLongRandomAndPlain() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String p = ScratchContainer.password();
            assertThat(p).hasSize(24).matches("[A-Za-z0-9]+");
            seen.add(p);
        }
        assertThat(seen).hasSize(100);
    }

    @TestFactory
    List<DynamicTest> theJdbcUrlConnectsWithoutADatabaseOrCredentialsInIt() {
        return TestServers.eachServer(server -> {
            Matcher m = HOST_PORT.matcher(server.jdbcUrl());
            assertThat(m.find()).as(TestServers.redact(server.jdbcUrl())).isTrue();
            String url = ScratchContainer.jdbcUrl(m.group(1), Integer.parseInt(m.group(2)));
            assertThat(url).doesNotContain("user").doesNotContain("password");
            Properties props = new Properties();
            props.setProperty("user", parameter(server.jdbcUrl(), "user"));
            props.setProperty("password", parameter(server.jdbcUrl(), "password"));
            try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DATABASE(), VERSION()")) {
                rs.next();
                assertThat(rs.getString(1)).as("no default database").isNull();
                assertThat(rs.getString(2)).isEqualTo(server.versionString());
            }
        });
    }

    private static String parameter(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]*)").matcher(url);
        return m.find() ? m.group(1) : "";
    }
}
