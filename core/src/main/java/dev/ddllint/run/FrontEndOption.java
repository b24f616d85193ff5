package dev.ddllint.run;

/**
 * The options every front end shares, with their name in each: a CLI flag, a Maven parameter (and its
 * {@code -Dddl-lint.<name>} user property), a Flyway key ({@code flyway.plugins.ddllint.<key>},
 * {@code -Dddllint.<key>}, {@code DDLLINT_<KEY>}). The value means the same in all three and overrides the key of
 * the same name in {@code ddl-lint.yml} where there is one; {@link RunOverrides} carries those into the
 * {@link LintRun}; the report options ({@code formats}, {@code outputDirectory}, {@code docsBaseUrl}) are the
 * front ends' own. Documented once,
 * in the table of docs/configuration.md; each front end's tests check that it declares every name here.
 *
 * <p>A null name means the option has no meaning in that front end; {@link #notApplicable()} says why.
 */
public enum FrontEndOption {

    CONFIG_FILE("configFile", "--config-file", "configFile", "configFile", null),
    TARGET("target", "--target", "target", "target", null),
    FAIL_ON("failOn", "--fail-on", "failOn", "failOn", null),
    PLACEHOLDERS("placeholders", "--placeholder", "placeholders", null,
            "Flyway: Flyway's own placeholders (flyway.placeholders.*) are used, as Flyway replaces them"),
    LOCK_WAIT_TIMEOUT_SET_BY_RUNNER("lockWaitTimeoutSetByRunner", "--lock-wait-timeout-set-by-runner",
            "lockWaitTimeoutSetByRunner", "lockWaitTimeoutSetByRunner", null),
    MAX_FINDINGS_PER_RULE("maxFindingsPerRule", "--max-findings-per-rule", "maxFindingsPerRule",
            "maxFindingsPerRule", null),
    MAX_FILE_SIZE("maxFileSize", "--max-file-size", "maxFileSize", "maxFileSize", null),
    MAX_STATEMENT_SIZE("maxStatementSize", "--max-statement-size", "maxStatementSize", "maxStatementSize", null),
    BASELINE_FILE("baselineFile", "--baseline-file", "baselineFile", null,
            "Flyway: the callback checks pending migrations only, and a baseline lists findings of migrations "
                    + "that already ran"),
    SINCE("since", "--since", "since", null,
            "Flyway: the callback checks exactly the pending migrations, which is what since approximates in a "
                    + "file check"),
    FORMATS("formats", "--format", "formats", null, "Flyway: the callback reports in Flyway's log, not in files"),
    OUTPUT_DIRECTORY("outputDirectory", "--output-dir", "outputDirectory", null,
            "Flyway: the callback reports in Flyway's log, not in files"),
    DOCS_BASE_URL("docsBaseUrl", "--docs-base-url", "docsBaseUrl", null,
            "Flyway: the callback writes no SARIF report, the only one with rule links");

    private final String key;
    private final String cliFlag;
    private final String mavenParameter;
    private final String flywayKey;
    private final String notApplicable;

    FrontEndOption(String key, String cliFlag, String mavenParameter, String flywayKey, String notApplicable) {
        this.key = key;
        this.cliFlag = cliFlag;
        this.mavenParameter = mavenParameter;
        this.flywayKey = flywayKey;
        this.notApplicable = notApplicable;
    }

    /** The key in {@code ddl-lint.yml} and the option's name. */
    public String key() {
        return key;
    }

    public String cliFlag() {
        return cliFlag;
    }

    public String mavenParameter() {
        return mavenParameter;
    }

    /** {@code ddl-lint.<parameter>}. */
    public String mavenProperty() {
        return "ddl-lint." + mavenParameter;
    }

    /** The Flyway key, or null when the option means nothing in the callback. */
    public String flywayKey() {
        return flywayKey;
    }

    /** Why a front end lacks the option, or null. */
    public String notApplicable() {
        return notApplicable;
    }
}
