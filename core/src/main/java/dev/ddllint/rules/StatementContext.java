package dev.ddllint.rules;

import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.kb.DdlOperation;
import dev.ddllint.kb.SessionState;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.model.Statement;
import dev.ddllint.schema.TableFacts;

import java.util.List;
import java.util.Set;

/**
 * Everything a rule may look at for one statement.
 *
 * @param verdict null for statements that are not ALTER/CREATE INDEX/DROP INDEX
 * @param table   facts about the table before the statement, or null when unknown
 */
public record StatementContext(Statement statement, StatementVerdict verdict, TargetServer target,
                               TableFacts table, SessionState session) {

    /** Operations of the statement that map to one of the given facts-table operations. */
    public List<ClassifiedOperation> operations(Set<DdlOperation> kinds) {
        return verdict == null ? List.of()
                : verdict.operations().stream().filter(c -> kinds.contains(c.ddlOperation())).toList();
    }

    public String tableName() {
        return statement.table() == null ? "?" : "`" + statement.table().name() + "`";
    }

    /** "COPY, LOCK=SHARED on MySQL 8.4.0": the verdict as messages state it. */
    public String verdictText() {
        return verdict.effective() + " on " + target.displayName();
    }
}
