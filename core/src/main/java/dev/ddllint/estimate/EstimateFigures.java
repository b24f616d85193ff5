package dev.ddllint.estimate;

import dev.ddllint.kb.Verdict;
import dev.ddllint.model.IndexDefinition;

import java.util.List;

/**
 * What {@link Estimation} decided for one statement, before any text: every input of the arithmetic with where it
 * came from. {@link #request()} is what {@link RowLogEstimator} computes with; {@link EstimateWorking} shows it.
 *
 * @param table        the table as the messages name it ({@code `shop`.`orders`})
 * @param work         what the ALTER builds
 * @param verdict      the statement's effective verdict (its algorithm and lock)
 * @param indexes      the indexes an index build builds (empty for a table rebuild)
 * @param data         D, the clustered index
 * @param dataFromRows D was not given and is rows × average row length
 * @param index        X, the secondary indexes (0 when not given)
 * @param indexGiven   X was given
 * @param rows         N, or null when not given
 * @param throughput   θ
 * @param concurrent   writes go on during the build (INPLACE without a write lock), so there is a row log
 * @param record       r, the clustered record (a table rebuild with a row log; NaN when unknown), else null
 * @param pk           the PRIMARY KEY's bytes (with a row log), else null
 * @param entries      k of each index being built (an index build with a row log), else empty
 * @param share        the share of UPDATEs that change the indexed columns
 * @param rates        rows written per second (with a row log), or null when unknown
 * @param ratesSource  where the rates come from, or null when unknown
 * @param logMax       L_max, innodb_online_alter_log_max_size
 * @param block        B, innodb_sort_buffer_size
 * @param pkChanges    the ALTER changes the PRIMARY KEY
 * @param safety       the overflow margin factor
 * @param assumptions  what was assumed, in the order found
 */
record EstimateFigures(String table, RowLogEstimator.Work work, Verdict verdict, List<IndexDefinition> indexes,
                       Input data, boolean dataFromRows, Input index, boolean indexGiven, Input rows,
                       Input throughput, boolean concurrent, Input record, Input pk, List<IndexEntry> entries,
                       Input share, RowLogEstimator.Rates rates, String ratesSource, Input logMax, Input block,
                       boolean pkChanges, double safety, List<String> assumptions) {

    /** The entry size of one index being built; {@code name} null for an unnamed index. */
    record IndexEntry(String name, Input bytes) {
    }

    EstimateFigures {
        indexes = List.copyOf(indexes);
        entries = List.copyOf(entries);
        assumptions = List.copyOf(assumptions);
    }

    /** Without the record size the bytes per logged row are not known: the row log is then not estimated. */
    boolean recordKnown() {
        return record == null || !Double.isNaN(record.value());
    }

    RowLogEstimator.Request request() {
        double recordBytes = record == null || !recordKnown() ? 0 : record.value();
        return new RowLogEstimator.Request(work, data.value(), index.value(), throughput.value(), recordBytes,
                pk == null ? 0 : pk.value(), pkChanges, entries.stream().map(e -> e.bytes().value()).toList(),
                share.value(), recordKnown() ? rates : null, concurrent, (long) logMax.value(),
                (long) block.value(), safety);
    }
}
