package dev.ddllint.estimate;

import dev.ddllint.model.TableName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatsSnapshotTest {

    @Test
    void roundTripsAndMatchesTablesByNameAndSchema() {
        TableStats orders = new TableStats("shop", "orders", null, 1e6, 200d, 2e8, 5e7, 1.5, 20.25, 0d,
                "deltas over 10.0 s", true, List.of("uk_ref"), List.of("fk_c → shop.customers"),
                List.of("shop.items.fk_o"), List.of("trg"));
        TableStats other = TableStats.empty("crm", "orders", null).withRates(1d, 2d, 3d, "counters / uptime 99 s");
        StatsSnapshot s = new StatsSnapshot(null, Instant.parse("2026-03-04T05:06:07Z"),
                new ServerStats(null, "9.7.4", 134217728L, 1048576L, new ConnectionHint("db", 3307, "shop", null)),
                List.of(orders, other));
        String json = s.toJson();
        assertThat(json).contains("\"format\" : \"ddl-lint-stats/1\"").contains("\"host\" : \"db\"")
                .doesNotContain("user").doesNotContain("password");
        StatsSnapshot back = StatsSnapshot.parse(json, "stats.json");
        assertThat(back.takenAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
        assertThat(back.server()).hasValueSatisfying(v -> {
            assertThat(v.onlineAlterLogMaxSize()).isEqualTo(134217728L);
            assertThat(v.source()).isEqualTo("snapshot stats.json (2026-03-04T05:06:07Z)");
            assertThat(v.connection().port()).isEqualTo(3307);
        });
        // Unqualified: the snapshot's default schema wins when two schemas have the name.
        TableStats found = back.tables(List.of(TableName.of(null, "ORDERS"))).get(0);
        assertThat(found.schema()).isEqualTo("shop");
        assertThat(found.updatesPerSecond()).isEqualTo(20.25);
        assertThat(found.triggers()).containsExactly("trg");
        assertThat(found.hasPrimaryKey()).isTrue();
        assertThat(back.tables(List.of(TableName.of("crm", "orders"))).get(0).deletesPerSecond()).isEqualTo(3d);
        assertThat(back.tables(List.of(TableName.of(null, "missing")))).isEmpty();
        assertThat(StatsSnapshot.parse(back.toJson(), "x").toJson().replace("x", ""))
                .isEqualTo(json.replace("x", ""));
    }

    @Test
    void rejectsWhatIsNotASnapshot() {
        assertThatThrownBy(() -> StatsSnapshot.parse("not json", "a.json"))
                .hasMessageContaining("a.json: not valid JSON");
        assertThatThrownBy(() -> StatsSnapshot.parse("{}", "b.json"))
                .hasMessageContaining("b.json: not a ddl-lint statistics snapshot");
        assertThatThrownBy(() -> StatsSnapshot.parse("{\"format\":\"ddl-lint-stats/1\",\"tables\":[{\"table\":\"t\","
                + "\"rows\":\"many\"}]}", "c.json")).hasMessageContaining("c.json").hasMessageContaining("rows");
    }
}
