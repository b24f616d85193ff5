package dev.ddllint.estimate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Units, ddl-lint:stats lines, JDBC URLs and shell quoting. */
class UnitsAndParsingTest {

    @ParameterizedTest(name = "{0} = {1} B")
    @CsvSource({"4096, 4096", "200GB, 2e11", "128MiB, 134217728", "64M, 67108864", "1.5KB, 1500", "1K, 1024",
            "32MiB/s, 33554432", "2TiB, 2199023255552"})
    void sizes(String text, double bytes) {
        assertThat(Units.parseSize(text)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"1500, 1500", "1.5k, 1500", "50M, 5e7", "1G, 1e9", "500/s, 500", "'1,000', 1000"})
    void counts(String text, double value) {
        assertThat(Units.parseCount(text)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource({"600, 600", "90s, 90", "10m, 600", "1.5h, 5400", "1d, 86400"})
    void durations(String text, double seconds) {
        assertThat(Units.parseSeconds(text)).isEqualTo(seconds);
    }

    @Test
    void badUnitsSayWhatIsAccepted() {
        assertThatThrownBy(() -> Units.parseSize("12 parsecs")).hasMessageContaining("unknown size unit");
        assertThatThrownBy(() -> Units.parseSeconds("soon")).hasMessageContaining("not a duration");
    }

    @Test
    void formats() {
        assertThat(Units.seconds(5000)).isEqualTo("5,000 s (1 h 23 min)");
        assertThat(Units.seconds(0.56)).isEqualTo("0.6 s");
        assertThat(Units.seconds(42)).isEqualTo("42 s");
        assertThat(Units.perSecond(1500)).isEqualTo("1,500/s");
        assertThat(Units.perSecond(2.5)).isEqualTo("2.5/s");
        assertThat(Units.perSecond(0)).isEqualTo("0/s");
        assertThat(Units.factor(1.82)).isEqualTo("1.82");
        assertThat(Units.factor(16.4)).isEqualTo("16");
    }

    @Test
    void declaredStatsLines() {
        DeclaredStats.Result r = DeclaredStats.scan("""
                -- ddl-lint:stats shop.orders rows=50M data=200GB index=50GB avgRow=214 inserts=500/s updates=1.5k/s
                ALTER TABLE orders FORCE;
                # ddl-lint:stats items data=1GB
                -- ddl-lint:stats
                -- ddl-lint:stats t rows=lots
                -- ddl-lint:stats t oops
                """, "V1__x.sql");
        assertThat(r.declarations()).hasSize(2);
        TableStats o = r.declarations().get(0).stats();
        assertThat(o.schema()).isEqualTo("shop");
        assertThat(o.table()).isEqualTo("orders");
        assertThat(o.rows()).isEqualTo(5e7);
        assertThat(o.dataLength()).isEqualTo(2e11);
        assertThat(o.updatesPerSecond()).isEqualTo(1500);
        assertThat(o.deletesPerSecond()).isNull();
        assertThat(o.source()).isEqualTo("declared in V1__x.sql:1");
        assertThat(r.declarations().get(1).line()).isEqualTo(3);
        assertThat(r.problems()).extracting(DeclaredStats.Problem::line).containsExactly(4, 5, 6);
        assertThat(r.problems().get(1).message()).contains("rows: ").contains("lots");
    }

    @Test
    void tableStatsRejectNegativeAndUnknown() {
        assertThatThrownBy(() -> TableStats.parse("t", Map.of("size", "1"), "x")).hasMessageContaining("unknown key");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:mysql://db1:3306/shop?user=deploy&password=x|db1|3306|shop|deploy",
            "jdbc:mysql://127.0.0.1:3307/ddl_lint?user=root&password=&useSSL=false|127.0.0.1|3307|ddl_lint|root",
            "jdbc:mariadb://db2/app|db2||app|",
            "jdbc:mysql://db3:3306/|db3|3306||",
            "not a url||||"})
    void connectionHints(String url, String host, Integer port, String db, String user) {
        ConnectionHint h = ConnectionHint.fromJdbcUrl(url);
        assertThat(h.host()).isEqualTo(host);
        assertThat(h.port()).isEqualTo(port);
        assertThat(h.database()).isEqualTo(db);
        assertThat(h.user()).isEqualTo(user);
    }

    @Test
    void shellQuoting() {
        assertThat(Escalation.shellQuote("ADD COLUMN c INT")).isEqualTo("\"ADD COLUMN c INT\"");
        assertThat(Escalation.shellQuote("ADD COLUMN `c` INT")).isEqualTo("'ADD COLUMN `c` INT'");
        assertThat(Escalation.shellQuote("COMMENT 'it''s'")).isEqualTo("\"COMMENT 'it''s'\"");
        assertThat(Escalation.shellQuote("COMMENT \"$x\" 'y'")).isEqualTo("'COMMENT \"$x\" '\\''y'\\'''");
    }
}
