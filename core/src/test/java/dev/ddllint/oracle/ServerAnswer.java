package dev.ddllint.oracle;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.LockLevel;

import dev.ddllint.verify.LadderAnswer;

import java.util.List;

/**
 * What a real server did with one case: core's {@link LadderAnswer} (from {@code ServerLadder}) as the oracle and
 * the differential tests read it, with {@link Mode#NOT_APPLICABLE} for a case that does not run on the server.
 *
 * @param mode      how the answer was found
 * @param algorithm the strongest algorithm accepted; for {@link Mode#NO_CLAUSE} only COPY (rows were copied) or
 *                  INPLACE with a rebuild are known, else null ("INSTANT or INPLACE without rebuild")
 * @param rebuilt   the table was rebuilt (every InnoDB table/partition id changed)
 * @param lock      the least restrictive lock accepted; null when it cannot be asked ({@link Mode#NO_CLAUSE})
 * @param rung      the accepted rung ({@code INSTANT}, {@code NOCOPY,NONE}, {@code INPLACE,SHARED}, ...)
 * @param asWritten the DDL exactly as written, when it names ALGORITHM= or LOCK= (else null)
 * @param flags     oddities observed, e.g. {@code ACCEPTED_BUT_COPIED(INSTANT)}
 * @param attempts  every statement run, with its outcome (for the report)
 */
public record ServerAnswer(Mode mode, Algorithm algorithm, boolean rebuilt, LockLevel lock, String rung,
                           LadderAnswer.Attempt asWritten, List<String> flags, List<String> attempts, String error) {

    /** The ladder's answer for a case that ran. */
    static ServerAnswer of(LadderAnswer a) {
        Mode mode = Mode.valueOf(a.mode().name());
        return new ServerAnswer(mode, a.algorithm(), a.rebuilt(), a.lock(), a.rung(), a.asWritten(),
                a.flags(), a.attempts(), a.error());
    }

    public enum Mode {
        /** the ladder found the strongest accepted ALGORITHM/LOCK combination */
        LADDER,
        /** the server accepts no ALGORITHM/LOCK clause on this statement: only copies and rebuilds were observed */
        NO_CLAUSE,
        /** the case does not run on this server (setup or statement failed): a broken case */
        INVALID,
        /** the case's {@code @@only} excludes this server */
        NOT_APPLICABLE
    }

    public String describe() {
        return switch (mode) {
            case LADDER -> rung + (rebuilt ? " rebuild" : "") + (flags.isEmpty() ? "" : " " + flags);
            case NO_CLAUSE -> "NO_CLAUSE(" + (algorithm == null ? "no copy, no rebuild" : algorithm
                    + (rebuilt ? " rebuild" : "")) + ")" + (flags.isEmpty() ? "" : " " + flags);
            case INVALID -> "INVALID: " + error;
            case NOT_APPLICABLE -> "n/a";
        };
    }
}
