package dev.ddllint.rules;

import dev.ddllint.model.StatementKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * DDL on an existing table in a migration that has not set a short {@code lock_wait_timeout} first. Every ALTER —
 * INSTANT ones too — needs an exclusive metadata lock; behind a long transaction it waits up to
 * {@code lock_wait_timeout} (365 days by default) while every later query on the table queues behind it.
 * Reported once per file, at the first such statement; quiet when the runner sets the timeout
 * ({@code lockWaitTimeoutSetByRunner: true}, as the Flyway callback does).
 */
public final class MissingLockWaitTimeout implements StatementRule {

    public static final String ID = "missing-lock-wait-timeout";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.METADATA_LOCK, Risk.AVAILABILITY,
            "DDL on an existing table without a short lock_wait_timeout set first")
            .foldingInto(Messages.REBUILDING_RULES);

    /** Statements that take an exclusive metadata lock on an existing table. */
    static final Set<StatementKind> TABLE_DDL = EnumSet.of(StatementKind.ALTER_TABLE, StatementKind.CREATE_INDEX,
            StatementKind.DROP_INDEX, StatementKind.RENAME_TABLE, StatementKind.DROP_TABLE,
            StatementKind.TRUNCATE_TABLE, StatementKind.OPTIMIZE_TABLE);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.config().lockWaitTimeoutSetByRunner() || !ctx.statement().parsed()
                || !TABLE_DDL.contains(ctx.statement().kind()) || ctx.statement().table() == null || ctx.newTable()) {
            return;
        }
        Long timeout = ctx.session().lockWaitTimeoutSeconds();
        long max = ctx.config().maxLockWaitTimeoutSeconds();
        if (timeout != null && (timeout < 0 || timeout <= max)) {
            return; // set before, to a short value (or to an expression ddl-lint cannot evaluate)
        }
        if (!ctx.once().firstInFile(INFO.id())) {
            return;
        }
        String why = timeout == null
                ? "this migration does not set lock_wait_timeout before it, so the server's default applies "
                + "(31536000 s, a year, unless changed)"
                : "lock_wait_timeout is " + timeout + " s here, above the " + max + " s allowed (maxLockWaitTimeout)";
        sink.report(INFO, "DDL on " + ctx.tableName() + " waits for an exclusive metadata lock: " + why + "; behind "
                        + "a long transaction it waits that long, and every query on " + ctx.tableName()
                        + " queues behind it",
                "start the migration with SET SESSION lock_wait_timeout = 5; and retry it when it fails with ERROR "
                        + "1205 (Lock wait timeout exceeded); if the migration runner sets it on its connection, set "
                        + "lockWaitTimeoutSetByRunner: true in ddl-lint.yml");
    }
}
