package dev.ddllint.estimate;

import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.live.TableDependencies;
import dev.ddllint.model.TableName;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Live statistics, the snapshot written from them, and the calibration, against each real server. */
class LiveStatisticsTest {


    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void sizesRatesKeysForeignKeysAndTriggersIntoASnapshot(TestServers.Server server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_stats")) {
            db.execute("CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL)",
                    "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT, amount INT NOT NULL, "
                            + "CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id))",
                    "CREATE TABLE audit (ref VARCHAR(20) NOT NULL, note VARCHAR(20), UNIQUE KEY uk_ref (ref))",
                    "CREATE TABLE heap (v INT)",
                    "CREATE TRIGGER trg_orders AFTER INSERT ON orders FOR EACH ROW INSERT INTO audit (ref) "
                            + "VALUES (CONCAT('o', NEW.id))",
                    "INSERT INTO customers VALUES (1, 'a'), (2, 'b')");
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    for (int i = 1; !stop.get() && i < 100_000; i++) {
                        s.execute("INSERT INTO orders VALUES (" + i + ", 1, " + i + ")");
                        Thread.sleep(5);
                    }
                } catch (Exception e) {
                    // the assertions below say what is missing
                }
            });
            writer.start();
            try (Connection c = db.connect()) {
                c.setReadOnly(true);
                Thread.sleep(300);
                LiveStatistics live = new LiveStatistics(c, Duration.ofMillis(1000),
                        ConnectionHint.fromJdbcUrl(db.jdbcUrl()));
                StatsSnapshot snap = StatsSnapshot.take(live, List.of(), Instant.now());
                stop.set(true);
                writer.join();
                assertThat(snap.allTables()).extracting(TableStats::table)
                        .containsExactly("audit", "customers", "heap", "orders");
                Map<String, TableStats> byName = new java.util.HashMap<>();
                snap.allTables().forEach(t -> byName.put(t.table(), t));
                TableStats orders = byName.get("orders");
                assertThat(orders.dataLength()).isPositive();
                assertThat(orders.triggers()).containsExactly("trg_orders");
                assertThat(orders.foreignKeys()).containsExactly("fk_customer → " + db.name() + ".customers");
                assertThat(orders.hasPrimaryKey()).isTrue();
                assertThat(byName.get("customers").referencedBy())
                        .containsExactly(db.name() + ".orders.fk_customer");
                assertThat(byName.get("audit").hasPrimaryKey()).isFalse();
                assertThat(byName.get("audit").uniqueNotNullKeys()).containsExactly("uk_ref");
                assertThat(byName.get("heap").uniqueNotNullKeys()).isEmpty();
                if (server.target().isMySql()) {
                    // performance_schema is on by default on MySQL: ~100 inserts/s were measured over 1 s.
                    assertThat(orders.insertsPerSecond()).isGreaterThan(5);
                    assertThat(orders.ratesMethod()).startsWith("deltas over");
                    assertThat(byName.get("audit").insertsPerSecond()).isGreaterThan(5); // through the trigger
                }
                assertThat(snap.serverStats()).hasValueSatisfying(s -> {
                    assertThat(s.onlineAlterLogMaxSize()).isPositive();
                    assertThat(s.connection().database()).isEqualTo(db.name());
                    assertThat(s.connection().user()).isNull();
                });
                String json = snap.toJson();
                assertThat(json).doesNotContain("password").doesNotContain("\"user\"");
                assertThat(StatsSnapshot.parse(json, "s.json").tables(List.of(TableName.of(null, "orders"))).get(0)
                        .triggers()).containsExactly("trg_orders");
                // The same as TableDependencies reads directly.
                assertThat(TableDependencies.read(c, db.name(), List.of(TableName.of(null, "ORDERS")))).hasSize(1);
            } finally {
                stop.set(true);
                writer.join();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void calibrationRebuildsAScratchTableAndDropsIt(TestServers.Server server) throws Exception {
        try (Connection c = server.connect()) {
            List<String> log = new java.util.ArrayList<>();
            Calibration.Result r = Calibration.run(c, null, 20_000, log::add);
            assertThat(r.schema()).startsWith("ddl_lint_calibrate_");
            assertThat(r.rows()).isEqualTo(20_000);
            assertThat(r.dataLength()).isPositive();
            assertThat(r.rebuildThroughput()).isPositive();
            assertThat(r.indexThroughput()).isPositive();
            assertThat(r.yaml()).startsWith("estimate:\n  rebuildThroughput: ").contains("indexThroughput: ");
            assertThat(log).anyMatch(l -> l.startsWith("dropped scratch schema " + r.schema()));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + r.schema() + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("scratch schema dropped").isZero();
            }
        }
        // In a named scratch schema, only its own table is created and dropped.
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_calib");
             Connection c = server.connect()) {
            db.execute("CREATE TABLE keep_me (id INT PRIMARY KEY)");
            Calibration.Result r = Calibration.run(c, db.name(), 5_000, l -> { });
            assertThat(r.schema()).isEqualTo(db.name());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT GROUP_CONCAT(TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                            + db.name() + "'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("keep_me");
            }
        }
    }
}
