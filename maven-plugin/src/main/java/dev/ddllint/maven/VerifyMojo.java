package dev.ddllint.maven;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.live.JdbcConnections;
import dev.ddllint.run.LintResult;
import dev.ddllint.verify.ScratchServer;
import dev.ddllint.verify.Verification;
import dev.ddllint.verify.Verifier;
import dev.ddllint.verify.VerifyException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code mvn ddl-lint:verify -Dddl-lint.scratchUrl=URL}: {@code check}, then each ALTER / CREATE INDEX / DROP INDEX
 * / OPTIMIZE confirmed on a scratch server by core's {@link Verifier} (docs/verify.md). The reports carry the
 * server's answer beside each verdict; a verdict more online than the server's answer fails the build.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends CheckMojo {

    /**
     * The scratch server, where ddl-lint creates a database of its own ({@code ddl_lint_verify_…}), runs the DDL
     * there only and drops it. Password: the environment variable {@code DDL_LINT_SCRATCH_PASSWORD}. {@code
     * testcontainers:mysql:8.4.3} (or {@code mariadb:TAG}) starts that image with Docker for the goal's run.
     */
    @Parameter(property = "ddl-lint.scratchUrl", required = true)
    protected String scratchUrl;

    /**
     * A database to read the tables no migration creates from, read only ({@code SHOW CREATE TABLE}); password:
     * {@code DDL_LINT_JDBC_PASSWORD}.
     */
    @Parameter(property = "ddl-lint.sourceUrl")
    protected String sourceUrl;

    /** Run even when {@code scratchUrl} reaches the source's server and database. */
    @Parameter(property = "ddl-lint.allowSameServer", defaultValue = "false")
    protected boolean allowSameServer;

    /**
     * Copy up to this many rows of each table read from {@code sourceUrl} into the scratch database (SELECT only, in
     * primary-key order, 1,000 a chunk) and time each ALTER on them; the reports show the measured time beside the
     * estimate. Needs {@code sourceUrl}. 0 (the default): empty tables, nothing timed.
     */
    @Parameter(property = "ddl-lint.sampleRows", defaultValue = "0")
    protected long sampleRows;

    private ScratchServer server;
    private Connection scratch;
    private String disagreements;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            super.execute();
            return;
        }
        if (sampleRows < 0) {
            throw new MojoExecutionException("ddl-lint: verify: sampleRows must be 0 or more, not " + sampleRows);
        }
        if (sampleRows > 0 && (sourceUrl == null || sourceUrl.isBlank())) {
            throw new MojoExecutionException("ddl-lint: verify: sampleRows copies rows from the source database: "
                    + "set sourceUrl (-Dddl-lint.sourceUrl=…)");
        }
        // a container is stopped when this block ends, however it ends (its shutdown hook covers Ctrl-C)
        try (ScratchServer s = ScratchServer.open(scratchUrl, m -> getLog().info("ddl-lint: verify: " + m))) {
            server = s;
            try (Connection c = s.connect()) {
                scratch = c;
                if (target == null || target.isBlank()) {
                    // the verdicts for the scratch server's version, so both sides speak of one server (for a
                    // container: the version its image's server reports)
                    target = Verifier.serverOf(c).toString();
                }
                super.execute();
            } catch (SQLException e) {
                throw new MojoExecutionException("ddl-lint: verify: cannot use the scratch server " + s.describe()
                        + ": " + JdbcConnections.redact(firstLine(e)));
            }
        } catch (VerifyException e) {
            // the container could not be started: ddl-lint's own words (its do-it-yourself line names a password)
            throw new MojoExecutionException("ddl-lint: verify: " + e.getMessage());
        }
    }

    @Override
    protected AnalysisReport analysed(LintResult result) throws MojoExecutionException {
        Connection source = null;
        Verification v;
        try {
            if (sourceUrl != null && !sourceUrl.isBlank()) {
                source = JdbcConnections.open(sourceUrl, true);
            }
            v = Verifier.builder().scratch(server, scratch).source(source).allowSameServer(allowSameServer)
                    .sampleRows(sampleRows).build().verify(result.report());
        } catch (SQLException e) {
            throw new MojoExecutionException("ddl-lint: verify: cannot use the source database "
                    + JdbcConnections.redact(sourceUrl) + ": " + JdbcConnections.redact(firstLine(e)));
        } catch (VerifyException e) {
            throw new MojoExecutionException("ddl-lint: verify: " + JdbcConnections.redact(e.getMessage()));
        } finally {
            if (source != null) {
                try {
                    source.close();
                } catch (SQLException e) {
                    // a read-only connection: nothing to lose
                }
            }
        }
        v.notes().forEach(n -> getLog().info("ddl-lint: verify: " + n));
        getLog().info("ddl-lint: verify: " + v.summary() + " (scratch database " + v.scratchDatabase() + ", dropped)");
        if (!v.disagreements().isEmpty()) {
            StringBuilder m = new StringBuilder("ddl-lint: verify: the server disagrees with "
                    + v.disagreements().size() + " verdict" + (v.disagreements().size() == 1 ? "" : "s") + ":");
            for (StatementReport s : v.disagreements()) {
                m.append("\n  ").append(v.pathOf(s)).append(':').append(s.source().line()).append(' ')
                        .append(s.server().outcome()).append(' ').append(String.join("; ", s.server().details()));
            }
            m.append("\n").append(v.disagreements().get(0).server().howToFile()).append(" (in the report)");
            disagreements = m.toString();
        }
        return v.report();
    }

    @Override
    protected String failureBeyondFindings() {
        return disagreements;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
