package dev.ddllint.estimate;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.model.IndexDefinition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The working of one estimate, as a finding's help shows it: each input with its source in brackets, then the
 * formula with the figures put in, then the result. Text only; every number comes from {@link EstimateFigures} and
 * {@link RowLogEstimator.Result}.
 */
final class EstimateWorking {

    private EstimateWorking() {
    }

    static List<String> lines(EstimateFigures f, RowLogEstimator.Result result) {
        List<String> working = new ArrayList<>();
        working.add("estimate for " + f.table() + ", " + what(f) + ":");
        inputs(f, working);
        formula(f, result, working);
        if (!f.assumptions().isEmpty()) {
            working.add("  assumed: " + String.join("; ", new LinkedHashSet<>(f.assumptions())));
        }
        return working;
    }

    private static String what(EstimateFigures f) {
        return switch (f.work()) {
            case TABLE_REBUILD -> f.verdict().algorithm() == Algorithm.COPY
                    ? "table copy (" + f.verdict() + ")" : "table rebuild (" + f.verdict() + ")";
            case INDEX_BUILD -> "secondary-index build of " + String.join(", ", f.indexes().stream()
                    .map(EstimateWorking::indexName).toList()) + " (" + f.verdict() + ")";
        };
    }

    private static String indexName(IndexDefinition index) {
        return index.name() == null ? "(unnamed)" : "`" + index.name() + "`";
    }

    private static void inputs(EstimateFigures f, List<String> working) {
        working.add(input("D, clustered index", Units.bytes(f.data().value())
                + (f.dataFromRows() ? " (rows × avgRow)" : ""), f.data().source()));
        working.add(input("X, secondary indexes", Units.bytes(f.index().value())
                + (f.indexGiven() ? "" : " (not given: 0 assumed)"), f.index().source()));
        if (f.rows() != null) {
            working.add(input("N, rows", "~" + Units.count(f.rows().value()), f.rows().source()));
        }
        working.add(input("θ, throughput", Units.rate(f.throughput().value()), f.throughput().source()));
        if (!f.concurrent()) {
            return;
        }
        if (f.work() == RowLogEstimator.Work.TABLE_REBUILD) {
            working.add(input("r, clustered record", Units.bytes(f.record().value()), f.record().source()));
            working.add(input("pk, PRIMARY KEY", Units.bytes(f.pk().value()), f.pk().source()));
        } else {
            for (EstimateFigures.IndexEntry e : f.entries()) {
                working.add(input("k, entry of " + (e.name() == null ? "the index" : "`" + e.name() + "`"),
                        Units.bytes(e.bytes().value()) + " (1 + key + pk)", e.bytes().source()));
            }
            working.add(input("share of UPDATEs changing the indexed columns", Units.factor(f.share().value()),
                    f.share().source()));
        }
        RowLogEstimator.Rates rates = f.rates();
        if (rates != null) {
            working.add(input("i, u, d, rows written", "inserts " + Units.perSecond(rates.inserts())
                    + ", updates " + Units.perSecond(rates.updates()) + ", deletes "
                    + Units.perSecond(rates.deletes()), f.ratesSource()));
        } else {
            working.add(input("i, u, d, rows written", "unknown", "no live performance_schema, snapshot, "
                    + "ddl-lint:stats line or estimate.writes"));
        }
        Input logMax = f.logMax();
        Input block = f.block();
        working.add(input("L_max, B", Units.bytes(logMax.value()) + ", " + Units.bytes(block.value()),
                logMax.source().equals(block.source()) ? logMax.source() : logMax.source() + "; " + block.source()));
    }

    private static void formula(EstimateFigures f, RowLogEstimator.Result result, List<String> working) {
        boolean rebuild = f.work() == RowLogEstimator.Work.TABLE_REBUILD;
        double data = f.data().value();
        double theta = f.throughput().value();
        working.add("  T = " + (rebuild ? "(D + X) / θ = " + Units.bytes(data + f.index().value())
                : "D / θ = " + Units.bytes(data)) + " / " + Units.rate(theta) + " ≈ "
                + Units.seconds(result.seconds()));
        if (!f.concurrent()) {
            working.add("  no row log: writes to the table wait for the whole " + Units.seconds(result.seconds())
                    + " (" + f.verdict() + ")");
            return;
        }
        RowLogEstimator.RowBytes b = result.rowBytes();
        if (b == null) {
            return;
        }
        int indexes = f.entries().size();
        working.add("  bytes per logged row: " + (rebuild
                ? "insert 3 + r = " + Units.bytes(b.insert()) + ", update " + (f.pkChanges()
                ? "3 + r + 1 + pk + 13 = " : "3 + r = ") + Units.bytes(b.update()) + ", delete 4 + pk + 13 = "
                + Units.bytes(b.delete())
                : "insert 9 + k = " + Units.bytes(b.insert()) + ", update share × (12 + 2k) = "
                + Units.bytes(b.update()) + ", delete 3 + k = " + Units.bytes(b.delete())
                + (indexes > 1 ? " (the largest of " + indexes + " indexes, one log each)" : "")));
        if (result.logRate() == null) {
            working.add("  row log not estimated: " + (f.rates() == null
                    ? "the write rate is unknown" : "the record size is unknown"));
            return;
        }
        RowLogEstimator.Rates rates = f.rates();
        working.add("  rate = i·b_ins + u·b_upd + d·b_del = " + figure(rates.inserts()) + "·"
                + Units.bytes(b.insert()) + " + " + figure(rates.updates()) + "·" + Units.bytes(b.update())
                + " + " + figure(rates.deletes()) + "·" + Units.bytes(b.delete()) + " = "
                + Units.rate(result.logRate()));
        double withSafety = result.peakLogBytes() * f.safety();
        Double margin = result.marginFactor();
        boolean overflow = Boolean.TRUE.equals(result.overflow());
        String verdictText = overflow
                ? (result.certain() ? "OVERFLOW: the estimate alone is " + Units.factor(
                result.peakLogBytes() / result.ceiling()) + "× what the log holds"
                : "MAY OVERFLOW: fits only without the safety margin")
                : "fits" + (margin == null || margin.isInfinite() ? "" : margin > 1000 ? ", over 1,000× margin"
                : ", " + Units.factor(margin) + "× margin");
        working.add("  peak ≈ rate × T = " + Units.bytes(result.peakLogBytes()) + "; × safety "
                + Units.factor(f.safety()) + " = " + Units.bytes(withSafety) + (overflow ? " ≥ " : " < ")
                + "ceiling max(L_max − B, B) = " + Units.bytes(result.ceiling()) + ": " + verdictText);
    }

    private static String input(String what, String value, String source) {
        return "  " + what + " = " + value + "   [" + source + "]";
    }

    /** A rate without its unit: {@code 1,500}, {@code 2.5}, {@code 0.001}. */
    private static String figure(double perSecond) {
        String s = Units.perSecond(perSecond);
        return s.substring(0, s.length() - 2);
    }
}
