package dev.ddllint.config;

/**
 * Bounds on what one run reads and reports, so that hostile or broken input cannot exhaust memory: beyond them
 * ddl-lint reports and fails closed rather than reading on.
 *
 * @param maxFindingsPerRule at most this many findings of one rule in one file, then one finding that counts the
 *                           rest (at the highest of their severities, so the run fails as if all were reported)
 * @param maxFileSize        a larger file (bytes) is not read: one {@code input-too-large} finding instead
 * @param maxStatementSize   a longer statement (characters) is not parsed: {@code input-too-large}, worst verdict
 */
public record InputLimits(int maxFindingsPerRule, long maxFileSize, long maxStatementSize) {

    public static final int DEFAULT_MAX_FINDINGS_PER_RULE = 100;
    public static final long DEFAULT_MAX_FILE_SIZE = 64L << 20;
    public static final long DEFAULT_MAX_STATEMENT_SIZE = 16L << 20;

    public static final InputLimits DEFAULT = new InputLimits(DEFAULT_MAX_FINDINGS_PER_RULE, DEFAULT_MAX_FILE_SIZE,
            DEFAULT_MAX_STATEMENT_SIZE);

    public InputLimits {
        if (maxFindingsPerRule < 1) {
            throw new IllegalArgumentException("maxFindingsPerRule must be at least 1");
        }
        if (maxFileSize < 1 || maxStatementSize < 1) {
            throw new IllegalArgumentException("maxFileSize and maxStatementSize must be at least 1 byte");
        }
    }

    public InputLimits withMaxFindingsPerRule(int n) {
        return new InputLimits(n, maxFileSize, maxStatementSize);
    }

    public InputLimits withMaxFileSize(long bytes) {
        return new InputLimits(maxFindingsPerRule, bytes, maxStatementSize);
    }

    public InputLimits withMaxStatementSize(long chars) {
        return new InputLimits(maxFindingsPerRule, maxFileSize, chars);
    }
}
