package dev.ddllint.analysis;

import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.model.Statement;
import dev.ddllint.script.ScriptStatement;

/**
 * One statement with its position, its model and (for ALTER / CREATE INDEX / DROP INDEX) its verdict.
 *
 * @param embedded true for DDL found in a string for PREPARE/EXECUTE (positioned at the statement that holds
 *                 or prepares the string) or in the body of a routine (positioned inside the body)
 * @param context  where it comes from ("inside procedure `p` (…)"), or null for a plain statement of the file
 */
public record StatementReport(ScriptStatement source, Statement statement, StatementVerdict verdict,
                              boolean embedded, String context) {

    public StatementReport(ScriptStatement source, Statement statement, StatementVerdict verdict) {
        this(source, statement, verdict, false, null);
    }
}
