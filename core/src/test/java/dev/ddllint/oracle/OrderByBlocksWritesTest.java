package dev.ddllint.oracle;

import dev.ddllint.kb.ServerFlavor;
import dev.ddllint.testing.TestServers;
import dev.ddllint.testing.TestServers.Server;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MariaDB 11.2+ accepts {@code LOCK=NONE} beside {@code ORDER BY} but does not honour it: an INSERT started while the
 * copy runs finishes only after it. The knowledge base (OperationClassifier.onlineCopyAllowed, StatementClassifier)
 * and the ladder (ServerLadder: LOCK_NONE_NOT_HONOURED) rest on this, so it is measured here, with an online copy that
 * does let the INSERT through as the control. What is compared is which statement finishes first, not how long
 * anything takes.
 */
class OrderByBlocksWritesTest {

    private static final int ROWS = 300_000;

    @TestFactory
    List<DynamicTest> lockNoneBesideOrderByIsAcceptedButBlocksWrites() {
        return TestServers.eachServer(server -> {
            String schema = "ddl_lint_orderby_" + ProcessHandle.current().pid();
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + schema);
                s.execute("CREATE DATABASE " + schema);
                try {
                    check(server, schema, s);
                } finally {
                    s.execute("DROP DATABASE IF EXISTS " + schema);
                }
            }
        });
    }

    private static void check(Server server, String schema, Statement s) throws Exception {
        s.execute("CREATE TABLE " + schema + ".t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, c1 INT, "
                + "pad CHAR(200) NOT NULL DEFAULT 'x') ENGINE=InnoDB");
        boolean onlineCopy = server.target().flavor() == ServerFlavor.MARIADB
                && server.target().version().atLeast(11, 2, 0);
        if (!onlineCopy) {
            // MySQL and MariaDB before 11.2 refuse it, as ddl-lint says.
            assertThatThrownBy(() -> s.execute("ALTER TABLE " + schema + ".t LOCK=NONE, ORDER BY c1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("LOCK=NONE");
            return;
        }
        s.execute("INSERT INTO " + schema + ".t (c1) SELECT seq % 1000 FROM seq_1_to_" + ROWS);
        assertThat(insertFinishesFirst(server, schema, "ALTER TABLE " + schema + ".t LOCK=NONE, MODIFY c1 BIGINT"))
                .as("control: an online copy lets the INSERT through while it runs").isTrue();
        assertThat(insertFinishesFirst(server, schema, "ALTER TABLE " + schema + ".t LOCK=NONE, ORDER BY c1"))
                .as("LOCK=NONE beside ORDER BY: accepted, and the INSERT waits for the whole copy").isFalse();
    }

    /** Runs {@code alter}, starts an INSERT once the copy is under way, and says whether the INSERT ended first. */
    private static boolean insertFinishesFirst(Server server, String schema, String alter) throws Exception {
        try (Connection a = server.connect(); Connection b = server.connect(); Connection watch = server.connect()) {
            long alterId = connectionId(a);
            CompletableFuture<Long> altered = CompletableFuture.supplyAsync(() -> execute(a, alter));
            waitUntilCopying(watch, alterId, altered);
            CompletableFuture<Long> inserted = CompletableFuture.supplyAsync(() -> execute(b,
                    "INSERT INTO " + schema + ".t (c1) VALUES (5)"));
            long alterDone = altered.get(10, TimeUnit.MINUTES);
            long insertDone = inserted.get(10, TimeUnit.MINUTES);
            return insertDone < alterDone;
        }
    }

    private static void waitUntilCopying(Connection watch, long alterId, CompletableFuture<Long> altered)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            assertThat(altered).as("the ALTER ended before its copy was seen: make the table larger").isNotDone();
            try (Statement s = watch.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT STATE FROM information_schema.PROCESSLIST WHERE ID = " + alterId)) {
                if (rs.next() && rs.getString(1) != null && rs.getString(1).toLowerCase().contains("copy")) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the ALTER never reached its copy phase");
    }

    private static long connectionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs the statement; the System.nanoTime() at which it returned. */
    private static long execute(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION lock_wait_timeout = 600");
            s.execute(sql);
            return System.nanoTime();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
