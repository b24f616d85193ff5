package dev.ddllint.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.model.TableName;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link MetadataLockCheck} against each real server: a transaction held open by another connection is seen
 * (who, what, how long), through performance_schema and through the INNODB_TRX fallback.
 */
class MetadataLockCheckTest {


    private static long connectionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Opens a transaction that reads the table and leaves it open: it holds a SHARED_READ metadata lock. */
    private static Connection holdOpen(ScratchDatabase db, String table) throws SQLException {
        Connection holder = db.connect();
        holder.setAutoCommit(false);
        try (Statement s = holder.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
        }
        // InnoDB serves INFORMATION_SCHEMA.INNODB_TRX from a cache refreshed at most every 100 ms: a read within
        // 100 ms of an earlier one may not show this transaction yet (seen once on MariaDB 11.8).
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return holder;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void seesAnOpenTransactionOnTheTableAndNothingOnOthers(TestServers.Server server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_live")) {
            db.execute("CREATE TABLE account (id INT PRIMARY KEY, v INT)", "INSERT INTO account VALUES (1, 1)",
                    "CREATE TABLE other (id INT PRIMARY KEY)");
            try (Connection checker = db.connect(); Connection holder = holdOpen(db, "account")) {
                long holderId = connectionId(holder);
                MetadataLockCheck.Result r = MetadataLockCheck.check(checker, db.name(),
                        List.of(TableName.of(null, "Account")), Duration.ZERO);
                assertThat(r.metadataLocksVisible()).isTrue();
                assertThat(r.note()).isNull();
                assertThat(r.blocked()).isTrue();
                assertThat(r.holders()).hasSize(1);
                MetadataLockCheck.Holder h = r.holders().get(0);
                assertThat(h.source()).isEqualTo(MetadataLockCheck.Source.METADATA_LOCK);
                assertThat(h.connectionId()).isEqualTo(holderId);
                assertThat(h.table()).isEqualTo("`" + db.name() + "`.`account`");
                assertThat(h.lockType()).isEqualTo("SHARED_READ");
                assertThat(h.lockDuration()).isEqualTo("TRANSACTION");
                assertThat(h.lockStatus()).isEqualTo("GRANTED");
                assertThat(h.transactionSeconds()).isNotNull().isNotNegative();
                assertThat(h.user()).isNotBlank();
                assertThat(h.describe()).contains("connection " + holderId, "SHARED_READ metadata lock on `"
                        + db.name() + "`.`account`", "transaction open for");
                assertThat(r.describe()).contains("connection " + holderId);

                // A table nobody holds, and the same one qualified with its schema.
                assertThat(MetadataLockCheck.check(checker, db.name(), List.of(TableName.of(null, "other")),
                        Duration.ZERO).blocked()).isFalse();
                assertThat(MetadataLockCheck.check(checker, "unrelated_default",
                        List.of(TableName.of(db.name(), "account")), Duration.ZERO).holders()).hasSize(1);

                // Younger than the threshold: counted, not reported.
                MetadataLockCheck.Result young = MetadataLockCheck.check(checker, db.name(),
                        List.of(TableName.of(null, "account")), Duration.ofHours(1));
                assertThat(young.blocked()).isFalse();
                assertThat(young.ignoredYounger()).isEqualTo(1);

                holder.commit();
                assertThat(MetadataLockCheck.check(checker, db.name(), List.of(TableName.of(null, "account")),
                        Duration.ZERO).blocked()).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void withoutInnodbTrxTheLocksAreStillSeen(TestServers.Server server) throws Exception {
        // The query used when INNODB_TRX is not readable (no PROCESS privilege): same locks, no transaction ages.
        assertThat(MetadataLockCheck.MDL_ONLY_SQL).doesNotContain("INNODB_TRX").contains("NULL AS trx_age");
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_live")) {
            db.execute("CREATE TABLE account (id INT PRIMARY KEY)");
            try (Connection checker = db.connect(); Connection holder = holdOpen(db, "account");
                 java.sql.PreparedStatement ps = checker.prepareStatement(MetadataLockCheck.MDL_ONLY_SQL
                         + "(m.OBJECT_SCHEMA = ? AND LOWER(m.OBJECT_NAME) = ?))")) {
                ps.setString(1, db.name());
                ps.setString(2, "account");
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(6)).isEqualTo(connectionId(holder));
                    assertThat(rs.getString(3)).isEqualTo("SHARED_READ");
                }
                holder.rollback();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void neverReportsTheCheckingSessionItself(TestServers.Server server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_live")) {
            db.execute("CREATE TABLE account (id INT PRIMARY KEY)");
            try (Connection self = holdOpen(db, "account")) {
                MetadataLockCheck.Result viaMdl = MetadataLockCheck.check(self, db.name(),
                        List.of(TableName.of(null, "account")), Duration.ZERO);
                assertThat(viaMdl.holders()).isEmpty();
                long selfId = connectionId(self);
                MetadataLockCheck.Result viaTrx = MetadataLockCheck.check(self, db.name(),
                        List.of(TableName.of(null, "account")), Duration.ZERO, false);
                assertThat(viaTrx.holders()).noneMatch(h -> h.connectionId() == selfId);
                self.rollback();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void fallsBackToLongTransactionsWithoutMetadataLocks(TestServers.Server server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_live")) {
            db.execute("CREATE TABLE account (id INT PRIMARY KEY)");
            try (Connection checker = db.connect(); Connection holder = holdOpen(db, "account")) {
                long holderId = connectionId(holder);
                MetadataLockCheck.Result r = MetadataLockCheck.check(checker, db.name(),
                        List.of(TableName.of(null, "account")), Duration.ZERO, false);
                assertThat(r.metadataLocksVisible()).isFalse();
                assertThat(r.note()).contains("not used", "may hold the tables");
                // Other suites may run transactions on the same server: ours is among those reported.
                MetadataLockCheck.Holder h = r.holders().stream().filter(x -> x.connectionId() == holderId)
                        .findFirst().orElseThrow();
                assertThat(h.source()).isEqualTo(MetadataLockCheck.Source.LONG_TRANSACTION);
                assertThat(h.table()).isNull();
                assertThat(h.transactionSeconds()).isNotNull();
                assertThat(h.describe()).contains("connection " + holderId, "long-running transaction");
                holder.rollback();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void seesAnAlterQueuedBehindTheHolder(TestServers.Server server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_live")) {
            db.execute("CREATE TABLE account (id INT PRIMARY KEY)");
            try (Connection checker = db.connect(); Connection holder = holdOpen(db, "account");
                 Connection alterer = db.connect()) {
                long altererId = connectionId(alterer);
                CompletableFuture<Void> alter = CompletableFuture.runAsync(() -> {
                    try (Statement s = alterer.createStatement()) {
                        s.execute("SET SESSION lock_wait_timeout = 20");
                        s.execute("ALTER TABLE account ADD COLUMN note INT");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                MetadataLockCheck.Holder pending = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (pending == null && System.nanoTime() < deadline) {
                    pending = MetadataLockCheck.check(checker, db.name(), List.of(TableName.of(null, "account")),
                            Duration.ZERO).holders().stream().filter(h -> h.connectionId() == altererId)
                            .filter(MetadataLockCheck.Holder::pending).findFirst().orElse(null);
                    if (pending == null) {
                        Thread.sleep(100);
                    }
                }
                assertThat(pending).as("the queued ALTER's pending lock").isNotNull();
                assertThat(pending.describe()).contains("waits for a", "ALTER TABLE account");
                holder.commit();
                alter.get(20, TimeUnit.SECONDS);
            }
        }
    }
}
