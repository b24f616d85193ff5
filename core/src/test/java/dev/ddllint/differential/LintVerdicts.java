package dev.ddllint.differential;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.Configuration;
import dev.ddllint.config.NewTableScope;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.TargetServer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** ddl-lint's verdict for a case's change, with the setup replayed before it (table known) or without (unknown). */
final class LintVerdicts {

    private final Analyzer analyzer;

    LintVerdicts(TargetServer target) {
        this.analyzer = new Analyzer(Configuration.DEFAULT.withTarget(target).withNewTables(NewTableScope.NONE));
    }

    /** With the CREATE TABLEs and rows of the setup read first. */
    StatementVerdict known(DifferentialCase c) {
        return lastVerdict(c.setupSql() + "\n" + c.changeSql() + ";\n");
    }

    /** With only the setup's session settings: nothing is known about the tables. */
    StatementVerdict unknown(DifferentialCase c) {
        StringBuilder sql = new StringBuilder();
        c.table().session.forEach(s -> sql.append(s).append(";\n"));
        return lastVerdict(sql + c.changeSql() + ";\n");
    }

    private StatementVerdict lastVerdict(String sql) {
        AnalysisReport report = analyzer.analyze(List.of(new SourceFile("case.sql",
                sql.getBytes(StandardCharsets.UTF_8))));
        List<StatementReport> statements = report.files().get(0).statements();
        return statements.isEmpty() ? null : statements.get(statements.size() - 1).verdict();
    }
}
