package dev.ddllint.verify;

import dev.ddllint.analysis.StatementReport;
import dev.ddllint.kb.StatementVerdict;

/** Where the static verdict the server is compared with comes from: normally the analysis, as {@code check} has it. */
@FunctionalInterface
public interface VerdictSource {

    /** The verdict the analysis gave the statement. */
    VerdictSource ANALYSIS = StatementReport::verdict;

    /** The static verdict for the statement, or null when ddl-lint gives none. */
    StatementVerdict verdict(StatementReport statement);
}
