package dev.ddllint.rules;

import dev.ddllint.model.ColumnDefinition;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** FLOAT or DOUBLE for a column whose name says money: binary floating point cannot store 0.10 exactly. */
public final class FloatForMoney implements StatementRule {

    public static final String ID = "float-for-money";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.POLICY, Risk.AVAILABILITY,
            "FLOAT/DOUBLE for an amount of money: binary floating point rounds cents");

    private static final Pattern MONEY = Pattern.compile("(^|_)(price|amount|cost|total|balance|fee|fees|salary|"
            + "money|tax|vat|discount|payment|paid|refund|subtotal|revenue|credit|debit|charge|wage)s?($|_)");
    private static final List<String> FLOATS = List.of("FLOAT", "DOUBLE", "REAL", "FLOAT4", "FLOAT8");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (ColumnDefinition c : DeclaredColumns.of(ctx)) {
            if (!FLOATS.contains(c.type().name()) || !MONEY.matcher(c.name().toLowerCase(Locale.ROOT)).find()) {
                continue;
            }
            sink.report(INFO, "column `" + c.name() + "` of " + ctx.tableName() + " looks like money but is "
                            + c.type().name() + ": binary floating point cannot store most decimal fractions (0.10 "
                            + "is 0.1000000000000000055…), so sums drift and equality comparisons fail",
                    "use DECIMAL with the precision the currency needs, e.g. " + c.name() + " DECIMAL(19,4), or an "
                            + "integer number of the smallest unit (" + c.name() + "_cents BIGINT)");
        }
    }
}
