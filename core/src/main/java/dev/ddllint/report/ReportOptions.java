package dev.ddllint.report;

/**
 * What a report needs besides the analysis.
 *
 * @param docsBaseUrl where the rule pages live: a rule's page is {@code docsBaseUrl + "docs/rules/<id>.md"}
 *                    (SARIF {@code helpUri}); must end with {@code /}
 */
public record ReportOptions(String docsBaseUrl) {

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

    /** The absolute URL of a rule's page ({@link dev.ddllint.rules.RuleInfo#docsPath()} under the base URL). */
    public String ruleUrl(String ruleId) {
        return docsBaseUrl + dev.ddllint.rules.RuleInfo.docsPathOf(ruleId);
    }
}
