package dev.ddllint.estimate;

import java.util.List;

/**
 * The estimate for one statement, as the rules report it.
 *
 * @param table        the table as the messages name it ({@code `shop`.`orders`})
 * @param work         what the ALTER builds; null when {@link Status#NOT_APPLICABLE}
 * @param result       the figures; null unless {@link Status#ESTIMATED}
 * @param working      inputs with their sources, formula and result, one line each
 * @param limitReasons why the ALTER is over the configured limits (duration, size); empty when within them
 * @param escalation   gh-ost / pt-online-schema-change commands, when over the limits or the row log may overflow
 * @param skipReason   why there is no estimate ({@link Status#NO_STATISTICS})
 * @param limits       the configured limits the figures were judged against; null unless {@link Status#ESTIMATED}
 */
public record StatementEstimate(Status status, String table, RowLogEstimator.Work work, RowLogEstimator.Result result,
                                List<String> working, List<String> limitReasons, Escalation.Plan escalation,
                                String skipReason, Limits limits) {

    /**
     * The limits of the configuration as the estimate applied them, so a report can draw the figures against them.
     *
     * @param maxDurationSeconds {@code estimate.maxDuration}: {@code long-rebuild} at or above it
     * @param safetyFactor       the row log "may overflow" when the peak × this reaches the ceiling
     */
    public record Limits(double maxDurationSeconds, double safetyFactor) {
    }

    public enum Status {
        /** the statement neither rebuilds the table nor builds an index, or the table is new (empty) */
        NOT_APPLICABLE,
        /** it does, but nothing says how big the table is */
        NO_STATISTICS,
        ESTIMATED
    }

    public static final StatementEstimate NOT_APPLICABLE = new StatementEstimate(Status.NOT_APPLICABLE, null, null,
            null, List.of(), List.of(), null, null, null);

    public StatementEstimate {
        working = List.copyOf(working);
        limitReasons = List.copyOf(limitReasons);
    }

    public static StatementEstimate noStatistics(String table, RowLogEstimator.Work work, String reason) {
        return new StatementEstimate(Status.NO_STATISTICS, table, work, null, List.of(), List.of(), null, reason, null);
    }

    public boolean estimated() {
        return status == Status.ESTIMATED;
    }

    /** The row log may overflow (estimate × safety ≥ ceiling). */
    public boolean overflow() {
        return estimated() && Boolean.TRUE.equals(result.overflow());
    }

    public boolean overLimits() {
        return estimated() && !limitReasons.isEmpty();
    }

    /** Indent of the lines after the first of a finding's help, so they line up under text reports' "= help:". */
    public static final String INDENT = "         ";

    /** The working and, when there is one, the escalation, as lines of a finding's help. */
    public String details() {
        return workingText() + escalationText();
    }

    /** The working: one line each, every line starting with a line break. */
    public String workingText() {
        StringBuilder b = new StringBuilder();
        for (String w : working) {
            b.append('\n').append(INDENT).append(w);
        }
        return b.toString();
    }

    /** The gh-ost / pt-online-schema-change commands and their blockers, or "" without an escalation. */
    public String escalationText() {
        StringBuilder b = new StringBuilder();
        if (escalation != null) {
            for (String l : escalation.lines()) {
                b.append('\n').append(INDENT).append(l);
            }
        }
        return b.toString();
    }
}
