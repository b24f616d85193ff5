package dev.ddllint.cli;

import dev.ddllint.kb.TargetServer;
import dev.ddllint.live.JdbcConnections;
import dev.ddllint.run.LintResult;
import dev.ddllint.run.RunOverrides;
import dev.ddllint.verify.ScratchServer;
import dev.ddllint.verify.Verification;
import dev.ddllint.verify.Verifier;
import dev.ddllint.verify.VerifyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code ddl-lint verify PATH… --scratch-url URL}: {@code check}, then every ALTER / CREATE INDEX / DROP INDEX /
 * OPTIMIZE confirmed on a scratch server by core's {@link Verifier}; the server's answer is reported beside each
 * static verdict, and a disagreement fails the run.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check migration scripts, then confirm each verdict on a scratch server: the tables are built "
                + "in a database of its own (from the earlier migrations, or read-only from --source-url) and each "
                + "ALTER runs there with the ALGORITHM/LOCK ladder, strongest first.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on, and the server agrees with every verdict",
                "1:findings at or above --fail-on, or the server disagrees with a verdict (ddl-lint more online)",
                "2:ddl-lint could not do its job (bad arguments, scratch server unreachable or refused)"})
final class VerifyCommand extends CheckCommand {

    @Option(names = "--scratch-url", paramLabel = "URL", required = true,
            description = "Scratch server where ddl-lint creates a database of its own (ddl_lint_verify_…), runs the "
                    + "DDL there only, and drops it when done. Password: DDL_LINT_SCRATCH_PASSWORD. Never production. "
                    + "testcontainers:mysql:8.4.3 (or mariadb:TAG) starts that image with Docker for the run.")
    String scratchUrl;

    @Option(names = "--source-url", paramLabel = "URL",
            description = "Database to read the tables no migration creates from (SHOW CREATE TABLE; SELECT and "
                    + "SHOW only, read-only connection); same as --jdbc-url. Password: DDL_LINT_JDBC_PASSWORD.")
    String sourceUrl;

    @Option(names = "--allow-same-server",
            description = "Run even when --scratch-url reaches the source's server and database.")
    boolean allowSameServer;

    @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "0",
            description = "Copy up to N rows of each table read from the source into the scratch database (SELECT "
                    + "only, in primary-key order, 1,000 a chunk), time each ALTER on them, and show the measured time "
                    + "and rows/s beside the estimate. Needs --source-url. Default 0: empty tables, nothing timed.")
    long sampleRows;

    private ScratchServer server;
    private Connection scratch;
    private TargetServer scratchTarget;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (sampleRows < 0) {
            err.println("ddl-lint: verify: --sample-rows must be 0 or more, not " + sampleRows);
            return Main.EXIT_TOOL_FAILURE;
        }
        if (sampleRows > 0 && (liveUrl() == null || liveUrl().isBlank())) {
            err.println("ddl-lint: verify: --sample-rows copies rows from the source database: give --source-url");
            return Main.EXIT_TOOL_FAILURE;
        }
        // a container is stopped when this block ends, however it ends (its shutdown hook covers Ctrl-C)
        try (ScratchServer s = ScratchServer.open(scratchUrl, m -> err.println("ddl-lint: verify: " + m))) {
            server = s;
            try (Connection c = s.connect()) {
                scratch = c;
                scratchTarget = Verifier.serverOf(c);
                return super.call();
            } catch (SQLException e) {
                err.println("ddl-lint: verify: cannot use the scratch server " + s.describe() + ": "
                        + JdbcConnections.redact(firstLine(e)));
                return Main.EXIT_TOOL_FAILURE;
            }
        } catch (VerifyException e) {
            // the container could not be started: ddl-lint's own words (its do-it-yourself line names a password)
            err.println("ddl-lint: verify: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        }
    }

    @Override
    String liveUrl() {
        return sourceUrl != null ? sourceUrl : super.liveUrl();
    }

    /**
     * Without --target the verdicts are for the scratch server's version, so both sides speak of one server; for a
     * container, the version its image's server reports (the tag, made exact: mysql:8.4 is 8.4.x).
     */
    @Override
    RunOverrides overrides() {
        RunOverrides o = super.overrides();
        return target == null && scratchTarget != null ? o.withTarget(scratchTarget) : o;
    }

    /** The scratch server replays the whole run before anything is reported. */
    @Override
    boolean streams() {
        return false;
    }

    @Override
    Finished finish(LintResult result, String liveUrl, PrintWriter err) {
        Verification v;
        Connection source = null;
        try {
            if (liveUrl != null && !liveUrl.isBlank()) {
                source = JdbcConnections.open(liveUrl, true);
            }
            v = Verifier.builder().scratch(server, scratch).source(source).allowSameServer(allowSameServer)
                    .sampleRows(sampleRows).build().verify(result.report());
        } catch (SQLException e) {
            err.println("ddl-lint: verify: cannot use the source database " + JdbcConnections.redact(liveUrl) + ": "
                    + JdbcConnections.redact(firstLine(e)));
            return new Finished(null, Main.EXIT_TOOL_FAILURE);
        } catch (VerifyException e) {
            err.println("ddl-lint: verify: " + JdbcConnections.redact(e.getMessage()));
            return new Finished(null, Main.EXIT_TOOL_FAILURE);
        } finally {
            if (source != null) {
                try {
                    source.close();
                } catch (SQLException e) {
                    // a read-only connection: nothing to lose
                }
            }
        }
        v.notes().forEach(n -> err.println("ddl-lint: verify: " + n));
        err.println("ddl-lint: verify: " + v.summary() + " (scratch database " + v.scratchDatabase() + ", dropped)");
        boolean disagrees = !v.disagreements().isEmpty();
        if (disagrees) {
            err.println("ddl-lint: verify: the server disagrees with " + v.disagreements().size() + " verdict"
                    + (v.disagreements().size() == 1 ? "" : "s") + " (see the report; please file "
                    + (v.disagreements().size() == 1 ? "it" : "them") + ")");
        }
        return new Finished(v.report(), disagrees ? LintResult.EXIT_FINDINGS : result.exitCode());
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
