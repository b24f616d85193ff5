package dev.ddllint.rules;

import dev.ddllint.config.Configuration;
import dev.ddllint.estimate.Estimation;
import dev.ddllint.estimate.StatementEstimate;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.kb.DdlOperation;
import dev.ddllint.kb.SessionState;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;
import dev.ddllint.model.StatementOrigin;
import dev.ddllint.schema.TableFacts;
import dev.ddllint.schema.TableLinks;

import java.util.List;
import java.util.Set;

/**
 * Everything a rule may look at for one statement.
 *
 * @param verdict    null for statements that are not ALTER/CREATE INDEX/DROP INDEX
 * @param table      facts about the table before the statement, or null when unknown
 * @param config     the configuration of the analysis
 * @param path       the file the statement is in
 * @param newTable   the table was created earlier in the analysed migrations (within the configured
 *                   {@code newTables} scope), so it holds no rows yet
 * @param estimation the rebuild and row-log estimates of the analysis
 * @param once       lets a rule report something once per file or per analysis
 * @param links      triggers on the table and foreign keys referencing it (what gh-ost refuses)
 * @param origin     where the statement comes from (a routine body, a string for PREPARE), and dynamic SQL that
 *                   cannot be known
 * @param sql        the statement's text as it runs (placeholders replaced), for rules that read what the model
 *                   does not keep (the WHERE of a DELETE); empty when not known
 */
public record StatementContext(Statement statement, StatementVerdict verdict, TargetServer target,
                               TableFacts table, SessionState session, Configuration config, String path,
                               boolean newTable, Estimation estimation, ReportOnce once, StatementOrigin origin,
                               TableLinks links, String sql) {

    public StatementContext {
        sql = sql == null ? "" : sql;
        links = links == null ? TableLinks.NONE : links;
        origin = origin == null ? StatementOrigin.FILE : origin;
        config = config == null ? Configuration.DEFAULT.withTarget(target) : config;
        estimation = estimation == null ? Estimation.of(config.estimate()) : estimation;
        once = once == null ? new ReportOnce() : once;
    }

    /** The context as it was before estimates: default configuration for the target, no file, no estimates. */
    public StatementContext(Statement statement, StatementVerdict verdict, TargetServer target, TableFacts table,
                            SessionState session) {
        this(statement, verdict, target, table, session, null, null, false, null, null, null, null, null);
    }

    /** Operations of the statement that map to one of the given facts-table operations. */
    public List<ClassifiedOperation> operations(Set<DdlOperation> kinds) {
        return verdict == null ? List.of()
                : verdict.operations().stream().filter(c -> kinds.contains(c.ddlOperation())).toList();
    }

    /** The column's definition before the statement, or null when the table or the column is not known. */
    public dev.ddllint.model.ColumnDefinition columnBefore(String column) {
        return table == null || column == null ? null : table.column(column).orElse(null);
    }

    public String tableName() {
        return statement.table() == null ? "?" : "`" + statement.table().name() + "`";
    }

    /** What messages call the statement: "ALTER", or "OPTIMIZE TABLE" (which the server runs as an ALTER). */
    public String statementName() {
        return statement.kind() == StatementKind.OPTIMIZE_TABLE ? "OPTIMIZE TABLE" : "ALTER";
    }

    /** "COPY, LOCK=SHARED on MySQL 8.4.0": the verdict as messages state it. */
    public String verdictText() {
        return verdict.effective() + " on " + target.displayName();
    }

    /** The duration and row-log estimate of this statement (computed once, shared by the rules). */
    public StatementEstimate estimate() {
        return estimation.estimate(statement, verdict, table, newTable, target);
    }
}
