package dev.ddllint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rule catalogue: an explicit list, so no classpath scanning happens inside Maven or Flyway class loaders. */
public final class BuiltinRules {

    public static final List<Rule> STATEMENT_RULES = List.of(new ColumnTypeChange(), new PrimaryKeyDrop(),
            new PartitionOperation(), new BlockingAlter(), new AlgorithmLockRefused(), new TableRebuild(),
            new RepeatedRebuild(), new RowLogMayOverflow(), new LongRebuild(), new MissingLockWaitTimeout(),
            new UnparseableStatement(), new DynamicDdlNotChecked());

    private BuiltinRules() {
    }

    /** Every rule's info: statement rules, then script-problem rules. */
    public static List<RuleInfo> all() {
        List<RuleInfo> all = new ArrayList<>();
        STATEMENT_RULES.forEach(r -> all.add(r.info()));
        all.addAll(ScriptProblemRule.infos());
        return all;
    }

    public static Optional<RuleInfo> find(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
