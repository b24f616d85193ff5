package dev.ddllint.differential;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.Verdict;
import dev.ddllint.oracle.ServerAnswer;
import dev.ddllint.oracle.ServerAnswer.Mode;
import dev.ddllint.verify.LadderAnswer.Attempt;
import dev.ddllint.verify.LadderAnswer.Rebuild;

import java.util.ArrayList;
import java.util.List;

/**
 * ddl-lint's verdicts for one case against the server's answer. Unsafe outcomes are those where ddl-lint is more
 * online than the server: a weaker lock (it would let a write-blocking statement through), a cheaper algorithm
 * (INSTANT &lt; INPLACE &lt; INPLACE with rebuild &lt; COPY), no verdict at all, an explicit clause it accepts that the
 * server refuses, or, with the table unknown, anything more online than the truth.
 */
record Judgement(Outcome outcome, List<String> details) {

    enum Outcome {
        /** the case does not run on the server (a generator limitation, not a verdict) */
        INVALID(false),
        AGREE(false),
        /** ddl-lint is at least as restrictive in every respect, and more in one */
        CONSERVATIVE(false),
        /**
         * the server's answer cannot settle it: OPTIMIZE TABLE accepts no clause and answers with a result set, so a
         * copy is not seen (no affected rows); ddl-lint's rebuild or copy is neither confirmed nor refuted
         */
        UNSETTLED(false),
        /** ddl-lint reports a refusal of the explicit ALGORITHM=/LOCK= that the server accepts */
        FALSE_REFUSAL(false),
        /** ddl-lint's lock is weaker than the server's: called online while the server blocks writes */
        UNSAFE_LOCK(true),
        /** ddl-lint's algorithm is cheaper than the server's (instant or in place where it rebuilds or copies) */
        UNSAFE_ALGORITHM(true),
        /** the server ran the DDL; ddl-lint gave it no verdict */
        NO_VERDICT(true),
        /** the server refuses the explicit ALGORITHM=/LOCK= as written; ddl-lint says it runs */
        REFUSAL_MISSED(true),
        /** as written, the server copies or rebuilds where ddl-lint's effective verdict does not */
        UNSAFE_AS_WRITTEN(true),
        /** with no CREATE TABLE to read, ddl-lint's verdict is more online than the truth */
        UNSAFE_UNKNOWN_TABLE(true);

        final boolean unsafe;

        Outcome(boolean unsafe) {
            this.unsafe = unsafe;
        }
    }

    static Judgement of(ServerAnswer a, StatementVerdict known, StatementVerdict unknown, boolean classifiedForm,
                        boolean resultSetStatement) {
        List<String> details = new ArrayList<>();
        if (a.mode() == Mode.INVALID || a.mode() == Mode.NOT_APPLICABLE) {
            return new Judgement(Outcome.INVALID, List.of(String.valueOf(a.error())));
        }
        if (known == null) {
            if (!classifiedForm && a.mode() == Mode.NO_CLAUSE && a.algorithm() == null) {
                return new Judgement(Outcome.AGREE, List.of("not a classified statement; the server neither copies "
                        + "nor rebuilds"));
            }
            return new Judgement(Outcome.NO_VERDICT, List.of("server: " + a.describe()));
        }
        Verdict n = known.natural();
        Outcome outcome = Outcome.AGREE;
        if (a.mode() == Mode.LADDER) {
            Verdict server = new Verdict(a.algorithm(), a.rebuilt(), a.lock());
            int lock = Integer.compare(n.lock().ordinal(), server.lock().ordinal());
            int algorithm = Integer.compare(rank(n), rank(server));
            if (lock < 0) {
                outcome = Outcome.UNSAFE_LOCK;
            } else if (algorithm < 0) {
                outcome = Outcome.UNSAFE_ALGORITHM;
            } else if (lock > 0 || algorithm > 0) {
                outcome = Outcome.CONSERVATIVE;
            }
            if (outcome != Outcome.AGREE) {
                details.add("server: " + server + " (" + a.rung() + "); ddl-lint: " + n);
            }
        } else {
            int serverRank = a.algorithm() == null ? 1 : a.algorithm() == Algorithm.COPY ? 3 : 2;
            int lintRank = Math.max(rank(n), 1);
            if (lintRank < serverRank) {
                outcome = Outcome.UNSAFE_ALGORITHM;
            } else if (lintRank > serverRank) {
                outcome = resultSetStatement && a.flags().stream().anyMatch(f -> f.startsWith("NEW_IDS"))
                        || resultSetStatement && serverRank == 2 ? Outcome.UNSETTLED : Outcome.CONSERVATIVE;
            }
            if (outcome != Outcome.AGREE) {
                details.add("server (no clause accepted): " + a.describe() + "; ddl-lint: " + n);
            }
        }
        Attempt w = a.asWritten();
        if (w != null) {
            boolean lintRefuses = !known.refusals().isEmpty();
            if (!w.accepted() && !lintRefuses) {
                outcome = worse(outcome, Outcome.REFUSAL_MISSED);
                details.add("as written: the server refuses it (" + w.errorCode() + " " + w.message()
                        + "); ddl-lint reports no refusal");
            } else if (w.accepted() && lintRefuses) {
                outcome = worse(outcome, Outcome.FALSE_REFUSAL);
                details.add("as written: the server accepts it; ddl-lint reports " + known.refusals());
            } else if (w.accepted()) {
                Verdict e = known.effective();
                boolean copies = w.accepted() && w.rows() > 0;
                boolean rebuilds = copies || w.rebuild() == Rebuild.FULL;
                boolean lintCopies = e.algorithm() == Algorithm.COPY;
                boolean lintRebuilds = lintCopies || e.rebuildsTable();
                if ((copies && !lintCopies) || (rebuilds && !lintRebuilds)) {
                    outcome = worse(outcome, Outcome.UNSAFE_AS_WRITTEN);
                    details.add("as written: server " + w + "; ddl-lint effective: " + e);
                }
            }
        }
        if (unknown == null) {
            outcome = worse(outcome, Outcome.UNSAFE_UNKNOWN_TABLE);
            details.add("table unknown: ddl-lint gives no verdict");
        } else if (a.mode() == Mode.LADDER) {
            Verdict u = unknown.natural();
            if (u.lock().ordinal() < a.lock().ordinal() || rank(u) < rank(new Verdict(a.algorithm(), a.rebuilt(),
                    a.lock()))) {
                outcome = worse(outcome, Outcome.UNSAFE_UNKNOWN_TABLE);
                details.add("table unknown: ddl-lint " + u + " is more online than the server's "
                        + new Verdict(a.algorithm(), a.rebuilt(), a.lock()));
            }
        }
        return new Judgement(outcome, details);
    }

    /** INSTANT 0, INPLACE without rebuild 1, INPLACE with rebuild 2, COPY 3. */
    static int rank(Verdict v) {
        return switch (v.algorithm()) {
            case INSTANT -> 0;
            case INPLACE -> v.rebuildsTable() ? 2 : 1;
            case COPY -> 3;
        };
    }

    private static Outcome worse(Outcome a, Outcome b) {
        if (a.unsafe) {
            return a;
        }
        return b.unsafe || a == Outcome.AGREE ? b : a;
    }
}
