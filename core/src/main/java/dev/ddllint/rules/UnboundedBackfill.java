package dev.ddllint.rules;

import dev.ddllint.sql.Token;

import java.util.List;

/**
 * A data change that may touch any number of rows in one statement: UPDATE/DELETE whose WHERE pins no value
 * (ranges, IS NULL, comparisons between columns) and has no LIMIT, or INSERT … SELECT without a LIMIT. One big
 * transaction locks every row it touches, grows the undo log and makes replicas lag by its whole duration.
 */
public final class UnboundedBackfill implements StatementRule {

    public static final String ID = "unbounded-backfill";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.EXECUTION, Risk.AVAILABILITY,
            "A backfill (UPDATE/DELETE by range, INSERT … SELECT) runs as one unbounded transaction");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        DmlText dml = DmlText.of(ctx);
        if (dml.verb() == null || dml.limited() || dml.table() == null) {
            return;
        }
        String what;
        if (dml.fromSelect()) {
            what = dml.verb() + " … SELECT into `" + dml.table() + "` copies every row the SELECT returns";
        } else if ((dml.verb().equals("UPDATE") || dml.verb().equals("DELETE")) && dml.where() != null
                && !pinsAValue(dml.where())) {
            what = dml.verb() + " on `" + dml.table() + "` changes every row its WHERE matches, with no LIMIT";
        } else {
            return;
        }
        sink.report(INFO, what + ", in one transaction: on a large table it locks those rows until it commits, "
                        + "grows the undo log, and replicas lag by the time it takes",
                "backfill in batches, each its own short transaction, with a pause between them: "
                        + (dml.verb().equals("DELETE") ? "DELETE FROM " + dml.table() + " WHERE … LIMIT 1000;"
                        : dml.verb().equals("UPDATE") ? "UPDATE " + dml.table() + " SET … WHERE … AND id BETWEEN "
                        + "<n> AND <n + 999>;" : "INSERT INTO " + dml.table() + " … SELECT … WHERE id BETWEEN <n> "
                        + "AND <n + 999>;") + " repeated until it changes nothing (a script, an application job, or "
                        + "pt-archiver); keep it out of the schema migration");
    }

    /** A condition that names values: col = 'x', col IN (…). Ranges, IS NULL and column comparisons do not. */
    private static boolean pinsAValue(List<Token> where) {
        for (int i = 0; i < where.size(); i++) {
            Token t = where.get(i);
            if (t.is("IN")) {
                return true;
            }
            if (t.isSymbol("=") && i + 1 < where.size()) {
                Token next = where.get(i + 1);
                if (next.type() == Token.Type.STRING || next.type() == Token.Type.NUMBER) {
                    return true;
                }
            }
        }
        return false;
    }
}
