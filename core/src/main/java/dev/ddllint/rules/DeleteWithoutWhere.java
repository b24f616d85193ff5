package dev.ddllint.rules;

/** DELETE without a WHERE: every row of the table goes, in one transaction. */
public final class DeleteWithoutWhere implements StatementRule {

    public static final String ID = "delete-without-where";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.DATA_LOSS, Risk.AVAILABILITY,
            "DELETE without a WHERE deletes every row of the table in one transaction");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        DmlText dml = DmlText.of(ctx);
        if (!"DELETE".equals(dml.verb()) || dml.where() != null || dml.joined() || dml.table() == null) {
            return;
        }
        sink.report(INFO, "DELETE on `" + dml.table() + "` has no WHERE: it deletes every row" + (dml.limited()
                        ? " that LIMIT reaches, in no particular order" : "") + ", in one transaction that locks "
                        + "them all, grows the undo log and makes replicas lag",
                "say which rows: DELETE FROM " + dml.table() + " WHERE <condition> LIMIT 1000; repeated until it "
                        + "deletes nothing; to empty the table on purpose, swap in an empty copy (CREATE TABLE "
                        + dml.table() + "_new LIKE " + dml.table() + "; RENAME TABLE " + dml.table() + " TO "
                        + dml.table() + "_old, " + dml.table() + "_new TO " + dml.table() + ";)");
    }
}
