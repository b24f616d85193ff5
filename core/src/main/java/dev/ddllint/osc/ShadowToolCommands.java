package dev.ddllint.osc;

import dev.ddllint.estimate.ConnectionHint;
import dev.ddllint.estimate.Escalation;
import dev.ddllint.model.Statement;

/**
 * gh-ost's and Spirit's commands for the same change, generated only (neither is packaged for Debian, so ddl-lint
 * cannot test running them): paste and rehearse them without {@code --execute} first. Both read the binary log
 * instead of using triggers, and both refuse tables with foreign keys; Spirit needs MySQL 8.0 or later.
 */
public final class ShadowToolCommands {

    private ShadowToolCommands() {
    }

    /** gh-ost, prompting for the password ({@code --ask-pass}). */
    public static String ghost(Statement statement, OscPreconditions.Check check, ConnectionHint where) {
        ConnectionHint h = where == null ? ConnectionHint.UNKNOWN : where;
        return "gh-ost --host=" + word(h.host(), "\"$MYSQL_HOST\"") + " --port=" + (h.port() == null ? 3306 : h.port())
                + " --user=" + word(h.user(), "\"$MYSQL_USER\"") + " --ask-pass --database=" + word(check.database(),
                "\"$MYSQL_DATABASE\"") + " --table=" + word(check.table(), "TABLE") + " --alter="
                + quote(Escalation.alterClauses(statement)) + " --allow-on-master --chunk-size=1000"
                + " --max-load=Threads_running=25 --critical-load=Threads_running=100 --exact-rowcount"
                + " --concurrent-rowcount --verbose --execute";
    }

    /** Spirit, the password from the environment ({@code $MYSQL_PWD}, never written out). */
    public static String spirit(Statement statement, OscPreconditions.Check check, ConnectionHint where) {
        ConnectionHint h = where == null ? ConnectionHint.UNKNOWN : where;
        return "spirit --host=" + word(h.host(), "\"$MYSQL_HOST\"") + ":" + (h.port() == null ? 3306 : h.port())
                + " --username=" + word(h.user(), "\"$MYSQL_USER\"") + " --password=\"$MYSQL_PWD\" --database="
                + word(check.database(), "\"$MYSQL_DATABASE\"") + " --table=" + word(check.table(), "TABLE")
                + " --alter=" + quote(Escalation.alterClauses(statement)) + " --threads=2 --target-chunk-time=500ms";
    }

    private static String word(String value, String missing) {
        if (value == null) {
            return missing;
        }
        return value.matches("[A-Za-z0-9_.:-]+") ? value : quote(value);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
