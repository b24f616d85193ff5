package dev.ddllint.analysis;

import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.model.Statement;
import dev.ddllint.script.ScriptStatement;

/** One statement with its position, its model and (for ALTER / CREATE INDEX / DROP INDEX) its verdict. */
public record StatementReport(ScriptStatement source, Statement statement, StatementVerdict verdict) {
}
