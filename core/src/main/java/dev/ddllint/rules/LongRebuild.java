package dev.ddllint.rules;

import dev.ddllint.estimate.RowLogEstimator;
import dev.ddllint.estimate.StatementEstimate;
import dev.ddllint.estimate.Units;

/**
 * A rebuild or index build estimated to take longer than {@code estimate.maxDuration} (or on a table above
 * {@code estimate.maxTableSize}): replicas lag by as long, and the row log has that long to fill. Carries the
 * gh-ost / pt-online-schema-change commands for the same change. Within the limits the estimate is reported as an
 * info. When statistics were given (live, snapshot, ddl-lint:stats lines) but not for a table, one info per
 * analysis says its estimate was skipped; without any statistics nothing is said.
 */
public final class LongRebuild implements StatementRule {

    public static final String ID = "long-rebuild";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.ESTIMATE, Risk.DATA,
            "The rebuild or index build is estimated to take longer than the configured limit");
    /** The estimate within the limits, and "no statistics": informational. */
    static final RuleInfo NOTE = INFO.withDefaultSeverity(Severity.INFO);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        StatementEstimate e = ctx.estimate();
        switch (e.status()) {
            case NOT_APPLICABLE -> {
            }
            case NO_STATISTICS -> {
                // Only when statistics were asked for (a live server, a snapshot, ddl-lint:stats lines): without
                // any, estimates are off and a note on every run would be noise.
                if (ctx.estimation().hasAnySource() && ctx.once().firstInRun("estimate-skipped")) {
                    sink.report(NOTE, "rebuild duration and row log not estimated: " + e.skipReason()
                                    + " (said once per run)",
                            "give ddl-lint table statistics: --jdbc-url (read-only), or a snapshot written by "
                                    + "'ddl-lint stats' / 'mvn ddl-lint:stats' and named in estimate.statsFile, or a "
                                    + "'-- ddl-lint:stats TABLE rows=… data=… updates=…/s' line; see "
                                    + "docs/estimation.md");
                }
            }
            case ESTIMATED -> {
                String what = e.work() == RowLogEstimator.Work.INDEX_BUILD ? "index build" : "rebuild";
                if (e.overLimits()) {
                    // With a row-log-may-overflow finding on the same statement, the working is there once.
                    boolean shownThere = e.overflow()
                            && ctx.config().severityOf(RowLogMayOverflow.INFO) != Severity.OFF;
                    sink.report(INFO, "the " + what + " of " + e.table() + " is estimated at "
                                    + Units.seconds(e.result().seconds()) + ", " + String.join("; ", e.limitReasons())
                                    + ": replicas lag by as long, and the row log fills and metadata-lock waits "
                                    + "threaten all that time",
                            "run it with gh-ost or pt-online-schema-change, off-peak, or raise the limit "
                                    + "(estimate.maxDuration, estimate.maxTableSize) if this is acceptable"
                                    + (shownThere ? "; the working and the commands are in the row-log-may-overflow "
                                    + "finding of this statement" : e.details()));
                } else {
                    sink.report(NOTE, "the " + what + " of " + e.table() + " is estimated at "
                                    + Units.seconds(e.result().seconds()) + rowLog(e) + ": within the limits",
                            "the estimate and its inputs:" + e.workingText());
                }
            }
        }
    }

    private static String rowLog(StatementEstimate e) {
        if (e.result().peakLogBytes() == null) {
            return "";
        }
        return ", row log ≈ " + Units.bytes(e.result().peakLogBytes()) + " of " + Units.bytes(e.result().ceiling());
    }
}
