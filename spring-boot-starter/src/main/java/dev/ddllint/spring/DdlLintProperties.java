package dev.ddllint.spring;

import dev.ddllint.flyway.DdlLintOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The callback's options as Spring Boot properties: {@code ddl-lint.<option>} in {@code application.yml}, one for
 * each key of the callback ({@link DdlLintOptions#KEYS}) with the same meaning (docs/configuration.md, "Front-end
 * options"); {@code ddl-lint.lock-check} is {@code lockCheck}. A property left unset falls through to the
 * callback's other sources (system property {@code ddllint.<key>}, environment {@code DDLLINT_<KEY>}, default).
 * An unknown {@code ddl-lint.*} property stops the start, naming the closest option ({@code SpringSettings}).
 */
@ConfigurationProperties(prefix = DdlLintProperties.PREFIX)
public class DdlLintProperties {

    public static final String PREFIX = "ddl-lint";

    /** enforce (findings at or above fail-on stop the migration), audit (only logged) or off. Default: enforce. */
    private DdlLintOptions.Mode mode;
    /** The ddl-lint.yml to read: a path, or classpath:name. Default: ./ddl-lint.yml, then the classpath's. */
    private String configFile;
    /** Check for this server (mysql:8.0.35, mariadb:10.11) instead of the live one's version. */
    private String target;
    /** Lowest severity that stops the migration: error, warning, info or never. Default: ddl-lint.yml's (error). */
    private String failOn;
    /** Seconds for SET SESSION lock_wait_timeout before each migration, or off. Default: 5. */
    private String lockWaitTimeout;
    /** When another session holds a table a migration changes: block, wait, warn or off. Default: block. */
    private DdlLintOptions.LockCheck lockCheck;
    /** Upper bound of the wait with lock-check=wait, in seconds (at most 3600). Default: 60. */
    private Long lockCheckWaitSeconds;
    /** How often lock-check=wait looks again, in seconds. Default: 2. */
    private Long lockCheckIntervalSeconds;
    /** Sessions holding a table for less than this many seconds are not counted. Default: 5. */
    private Long longTransactionSeconds;
    /** Whether a failure of ddl-lint itself stops the migration. Default: true. */
    private Boolean failClosed;
    /** Whether something other than the migrations sets lock_wait_timeout. Default: true while the callback sets it. */
    private Boolean lockWaitTimeoutSetByRunner;
    /**
     * mode=verify: JDBC URL of the scratch server where the pending statements are confirmed first, or
     * testcontainers:mysql:8.4.3 with dev.ddllint:ddl-lint-testcontainers on the class path.
     */
    private String scratchUrl;
    /** mode=verify: time each statement on up to this many rows of its table, copied from the database. Default: 0. */
    private Long sampleRows;
    /** At most this many findings of one rule per file, then one that counts the rest. Default: 100. */
    private Integer maxFindingsPerRule;
    /** A larger migration file is not read (input-too-large), e.g. 64MiB. Default: 64MiB. */
    private String maxFileSize;
    /** A statement of more characters is not parsed (input-too-large), e.g. 16MiB. Default: 16MiB. */
    private String maxStatementSize;

    public DdlLintOptions.Mode getMode() {
        return mode;
    }

    public void setMode(DdlLintOptions.Mode mode) {
        this.mode = mode;
    }

    public String getConfigFile() {
        return configFile;
    }

    public void setConfigFile(String configFile) {
        this.configFile = configFile;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getFailOn() {
        return failOn;
    }

    public void setFailOn(String failOn) {
        this.failOn = failOn;
    }

    public String getLockWaitTimeout() {
        return lockWaitTimeout;
    }

    public void setLockWaitTimeout(String lockWaitTimeout) {
        this.lockWaitTimeout = lockWaitTimeout;
    }

    public DdlLintOptions.LockCheck getLockCheck() {
        return lockCheck;
    }

    public void setLockCheck(DdlLintOptions.LockCheck lockCheck) {
        this.lockCheck = lockCheck;
    }

    public Long getLockCheckWaitSeconds() {
        return lockCheckWaitSeconds;
    }

    public void setLockCheckWaitSeconds(Long lockCheckWaitSeconds) {
        this.lockCheckWaitSeconds = lockCheckWaitSeconds;
    }

    public Long getLockCheckIntervalSeconds() {
        return lockCheckIntervalSeconds;
    }

    public void setLockCheckIntervalSeconds(Long lockCheckIntervalSeconds) {
        this.lockCheckIntervalSeconds = lockCheckIntervalSeconds;
    }

    public Long getLongTransactionSeconds() {
        return longTransactionSeconds;
    }

    public void setLongTransactionSeconds(Long longTransactionSeconds) {
        this.longTransactionSeconds = longTransactionSeconds;
    }

    public Boolean getFailClosed() {
        return failClosed;
    }

    public void setFailClosed(Boolean failClosed) {
        this.failClosed = failClosed;
    }

    public Boolean getLockWaitTimeoutSetByRunner() {
        return lockWaitTimeoutSetByRunner;
    }

    public void setLockWaitTimeoutSetByRunner(Boolean lockWaitTimeoutSetByRunner) {
        this.lockWaitTimeoutSetByRunner = lockWaitTimeoutSetByRunner;
    }

    public String getScratchUrl() {
        return scratchUrl;
    }

    public void setScratchUrl(String scratchUrl) {
        this.scratchUrl = scratchUrl;
    }

    public Long getSampleRows() {
        return sampleRows;
    }

    public void setSampleRows(Long sampleRows) {
        this.sampleRows = sampleRows;
    }

    public Integer getMaxFindingsPerRule() {
        return maxFindingsPerRule;
    }

    public void setMaxFindingsPerRule(Integer maxFindingsPerRule) {
        this.maxFindingsPerRule = maxFindingsPerRule;
    }

    public String getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(String maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public String getMaxStatementSize() {
        return maxStatementSize;
    }

    public void setMaxStatementSize(String maxStatementSize) {
        this.maxStatementSize = maxStatementSize;
    }
}
