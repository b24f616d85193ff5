package dev.ddllint.rules;

import java.util.List;
import java.util.Optional;

/**
 * The rule catalogue: one explicit list, so no classpath scanning (ServiceLoader) happens inside Maven or Flyway
 * class loaders. Adding a rule is one line here, besides its class, its page and its golden cases.
 */
public final class BuiltinRules {

    /** Also where problems go that no rule owns. */
    private static final MalformedScript MALFORMED_SCRIPT = new MalformedScript();

    /**
     * Every rule, in the order statement rules run (and so their findings on a statement come) and the rules index
     * lists them. A rule comes before the rules it supersedes, so they can be skipped where it reported.
     */
    public static final List<Rule> ALL = List.of(new DropPartition(), new ColumnTypeChange(), new PrimaryKeyDrop(),
            new PartitionOperation(), new BlockingAlter(), new AlgorithmLockRefused(), new TableRebuild(),
            new RepeatedRebuild(), new RowLogMayOverflow(), new LongRebuild(), new MissingLockWaitTimeout(),
            new DropColumn(), new RenameColumn(), new RenameTable(), new NotNullColumnWithoutDefault(),
            new ColumnMadeNotNull(), new EnumValuesChanged(),
            new DropTable(), new TruncateTable(), new LossyColumnChange(), new DeleteWithoutWhere(),
            new UpdateWithoutWhere(), new UniqueIndexOnExistingData(),
            new MixedDdlDml(), new UnboundedBackfill(), new AlterWithoutAlgorithmLock(), new InstantMixedWithRebuild(),
            new IndexVisibilityMixedWithRebuild(),
            new DuplicateIndex(), new RedundantIndex(), new TableWithoutPrimaryKey(), new DropIndexNotInvisibleFirst(),
            new TooManyIndexes(), new ForeignKeyOnOscTable(),
            new NonInnodbEngine(), new CharsetNotAllowed(), new ZeroDate(), new ReservedWordIdentifier(),
            new IntDisplayWidth(), new Timestamp2038(), new FloatForMoney(), new AutoIncrementCapacity(),
            new UnparseableStatement(), new DynamicDdlNotChecked(), new InputTooLarge(), MALFORMED_SCRIPT, new InvalidEncoding(),
            new UnresolvedPlaceholder(), new InvalidDirective());

    private static final List<StatementRule> STATEMENT_RULES = ALL.stream()
            .filter(StatementRule.class::isInstance).map(StatementRule.class::cast).toList();
    private static final List<FileProblemRule> FILE_PROBLEM_RULES = ALL.stream()
            .filter(FileProblemRule.class::isInstance).map(FileProblemRule.class::cast).toList();

    private BuiltinRules() {
    }

    public static List<StatementRule> statementRules() {
        return STATEMENT_RULES;
    }

    public static List<FileProblemRule> fileProblemRules() {
        return FILE_PROBLEM_RULES;
    }

    /** Every rule's info, in catalogue order. */
    public static List<RuleInfo> all() {
        return ALL.stream().map(Rule::info).toList();
    }

    public static Optional<RuleInfo> find(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The rule that reports a problem code; a code no rule owns is a malformed script, so it is never lost. */
    public static FileProblemRule forProblem(String code) {
        return FILE_PROBLEM_RULES.stream().filter(r -> r.problemCodes().contains(code)).findFirst()
                .orElse(MALFORMED_SCRIPT);
    }
}
