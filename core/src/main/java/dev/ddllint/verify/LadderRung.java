package dev.ddllint.verify;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.LockLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * One rung of the ALGORITHM/LOCK ladder the servers are asked, strongest first.
 *
 * @param nocopy MariaDB's ALGORITHM=NOCOPY (INPLACE without a rebuild)
 * @param lock   the LOCK= of the rung, or null (INSTANT takes none)
 */
public record LadderRung(Algorithm algorithm, boolean nocopy, LockLevel lock) {

    /** INSTANT; NOCOPY (MariaDB); INPLACE with LOCK=NONE, SHARED, EXCLUSIVE; COPY with the same locks. */
    public static List<LadderRung> ladder(boolean mariadb) {
        List<LadderRung> rungs = new ArrayList<>();
        rungs.add(new LadderRung(Algorithm.INSTANT, false, null));
        if (mariadb) {
            rungs.add(new LadderRung(Algorithm.INPLACE, true, LockLevel.NONE));
        }
        for (LockLevel l : LockLevel.values()) {
            rungs.add(new LadderRung(Algorithm.INPLACE, false, l));
        }
        for (LockLevel l : LockLevel.values()) {
            rungs.add(new LadderRung(Algorithm.COPY, false, l));
        }
        return rungs;
    }

    public String sqlAlgorithm() {
        return nocopy ? "NOCOPY" : algorithm.name();
    }

    @Override
    public String toString() {
        return sqlAlgorithm() + (lock == null ? "" : "," + lock);
    }
}
