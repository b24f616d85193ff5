package dev.ddllint.estimate;

import dev.ddllint.estimate.RowLogEstimator.Rates;
import dev.ddllint.estimate.RowLogEstimator.Request;
import dev.ddllint.estimate.RowLogEstimator.Result;
import dev.ddllint.estimate.RowLogEstimator.Work;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The estimator, table-driven: inputs → duration, bytes per logged row, log rate, peak, verdict. The first rows
 * are the worked examples of row-log.md §3.3 (decimal units, as there: GB = 1e9, MB/s = 1e6).
 */
class RowLogEstimatorTest {

    static final long MIB = 1024 * 1024;
    static final long DEFAULT_MAX = 128 * MIB;

    /**
     * One row of the table.
     *
     * @param seconds  expected T_build
     * @param ins,upd,del expected bytes per logged row (NaN: no log)
     * @param rate     expected bytes/s (NaN: not estimated)
     * @param peak     expected peak bytes (NaN: not estimated)
     * @param ceiling  expected ceiling
     * @param overflow expected verdict (null: not estimated)
     */
    record Case(String name, Request in, double seconds, double ins, double upd, double del, double rate,
                double peak, long ceiling, Boolean overflow, boolean certain) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Request rebuild(double d, double x, double theta, double r, double pk, boolean pkChanges, Rates rates,
                           long max, long block, double safety) {
        return new Request(Work.TABLE_REBUILD, d, x, theta, r, pk, pkChanges, List.of(), 1.0, rates, true, max,
                block, safety);
    }

    static Request index(double d, double theta, List<Double> k, double share, Rates rates, long max, long block,
                         double safety) {
        return new Request(Work.INDEX_BUILD, d, 0, theta, 0, 8, false, k, share, rates, true, max, block, safety);
    }

    static Stream<Case> cases() {
        Rates worked = new Rates(500, 1500, 100);
        return Stream.of(
                // row-log.md worked example (rebuild): D = 200 GB, X = 50 GB, r = 200 B, BIGINT PK, θ = 50 MB/s.
                // T = 250 GB / 50 MB/s = 5,000 s; b_ins = b_upd = 203 B, b_del = 25 B;
                // rate = 500·203 + 1500·203 + 100·25 = 408,500 B/s ≈ 0.41 MB/s; peak ≈ 2.04 GB ≫ 127 MiB.
                new Case("worked example: rebuild, 2.0 GB vs 127 MiB",
                        rebuild(200e9, 50e9, 50e6, 200, 8, false, worked, DEFAULT_MAX, MIB, 1.5),
                        5000, 203, 203, 25, 408_500, 2.0425e9, DEFAULT_MAX - MIB, true, true),
                // row-log.md worked example (secondary index on INT, BIGINT PK: k = 13), 10 % of updates touch it.
                // T = 200 GB / 50 MB/s = 4,000 s; b = 22 / 38 (×0.1 = 3.8) / 16; rate = 18,300 B/s ≈ 18 KB/s;
                // peak ≈ 73 MB: fits 127 MiB (1.82×) with safety 1.5 …
                new Case("worked example: index build, 73 MB fits with safety 1.5",
                        index(200e9, 50e6, List.of(13d), 0.1, worked, DEFAULT_MAX, MIB, 1.5),
                        4000, 22, 3.8, 16, 18_300, 73.2e6, DEFAULT_MAX - MIB, false, false),
                // … and is flagged with safety 2 ("flag as warning" in row-log.md: margin under 2×).
                new Case("worked example: index build, flagged with safety 2",
                        index(200e9, 50e6, List.of(13d), 0.1, worked, DEFAULT_MAX, MIB, 2.0),
                        4000, 22, 3.8, 16, 18_300, 73.2e6, DEFAULT_MAX - MIB, true, false),
                // Several new indexes: one log each, the largest entry decides.
                new Case("two indexes: the larger entry decides",
                        index(200e9, 50e6, List.of(13d, 41d), 0.1, worked, DEFAULT_MAX, MIB, 1.5),
                        4000, 50, 9.4, 44, 500 * 50 + 1500 * 9.4 + 100 * 44, (500 * 50 + 1500 * 9.4 + 100 * 44) * 4000,
                        DEFAULT_MAX - MIB, true, true),
                // A PRIMARY KEY change: each UPDATE also logs the old key (1 + pk + 13).
                new Case("primary key change: updates log the old key too",
                        rebuild(1e9, 0, 10e6, 100, 8, true, new Rates(0, 10, 0), DEFAULT_MAX, MIB, 1.5),
                        100, 103, 125, 25, 1250, 125_000, DEFAULT_MAX - MIB, false, false),
                // No writes: an empty log always fits.
                new Case("no writes: nothing logged",
                        rebuild(10e9, 2e9, 40e6, 300, 8, false, new Rates(0, 0, 0), DEFAULT_MAX, MIB, 1.5),
                        300, 303, 303, 25, 0, 0, DEFAULT_MAX - MIB, false, false),
                // Write rates unknown: duration only.
                new Case("rates unknown: no row-log estimate",
                        rebuild(10e9, 2e9, 40e6, 300, 8, false, null, DEFAULT_MAX, MIB, 1.5),
                        300, 303, 303, 25, Double.NaN, Double.NaN, DEFAULT_MAX - MIB, null, false),
                // Writes blocked (COPY / LOCK=SHARED): no row log at all.
                new Case("writes blocked: no row log",
                        new Request(Work.TABLE_REBUILD, 10e9, 2e9, 40e6, 300, 8, false, List.of(), 1, worked, false,
                                DEFAULT_MAX, MIB, 1.5),
                        300, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, DEFAULT_MAX - MIB, null, false),
                // The server's minimum limit (64 KiB) is below one 1 MiB block: the first full block fails.
                new Case("64 KiB limit: the first 1 MiB block already fails",
                        rebuild(60e6, 9e6, 20e6, 239, 8, false, new Rates(0, 5000, 0), 65536, MIB, 1.5),
                        3.45, 242, 242, 25, 1_210_000, 4_174_500, MIB, true, true),
                // A bigger limit and the same load: fits.
                new Case("32 MiB limit, same load: fits",
                        rebuild(60e6, 9e6, 20e6, 239, 8, false, new Rates(0, 5000, 0), 32 * MIB, MIB, 1.5),
                        3.45, 242, 242, 25, 1_210_000, 4_174_500, 31 * MIB, false, false),
                // Fits only without the safety factor: "may overflow", not certain.
                new Case("within the safety margin: may overflow",
                        rebuild(1e9, 0, 10e6, 97, 8, false, new Rates(10_000, 0, 0), DEFAULT_MAX, MIB, 1.5),
                        100, 100, 100, 25, 1e6, 1e8, DEFAULT_MAX - MIB, true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void estimates(Case c) {
        Result r = RowLogEstimator.estimate(c.in());
        assertThat(r.seconds()).as("T_build").isCloseTo(c.seconds(), within(1e-6 * c.seconds() + 1e-9));
        assertThat(r.ceiling()).as("ceiling").isEqualTo(c.ceiling());
        if (Double.isNaN(c.ins())) {
            assertThat(r.rowBytes()).as("bytes per row").isNull();
        } else {
            assertThat(r.rowBytes().insert()).as("bytes per insert").isCloseTo(c.ins(), within(1e-9));
            assertThat(r.rowBytes().update()).as("bytes per update").isCloseTo(c.upd(), within(1e-9));
            assertThat(r.rowBytes().delete()).as("bytes per delete").isCloseTo(c.del(), within(1e-9));
        }
        if (Double.isNaN(c.rate())) {
            assertThat(r.logRate()).as("log rate").isNull();
            assertThat(r.peakLogBytes()).as("peak").isNull();
        } else {
            assertThat(r.logRate()).as("log rate").isCloseTo(c.rate(), within(1e-6 * c.rate() + 1e-9));
            assertThat(r.peakLogBytes()).as("peak").isCloseTo(c.peak(), within(1e-6 * c.peak() + 1e-9));
        }
        assertThat(r.overflow()).as("overflow").isEqualTo(c.overflow());
        assertThat(r.certain()).as("certain").isEqualTo(c.certain());
    }

    @ParameterizedTest(name = "L_max {0}, B {1} → {2}")
    @MethodSource("ceilings")
    void ceilingIsTheLimitLessOneBlockButAtLeastOneBlock(long max, long block, long expected) {
        assertThat(RowLogEstimator.ceiling(max, block)).isEqualTo(expected);
    }

    static Stream<Arguments> ceilings() {
        return Stream.of(Arguments.of(DEFAULT_MAX, MIB, DEFAULT_MAX - MIB),
                Arguments.of(65536L, MIB, MIB),
                Arguments.of(2 * MIB, MIB, MIB),
                Arguments.of(4L * 1024 * MIB, 64 * MIB, 4L * 1024 * MIB - 64 * MIB));
    }

    @org.junit.jupiter.api.Test
    void workedRebuildExampleIsAbout16TimesTheDefault() {
        Result r = RowLogEstimator.estimate(rebuild(200e9, 50e9, 50e6, 200, 8, false, new Rates(500, 1500, 100),
                DEFAULT_MAX, MIB, 1.5));
        // "peak_log ≈ 0.41 MB/s × 5 000 s ≈ 2.0 GB, about 16 × the 128 MiB default"
        assertThat(r.peakLogBytes() / DEFAULT_MAX).isBetween(15.0, 16.0);
        assertThat(r.marginFactor()).isLessThan(1);
    }
}
