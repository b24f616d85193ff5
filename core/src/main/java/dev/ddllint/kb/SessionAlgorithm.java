package dev.ddllint.kb;

import dev.ddllint.model.RequestedAlgorithm;

/**
 * The ALGORITHM= a statement gets from the session when it does not write one (checked on the servers, affected
 * rows &gt; 0 meaning a copy):
 * <ul>
 *   <li>MySQL, {@code old_alter_table=ON}: an ALTER/CREATE INDEX/DROP INDEX without ALGORITHM= copies the table;
 *       an explicit ALGORITHM=INSTANT or INPLACE is still honoured (MySQL 9.7).</li>
 *   <li>MariaDB, {@code alter_algorithm} (and {@code old_alter_table=1}, its alias, which sets it to COPY): the
 *       implied ALGORITHM= when the statement writes none, so INSTANT/NOCOPY/INPLACE are refused where the
 *       operation cannot honour them. With COPY even an explicit ALGORITHM=INSTANT or NOCOPY copies the table;
 *       only an explicit INPLACE is honoured (MariaDB 10.11). MariaDB 11.8 ignores {@code alter_algorithm} (warning
 *       4200) and has no {@code old_alter_table}; versions between are assumed to honour it, which can only make a
 *       verdict stricter.</li>
 * </ul>
 */
public final class SessionAlgorithm {

    private SessionAlgorithm() {
    }

    /** The ALGORITHM= the statement runs with: as written, or as the session implies. */
    public static RequestedAlgorithm requested(RequestedAlgorithm written, SessionState session,
                                               TargetServer target) {
        if (session == null) {
            return written;
        }
        if (target.isMySql()) {
            return session.oldAlterTable() && written == RequestedAlgorithm.DEFAULT ? RequestedAlgorithm.COPY
                    : written;
        }
        if (target.version().atLeast(11, 8, 0)) {
            return written;
        }
        String implied = session.alterAlgorithm() != null ? session.alterAlgorithm()
                : session.oldAlterTable() ? "COPY" : null;
        if (implied == null) {
            return written;
        }
        RequestedAlgorithm asked = RequestedAlgorithm.valueOf(implied);
        if (asked == RequestedAlgorithm.COPY && written != RequestedAlgorithm.INPLACE
                && written != RequestedAlgorithm.COPY) {
            return RequestedAlgorithm.COPY;
        }
        return written == RequestedAlgorithm.DEFAULT ? asked : written;
    }

    /** Why the statement runs with another ALGORITHM= than written ("old_alter_table=ON …"), or null. */
    public static String why(RequestedAlgorithm written, SessionState session, TargetServer target) {
        RequestedAlgorithm r = requested(written, session, target);
        if (r == written) {
            return null;
        }
        return "ALGORITHM=" + r + " implied by " + session.algorithmSetBy();
    }
}
