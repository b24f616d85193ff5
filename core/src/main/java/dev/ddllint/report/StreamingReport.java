package dev.ddllint.report;

import dev.ddllint.analysis.FileSink;

/**
 * A report written as the analysis goes: each file as it comes ({@link #accept}), then what needs the whole run
 * (the counts, the summary) at {@link #finish}. Opened with {@link ReportFormat#stream}; formats that need every
 * statement of the run at once (SARIF, JUnit, HTML, ...) have none.
 */
public interface StreamingReport extends FileSink {

    /**
     * Writes the end of the report and flushes it.
     *
     * @throws java.io.UncheckedIOException when the output cannot be written
     */
    void finish();
}
