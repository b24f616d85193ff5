package dev.ddllint.verify;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * ddl-lint's static verdict for one statement beside what the server did with it, judged the way the differential
 * tester judges its cases: the same answer is {@link Outcome#CONFIRMED}; ddl-lint more restrictive (a stronger lock,
 * a costlier algorithm: INSTANT &lt; INPLACE &lt; INPLACE with rebuild &lt; COPY) is {@link Outcome#CONSERVATIVE};
 * ddl-lint more online than the server is a disagreement, which fails the run.
 *
 * @param details one sentence per difference found ("server: INPLACE with table rebuild, LOCK=NONE; ddl-lint: …")
 */
public record Agreement(Outcome outcome, List<String> details) {

    public Agreement {
        details = List.copyOf(details);
    }

    /** How a static verdict stands against the server's answer; names are part of the JSON report. */
    public enum Outcome {
        /** the server did what ddl-lint said */
        CONFIRMED(false),
        /** ddl-lint is at least as restrictive in every respect and more in one: safe, only pessimistic */
        CONSERVATIVE(false),
        /** ddl-lint reports a refusal of the written ALGORITHM=/LOCK= that the server accepts (pessimistic too) */
        FALSE_REFUSAL(false),
        /**
         * the server's answer cannot settle it: OPTIMIZE TABLE answers with a result set and accepts no clause, so
         * a copy is not seen; ddl-lint's rebuild or copy is neither confirmed nor refuted
         */
        UNSETTLED(false),
        /** the server could not run the statement here (its table unknown, a replay failure, a server error) */
        NOT_VERIFIED(false),
        /** ddl-lint's lock is weaker than the server's: it calls online what blocks writes */
        UNSAFE_LOCK(true),
        /** ddl-lint's algorithm is cheaper than the server's (instant or in place where it rebuilds or copies) */
        UNSAFE_ALGORITHM(true),
        /** the server ran the DDL; ddl-lint gave it no verdict */
        NO_VERDICT(true),
        /** the server refuses the written ALGORITHM=/LOCK=; ddl-lint says it runs */
        REFUSAL_MISSED(true),
        /** as written, the server copies or rebuilds where ddl-lint's effective verdict does not */
        UNSAFE_AS_WRITTEN(true);

        private final boolean disagreement;

        Outcome(boolean disagreement) {
            this.disagreement = disagreement;
        }

        /** ddl-lint is more online than the server: a knowledge-base error, the run fails. */
        public boolean disagreement() {
            return disagreement;
        }
    }

    /**
     * Judges {@code known} (null: ddl-lint gave no verdict) against the server's {@code answer}.
     *
     * @param resultSetStatement the statement answers with a result set (OPTIMIZE TABLE)
     */
    public static Agreement judge(LadderAnswer answer, StatementVerdict known, boolean resultSetStatement) {
        List<String> details = new ArrayList<>();
        if (answer.mode() == LadderAnswer.Mode.INVALID) {
            return new Agreement(Outcome.NOT_VERIFIED, List.of("the server did not run it: " + answer.error()));
        }
        if (known == null) {
            if (answer.mode() == LadderAnswer.Mode.NO_CLAUSE && answer.algorithm() == null) {
                return new Agreement(Outcome.CONFIRMED, List.of("no verdict; the server neither copies nor rebuilds"));
            }
            return new Agreement(Outcome.NO_VERDICT, List.of("server: " + answer.describe() + "; ddl-lint: none"));
        }
        Verdict n = known.natural();
        Outcome outcome = Outcome.CONFIRMED;
        if (answer.mode() == LadderAnswer.Mode.LADDER) {
            Verdict server = new Verdict(answer.algorithm(), answer.rebuilt(), answer.lock());
            int lock = Integer.compare(n.lock().ordinal(), server.lock().ordinal());
            int algorithm = Integer.compare(rank(n), rank(server));
            if (lock < 0) {
                outcome = Outcome.UNSAFE_LOCK;
            } else if (algorithm < 0) {
                outcome = Outcome.UNSAFE_ALGORITHM;
            } else if (lock > 0 || algorithm > 0) {
                outcome = Outcome.CONSERVATIVE;
            }
            if (outcome != Outcome.CONFIRMED) {
                details.add("server: " + server + " (accepted " + answer.rung() + "); ddl-lint: " + n);
            }
        } else {
            int serverRank = answer.algorithm() == null ? 1 : answer.algorithm() == Algorithm.COPY ? 3 : 2;
            int lintRank = Math.max(rank(n), 1);
            if (lintRank < serverRank) {
                outcome = Outcome.UNSAFE_ALGORITHM;
            } else if (lintRank > serverRank) {
                outcome = resultSetStatement && (serverRank == 2
                        || answer.flags().stream().anyMatch(f -> f.startsWith("NEW_IDS")))
                        ? Outcome.UNSETTLED : Outcome.CONSERVATIVE;
            }
            if (outcome != Outcome.CONFIRMED) {
                details.add("server (no clause accepted): " + answer.describe() + "; ddl-lint: " + n);
            }
        }
        LadderAnswer.Attempt written = answer.asWritten();
        if (written != null) {
            boolean lintRefuses = !known.refusals().isEmpty();
            if (!written.accepted() && !lintRefuses) {
                outcome = worse(outcome, Outcome.REFUSAL_MISSED);
                details.add("as written: the server refuses it (" + written.errorCode() + " " + written.message()
                        + "); ddl-lint reports no refusal");
            } else if (written.accepted() && lintRefuses) {
                outcome = worse(outcome, Outcome.FALSE_REFUSAL);
                details.add("as written: the server accepts it; ddl-lint reports " + known.refusals());
            } else if (written.accepted()) {
                Verdict e = known.effective();
                boolean copies = written.copiedRows();
                boolean rebuilds = copies || written.rebuild() == LadderAnswer.Rebuild.FULL;
                boolean lintCopies = e.algorithm() == Algorithm.COPY;
                if ((copies && !lintCopies) || (rebuilds && !(lintCopies || e.rebuildsTable()))) {
                    outcome = worse(outcome, Outcome.UNSAFE_AS_WRITTEN);
                    details.add("as written: server " + written + "; ddl-lint effective: " + e);
                }
            }
        }
        return new Agreement(outcome, details);
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
        if (a.disagreement) {
            return a;
        }
        return b.disagreement || a == Outcome.CONFIRMED ? b : a;
    }
}
