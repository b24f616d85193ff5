package dev.ddllint.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.testing.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** {@link ServerFacts} against each real server. */
class ServerFactsTest {


    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void readsVersionFlavorAndOnlineDdlSettings(TestServers.Server server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_live");
             Connection c = db.connect()) {
            ServerFacts facts = ServerFacts.read(c);
            assertThat(facts.versionString()).isEqualTo(server.versionString());
            assertThat(facts.server()).isEqualTo(server.target());
            assertThat(facts.currentSchema()).isEqualTo(db.name());
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT @@innodb_online_alter_log_max_size, "
                         + "@@innodb_sort_buffer_size, @@SESSION.lock_wait_timeout")) {
                rs.next();
                assertThat(facts.onlineAlterLogMaxSize()).isEqualTo(rs.getLong(1)).isPositive();
                assertThat(facts.sortBufferSize()).isEqualTo(rs.getLong(2)).isPositive();
                assertThat(facts.lockWaitTimeout()).isEqualTo(rs.getLong(3)).isPositive();
            }
            assertThat(facts.describe()).startsWith(server.target().displayName())
                    .contains("innodb_online_alter_log_max_size " + Sizes.bytes(facts.onlineAlterLogMaxSize()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void seesTheSessionsOwnLockWaitTimeout(TestServers.Server server) throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("SET SESSION lock_wait_timeout = 7");
            assertThat(ServerFacts.read(c).lockWaitTimeout()).isEqualTo(7L);
        }
    }

    @org.junit.jupiter.api.Test
    void sizesReadWell() {
        assertThat(Sizes.bytes(134217728L)).isEqualTo("128 MiB");
        assertThat(Sizes.bytes(1536L)).isEqualTo("1.5 KiB");
        assertThat(Sizes.bytes(0L)).isEqualTo("0 B");
        assertThat(Sizes.bytes(null)).isEqualTo("unknown");
        assertThat(Sizes.count(1234567)).isEqualTo("1,234,567");
    }
}
