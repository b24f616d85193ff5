package dev.ddllint.analysis;

import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.model.Statement;
import dev.ddllint.script.ScriptStatement;

/**
 * One statement with its position, its model and (for ALTER / CREATE INDEX / DROP INDEX) its verdict.
 *
 * @param embedded true for DDL found in a string literal of a SET statement (run later by PREPARE/EXECUTE);
 *                 its position is the SET statement's
 */
public record StatementReport(ScriptStatement source, Statement statement, StatementVerdict verdict,
                              boolean embedded) {

    public StatementReport(ScriptStatement source, Statement statement, StatementVerdict verdict) {
        this(source, statement, verdict, false);
    }
}
