package dev.ddllint.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.model.TableName;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** {@link TableStatistics} against each real server. */
class TableStatisticsTest {


    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void readsRowsAndSizesOfExistingTablesOnly(TestServers.Server server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_live")) {
            StringBuilder insert = new StringBuilder("INSERT INTO account (id, payload) VALUES ");
            for (int i = 1; i <= 2000; i++) {
                insert.append(i == 1 ? "" : ",").append('(').append(i).append(", REPEAT('x', 80))");
            }
            db.execute("CREATE TABLE account (id INT PRIMARY KEY, payload VARCHAR(100) NOT NULL, KEY (payload))",
                    insert.toString(), "ANALYZE TABLE account");
            try (Connection c = db.connect()) {
                boolean mysql = server.target().isMySql();
                if (mysql) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET SESSION information_schema_stats_expiry = 1234");
                    }
                }
                Map<String, TableStatistics> stats = TableStatistics.read(c, db.name(), List.of(
                        TableName.of(null, "ACCOUNT"), TableName.of(db.name(), "account"),
                        TableName.of(null, "no_such_table"), TableName.of("no_such_db", "account")));
                assertThat(stats).containsOnlyKeys(TableStatistics.key(db.name(), "account"));
                TableStatistics t = TableStatistics.find(stats, db.name(), TableName.of(null, "Account"))
                        .orElseThrow();
                assertThat(t.table()).isEqualTo("account");
                assertThat(t.engine()).isEqualToIgnoringCase("InnoDB");
                // An estimate from index statistics: near 2,000, never exact by contract.
                assertThat(t.rows()).isBetween(1000L, 4000L);
                assertThat(t.dataLength()).isPositive();
                assertThat(t.indexLength()).isPositive();
                assertThat(t.avgRowLength()).isPositive();
                assertThat(t.describe()).contains("`" + db.name() + "`.`account`", "rows", "InnoDB");
                if (mysql) {
                    // The refresh of cached statistics leaves the session as it was.
                    try (Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT @@SESSION.information_schema_stats_expiry")) {
                        rs.next();
                        assertThat(rs.getLong(1)).isEqualTo(1234L);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TestServers.ALL)
    void freshStatisticsAfterRowsArrive(TestServers.Server server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_live");
             Connection c = db.connect()) {
            db.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            // Read once (caches the empty table's statistics on MySQL 8+), then add rows: the next read sees them.
            TableStatistics.read(c, db.name(), List.of(TableName.of(null, "t")));
            StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
            for (int i = 1; i <= 500; i++) {
                insert.append(i == 1 ? "" : ",").append('(').append(i).append(')');
            }
            db.execute(insert.toString(), "ANALYZE TABLE t");
            TableStatistics t = TableStatistics.read(c, db.name(), List.of(TableName.of(null, "t")))
                    .values().iterator().next();
            assertThat(t.rows()).isPositive();
        }
    }
}
