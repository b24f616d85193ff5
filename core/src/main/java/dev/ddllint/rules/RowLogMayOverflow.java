package dev.ddllint.rules;

import dev.ddllint.estimate.RowLogEstimator;
import dev.ddllint.estimate.StatementEstimate;
import dev.ddllint.estimate.Units;

/**
 * An online ({@code LOCK=NONE}) rebuild or index build whose row log — the writes made while it runs — is
 * estimated to reach {@code innodb_online_alter_log_max_size}: the ALTER would fail with ERROR 1799
 * (ER_INNODB_ONLINE_LOG_TOO_BIG) after doing all its work. Estimate × {@code estimate.safetyFactor} ≥ ceiling.
 */
public final class RowLogMayOverflow implements StatementRule {

    public static final String ID = "row-log-may-overflow";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.ESTIMATE, Risk.DATA,
            "The writes made during the online ALTER may not fit in innodb_online_alter_log_max_size");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        StatementEstimate e = ctx.estimate();
        if (!e.overflow()) {
            return;
        }
        RowLogEstimator.Result r = e.result();
        String log = e.work() == RowLogEstimator.Work.INDEX_BUILD ? "index row log" : "row log";
        String size = r.certain()
                ? "≈ " + Units.bytes(r.peakLogBytes()) + ", more than the " + Units.bytes(r.ceiling()) + " it can hold"
                : "≈ " + Units.bytes(r.peakLogBytes()) + ", within a safety factor of the " + Units.bytes(r.ceiling())
                + " it can hold";
        sink.report(INFO, "the " + log + " of the " + ctx.statementName() + " on " + e.table()
                        + " may overflow: writes during its " + Units.seconds(r.seconds()) + " come to " + size
                        + " (innodb_online_alter_log_max_size); the " + ctx.statementName()
                        + " would fail with ERROR 1799 and its work be thrown away",
                "run it with gh-ost or pt-online-schema-change (commands below), or at a quiet time, or raise "
                        + "innodb_online_alter_log_max_size (dynamic, global) above the estimate with room in tmpdir; "
                        + "a bigger log also lengthens the locked final phase" + e.details());
    }
}
