package dev.ddllint.osc;

import dev.ddllint.estimate.ConnectionHint;
import dev.ddllint.estimate.Escalation;
import dev.ddllint.model.Statement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The pt-online-schema-change command for one checked statement, as an argument list (run without a shell) and
 * as a line to paste. The password is never part of it: the DSN names an option file ({@code F=}) that holds it,
 * or the printed line asks with {@code --ask-pass}.
 *
 * <p>Fixed choices, each for a reason: {@code --no-version-check} (no call to percona.com from a deploy);
 * {@code --recursion-method=none} when no replica is connected (the default method asks {@code SHOW SLAVE HOSTS},
 * which MySQL 8.4+ no longer has), else {@code processlist}; {@code --max-load Threads_running=25} (pause) and
 * {@code --critical-load Threads_running=100} (abort); {@code --set-vars lock_wait_timeout=N} so that creating the
 * triggers and the swap wait at most N seconds for a metadata lock instead of queueing every writer behind them,
 * plus what the check found the session needs ({@link OscPreconditions.Check#sessionVariables()}).
 */
public record PtOscCommand(List<String> argv) {

    public static final String TOOL = "pt-online-schema-change";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    public PtOscCommand {
        argv = List.copyOf(argv);
    }

    /**
     * @param executable the pt-online-schema-change to run (a path, or the name on PATH)
     * @param where      host, port and user (the database comes from the check)
     * @param optionFile the option file with the password (F=), or null: the command asks ({@code --ask-pass})
     * @param execute    {@code --execute}; false gives {@code --dry-run} (creates and alters the new table only)
     */
    public static PtOscCommand of(String executable, Statement statement, OscPreconditions.Check check,
                                  ConnectionHint where, OscOptions options, Path optionFile, boolean execute) {
        if (!check.runnable()) {
            throw new IllegalArgumentException("pt-online-schema-change must not run: " + String.join("; ",
                    check.blockers()));
        }
        List<String> a = new ArrayList<>();
        a.add(executable);
        a.add("--alter");
        a.add(Escalation.alterClauses(statement));
        a.add(execute ? "--execute" : "--dry-run");
        a.add("--no-version-check");
        a.add("--recursion-method=" + (check.replicas() > 0 ? "processlist" : "none"));
        a.addAll(options.arguments());
        a.add("--max-load=Threads_running=25");
        a.add("--critical-load=Threads_running=100");
        List<String> vars = new ArrayList<>();
        vars.add("lock_wait_timeout=" + options.lockWaitTimeout());
        vars.addAll(check.sessionVariables());
        a.add("--set-vars=" + String.join(",", vars));
        a.add("--progress=time,5");
        if (optionFile == null) {
            a.add("--ask-pass");
        }
        StringBuilder dsn = new StringBuilder();
        if (optionFile != null) {
            dsn.append("F=").append(optionFile).append(',');
        }
        ConnectionHint h = where == null ? ConnectionHint.UNKNOWN : where;
        if (h.host() != null) {
            dsn.append("h=").append(h.host()).append(',');
        }
        if (h.port() != null) {
            dsn.append("P=").append(h.port()).append(',');
        }
        if (h.user() != null) {
            dsn.append("u=").append(h.user()).append(',');
        }
        dsn.append("D=").append(check.database()).append(",t=").append(check.table());
        a.add(dsn.toString());
        return new PtOscCommand(a);
    }

    /** The command as one shell line, each argument quoted where the shell would read it otherwise. */
    public String display() {
        StringBuilder b = new StringBuilder();
        for (String arg : argv) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }
}
