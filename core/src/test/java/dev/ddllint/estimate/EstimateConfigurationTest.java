package dev.ddllint.estimate;

import dev.ddllint.config.Configuration;
import dev.ddllint.config.ConfigurationException;
import dev.ddllint.config.ConfigurationLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The estimate: block and the lock-wait keys of ddl-lint.yml. */
class EstimateConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryKey() throws Exception {
        Configuration c = ConfigurationLoader.parse("""
                lockWaitTimeoutSetByRunner: true
                maxLockWaitTimeout: 30
                estimate:
                  statsFile: db/ddl-lint-stats.json
                  rebuildThroughput: 48MiB
                  indexThroughput: 100MB/s
                  writes: {inserts: 10, updates: 1.5k, deletes: 0}
                  indexedUpdateShare: 0.25
                  onlineAlterLogMaxSize: 1GiB
                  sortBufferSize: 4M
                  safetyFactor: 2
                  maxDuration: 30m
                  maxTableSize: 20GiB
                  writeSampleSeconds: 5
                  tables:
                    orders: {rows: 50M, data: 200GB, index: 50GB, avgRow: 214, updates: 1500}
                    crm.contacts: {data: 1GB}
                """, "ddl-lint.yml");
        assertThat(c.lockWaitTimeoutSetByRunner()).isTrue();
        assertThat(c.maxLockWaitTimeoutSeconds()).isEqualTo(30);
        EstimateSettings e = c.estimate();
        assertThat(e.statsFile()).isEqualTo(Path.of("db/ddl-lint-stats.json"));
        assertThat(e.rebuildThroughput()).isEqualTo(48d * 1024 * 1024);
        assertThat(e.indexThroughput()).isEqualTo(1e8);
        assertThat(e.updatesPerSecond()).isEqualTo(1500);
        assertThat(e.indexedUpdateShare()).isEqualTo(0.25);
        assertThat(e.onlineAlterLogMaxSize()).isEqualTo(1L << 30);
        assertThat(e.sortBufferSize()).isEqualTo(4L << 20);
        assertThat(e.safety()).isEqualTo(2);
        assertThat(e.maxDuration()).isEqualTo(1800);
        assertThat(e.maxTableSize()).isEqualTo(20d * (1L << 30));
        assertThat(e.sampleSeconds()).isEqualTo(5);
        assertThat(e.tables()).containsKeys("orders", "crm.contacts");
        assertThat(e.tables().get("orders").dataLength()).isEqualTo(2e11);
        assertThat(e.tables().get("crm.contacts").schema()).isEqualTo("crm");
        // with… keeps the new settings
        assertThat(c.withFailOn(dev.ddllint.rules.Severity.WARNING).estimate()).isEqualTo(e);
        assertThat(c.withTarget(c.target()).lockWaitTimeoutSetByRunner()).isTrue();
    }

    @Test
    void defaults() {
        assertThat(Configuration.DEFAULT.estimate()).isEqualTo(EstimateSettings.DEFAULT);
        assertThat(Configuration.DEFAULT.lockWaitTimeoutSetByRunner()).isFalse();
        assertThat(Configuration.DEFAULT.maxLockWaitTimeoutSeconds()).isEqualTo(60);
        assertThat(EstimateSettings.DEFAULT.rebuildThroughputInput().source()).contains("built-in default");
        assertThat(EstimateSettings.DEFAULT.maxDuration()).isEqualTo(600);
        assertThat(EstimateSettings.DEFAULT.safety()).isEqualTo(1.5);
    }

    @Test
    void unknownKeysAndBadValuesNameFileAndLine() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("estimate:\n  throughput: 10MB\n", "x.yml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("x.yml:2: unknown key 'estimate.throughput'").hasMessageContaining("rebuildThroughput");
        assertThatThrownBy(() -> ConfigurationLoader.parse("estimate:\n  maxDuration: soon\n", "x.yml"))
                .hasMessageContaining("x.yml:2: estimate.maxDuration: 'soon' is not a duration");
        assertThatThrownBy(() -> ConfigurationLoader.parse("estimate:\n  writes: {updates: 5, reads: 9}\n", "x.yml"))
                .hasMessageContaining("x.yml:2: unknown key 'estimate.writes.reads'");
        assertThatThrownBy(() -> ConfigurationLoader.parse("estimate:\n  tables:\n    t: {size: 1GB}\n", "x.yml"))
                .hasMessageContaining("x.yml:3: estimate.tables.t: unknown key 'size'");
        assertThatThrownBy(() -> ConfigurationLoader.parse("estimate:\n  onlineAlterLogMaxSize: 1K\n", "x.yml"))
                .hasMessageContaining("at least 65536");
        assertThatThrownBy(() -> ConfigurationLoader.parse("lockWaitTimeoutSetByRunner: maybe\n", "x.yml"))
                .hasMessageContaining("x.yml:1: lockWaitTimeoutSetByRunner: 'maybe' is not true or false");
        assertThatThrownBy(() -> ConfigurationLoader.parse("maxLockWaitTimeout: 0\n", "x.yml"))
                .hasMessageContaining("x.yml:1: maxLockWaitTimeout");
    }

    @Test
    void aRelativeStatsFileIsRelativeToTheConfigurationFile() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("config"));
        Path yml = sub.resolve("ddl-lint.yml");
        Files.writeString(yml, "estimate:\n  statsFile: ../db/stats.json\n");
        assertThat(ConfigurationLoader.load(yml).estimate().statsFile())
                .isEqualTo(dir.resolve("db/stats.json").toAbsolutePath().normalize());
    }
}
