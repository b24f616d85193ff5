package dev.ddllint.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's "APPLICATION FAILED TO START" report for a wrong ddl-lint setting: the property and the fix. */
class DdlLintSettingsFailureAnalyzer extends AbstractFailureAnalyzer<DdlLintSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DdlLintSettingsException cause) {
        return new FailureAnalysis(cause.problem(), cause.action(), cause);
    }
}
