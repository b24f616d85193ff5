package dev.ddllint.verify;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.Configuration;
import dev.ddllint.report.ReportFormat;
import dev.ddllint.report.ReportOptions;
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

/**
 * {@code --sample-rows} on MySQL 9.7 and both MariaDBs, with a source user that has only SELECT: the first N rows
 * in primary-key order are copied (a composite key, chunks of 7 so the boundaries fall inside one order's lines),
 * N=0 copies nothing, N above the table's size copies it all, a table without a key takes a plain LIMIT and says
 * so, and the source's tables are unchanged (CHECKSUM TABLE before and after).
 */
class SampleRowsTest {

    /** A source database with `order_lines` (2,500 rows, key (order_id, line_no), inserted out of key order) and `nokey`. */
    private record Source(TestServers.Server server, String db, String user, String url) implements AutoCloseable {

        static Source create(TestServers.Server server) throws SQLException {
            String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            String db = "ddl_lint_16s_src_" + suffix;
            String user = "ddl_lint_16s_ro_" + suffix;
            String password = "pw" + suffix;
            List<String> sql = new ArrayList<>(List.of("CREATE DATABASE " + db,
                    "CREATE TABLE " + db + ".order_lines (order_id INT NOT NULL, line_no INT NOT NULL, sku VARCHAR(20) NOT "
                            + "NULL, qty INT NOT NULL, PRIMARY KEY (order_id, line_no)) ENGINE=InnoDB",
                    "CREATE TABLE " + db + ".nokey (a INT, b VARCHAR(10)) ENGINE=InnoDB"));
            StringBuilder values = new StringBuilder();
            // 500 orders of 5 lines, inserted from the last order to the first, so insertion order is not key order
            for (int o = 500; o >= 1; o--) {
                for (int l = 5; l >= 1; l--) {
                    values.append(values.isEmpty() ? "" : ",").append('(').append(o).append(',').append(l)
                            .append(",'sku-").append(o * 7 % 13).append("',").append(o + l).append(')');
                }
            }
            sql.add("INSERT INTO " + db + ".order_lines VALUES " + values);
            StringBuilder nokey = new StringBuilder();
            for (int i = 1; i <= 30; i++) {
                nokey.append(nokey.isEmpty() ? "" : ",").append('(').append(i).append(",'v").append(i).append("')");
            }
            sql.add("INSERT INTO " + db + ".nokey VALUES " + nokey);
            sql.add("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            sql.add("GRANT SELECT ON " + db + ".* TO '" + user + "'@'%'");
            run(server, sql);
            String url = server.jdbcUrl().replaceFirst("^(jdbc:[a-z]+://[^/?]+/)[^?]*", "$1" + db)
                    .replaceFirst("&password=[^&]*", "").replaceFirst("([?&])user=[^&]*", "$1user=" + user
                            + "&password=" + password);
            return new Source(server, db, user, url);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url);
        }

        /** CHECKSUM TABLE of both tables, as root. */
        List<Long> checksums() throws SQLException {
            List<Long> out = new ArrayList<>();
            try (Connection c = server.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("CHECKSUM TABLE " + db + ".order_lines, " + db + ".nokey")) {
                while (rs.next()) {
                    out.add(rs.getLong(2));
                }
            }
            return out;
        }

        String showCreate(String table) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + table)) {
                rs.next();
                return rs.getString(2);
            }
        }

        @Override
        public void close() throws SQLException {
            run(server, List.of("DROP USER IF EXISTS '" + user + "'@'%'", "DROP DATABASE IF EXISTS " + db));
        }
    }

    private static void run(TestServers.Server server, List<String> statements) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> keys(Connection c, String table, int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT order_id, line_no, sku, qty FROM "
                + table + " ORDER BY order_id, line_no LIMIT " + limit)) {
            while (rs.next()) {
                out.add(rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getString(3) + "/" + rs.getInt(4));
            }
        }
        return out;
    }

    private static long checksum(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CHECKSUM TABLE " + table)) {
            rs.next();
            return rs.getLong(2);
        }
    }

    @TestFactory
    List<DynamicTest> copiesTheFirstRowsInKeyOrderInChunksAndLeavesTheSourceAlone() {
        return TestServers.eachServer(server -> {
            try (Source source = Source.create(server)) {
                List<Long> before = source.checksums();
                try (Connection src = source.connect(); Connection scratchConnection = server.connect();
                     ScratchSchema scratch = ScratchSchema.create(scratchConnection, null)) {
                    SourceTables tables = new SourceTables(src);
                    for (String t : List.of("order_lines", "nokey")) {
                        try (Statement st = scratch.connection().createStatement()) {
                            scratch.execute(st, tables.createTable(t).orElseThrow());
                        }
                    }
                    SampleRows.Copy none = new SampleRows(tables, scratch, 0, 7).copy("order_lines");
                    assertThat(none.rows()).isZero();
                    assertThat(none.chunks()).isZero();
                    assertThat(SampleRows.count(scratch, "order_lines")).isZero();

                    // 23 rows in chunks of 7: boundaries after (2,2), (3,4), (5,1): inside an order's lines
                    SampleRows.Copy some = new SampleRows(tables, scratch, 23, 7).copy("order_lines");
                    assertThat(some.rows()).isEqualTo(23);
                    assertThat(some.chunks()).isEqualTo(4);
                    assertThat(some.note()).isNull();
                    assertThat(keys(scratch.connection(), "order_lines", 100)).hasSize(23)
                            .isEqualTo(keys(src, "order_lines", 23)).startsWith("1/1/sku-7/2").endsWith("5/3/sku-9/8");

                    try (Statement st = scratch.connection().createStatement()) {
                        scratch.execute(st, "DELETE FROM order_lines");
                    }
                    SampleRows.Copy all = new SampleRows(tables, scratch, 10_000, SampleRows.CHUNK).copy("order_lines");
                    assertThat(all.rows()).isEqualTo(2_500);
                    assertThat(all.chunks()).isEqualTo(3);
                    // the same definition and the same rows: the same checksum
                    assertThat(checksum(scratch.connection(), "order_lines")).isEqualTo(before.get(0));

                    SampleRows.Copy nokey = new SampleRows(tables, scratch, 10, 7).copy("nokey");
                    assertThat(nokey.rows()).isEqualTo(10);
                    assertThat(nokey.chunks()).isEqualTo(1);
                    assertThat(nokey.note()).contains("no primary key").contains("plain LIMIT");
                    assertThat(SampleRows.count(scratch, "nokey")).isEqualTo(10);
                }
                assertThat(source.checksums()).isEqualTo(before);
            }
        });
    }

    @TestFactory
    List<DynamicTest> verifyTimesEachCheckedStatementOnTheSampleAndTheReportsShowIt() {
        return TestServers.eachServer(server -> {
            try (Source source = Source.create(server)) {
                List<Long> before = source.checksums();
                String createBefore = source.showCreate("order_lines");
                AnalysisReport report = new Analyzer(Configuration.DEFAULT.withTarget(server.target()))
                        .analyze(List.of(file("V9__lines.sql", """
                                ALTER TABLE order_lines ADD COLUMN note VARCHAR(20) NULL;
                                ALTER TABLE order_lines MODIFY COLUMN qty BIGINT NOT NULL;
                                ALTER TABLE nokey ADD INDEX ix_a (a);
                                """)));
                Verification v;
                try (Connection scratch = server.connect(); Connection src = source.connect()) {
                    v = Verifier.builder().scratch(scratch, server::connect).source(src).sampleRows(1_000)
                            .sampleChunk(300).build().verify(report);
                }
                assertThat(v.checked()).hasSize(3);
                for (StatementReport s : v.checked()) {
                    ServerCheck.Measured m = s.server().measured();
                    assertThat(m).as("%s: %s", s.source().sql(), v.notes()).isNotNull();
                    assertThat(m.seconds()).isPositive();
                    assertThat(m.sampleBytes()).isPositive();
                    assertThat(m.sourceRows()).isNotNull();
                    System.out.println("sample-rows on " + server + ": " + s.source().line() + " " + m.describe());
                }
                // ADD COLUMN is INSTANT: no rebuild, so the time is not extrapolated to the source's rows
                assertThat(v.checked().get(0).server().measured().calibratedSeconds()).isNull();
                assertThat(v.checked().get(0).server().measured().describe()).contains("does not grow with the rows");
                // the type change copies the table and the index build reads it: both grow with the rows
                assertThat(v.checked().get(1).server().measured().calibratedSeconds()).isNotNull().isPositive();
                assertThat(v.checked().get(2).server().measured().calibratedSeconds()).isNotNull().isPositive();
                assertThat(v.checked().get(0).server().measured().rows()).isEqualTo(1_000);
                assertThat(v.checked().get(1).server().measured().rows()).isEqualTo(1_000);
                assertThat(v.checked().get(2).server().measured().rows()).isEqualTo(30);
                assertThat(v.checked().get(2).server().measured().note()).contains("no primary key");
                // the type change copies the table: on the sampled rows the server reports them affected
                assertThat(v.checked().get(1).server().outcome()).isIn(Agreement.Outcome.CONFIRMED,
                        Agreement.Outcome.CONSERVATIVE);
                String text = ReportFormat.TEXT.render(v.report(), ReportOptions.DEFAULT);
                assertThat(text).contains("measured on 1,000 sample rows");
                assertThat(ReportFormat.JUNIT.render(v.report(), ReportOptions.DEFAULT))
                        .contains("measured on 1,000 sample rows");
                com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(ReportFormat.JSON.render(v.report(), ReportOptions.DEFAULT));
                com.fasterxml.jackson.databind.JsonNode measured = json.at("/files/0/statements/1/server/measured");
                assertThat(measured.path("rows").asLong()).isEqualTo(1_000);
                assertThat(measured.path("seconds").asDouble()).isPositive();
                assertThat(measured.path("calibratedSeconds").isNumber()).isTrue();
                assertThat(json.at("/files/0/statements/0/server/measured/calibratedSeconds").isNull()).isTrue();
                assertThat(databaseExists(server, v.scratchDatabase())).isFalse();
                assertThat(source.checksums()).isEqualTo(before);
                assertThat(source.showCreate("order_lines")).isEqualTo(createBefore);
            }
        });
    }

    @TestFactory
    List<DynamicTest> withoutSampleRowsNothingIsTimed() {
        return TestServers.eachServer(server -> {
            try (Source source = Source.create(server)) {
                AnalysisReport report = new Analyzer(Configuration.DEFAULT.withTarget(server.target()))
                        .analyze(List.of(file("V9__lines.sql", "ALTER TABLE order_lines ADD COLUMN note VARCHAR(20) NULL;\n")));
                Verification v;
                try (Connection scratch = server.connect(); Connection src = source.connect()) {
                    v = Verifier.builder().scratch(scratch, server::connect).source(src).sampleRows(0).build()
                            .verify(report);
                }
                assertThat(v.checked()).hasSize(1);
                assertThat(v.checked().get(0).server().measured()).isNull();
            }
        });
    }
}
