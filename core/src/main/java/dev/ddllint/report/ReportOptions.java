package dev.ddllint.report;

import dev.ddllint.rules.RuleInfo;

/**
 * What a report needs besides the analysis.
 *
 * @param docsBaseUrl where the rule pages live: a rule's page is {@code docsBaseUrl + "docs/rules/<id>.md"}
 *                    (SARIF {@code helpUri}, JSON {@code docsUrl}, the text report's links); must end with {@code /}
 * @param color       the text report uses terminal colours (ANSI escapes)
 * @param quiet       the text and compact reports show errors only (the summary still counts everything)
 */
public record ReportOptions(String docsBaseUrl, boolean color, boolean quiet) {

    /** The project's documentation on its main branch. */
    public static final String DEFAULT_DOCS_BASE_URL = "https://github.com/ddl-lint/ddl-lint/blob/main/";

    public static final ReportOptions DEFAULT = new ReportOptions(DEFAULT_DOCS_BASE_URL);

    public ReportOptions {
        if (docsBaseUrl == null || docsBaseUrl.isBlank()) {
            docsBaseUrl = DEFAULT_DOCS_BASE_URL;
        }
        docsBaseUrl = docsBaseUrl.strip();
        if (!docsBaseUrl.endsWith("/")) {
            docsBaseUrl = docsBaseUrl + "/";
        }
        if (!docsBaseUrl.matches("(?i)https?://[^\\s]+")) {
            throw new IllegalArgumentException("docs base URL '" + docsBaseUrl
                    + "' must be an absolute http(s) URL, e.g. " + DEFAULT_DOCS_BASE_URL);
        }
    }

    /** Plain text, every finding. */
    public ReportOptions(String docsBaseUrl) {
        this(docsBaseUrl, false, false);
    }

    public ReportOptions withColor(boolean on) {
        return new ReportOptions(docsBaseUrl, on, quiet);
    }

    public ReportOptions withQuiet(boolean on) {
        return new ReportOptions(docsBaseUrl, color, on);
    }

    /** The absolute URL of a rule's page ({@link RuleInfo#docsPath()} under the base URL). */
    public String ruleUrl(String ruleId) {
        return docsBaseUrl + RuleInfo.docsPathOf(ruleId);
    }

    /** The rule's page: its own for a custom rule that names one, else ddl-lint's. */
    public String ruleUrl(RuleInfo rule) {
        return rule.docsUrl() != null ? rule.docsUrl() : ruleUrl(rule.id());
    }
}
