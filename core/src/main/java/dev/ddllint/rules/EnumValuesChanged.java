package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;

import java.util.List;
import java.util.Locale;

/**
 * MODIFY/CHANGE of an ENUM or SET column that removes or reorders members (a member inserted before existing ones
 * reorders them): old writers' values are refused or stored as '', stored index numbers change meaning, and the
 * table is copied. Appending at the end is safe (and instant within the same storage size).
 */
public final class EnumValuesChanged implements StatementRule {

    public static final String ID = "enum-values-changed";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.COMPATIBILITY, Risk.DATA,
            "ENUM/SET members removed or reordered: old writers' values are refused, stored values change");
    /** The earlier members are not known: ddl-lint says so instead of guessing. */
    static final RuleInfo UNKNOWN = INFO.withDefaultSeverity(Severity.INFO);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (AlterOperation op : DeclaredColumns.redefinitions(ctx)) {
            ColumnDefinition c = op.definition();
            if (!c.type().isEnumOrSet()) {
                continue;
            }
            ColumnDefinition before = ctx.columnBefore(op.column());
            String table = ctx.statement().table().toString();
            if (before == null || before.type() == null || !before.type().isEnumOrSet()) {
                if (before == null) {
                    sink.report(UNKNOWN, "\"" + Messages.shorten(op.text()) + "\" redefines the members of `"
                            + op.column() + "`, whose earlier members ddl-lint does not know: it cannot tell whether "
                            + "members are removed or reordered", help(table, op.column()));
                }
                continue;
            }
            List<String> old = members(before.type().arguments());
            List<String> now = members(c.type().arguments());
            List<String> removed = old.stream().filter(m -> !now.contains(m)).toList();
            boolean appendOnly = now.size() >= old.size() && now.subList(0, old.size()).equals(old);
            if (appendOnly) {
                continue;
            }
            String what = !removed.isEmpty() ? "removes " + String.join(", ", removed)
                    : "reorders the members (or inserts one before existing ones)";
            sink.report(INFO, "\"" + Messages.shorten(op.text()) + "\" " + what + " of " + before.type().name()
                    + " column `" + op.column() + "` on " + ctx.tableName() + ": writers of the previous release "
                    + "that still send " + (removed.isEmpty() ? "a value" : String.join(", ", removed))
                    + " fail (ERROR 1265, Data truncated) or store '' in non-strict mode, rows holding a removed "
                    + "member make the ALTER fail, and the table is copied", help(table, op.column()));
        }
    }

    private static String help(String table, String column) {
        return "only append members at the end; to retire one, ship in this order: (1) release code that no longer "
                + "writes it; (2) migration: UPDATE " + table + " SET " + column + " = '<replacement>' WHERE "
                + column + " = '<retired>' LIMIT 1000; until no row changes; (3) keep the member in the definition "
                + "(removing it copies the table for nothing), or remove it with an online schema-change tool";
    }

    private static List<String> members(List<String> arguments) {
        return arguments.stream().map(a -> a.trim().replaceAll("^'(.*)'$", "$1").toLowerCase(Locale.ROOT))
                .toList();
    }
}
