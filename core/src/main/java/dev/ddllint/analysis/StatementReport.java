package dev.ddllint.analysis;

import dev.ddllint.estimate.StatementEstimate;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.model.Statement;
import dev.ddllint.script.ScriptStatement;
import dev.ddllint.verify.ServerCheck;

/**
 * One statement with its position, its model and (for ALTER / CREATE INDEX / DROP INDEX) its verdict.
 *
 * @param embedded true for DDL found in a string for PREPARE/EXECUTE (positioned at the statement that holds
 *                 or prepares the string) or in the body of a routine (positioned inside the body)
 * @param context  where it comes from ("inside procedure `p` (…)"), or null for a plain statement of the file
 * @param estimate the duration and row-log estimate the rules saw, or null for a statement without a verdict
 * @param runWith  the {@code -- ddl-lint:run-with} comment before it (run by pt-online-schema-change), or null
 * @param server   what a scratch server did with it ({@code ddl-lint verify}), or null when not verified
 */
public record StatementReport(ScriptStatement source, Statement statement, StatementVerdict verdict,
                              boolean embedded, String context, StatementEstimate estimate,
                              RunWithDirectives.RunWith runWith, ServerCheck server) {

    public StatementReport(ScriptStatement source, Statement statement, StatementVerdict verdict) {
        this(source, statement, verdict, false, null, null, null, null);
    }

    public StatementReport(ScriptStatement source, Statement statement, StatementVerdict verdict,
                           boolean embedded, String context, StatementEstimate estimate,
                           RunWithDirectives.RunWith runWith) {
        this(source, statement, verdict, embedded, context, estimate, runWith, null);
    }

    /** The same statement with the scratch server's check. */
    public StatementReport withServer(ServerCheck check) {
        return new StatementReport(source, statement, verdict, embedded, context, estimate, runWith, check);
    }
}
