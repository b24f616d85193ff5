package dev.ddllint.estimate;

import java.util.List;

/**
 * The arithmetic of the estimate, as {@code row-log.md} (§3) derives it; pure functions, no I/O.
 *
 * <pre>
 * T_build  = (D + X) / θ                     table rebuild: the clustered index and every secondary index
 *          = D / θ                           secondary-index build: one scan of the clustered index
 * rate_log = i·b_ins + u·b_upd + d·b_del     bytes per second written to the row log
 * peak_log = rate_log · T_build              nothing is applied (drained) before the build ends
 * ceiling  = max(L_max − B, B)               innodb_online_alter_log_max_size less one innodb_sort_buffer_size block
 * overflow ⇔ peak_log · safety ≥ ceiling
 * </pre>
 *
 * Bytes per logged row (§3.2): a table rebuild logs the whole clustered record after the change, {@code 3 + r}
 * per INSERT and UPDATE ({@code + 1 + pk + 13} when the PRIMARY KEY changes) and {@code 4 + pk + 13} per
 * DELETE; a secondary-index build logs the index entry {@code k = 1 + key + pk}: {@code 9 + k} per INSERT,
 * {@code 3 + k} per DELETE, and {@code 12 + 2k} per UPDATE that changes the indexed columns (a delete plus an
 * insert; other updates log nothing). Each index being built has its own log and its own limit, so the
 * largest entry decides.
 *
 * <p>The ceiling: a block is written when full and the write fails when {@code offset + B ≥ L_max}, so the
 * backlog can hold about {@code L_max − B} (row-log.md §1b); with {@code L_max ≤ B} the first full block
 * already fails, so never less than {@code B}.
 */
public final class RowLogEstimator {

    /** Per-record overhead of the rebuild log for INSERT/UPDATE: operation byte + extra_size (1–2 B). */
    static final int REBUILD_HEADER = 3;
    /** DB_TRX_ID (6) + DB_ROLL_PTR (7) in a rebuild-log DELETE record. */
    static final int TRX_ID_ROLL_PTR = 13;

    private RowLogEstimator() {
    }

    /** What is built. */
    public enum Work {
        /** the clustered index and all secondary indexes are rebuilt; one row log for the table */
        TABLE_REBUILD,
        /** one or more secondary indexes are built; one row log per index */
        INDEX_BUILD
    }

    /** Bytes written to the row log per row inserted, updated and deleted. */
    public record RowBytes(double insert, double update, double delete) {
    }

    /** Rows per second. */
    public record Rates(double inserts, double updates, double deletes) {

        public double total() {
            return inserts + updates + deletes;
        }
    }

    /**
     * Everything the estimate needs.
     *
     * @param dataBytes           D, the clustered index
     * @param indexBytes          X, the secondary indexes
     * @param throughput          θ, bytes per second (of D + X for a rebuild, of D for an index build)
     * @param recordBytes         r, the clustered record (rebuild log)
     * @param pkBytes             PRIMARY KEY bytes
     * @param pkChanges           the ALTER changes the PRIMARY KEY (UPDATEs then also log the old key)
     * @param indexEntryBytes     k per index being built (index build)
     * @param indexedUpdateShare  share of UPDATEs that change the indexed columns (index build)
     * @param rates               rows per second, or null when unknown (no row-log estimate then)
     * @param concurrentDml       false when the ALTER blocks writes (COPY, LOCK=SHARED): no row log at all
     * @param logMaxSize          L_max
     * @param blockSize           B
     * @param safety              the overflow margin factor
     */
    public record Request(Work work, double dataBytes, double indexBytes, double throughput, double recordBytes,
                          double pkBytes, boolean pkChanges, List<Double> indexEntryBytes, double indexedUpdateShare,
                          Rates rates, boolean concurrentDml, long logMaxSize, long blockSize, double safety) {

        public Request {
            indexEntryBytes = indexEntryBytes == null ? List.of() : List.copyOf(indexEntryBytes);
        }
    }

    /**
     * The estimate.
     *
     * @param buildBytes    bytes the build processes (D + X, or D)
     * @param seconds       T_build
     * @param rowBytes      bytes per logged row (for an index build: of the largest index entry); null without a log
     * @param logRate       bytes per second into the row log, or null (no log, or rates unknown)
     * @param peakLogBytes  the backlog when the build ends, or null
     * @param ceiling       what the log can hold
     * @param overflow      peak · safety ≥ ceiling; null when not estimated
     * @param certain       peak ≥ ceiling even without the safety factor
     */
    public record Result(double buildBytes, double seconds, RowBytes rowBytes, Double logRate, Double peakLogBytes,
                         long ceiling, Boolean overflow, boolean certain) {

        /**
         * ceiling / peak: how many times the estimated log fits ({@code +∞} for an empty log); null when not
         * estimated.
         */
        public Double marginFactor() {
            if (peakLogBytes == null) {
                return null;
            }
            return peakLogBytes <= 0 ? Double.POSITIVE_INFINITY : ceiling / peakLogBytes;
        }
    }

    /**
     * Rebuild log, §3.2: {@code 3 + r} per INSERT/UPDATE (+ {@code 1 + pk + 13} on a PK change),
     * {@code 4 + pk + 13} per DELETE.
     */
    public static RowBytes rebuildRowBytes(double recordBytes, double pkBytes, boolean pkChanges) {
        double ins = REBUILD_HEADER + recordBytes;
        double upd = ins + (pkChanges ? 1 + pkBytes + TRX_ID_ROLL_PTR : 0);
        double del = 4 + pkBytes + TRX_ID_ROLL_PTR;
        return new RowBytes(ins, upd, del);
    }

    /** Index log, §3.2: {@code 9 + k} per INSERT, {@code share · (12 + 2k)} per UPDATE, {@code 3 + k} per DELETE. */
    public static RowBytes indexRowBytes(double entryBytes, double indexedUpdateShare) {
        return new RowBytes(9 + entryBytes, indexedUpdateShare * (12 + 2 * entryBytes), 3 + entryBytes);
    }

    /** {@code max(L_max − B, B)}. */
    public static long ceiling(long logMaxSize, long blockSize) {
        return Math.max(logMaxSize - blockSize, blockSize);
    }

    public static Result estimate(Request r) {
        if (r.throughput() <= 0) {
            throw new IllegalArgumentException("throughput must be positive");
        }
        double build = r.work() == Work.TABLE_REBUILD ? r.dataBytes() + r.indexBytes() : r.dataBytes();
        double seconds = build / r.throughput();
        long ceiling = ceiling(r.logMaxSize(), r.blockSize());
        if (!r.concurrentDml()) {
            return new Result(build, seconds, null, null, null, ceiling, null, false);
        }
        RowBytes bytes;
        if (r.work() == Work.TABLE_REBUILD) {
            bytes = rebuildRowBytes(r.recordBytes(), r.pkBytes(), r.pkChanges());
        } else {
            double k = r.indexEntryBytes().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            bytes = indexRowBytes(k, r.indexedUpdateShare());
        }
        if (r.rates() == null) {
            return new Result(build, seconds, bytes, null, null, ceiling, null, false);
        }
        double rate = r.rates().inserts() * bytes.insert() + r.rates().updates() * bytes.update()
                + r.rates().deletes() * bytes.delete();
        double peak = rate * seconds;
        boolean overflow = peak * r.safety() >= ceiling;
        return new Result(build, seconds, bytes, rate, peak, ceiling, overflow, peak >= ceiling);
    }
}
