package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.ClauseKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A character set outside the allowed ones ({@code policy.charsets} in ddl-lint.yml, by default utf8mb4, binary and
 * ascii): mixed character sets make joins between columns convert (and skip indexes), and utf8mb3 (utf8) cannot
 * store 4-byte characters and is deprecated.
 */
public final class CharsetNotAllowed implements StatementRule {

    public static final String ID = "charset-not-allowed";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.WARNING, Category.POLICY, Risk.AVAILABILITY,
            "A character set outside policy.charsets (default utf8mb4, binary, ascii): utf8mb3 cannot store emoji, "
                    + "mixed sets defeat indexes");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        List<String[]> found = new ArrayList<>();
        if (ctx.statement().createTable() != null) {
            String cs = ctx.statement().createTable().options().get("CHARSET");
            if (cs != null) {
                found.add(new String[] {"the table's default character set", cs});
            }
        }
        for (ColumnDefinition c : DeclaredColumns.of(ctx)) {
            if (c.type().charset() != null) {
                found.add(new String[] {"column `" + c.name() + "`", c.type().charset()});
            }
        }
        for (AlterOperation op : ctx.statement().operations()) {
            if ((op.kind() == ClauseKind.CONVERT_CHARSET || op.kind() == ClauseKind.DEFAULT_CHARSET)
                    && op.value() != null) {
                found.add(new String[] {"the table's character set", op.value()});
            }
        }
        Set<String> allowed = ctx.config().policy().charsets();
        String allowedText = ctx.config().policy().charsetsText();
        for (String[] f : found) {
            String cs = f[1].replace("'", "").replace("`", "").toLowerCase(Locale.ROOT);
            if (allowed.contains(cs)) {
                continue;
            }
            sink.report(INFO, f[0] + " of " + ctx.tableName() + " is " + cs + ", outside the allowed " + allowedText
                            + " (policy.charsets)"
                            + (cs.equals("utf8") || cs.equals("utf8mb3") ? ": utf8mb3 stores at most 3 bytes a "
                            + "character, so emoji and other 4-byte characters are refused or cut, and it is "
                            + "deprecated" : ": comparing or joining it with utf8mb4 columns converts every value and "
                            + "cannot use the index"),
                    "declare an allowed character set (utf8mb4, with a utf8mb4 collation) for new tables and columns, or add "
                            + cs + " to policy.charsets in ddl-lint.yml; converting "
                            + "an existing one copies the table (CONVERT TO CHARACTER SET utf8mb4), so plan it as a "
                            + "copy");
        }
    }
}
