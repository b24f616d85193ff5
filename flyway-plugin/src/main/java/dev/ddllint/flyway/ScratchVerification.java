package dev.ddllint.flyway;

import dev.ddllint.analysis.StatementReport;
import dev.ddllint.live.JdbcConnections;
import dev.ddllint.verify.Verification;
import dev.ddllint.verify.Verifier;
import dev.ddllint.verify.VerifyException;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code mode=verify}: before anything runs, the pending migrations are run on the scratch server ({@code
 * scratchUrl}) by core's {@link Verifier}, with Flyway's own connection as the read-only source of the tables they
 * change. A statement where the server is more restrictive than ddl-lint's verdict stops migrate, with how to file
 * it; so does a scratch server that cannot be used (verify fails closed: it was asked for).
 */
final class ScratchVerification {

    private ScratchVerification() {
    }

    /** @return the one-line summary for the log; throws when migrate must stop */
    static String run(Connection flyway, MigrationGate.Result result, DdlLintOptions options) {
        String url = options.scratchUrl();
        Verification verification;
        try (Connection scratch = JdbcConnections.open(url, false, JdbcConnections.SCRATCH_PASSWORD_VARIABLE)) {
            verification = Verifier.builder().scratch(scratch, () -> JdbcConnections.open(url, false, JdbcConnections.SCRATCH_PASSWORD_VARIABLE))
                    .source(flyway).build().verify(result.report());
        } catch (SQLException e) {
            throw new FlywayException("ddl-lint (mode=verify) cannot reach the scratch server "
                    + JdbcConnections.redact(url) + ": " + JdbcConnections.redact(e.getMessage())
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
        return line.toString();
    }
}
