package dev.ddllint.rules;

import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.kb.DdlOperation;
import dev.ddllint.kb.LockLevel;

import java.util.List;

/**
 * Any other statement that blocks writes: it runs as COPY, or needs LOCK=SHARED/EXCLUSIVE, or asks for them.
 * Statements reported as a column type change, primary-key drop or partition operation are not repeated: those
 * rules supersede this one ({@link RuleInfo#supersedes()}), so the analyzer does not ask it about them.
 */
public final class BlockingAlter implements StatementRule {

    public static final String ID = "blocking-alter";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.LOCKING, Risk.DATA,
            "The statement blocks writes to the table while it runs (COPY, or LOCK=SHARED/EXCLUSIVE)");
    /** A copy that lets writes go on (MariaDB 11.2+ online COPY): not blocking, but a whole-table copy. */
    static final RuleInfo ONLINE_COPY = INFO.withDefaultSeverity(Severity.WARNING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.verdict() == null || (!ctx.verdict().effective().blocksWrites()
                && ctx.verdict().effective().algorithm() != Algorithm.COPY)) {
            return;
        }
        List<ClassifiedOperation> blocking = ctx.verdict().operations().stream()
                .filter(c -> c.verdict().algorithm() == Algorithm.COPY || c.verdict().lock() != LockLevel.NONE)
                .toList();
        String cause;
        String help;
        boolean online = Messages.onlineCopy(ctx.verdict().effective());
        if (!blocking.isEmpty()) {
            ClassifiedOperation first = blocking.get(0);
            cause = Messages.operation(first) + (first.reason() == null || first.reason().isBlank() ? ""
                    : " (" + first.reason() + ")");
            help = helpFor(first.ddlOperation(), Help.shadowTable(ctx));
        } else if (explicitClauses(ctx).isEmpty()) {
            // The finding adds which SET implied it (Analyzer: "ALGORITHM=COPY implied by SET …").
            cause = "the ALGORITHM= this session implies";
            help = "reset old_alter_table / alter_algorithm before the statement (SET SESSION old_alter_table=OFF, "
                    + "SET SESSION alter_algorithm=DEFAULT), or write ALGORITHM=INPLACE, LOCK=NONE so the server "
                    + "refuses instead of blocking";
        } else {
            cause = "the statement's explicit " + explicitClauses(ctx);
            help = "remove the explicit ALGORITHM=COPY / LOCK=SHARED|EXCLUSIVE, or write ALGORITHM=INPLACE, "
                    + "LOCK=NONE so the server refuses instead of blocking";
        }
        if (online) {
            sink.report(ONLINE_COPY, ctx.statementName() + " on " + ctx.tableName() + " copies the table online: "
                    + ctx.verdictText() + ", because of " + cause + "; " + Messages.copyEffect(ctx.verdict()
                    .effective(), ctx.tableName()) + Messages.assumptions(blocking), help, Messages.clauses(blocking));
            return;
        }
        sink.report(INFO, ctx.statementName() + " on " + ctx.tableName() + " blocks writes: " + ctx.verdictText()
                + ", because of " + cause + Messages.assumptions(blocking), help, Messages.clauses(blocking));
    }

    private static String explicitClauses(StatementContext ctx) {
        StringBuilder sb = new StringBuilder();
        if (ctx.statement().algorithm() != dev.ddllint.model.RequestedAlgorithm.DEFAULT) {
            sb.append("ALGORITHM=").append(ctx.statement().algorithm());
        }
        if (ctx.statement().lock() != dev.ddllint.model.RequestedLock.DEFAULT) {
            sb.append(sb.length() > 0 ? ", " : "").append("LOCK=").append(ctx.statement().lock());
        }
        return sb.toString();
    }

    private static String helpFor(DdlOperation op, String shadowTable) {
        return switch (op) {
            case ADD_FOREIGN_KEY -> "run SET foreign_key_checks=0 before adding the foreign key (it is then added in "
                    + "place without a copy; check the data yourself), or " + shadowTable;
            case ADD_FULLTEXT_INDEX, ADD_FULLTEXT_INDEX_FIRST, ADD_SPATIAL_INDEX -> "FULLTEXT and SPATIAL indexes "
                    + "cannot be built with concurrent writes: " + shadowTable;
            case ADD_AUTO_INCREMENT_COLUMN -> "add the column without AUTO_INCREMENT, backfill it, then make it "
                    + "the key; or " + shadowTable;
            default -> shadowTable;
        };
    }
}
