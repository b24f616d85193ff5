package dev.ddllint.flyway;

import dev.ddllint.analysis.StatementReport;
import dev.ddllint.live.JdbcConnections;
import dev.ddllint.verify.ScratchServer;
import dev.ddllint.verify.Verification;
import dev.ddllint.verify.Verifier;
import dev.ddllint.verify.VerifyException;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code mode=verify}: before anything runs, the pending migrations are run on the scratch server ({@code
 * scratchUrl}: a JDBC URL, or a container started for the run) by core's {@link Verifier}, with Flyway's own
 * connection as the read-only source of the tables they change (and of the rows {@code sampleRows} copies). A
 * statement where the server is more restrictive than ddl-lint's verdict stops migrate, with how to file it; so
 * does a scratch server that cannot be used (verify fails closed: it was asked for).
 */
final class ScratchVerification {

    private ScratchVerification() {
    }

    /** @return the summary for the log (with each statement's timing under sampleRows); throws when migrate must stop */
    static String run(Connection flyway, MigrationGate.Result result, DdlLintOptions options) {
        String url = options.scratchUrl();
        Verification verification;
        ScratchServer server;
        try {
            server = ScratchServer.open(url, m -> CallbackLog.log().info("ddl-lint (mode=verify): " + m));
        } catch (VerifyException e) {
            // the container could not be started: ddl-lint's own words (its do-it-yourself line names a password)
            throw new FlywayException("ddl-lint (mode=verify): " + e.getMessage()
                    + "\nNothing of these migrations was applied.");
        }
        // a container is stopped when this block ends, however it ends (its shutdown hook covers a stopped JVM)
        try (server; Connection scratch = server.connect()) {
            verification = Verifier.builder().scratch(server, scratch).source(flyway)
                    .sampleRows(options.sampleRows()).build().verify(result.report());
        } catch (SQLException e) {
            throw new FlywayException("ddl-lint (mode=verify) cannot reach the scratch server "
                    + server.describe() + ": " + JdbcConnections.redact(e.getMessage())
                    + "\nNothing of these migrations was applied.");
        } catch (VerifyException e) {
            throw new FlywayException("ddl-lint (mode=verify): " + JdbcConnections.redact(e.getMessage())
                    + "\nNothing of these migrations was applied.");
        }
        if (!verification.disagreements().isEmpty()) {
            StringBuilder m = new StringBuilder("ddl-lint (mode=verify) stopped migrate before it ran anything: the "
                    + "scratch server blocks more than ddl-lint's verdict says (" + verification.summary() + "):");
            for (StatementReport s : verification.disagreements()) {
                m.append("\n  ").append(verification.pathOf(s)).append(':').append(s.source().line()).append(": ")
                        .append(s.server().outcome()).append(", the server: ").append(s.server().answer());
                s.server().details().forEach(d -> m.append("\n    ").append(d));
                m.append("\n    ").append(s.server().howToFile()).append("\n")
                        .append(s.server().reproducer().indent(6).stripTrailing());
            }
            m.append("\nNothing of these migrations was applied.");
            throw new FlywayException(m.toString());
        }
        StringBuilder line = new StringBuilder("ddl-lint (mode=verify): " + verification.summary()
                + " (scratch database " + verification.scratchDatabase() + ", dropped)");
        verification.notes().forEach(n -> line.append("; ").append(n));
        for (StatementReport s : verification.checked()) {
            if (s.server().measured() != null) {
                line.append("\n  ").append(verification.pathOf(s)).append(':').append(s.source().line()).append(": ")
                        .append(s.server().measured().describe());
            }
        }
        return line.toString();
    }
}
