package dev.ddllint.verify;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.LockLevel;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.Verdict;
import dev.ddllint.verify.Agreement.Outcome;
import dev.ddllint.verify.LadderAnswer.Attempt;
import dev.ddllint.verify.LadderAnswer.Mode;
import dev.ddllint.verify.LadderAnswer.Rebuild;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Agreement}: the static verdict against the server's answer, as the differential tester judges. */
class AgreementTest {

    private static LadderAnswer ladder(Algorithm a, boolean rebuilt, LockLevel lock, Attempt asWritten) {
        return new LadderAnswer(Mode.LADDER, a, rebuilt, lock, a + (lock == null ? "" : "," + lock), asWritten,
                List.of(), List.of(), List.of(), null);
    }

    private static StatementVerdict lint(Algorithm a, boolean rebuilt, LockLevel lock, List<String> refusals) {
        Verdict v = new Verdict(a, rebuilt, lock);
        return new StatementVerdict(List.of(), v, v, refusals);
    }

    private static Outcome judge(LadderAnswer server, StatementVerdict lint) {
        return Agreement.judge(server, lint, false).outcome();
    }

    @Test
    void theSameAnswerIsConfirmed() {
        assertThat(judge(ladder(Algorithm.INSTANT, false, LockLevel.NONE, null),
                lint(Algorithm.INSTANT, false, LockLevel.NONE, List.of()))).isEqualTo(Outcome.CONFIRMED);
        assertThat(judge(ladder(Algorithm.COPY, true, LockLevel.SHARED, null),
                lint(Algorithm.COPY, true, LockLevel.SHARED, List.of()))).isEqualTo(Outcome.CONFIRMED);
    }

    @Test
    void moreRestrictiveIsConservative() {
        Agreement a = Agreement.judge(ladder(Algorithm.INPLACE, false, LockLevel.NONE, null),
                lint(Algorithm.COPY, true, LockLevel.SHARED, List.of()), false);
        assertThat(a.outcome()).isEqualTo(Outcome.CONSERVATIVE);
        assertThat(a.outcome().disagreement()).isFalse();
        assertThat(a.details()).singleElement().asString().contains("ddl-lint: COPY");
    }

    @Test
    void moreOnlineIsADisagreement() {
        assertThat(judge(ladder(Algorithm.COPY, true, LockLevel.SHARED, null),
                lint(Algorithm.INSTANT, false, LockLevel.NONE, List.of()))).isEqualTo(Outcome.UNSAFE_LOCK);
        // MariaDB 11.8 copies with LOCK=NONE: the lock agrees, the algorithm is the lie
        assertThat(judge(ladder(Algorithm.COPY, true, LockLevel.NONE, null),
                lint(Algorithm.INPLACE, false, LockLevel.NONE, List.of()))).isEqualTo(Outcome.UNSAFE_ALGORITHM);
        assertThat(judge(ladder(Algorithm.INPLACE, true, LockLevel.NONE, null),
                lint(Algorithm.INPLACE, false, LockLevel.NONE, List.of()))).isEqualTo(Outcome.UNSAFE_ALGORITHM);
        assertThat(Outcome.UNSAFE_LOCK.disagreement()).isTrue();
    }

    @Test
    void aWrittenClauseTheServerRefusesMustBeReported() {
        Attempt refused = new Attempt(false, 1846, "ALGORITHM=INPLACE is not supported", 0, Rebuild.NONE, false);
        LadderAnswer server = ladder(Algorithm.COPY, true, LockLevel.SHARED, refused);
        assertThat(judge(server, lint(Algorithm.COPY, true, LockLevel.SHARED, List.of())))
                .isEqualTo(Outcome.REFUSAL_MISSED);
        assertThat(judge(server, lint(Algorithm.COPY, true, LockLevel.SHARED, List.of("ALGORITHM=INPLACE is refused"))))
                .isEqualTo(Outcome.CONFIRMED);
        Attempt accepted = new Attempt(true, 0, null, 0, Rebuild.NONE, false);
        assertThat(judge(ladder(Algorithm.INSTANT, false, LockLevel.NONE, accepted),
                lint(Algorithm.INSTANT, false, LockLevel.NONE, List.of("refused")))).isEqualTo(Outcome.FALSE_REFUSAL);
    }

    @Test
    void noAnswerIsNotVerifiedAndNoVerdictForACopyIsADisagreement() {
        LadderAnswer invalid = new LadderAnswer(Mode.INVALID, null, false, null, null, null, List.of(), List.of(),
                List.of(), "setup failed");
        assertThat(judge(invalid, lint(Algorithm.INSTANT, false, LockLevel.NONE, List.of())))
                .isEqualTo(Outcome.NOT_VERIFIED);
        LadderAnswer copied = new LadderAnswer(Mode.NO_CLAUSE, Algorithm.COPY, true, null, "NO_CLAUSE", null,
                List.of(), List.of(), List.of(), null);
        assertThat(judge(copied, null)).isEqualTo(Outcome.NO_VERDICT);
        // OPTIMIZE TABLE: a rebuild seen, no copy visible: a COPY verdict is neither confirmed nor refuted
        LadderAnswer optimize = new LadderAnswer(Mode.NO_CLAUSE, Algorithm.INPLACE, true, null, "NO_CLAUSE", null,
                List.of(), List.of(), List.of(), null);
        assertThat(Agreement.judge(optimize, lint(Algorithm.COPY, true, LockLevel.SHARED, List.of()), true).outcome())
                .isEqualTo(Outcome.UNSETTLED);
    }
}
