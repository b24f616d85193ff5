package dev.ddllint.verify;

import dev.ddllint.estimate.Units;

import java.util.List;

/**
 * What the scratch server said about one statement, beside ddl-lint's static verdict (the part of a statement's
 * report that {@code ddl-lint verify} adds).
 *
 * @param server     the scratch server ({@code MySQL 9.7.0})
 * @param outcome    how the static verdict stands against the server's answer
 * @param answer     the server's answer in one line ({@code INPLACE,NONE rebuild}, {@code INSTANT}, …), or null when
 *                   the statement did not run
 * @param rebuilt    the server rebuilt the table (its InnoDB table ids changed)
 * @param refusals   each ALGORITHM/LOCK rung the server refused, with its error
 * @param details    why the outcome is not {@link Agreement.Outcome#CONFIRMED}, one sentence each
 * @param reproducer the session settings, the tables' setup and the statement, to run on an empty database
 * @param measured   the statement timed on rows copied from the source ({@code --sample-rows}), or null
 */
public record ServerCheck(String server, Agreement.Outcome outcome, String answer, boolean rebuilt,
                          List<String> refusals, List<String> details, String reproducer, Measured measured) {

    /** Without a timed run. */
    public ServerCheck(String server, Agreement.Outcome outcome, String answer, boolean rebuilt,
                       List<String> refusals, List<String> details, String reproducer) {
        this(server, outcome, answer, rebuilt, refusals, details, reproducer, null);
    }

    /**
     * The statement as written, timed on the scratch table filled with up to N rows of the source table, and the
     * duration that rate gives for the source's whole table.
     *
     * @param rows          rows copied into the scratch table (in primary-key order)
     * @param seconds       how long the statement took on them
     * @param sampleBytes   the scratch table's data + index length after ANALYZE TABLE, before the statement
     * @param sourceRows    the source table's row count as information_schema estimates it, or null
     * @param sourceBytes   the source table's data + index length, or null
     * @param staticSeconds ddl-lint's own estimate for the statement, or null when it had none
     * @param note          how the rows were chosen, when not in key order, or null
     * @param scales        the work grows with the rows (the server rebuilt or copied the table, or ddl-lint says it
     *                      builds an index); an INSTANT change does not, so it is not extrapolated
     */
    public record Measured(long rows, double seconds, long sampleBytes, Long sourceRows, Long sourceBytes,
                           Double staticSeconds, String note, boolean scales) {

        public double rowsPerSecond() {
            return rows / Math.max(seconds, 1e-6);
        }

        /** Bytes of the table (data + indexes) rebuilt per second. */
        public double bytesPerSecond() {
            return sampleBytes / Math.max(seconds, 1e-6);
        }

        /**
         * The source table's duration at the measured rows/s, measured on its real rows (so at their real size);
         * null when the source's row count is unknown. A small sample carries the statement's fixed cost, so this
         * errs long.
         */
        public Double calibratedSeconds() {
            return sourceRows == null || !scales ? null : sourceRows / rowsPerSecond();
        }

        /**
         * {@code measured on 1,000 sample rows (112 KiB): 0.04 s, 25,000 rows/s; for the source's ~2.1M rows
         * (230 MiB): ~1.5 min; ddl-lint's estimate: ~2 min}.
         */
        public String describe() {
            Double calibrated = calibratedSeconds();
            return "measured on " + Units.count(rows) + " sample row" + (rows == 1 ? "" : "s") + " ("
                    + Units.bytes(sampleBytes) + ", " + Units.count(Math.round((double) sampleBytes / Math.max(rows, 1)))
                    + " B/row): " + String.format(java.util.Locale.ROOT, "%.3f s", seconds)
                    + ", " + Units.count(Math.round(rowsPerSecond())) + " rows/s"
                    + (!scales ? "; no rebuild or index build: it does not grow with the rows"
                    : calibrated == null ? "" : "; for the source's ~" + Units.count(sourceRows == null ? 0
                    : sourceRows) + " rows"
                    + ": ~" + Units.seconds(calibrated))
                    + "; ddl-lint's estimate: " + (staticSeconds == null ? "none (no statistics)"
                    : "~" + Units.seconds(staticSeconds))
                    + (note == null ? "" : " (" + note + ")");
        }
    }

    /** Where a disagreement is reported. */
    public static final String ISSUES = "https://github.com/ddl-lint/ddl-lint/issues/new";

    public ServerCheck {
        refusals = List.copyOf(refusals);
        details = List.copyOf(details);
    }

    public boolean disagreement() {
        return outcome.disagreement();
    }

    /** For a disagreement: how to report it (null otherwise). */
    public String howToFile() {
        if (!disagreement()) {
            return null;
        }
        return "this is a ddl-lint knowledge-base error; please file it at " + ISSUES + " with the title \"verify: "
                + outcome + " on " + server + "\", the lines above and this reproducer (run it on an empty database):";
    }
}
