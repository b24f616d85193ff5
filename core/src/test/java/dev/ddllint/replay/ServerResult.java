package dev.ddllint.replay;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.LockLevel;

import java.util.List;

/**
 * What the server did with one replayed DDL statement.
 *
 * @param mode       how the answer was found
 * @param algorithm  the first accepted rung's algorithm; for {@link Mode#NO_CLAUSE} COPY (rows copied), INPLACE
 *                   (rebuilt) or null (neither seen)
 * @param rebuilt    the table's InnoDB id(s) changed, or a copy; null when not observable (not InnoDB, no ladder)
 * @param lock       the least restrictive lock accepted; null when it could not be asked
 * @param rung       the accepted rung as run ({@code INSTANT}, {@code INPLACE,NONE}, ...)
 * @param asWritten  for a statement naming ALGORITHM=/LOCK=: "accepted" or "refused: errno message"; else null
 * @param error      why the statement failed on the server ({@link Mode#FAILED})
 * @param engine     the table's engine before the statement (null: table not found)
 * @param rows       rows in the table before the statement (-1: unknown)
 * @param proxy      the statement the ladder ran instead (OPTIMIZE → ALTER TABLE … FORCE; MariaDB DROP INDEX → ALTER
 *                   TABLE … DROP INDEX), or null
 */
record ServerResult(Mode mode, Algorithm algorithm, Boolean rebuilt, LockLevel lock, String rung, List<String> flags,
                    String asWritten, String error, String engine, long rows, String proxy) {

    enum Mode {
        /** the ladder found the first accepted ALGORITHM/LOCK rung */
        LADDER,
        /** no clause is valid SQL on the statement: it ran as written, copy/rebuild observed */
        NO_CLAUSE,
        /** it names ALGORITHM=/LOCK= and was accepted as written (it is then applied; no ladder possible) */
        AS_WRITTEN,
        /** the server refuses the statement whatever the clauses */
        FAILED
    }

    ServerResult {
        flags = List.copyOf(flags);
    }

    String describe() {
        String s = switch (mode) {
            case LADDER -> rung + (Boolean.TRUE.equals(rebuilt) && algorithm != Algorithm.COPY ? " rebuild" : "");
            case AS_WRITTEN -> "AS_WRITTEN(" + (algorithm == null ? "?" : algorithm) + (Boolean.TRUE.equals(rebuilt)
                    ? " rebuild" : "") + ")";
            case NO_CLAUSE -> "NO_CLAUSE(" + (algorithm == null ? "no copy, no rebuild" : algorithm
                    + (Boolean.TRUE.equals(rebuilt) ? " rebuild" : "")) + ")";
            case FAILED -> "FAILED " + error;
        };
        if (mode != Mode.FAILED && rebuilt == null) {
            s += " rebuild?";
        }
        if (proxy != null) {
            s += " via[" + proxy + "]";
        }
        if (!flags.isEmpty()) {
            s += " " + flags;
        }
        if (asWritten != null) {
            s += " as-written:" + asWritten;
        }
        return s;
    }
}
