package dev.ddllint.estimate;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.TableSource;
import dev.ddllint.config.Configuration;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.model.TableName;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The estimates through the analyzer: sources best first with provenance, notes, escalation. */
class EstimationTest {

    @TempDir
    Path dir;

    /** A table that exists already (not new) and whose definition is known, so a FORCE is an in-place rebuild. */
    static final String KNOWN_ORDERS = "CREATE TABLE IF NOT EXISTS orders (id BIGINT PRIMARY KEY, status INT, "
            + "note VARCHAR(500), body TEXT);\n";

    static SourceFile file(String name, String sql) {
        return new SourceFile(name, sql.getBytes(StandardCharsets.UTF_8));
    }

    static List<Finding> findings(AnalysisReport r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    static AnalysisReport analyze(Configuration c, StatisticsSource live, SourceFile... files) {
        return new Analyzer(c, TableSource.NONE, live).analyze(List.of(files));
    }

    /** A fixed "live" source. */
    static StatisticsSource live(ServerStats server, TableStats... tables) {
        return new StatisticsSource() {
            @Override
            public Optional<ServerStats> server() {
                return Optional.ofNullable(server);
            }

            @Override
            public List<TableStats> tables(Collection<TableName> names) {
                return List.of(tables);
            }

            @Override
            public String describe() {
                return "live db1:3306";
            }
        };
    }

    static TableStats stats(String table, String source, double data, double index, double rows, double avg,
                            Double ins, Double upd, Double del) {
        return new TableStats("shop", table, source, rows, avg, data, index, ins, upd, del,
                ins == null ? null : "deltas over 10.0 s", null, null, null, null, null);
    }

    @Test
    void withoutAnyStatisticsNothingIsSaid() {
        AnalysisReport r = analyze(Configuration.DEFAULT, StatisticsSource.NONE,
                file("V1__a.sql", "ALTER TABLE a FORCE;\nALTER TABLE b ADD INDEX ib (x);\n"),
                file("V2__b.sql", "ALTER TABLE c FORCE;\n"));
        assertThat(findings(r, "long-rebuild")).isEmpty();
        assertThat(findings(r, "row-log-may-overflow")).isEmpty();
    }

    @Test
    void statisticsForSomeTablesButNotOthersMeansOneInfoForTheWholeRun() {
        AnalysisReport r = analyze(Configuration.DEFAULT, StatisticsSource.NONE,
                file("V1__a.sql", "-- ddl-lint:stats z data=1MB\nALTER TABLE a FORCE;\nALTER TABLE b ADD INDEX ib (x);\n"),
                file("V2__b.sql", "ALTER TABLE c FORCE;\n"));
        List<Finding> notes = findings(r, "long-rebuild");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(notes.get(0).path()).isEqualTo("V1__a.sql");
        assertThat(notes.get(0).line()).isEqualTo(2);
        assertThat(notes.get(0).message()).contains("not estimated", "no statistics for `a`",
                "no live connection", "no statistics snapshot", "no '-- ddl-lint:stats a …' line");
        assertThat(findings(r, "row-log-may-overflow")).isEmpty();
    }

    @Test
    void liveWinsOverSnapshotWhichWinsOverDeclaredAndEachFigureSaysWhereItCameFrom() throws IOException {
        // The snapshot: a 100 GB table, busy. Declared: small. Live: sizes only (no rates readable).
        StatsSnapshot snapshot = new StatsSnapshot(null, Instant.parse("2026-01-02T03:04:05Z"),
                new ServerStats(null, "8.0.36", 268_435_456L, 1_048_576L, new ConnectionHint("db1", 3306, "shop", null)),
                List.of(stats("orders", null, 100e9, 20e9, 500e6, 200, 100d, 2000d, 10d)));
        Path snap = dir.resolve("stats.json");
        snapshot.write(snap);
        Configuration c = Configuration.DEFAULT.withEstimate(EstimateSettings.DEFAULT.withStatsFile(snap));
        String sql = "-- ddl-lint:stats orders data=1MB rows=10 updates=1/s\n" + KNOWN_ORDERS + "ALTER TABLE orders FORCE;\n";

        AnalysisReport fromSnapshot = analyze(c, StatisticsSource.NONE, file("V5__f.sql", sql));
        Finding overflow = findings(fromSnapshot, "row-log-may-overflow").get(0);
        assertThat(overflow.help()).contains("D, clustered index = 93.1 GiB   [snapshot stats.json (2026-01-02T03:04:05Z)]")
                .contains("updates 2,000/s").contains("deltas over 10.0 s")
                .contains("L_max, B = 256 MiB, 1 MiB   [snapshot stats.json")
                .contains("--host=db1 --port=3306").contains("--database=shop --table=orders");

        // Live sizes win; the rates (not in the live answer) still come from the snapshot.
        AnalysisReport fromLive = analyze(c, live(null, stats("orders", "live db1:3306", 50e9, 0, 1e8, 500, null,
                null, null)), file("V5__f.sql", sql));
        String help = findings(fromLive, "row-log-may-overflow").stream().findFirst().map(Finding::help)
                .orElseThrow(() -> new AssertionError(fromLive.findings()));
        assertThat(help).contains("D, clustered index = 46.6 GiB   [live db1:3306]")
                .contains("rows written = inserts 100/s, updates 2,000/s, deletes 10/s   [snapshot stats.json");

        // Without snapshot and live: the declared line.
        AnalysisReport declared = analyze(Configuration.DEFAULT, StatisticsSource.NONE, file("V5__f.sql", sql));
        assertThat(findings(declared, "long-rebuild")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.help()).contains("[declared in V5__f.sql:1]");
        });
    }

    @Test
    void configuredTablesAndDefaultRatesComeLast() {
        EstimateSettings e = new EstimateSettings(null, 10e6, null, 0d, 50d, 0d, null, null, null, null, null, null,
                null, Map.of("orders", TableStats.parse("orders", Map.of("data", "30GB"),
                "configured: estimate.tables.orders")));
        AnalysisReport r = analyze(Configuration.DEFAULT.withEstimate(e), StatisticsSource.NONE,
                file("V1__x.sql", KNOWN_ORDERS + "SET SESSION lock_wait_timeout = 5;\nALTER TABLE orders FORCE;\n"));
        Finding f = findings(r, "long-rebuild").get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("3,000 s (50 min)", "estimate.maxDuration");
        assertThat(f.help()).contains("[configured: estimate.tables.orders]")
                .contains("θ, throughput = 9.5 MiB/s   [configured: estimate.rebuildThroughput]")
                .contains("[configured default: estimate.writes]").contains("gh-ost ").contains("pt-online-schema-change ");
    }

    @Test
    void escalationNamesWhatStopsTheToolsAndNeverAPassword() {
        TableStats t = stats("orders", "live db1:3306", 100e9, 0, 5e8, 200, 0d, 5000d, 0d)
                .withDependencies(false, List.of(), List.of("fk_customer → shop.customers"),
                        List.of("shop.order_items.fk_order"), List.of("trg_audit"));
        StatisticsSource live = live(new ServerStats("live db1:3306", "8.0.36", 134_217_728L, 1_048_576L,
                ConnectionHint.fromJdbcUrl("jdbc:mysql://db1:3306/shop?user=deploy&password=s3cret")), t);
        AnalysisReport r = analyze(Configuration.DEFAULT.withTarget(TargetServer.parse("mysql:8.0.36")), live,
                file("V7__x.sql", KNOWN_ORDERS + "SET SESSION lock_wait_timeout = 5;\n"
                        + "ALTER TABLE orders ADD COLUMN note VARCHAR(20), ALGORITHM=INPLACE, LOCK=NONE;\n"));
        String help = findings(r, "row-log-may-overflow").get(0).help();
        assertThat(help).doesNotContain("s3cret").doesNotContain("password")
                .contains("gh-ost --host=db1 --port=3306 --user=deploy --ask-pass --database=shop --table=orders "
                        + "--alter=\"ADD COLUMN note VARCHAR (20)\"")
                .contains("pt-online-schema-change --alter \"ADD COLUMN note VARCHAR (20)\" --ask-pass --user deploy "
                        + "--alter-foreign-keys-method=auto")
                .contains("h=db1,P=3306,D=shop,t=orders --execute")
                // MySQL 8.0.32+: pt-osc's row estimate needs EXPLAIN's traditional format (docs/pt-osc.md).
                .contains("--set-vars lock_wait_timeout=5,explain_format=TRADITIONAL --no-version-check h=db1")
                .contains("gh-ost: refuses tables with foreign keys; this one has fk_customer → shop.customers")
                .contains("gh-ost: refuses tables that foreign keys reference; referenced by shop.order_items.fk_order")
                .contains("gh-ost: refuses tables with triggers; this one has trg_audit")
                .contains("pt-online-schema-change: refuses tables with triggers (trg_audit) unless run with "
                        + "--preserve-triggers")
                .contains("needs a PRIMARY KEY or a UNIQUE key on NOT NULL columns");
        // The long-rebuild finding on the same statement points at it instead of repeating it.
        assertThat(findings(r, "long-rebuild").get(0).help()).contains("row-log-may-overflow finding of this "
                + "statement").doesNotContain("gh-ost --host");
    }

    @Test
    void blockersFromTheSchemaModel() {
        String sql = """
                CREATE TABLE customers (id BIGINT PRIMARY KEY);
                CREATE TABLE orders (id BIGINT NOT NULL, customer_id BIGINT,
                  CONSTRAINT fk_c FOREIGN KEY (customer_id) REFERENCES customers (id));
                """;
        String alter = "-- ddl-lint:stats customers data=100GB updates=10k/s\n"
                + "SET SESSION lock_wait_timeout = 5;\nALTER TABLE customers FORCE;\n"
                + "-- ddl-lint:stats orders data=100GB updates=10k/s\nALTER TABLE orders FORCE;\n";
        AnalysisReport r = analyze(Configuration.DEFAULT, StatisticsSource.NONE, file("V1__init.sql", sql),
                file("V2__rebuild.sql", alter));
        List<Finding> f = findings(r, "row-log-may-overflow");
        assertThat(f).hasSize(2);
        assertThat(f.get(0).help()).contains("referenced by orders.fk_c");
        assertThat(f.get(1).help()).contains("this one has fk_c → customers")
                .contains("needs a PRIMARY KEY or a UNIQUE key on NOT NULL columns");
    }

    @Test
    void aBadStatsLineIsAnInvalidDirectiveNamingTheLine() {
        AnalysisReport r = analyze(Configuration.DEFAULT, StatisticsSource.NONE,
                file("V1__x.sql", "-- ddl-lint:stats orders size=12GB\nSELECT 1;\n"));
        assertThat(findings(r, "invalid-directive")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).contains("unknown key 'size'");
        });
    }

    @Test
    void aMissingSnapshotIsSaidInTheNoteAndABrokenOneFails() throws IOException {
        Path missing = dir.resolve("nope.json");
        AnalysisReport r = analyze(Configuration.DEFAULT.withEstimate(EstimateSettings.DEFAULT.withStatsFile(missing)),
                StatisticsSource.NONE, file("V1__x.sql", "ALTER TABLE t FORCE;\n"));
        assertThat(findings(r, "long-rebuild").get(0).message()).contains("nope.json").contains("does not exist");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"something else\"}");
        assertThatThrownBy(() -> analyze(Configuration.DEFAULT.withEstimate(EstimateSettings.DEFAULT
                .withStatsFile(broken)), StatisticsSource.NONE, file("V1__x.sql", "ALTER TABLE t FORCE;\n")))
                .isInstanceOf(StatsSnapshot.SnapshotException.class).hasMessageContaining("broken.json");
    }

    @Test
    void offRulesAreSilent() {
        Configuration c = Configuration.DEFAULT.withEstimate(EstimateSettings.DEFAULT);
        c = new Configuration(c.target(), c.failOn(), Map.of(), Map.of(), Map.of("long-rebuild", Severity.OFF,
                "row-log-may-overflow", Severity.OFF), c.parseTimeoutMillis(), c.newTables());
        AnalysisReport r = analyze(c, StatisticsSource.NONE, file("V1__x.sql",
                "-- ddl-lint:stats t data=100GB updates=10k/s\nALTER TABLE t FORCE;\nALTER TABLE u FORCE;\n"));
        assertThat(findings(r, "long-rebuild")).isEmpty();
        assertThat(findings(r, "row-log-may-overflow")).isEmpty();
    }
}
