package dev.ddllint.rules;

/** UPDATE without a WHERE: every row is overwritten, in one transaction. */
public final class UpdateWithoutWhere implements StatementRule {

    public static final String ID = "update-without-where";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.DATA_LOSS, Risk.AVAILABILITY,
            "UPDATE without a WHERE overwrites every row of the table in one transaction");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        DmlText dml = DmlText.of(ctx);
        if (!"UPDATE".equals(dml.verb()) || dml.where() != null || dml.joined() || dml.table() == null) {
            return;
        }
        sink.report(INFO, "UPDATE on `" + dml.table() + "` has no WHERE: it overwrites every row's old values"
                        + (dml.limited() ? " that LIMIT reaches" : "") + " in one transaction, which locks every "
                        + "row until it commits, grows the undo log and makes replicas lag",
                "update in batches by key range, each its own transaction: UPDATE " + dml.table() + " SET … WHERE "
                        + "id BETWEEN <n> AND <n + 999>; (or WHERE <column> IS NULL LIMIT 1000, repeated until it "
                        + "changes nothing), with a pause between batches");
    }
}
