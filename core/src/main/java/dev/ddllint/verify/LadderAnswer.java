package dev.ddllint.verify;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.LockLevel;

import java.util.List;

/**
 * What a real server did with one statement when {@link ServerLadder} asked it the ALGORITHM/LOCK ladder.
 *
 * @param mode      how the answer was found
 * @param algorithm the strongest algorithm accepted; for {@link Mode#NO_CLAUSE} only COPY (rows were copied) or
 *                  INPLACE with a rebuild are known, else null ("INSTANT or INPLACE without rebuild")
 * @param rebuilt   the table was rebuilt (every InnoDB table/partition id changed)
 * @param lock      the least restrictive lock accepted; null when it cannot be asked ({@link Mode#NO_CLAUSE})
 * @param rung      the accepted rung ({@code INSTANT}, {@code NOCOPY,NONE}, {@code INPLACE,SHARED}, ...)
 * @param asWritten the statement exactly as written, when it names ALGORITHM= or LOCK= (else null)
 * @param refusals  each refused rung with the server's error ({@code INSTANT: 1846 ALGORITHM=INSTANT is not …})
 * @param flags     oddities observed, e.g. {@code ACCEPTED_BUT_COPIED(INSTANT)}
 * @param attempts  every statement run, with its outcome (for the report)
 * @param error     why there is no answer ({@link Mode#INVALID}), else null
 */
public record LadderAnswer(Mode mode, Algorithm algorithm, boolean rebuilt, LockLevel lock, String rung,
                           Attempt asWritten, List<String> refusals, List<String> flags, List<String> attempts,
                           String error) {

    public LadderAnswer {
        refusals = List.copyOf(refusals);
        flags = List.copyOf(flags);
        attempts = List.copyOf(attempts);
    }

    public enum Mode {
        /** the ladder found the strongest accepted ALGORITHM/LOCK combination */
        LADDER,
        /** the server accepts no ALGORITHM/LOCK clause on this statement: only copies and rebuilds were observed */
        NO_CLAUSE,
        /** the statement (or the tables it needs) does not run on this server */
        INVALID
    }

    /** One execution: refused (with the error) or accepted (with rows copied and rebuild). */
    public record Attempt(boolean accepted, int errorCode, String message, long rows, Rebuild rebuild,
                          boolean resultSet) {

        /** Accepted and the server reported affected rows: it copied the table. */
        public boolean copiedRows() {
            return accepted && rows > 0;
        }

        @Override
        public String toString() {
            return accepted ? "OK rows=" + rows + " rebuild=" + rebuild : "ERROR " + errorCode + " " + message;
        }
    }

    /**
     * Table ids compared before and after: all changed (a rebuild), some changed (partitions), none changed, or
     * all changed but the table is left without rows (TRUNCATE PARTITION ALL, DISCARD TABLESPACE: recreated empty,
     * nothing was copied, so not a rebuild).
     */
    public enum Rebuild { FULL, PARTIAL, NONE, RECREATED_EMPTY }

    /** One line: {@code INPLACE,NONE rebuild}, {@code NO_CLAUSE(COPY rebuild)}, {@code INVALID: …}. */
    public String describe() {
        return switch (mode) {
            case LADDER -> rung + (rebuilt ? " rebuild" : "") + (flags.isEmpty() ? "" : " " + flags);
            case NO_CLAUSE -> "NO_CLAUSE(" + (algorithm == null ? "no copy, no rebuild" : algorithm
                    + (rebuilt ? " rebuild" : "")) + ")" + (flags.isEmpty() ? "" : " " + flags);
            case INVALID -> "INVALID: " + error;
        };
    }
}
