package dev.ddllint.estimate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code estimate:} block of {@code ddl-lint.yml}. A null figure is not configured: the built-in default (or,
 * for write rates, "unknown") applies. See docs/estimation.md.
 *
 * @param statsFile           the statistics snapshot written by {@code ddl-lint stats}, or null
 * @param rebuildThroughput   θ of a table rebuild: bytes of data + indexes rebuilt per second
 * @param indexThroughput     θ of a secondary-index build: bytes of data scanned per second
 * @param insertsPerSecond    write rate of tables nothing else gives a rate for (null: unknown, no row-log estimate)
 * @param indexedUpdateShare  share of UPDATEs that change the columns of an index being built (0..1)
 * @param onlineAlterLogMaxSize {@code innodb_online_alter_log_max_size} when no server or snapshot says
 * @param sortBufferSize      {@code innodb_sort_buffer_size} (one row-log block) when no server or snapshot says
 * @param safetyFactor        the row log "may overflow" when estimate × this ≥ the limit
 * @param maxDurationSeconds  {@code long-rebuild} above this estimated duration
 * @param maxTableSize        {@code long-rebuild} above this table size (data + indexes), bytes; null: no size limit
 * @param writeSampleSeconds  live write rates: sample the counters over this window (0: counters / uptime)
 * @param tables              configured statistics per table ({@code table} or {@code schema.table})
 */
public record EstimateSettings(Path statsFile, Double rebuildThroughput, Double indexThroughput,
                               Double insertsPerSecond, Double updatesPerSecond, Double deletesPerSecond,
                               Double indexedUpdateShare, Long onlineAlterLogMaxSize, Long sortBufferSize,
                               Double safetyFactor, Double maxDurationSeconds, Double maxTableSize,
                               Double writeSampleSeconds, Map<String, TableStats> tables) {

    /** 32 MiB/s: the conservative end of the 20–50 MB/s that SSD-backed 5.7/8.0 rebuilds reach (row-log.md §3.4). */
    public static final double DEFAULT_REBUILD_THROUGHPUT = 32d * 1024 * 1024;
    /** 64 MiB/s: the low end of 50–150 MB/s for one secondary-index build with parallel DDL. */
    public static final double DEFAULT_INDEX_THROUGHPUT = 64d * 1024 * 1024;
    public static final long DEFAULT_ONLINE_ALTER_LOG_MAX_SIZE = 134_217_728L;
    public static final long DEFAULT_SORT_BUFFER_SIZE = 1_048_576L;
    public static final double DEFAULT_SAFETY_FACTOR = 1.5;
    public static final double DEFAULT_MAX_DURATION_SECONDS = 600;
    public static final double DEFAULT_INDEXED_UPDATE_SHARE = 1.0;

    public static final EstimateSettings DEFAULT = new EstimateSettings(null, null, null, null, null, null, null, null,
            null, null, null, null, null, Map.of());

    public EstimateSettings {
        tables = tables == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(tables));
    }

    public Input rebuildThroughputInput() {
        return rebuildThroughput != null ? Input.of(rebuildThroughput, "configured: estimate.rebuildThroughput")
                : Input.of(DEFAULT_REBUILD_THROUGHPUT, "built-in default; measure yours with ddl-lint calibrate");
    }

    public Input indexThroughputInput() {
        return indexThroughput != null ? Input.of(indexThroughput, "configured: estimate.indexThroughput")
                : Input.of(DEFAULT_INDEX_THROUGHPUT, "built-in default; measure yours with ddl-lint calibrate");
    }

    public Input indexedUpdateShareInput() {
        return indexedUpdateShare != null ? Input.of(indexedUpdateShare, "configured: estimate.indexedUpdateShare")
                : Input.of(DEFAULT_INDEXED_UPDATE_SHARE, "built-in default: every UPDATE changes the indexed columns");
    }

    public double safety() {
        return safetyFactor != null ? safetyFactor : DEFAULT_SAFETY_FACTOR;
    }

    public double maxDuration() {
        return maxDurationSeconds != null ? maxDurationSeconds : DEFAULT_MAX_DURATION_SECONDS;
    }

    public double sampleSeconds() {
        return writeSampleSeconds != null ? writeSampleSeconds : 0;
    }

    /** True when default write rates are configured. */
    public boolean hasDefaultRates() {
        return insertsPerSecond != null || updatesPerSecond != null || deletesPerSecond != null;
    }

    public EstimateSettings withStatsFile(Path file) {
        return new EstimateSettings(file, rebuildThroughput, indexThroughput, insertsPerSecond, updatesPerSecond,
                deletesPerSecond, indexedUpdateShare, onlineAlterLogMaxSize, sortBufferSize, safetyFactor,
                maxDurationSeconds, maxTableSize, writeSampleSeconds, tables);
    }

    public EstimateSettings withRebuildThroughput(Double bytesPerSecond) {
        return new EstimateSettings(statsFile, bytesPerSecond, indexThroughput, insertsPerSecond, updatesPerSecond,
                deletesPerSecond, indexedUpdateShare, onlineAlterLogMaxSize, sortBufferSize, safetyFactor,
                maxDurationSeconds, maxTableSize, writeSampleSeconds, tables);
    }

    public EstimateSettings withSafetyFactor(Double factor) {
        return new EstimateSettings(statsFile, rebuildThroughput, indexThroughput, insertsPerSecond, updatesPerSecond,
                deletesPerSecond, indexedUpdateShare, onlineAlterLogMaxSize, sortBufferSize, factor,
                maxDurationSeconds, maxTableSize, writeSampleSeconds, tables);
    }
}
