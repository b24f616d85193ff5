package dev.ddllint.rules;

/**
 * SQL assembled at run time ({@code PREPARE s FROM @v}, {@code EXECUTE IMMEDIATE expr}) whose text cannot be known
 * from the file and that may be table DDL: ddl-lint cannot give it a verdict, so it fails closed. What can be known
 * (literals, CONCAT of literals, IF/CASE between literals, hex literals) is analysed like any statement instead.
 */
public final class DynamicDdlNotChecked implements StatementRule {

    public static final String ID = "dynamic-ddl-not-checked";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.FAIL_CLOSED, Risk.AVAILABILITY,
            "SQL built at run time that may be table DDL, and whose text ddl-lint cannot know");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        String why = ctx.origin().uncheckedDynamic();
        if (why != null) {
            sink.report(INFO, "dynamic DDL not checked: " + why + ", so ddl-lint cannot tell whether it blocks "
                    + "writes", "write the statement out (or build it from string literals only) so ddl-lint can "
                    + "check it; if it has been reviewed by hand, allow it with -- ddl-lint:ignore "
                    + INFO.id() + " REASON");
        }
    }
}
