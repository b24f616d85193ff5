package dev.ddllint.flyway;

import org.flywaydb.core.extensibility.ConfigurationExtension;
import org.flywaydb.core.extensibility.Plugin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Makes Flyway accept {@code flyway.plugins.ddllint.<key>} in its own configuration (configuration files,
 * {@code Flyway.configure().configuration(map)}, {@code FLYWAY_PLUGINS_DDLLINT_<KEY>} environment variables) and
 * hands the values to {@link DdlLintCallback}. Flyway finds it through {@code META-INF/services}.
 *
 * <p>Shaped like Flyway's own {@code flyway.plugins.clean.mode}: namespace {@code plugins}, one field named
 * {@code ddllint} whose fields are the option keys. Flyway matches configuration keys against these field names
 * and binds the values as bean properties, so every option is a String here and is parsed by
 * {@link DdlLintOptions}.
 */
public class DdlLintConfigurationExtension implements ConfigurationExtension {

    /** The namespace: keys are {@code flyway.plugins.ddllint.<key>}. */
    public static final String NAMESPACE = "plugins";
    public static final String PREFIX = "flyway.plugins.ddllint.";

    private Settings ddllint;

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public String getConfigurationParameterFromEnvironmentVariable(String environmentVariable) {
        String prefix = "FLYWAY_PLUGINS_DDLLINT_";
        if (environmentVariable == null || !environmentVariable.toUpperCase(Locale.ROOT).startsWith(prefix)) {
            return null;
        }
        String key = DdlLintOptions.canonicalKey(environmentVariable.substring(prefix.length()));
        return key == null ? null : PREFIX + key;
    }

    /** A copy made without Jackson (Flyway's default copy() serialises through its own Jackson). */
    @Override
    public Plugin copy() {
        DdlLintConfigurationExtension c = new DdlLintConfigurationExtension();
        c.ddllint = ddllint == null ? null : ddllint.copy();
        return c;
    }

    /** The options set in Flyway's configuration, by key (unset ones absent). */
    public Map<String, String> values() {
        return ddllint == null ? Map.of() : ddllint.values();
    }

    public Settings getDdllint() {
        return ddllint;
    }

    public void setDdllint(Settings ddllint) {
        this.ddllint = ddllint;
    }

    /** The options under {@code flyway.plugins.ddllint}; field names are the keys of {@link DdlLintOptions}. */
    public static class Settings {
        private String mode;
        private String configFile;
        private String target;
        private String failOn;
        private String lockWaitTimeout;
        private String lockCheck;
        private String lockCheckWaitSeconds;
        private String lockCheckIntervalSeconds;
        private String longTransactionSeconds;
        private String failClosed;
        private String lockWaitTimeoutSetByRunner;
        private String scratchUrl;
        private String sampleRows;
        private String maxFindingsPerRule;
        private String maxFileSize;
        private String maxStatementSize;

        Settings copy() {
            Settings c = new Settings();
            c.mode = mode;
            c.configFile = configFile;
            c.target = target;
            c.failOn = failOn;
            c.lockWaitTimeout = lockWaitTimeout;
            c.lockCheck = lockCheck;
            c.lockCheckWaitSeconds = lockCheckWaitSeconds;
            c.lockCheckIntervalSeconds = lockCheckIntervalSeconds;
            c.longTransactionSeconds = longTransactionSeconds;
            c.failClosed = failClosed;
            c.lockWaitTimeoutSetByRunner = lockWaitTimeoutSetByRunner;
            c.scratchUrl = scratchUrl;
            c.sampleRows = sampleRows;
            c.maxFindingsPerRule = maxFindingsPerRule;
            c.maxFileSize = maxFileSize;
            c.maxStatementSize = maxStatementSize;
            return c;
        }

        Map<String, String> values() {
            Map<String, String> m = new LinkedHashMap<>();
            put(m, DdlLintOptions.MODE, mode);
            put(m, DdlLintOptions.CONFIG_FILE, configFile);
            put(m, DdlLintOptions.TARGET, target);
            put(m, DdlLintOptions.FAIL_ON, failOn);
            put(m, DdlLintOptions.LOCK_WAIT_TIMEOUT, lockWaitTimeout);
            put(m, DdlLintOptions.LOCK_CHECK, lockCheck);
            put(m, DdlLintOptions.LOCK_CHECK_WAIT_SECONDS, lockCheckWaitSeconds);
            put(m, DdlLintOptions.LOCK_CHECK_INTERVAL_SECONDS, lockCheckIntervalSeconds);
            put(m, DdlLintOptions.LONG_TRANSACTION_SECONDS, longTransactionSeconds);
            put(m, DdlLintOptions.FAIL_CLOSED, failClosed);
            put(m, DdlLintOptions.LOCK_WAIT_TIMEOUT_SET_BY_RUNNER, lockWaitTimeoutSetByRunner);
            put(m, DdlLintOptions.SCRATCH_URL, scratchUrl);
            put(m, DdlLintOptions.SAMPLE_ROWS, sampleRows);
            put(m, DdlLintOptions.MAX_FINDINGS_PER_RULE, maxFindingsPerRule);
            put(m, DdlLintOptions.MAX_FILE_SIZE, maxFileSize);
            put(m, DdlLintOptions.MAX_STATEMENT_SIZE, maxStatementSize);
            return m;
        }

        private static void put(Map<String, String> m, String key, String value) {
            if (value != null) {
                m.put(key, value);
            }
        }

        public String getMode() {
            return mode;
        }

        public void setMode(String mode) {
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

        public String getLockCheck() {
            return lockCheck;
        }

        public void setLockCheck(String lockCheck) {
            this.lockCheck = lockCheck;
        }

        public String getLockCheckWaitSeconds() {
            return lockCheckWaitSeconds;
        }

        public void setLockCheckWaitSeconds(String lockCheckWaitSeconds) {
            this.lockCheckWaitSeconds = lockCheckWaitSeconds;
        }

        public String getLockCheckIntervalSeconds() {
            return lockCheckIntervalSeconds;
        }

        public void setLockCheckIntervalSeconds(String lockCheckIntervalSeconds) {
            this.lockCheckIntervalSeconds = lockCheckIntervalSeconds;
        }

        public String getLongTransactionSeconds() {
            return longTransactionSeconds;
        }

        public void setLongTransactionSeconds(String longTransactionSeconds) {
            this.longTransactionSeconds = longTransactionSeconds;
        }

        public String getFailClosed() {
            return failClosed;
        }

        public void setFailClosed(String failClosed) {
            this.failClosed = failClosed;
        }
    
        public String getLockWaitTimeoutSetByRunner() {
            return lockWaitTimeoutSetByRunner;
        }

        public void setLockWaitTimeoutSetByRunner(String lockWaitTimeoutSetByRunner) {
            this.lockWaitTimeoutSetByRunner = lockWaitTimeoutSetByRunner;
        }

        public String getScratchUrl() {
            return scratchUrl;
        }

        public void setScratchUrl(String scratchUrl) {
            this.scratchUrl = scratchUrl;
        }

        public String getSampleRows() {
            return sampleRows;
        }

        public void setSampleRows(String sampleRows) {
            this.sampleRows = sampleRows;
        }

        public String getMaxFindingsPerRule() {
            return maxFindingsPerRule;
        }

        public void setMaxFindingsPerRule(String maxFindingsPerRule) {
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
}
