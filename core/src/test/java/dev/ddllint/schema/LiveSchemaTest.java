package dev.ddllint.schema;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.Configuration;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.kb.DdlOperation;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Table definitions read from real servers make verdicts exact, and win over CREATE TABLEs in files. */
class LiveSchemaTest {

    @TestFactory
    List<DynamicTest> liveDefinitionsMakeVerdictsExact() {
        return TestServers.eachServer(LiveSchemaTest::check);
    }

    private static void check(TestServers.Server server) throws Exception {
        String db = "ddl_lint_live_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xfffffff);
        try (Connection admin = server.connect(); Statement a = admin.createStatement()) {
            a.execute("CREATE DATABASE " + db);
            try (Connection c = connect(server, db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(20), amount INT NOT NULL, "
                        + "body TEXT, KEY k_amount (amount)) DEFAULT CHARSET=utf8mb4");
                s.execute("CREATE TABLE posts (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft (body)) "
                        + "DEFAULT CHARSET=utf8mb4");
                s.execute("CREATE TABLE events (id INT NOT NULL, PRIMARY KEY (id)) "
                        + "PARTITION BY HASH (id) PARTITIONS 2");
                String sql = """
                        ALTER TABLE orders MODIFY COLUMN note VARCHAR(50);
                        ALTER TABLE orders MODIFY COLUMN amount INT NULL;
                        ALTER TABLE orders DROP COLUMN amount;
                        ALTER TABLE posts ADD COLUMN extra INT;
                        ALTER TABLE unknown_table MODIFY COLUMN x INT;
                        """;
                Configuration config = Configuration.DEFAULT.withTarget(server.target());
                AnalysisReport live = new Analyzer(config, tables -> LiveSchema.read(c, tables)).analyze(
                        List.of(new SourceFile("V9__live.sql", sql.getBytes(StandardCharsets.UTF_8))));
                List<StatementReport> st = live.files().get(0).statements();
                assertThat(op(st.get(0)).ddlOperation()).isEqualTo(DdlOperation.VARCHAR_EXTEND_SAME_PREFIX);
                assertThat(op(st.get(0)).isExact()).isTrue();
                assertThat(op(st.get(1)).ddlOperation()).isEqualTo(DdlOperation.MAKE_NULLABLE);
                assertThat(op(st.get(2)).ddlOperation()).isEqualTo(DdlOperation.DROP_INDEXED_COLUMN);
                assertThat(op(st.get(3)).reason()).contains("FULLTEXT");
                assertThat(op(st.get(4)).isExact()).as("no facts about an unknown table").isFalse();

                // Without the live schema the same MODIFY is a conservative guess.
                AnalysisReport offline = new Analyzer(config).analyze(
                        List.of(new SourceFile("V9__live.sql", sql.getBytes(StandardCharsets.UTF_8))));
                assertThat(op(offline.files().get(0).statements().get(0)).ddlOperation())
                        .isEqualTo(DdlOperation.COLUMN_TYPE_CHANGE);
                assertThat(op(offline.files().get(0).statements().get(0)).isExact()).isFalse();

                // A name qualified with the connection's database is the same table; another database's is not.
                String qualified = "ALTER TABLE " + db + ".orders MODIFY COLUMN note VARCHAR(50);\n"
                        + "ALTER TABLE other_db.orders MODIFY COLUMN note VARCHAR(50);\n";
                AnalysisReport named = new Analyzer(config, dev.ddllint.analysis.TableSource.live(c)).analyze(
                        List.of(new SourceFile("V9__named.sql", qualified.getBytes(StandardCharsets.UTF_8))));
                assertThat(op(named.files().get(0).statements().get(0)).ddlOperation())
                        .isEqualTo(DdlOperation.VARCHAR_EXTEND_SAME_PREFIX);
                assertThat(op(named.files().get(0).statements().get(1)).ddlOperation())
                        .isEqualTo(DdlOperation.COLUMN_TYPE_CHANGE);

                // The live definition wins over a CREATE TABLE replayed from an (already applied) migration.
                String replayed = "CREATE TABLE orders (id INT PRIMARY KEY, note TEXT);\n"
                        + "ALTER TABLE orders MODIFY COLUMN note VARCHAR(50);\n";
                AnalysisReport both = new Analyzer(config, tables -> LiveSchema.read(c, tables)).analyze(
                        List.of(new SourceFile("V1__old.sql", replayed.getBytes(StandardCharsets.UTF_8))));
                assertThat(op(both.files().get(0).statements().get(1)).ddlOperation())
                        .isEqualTo(DdlOperation.VARCHAR_EXTEND_SAME_PREFIX);
                assertThat(both.findings()).noneMatch(f -> f.rule().equals("column-type-change"));

                // MySQL reports the instant row versions a table has used.
                if (server.target().isMySql()) {
                    s.execute("ALTER TABLE orders ADD COLUMN v1 INT, ALGORITHM=INSTANT");
                    s.execute("ALTER TABLE orders DROP COLUMN v1, ALGORITHM=INSTANT");
                    TableFacts orders = LiveSchema.read(c, List.of(dev.ddllint.model.TableName.of(null, "orders")))
                            .get(0);
                    assertThat(orders.rowVersions()).isEqualTo(2);
                }

                // Partitioning comes back inside a versioned comment and is still seen.
                TableFacts events = LiveSchema.read(c, List.of(dev.ddllint.model.TableName.of(null, "events")))
                        .get(0);
                assertThat(events.partitioned()).isTrue();
            } finally {
                a.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }

    /** A connection whose current database is the scratch one (set before any statement is created). */
    private static Connection connect(TestServers.Server server, String db) throws java.sql.SQLException {
        Connection c = server.connect();
        c.setCatalog(db);
        return c;
    }

    private static ClassifiedOperation op(StatementReport s) {
        return s.verdict().operations().get(0);
    }
}
