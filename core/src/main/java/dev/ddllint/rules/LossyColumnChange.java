package dev.ddllint.rules;

import dev.ddllint.kb.Charsets;
import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.ColumnType;

import java.util.List;
import java.util.Locale;

/**
 * MODIFY/CHANGE to a type that holds fewer values than the column's current one: a smaller integer, the other
 * signedness, fewer digits, a shorter length or smaller text type, a character set with a smaller repertoire, or a
 * string/number/date conversion. Rows that do not fit fail the ALTER (strict mode, often after hours of copying)
 * or are truncated silently, and writers of the previous release sending such values fail.
 */
public final class LossyColumnChange implements StatementRule {

    public static final String ID = "lossy-column-change";
    public static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, Category.DATA_LOSS, Risk.DATA,
            "A column narrowed (type, signedness, precision, length, character set) can lose or refuse values");
    /** The earlier definition is unknown: ddl-lint says so instead of guessing. */
    static final RuleInfo UNKNOWN = INFO.withDefaultSeverity(Severity.INFO);

    private static final List<String> INTEGERS = List.of("TINYINT", "SMALLINT", "MEDIUMINT", "INT", "BIGINT");
    private static final List<String> TEXTS = List.of("TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT");
    private static final List<String> BLOBS = List.of("TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB");
    private static final List<String> STRINGS = List.of("CHAR", "VARCHAR", "BINARY", "VARBINARY");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        for (AlterOperation op : DeclaredColumns.redefinitions(ctx)) {
            ColumnDefinition c = op.definition();
            ColumnDefinition before = ctx.columnBefore(op.column());
            String table = ctx.statement().table().toString();
            String help = "check first that every row fits: SELECT COUNT(*) FROM " + table + " WHERE <value outside "
                    + c.type() + ">; then expand/contract, each step shipped on its own: (1) ALTER TABLE " + table
                    + " ADD COLUMN " + op.column() + "_new " + c.type() + " NULL; (2) release code that writes both; "
                    + "(3) backfill in batches; (4) release code that uses " + op.column() + "_new only; (5) drop "
                    + op.column();
            if (before == null || before.type() == null) {
                sink.report(UNKNOWN, "\"" + Messages.shorten(op.text()) + "\": the earlier definition of `"
                        + op.column() + "` is not known to ddl-lint, so it cannot tell whether " + c.type()
                        + " holds every value it held", help);
                continue;
            }
            String loss = loss(before.type(), c.type(), ctx);
            if (loss != null) {
                sink.report(INFO, "\"" + Messages.shorten(op.text()) + "\" narrows `" + op.column() + "` on "
                        + ctx.tableName() + " from " + before.type() + " to " + c.type() + ": " + loss + "; rows that "
                        + "do not fit make the ALTER fail in strict mode (after copying the table) or are truncated "
                        + "silently otherwise, and writers of the previous release sending such values fail", help);
            }
        }
    }

    /** Why the new type holds fewer values than the old one, or null when it holds them all. */
    static String loss(ColumnType from, ColumnType to, StatementContext ctx) {
        String a = base(from.name());
        String b = base(to.name());
        if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
            if (INTEGERS.indexOf(b) < INTEGERS.indexOf(a)) {
                return b + " is smaller than " + a;
            }
            if (!from.unsigned() && to.unsigned()) {
                return "UNSIGNED cannot hold negative values";
            }
            if (from.unsigned() && !to.unsigned() && INTEGERS.indexOf(b) == INTEGERS.indexOf(a)) {
                return "a signed " + b + " holds only half the range of an unsigned one";
            }
            return null;
        }
        if (a.equals("DECIMAL") && b.equals("DECIMAL")) {
            int[] p = precision(from);
            int[] q = precision(to);
            if (q[0] - q[1] < p[0] - p[1]) {
                return "fewer digits before the decimal point (" + (q[0] - q[1]) + " instead of " + (p[0] - p[1])
                        + ")";
            }
            return q[1] < p[1] ? "fewer decimal places (" + q[1] + " instead of " + p[1] + ": values are rounded)"
                    : null;
        }
        if (a.equals("DOUBLE") && b.equals("FLOAT")) {
            return "FLOAT keeps about 7 significant digits, DOUBLE 15";
        }
        int sizeA = textRank(a);
        int sizeB = textRank(b);
        if (sizeA >= 0 && sizeB >= 0) {
            long lenA = maxLength(from, sizeA);
            long lenB = maxLength(to, sizeB);
            if (lenB < lenA) {
                return "at most " + lenB + " characters instead of " + lenA;
            }
            String csA = charset(from, ctx);
            String csB = charset(to, ctx);
            if (csA != null && csB != null && repertoire(csB) < repertoire(csA)) {
                return csA.equals("binary") ? "character set " + csB + " refuses the byte sequences that are not "
                        + "valid " + csB + ", which the binary column may hold" : "character set " + csB + " cannot "
                        + "store every character of " + csA + (repertoire(csB) == 3 ? " (4-byte characters such as "
                        + "emoji)" : "");
            }
            return null;
        }
        boolean numeric = INTEGERS.contains(a) || a.equals("DECIMAL") || a.equals("FLOAT") || a.equals("DOUBLE");
        if ((sizeA >= 0 || from.isEnumOrSet()) && (INTEGERS.contains(b) || b.equals("DECIMAL") || isTemporal(b))
                || (numeric || isTemporal(a)) && (b.equals("CHAR") || b.equals("VARCHAR")) && to.length() >= 0
                && to.length() < 20) {
            return "a " + a + " to " + b + " conversion keeps only the values that convert";
        }
        return null;
    }

    private static String base(String name) {
        return switch (name) {
            case "INTEGER", "INT4" -> "INT";
            case "DEC", "NUMERIC", "FIXED" -> "DECIMAL";
            case "REAL", "FLOAT8" -> "DOUBLE";
            case "BOOL", "BOOLEAN", "INT1" -> "TINYINT";
            case "INT2" -> "SMALLINT";
            case "INT3", "MIDDLEINT" -> "MEDIUMINT";
            case "INT8" -> "BIGINT";
            default -> name;
        };
    }

    private static boolean isTemporal(String name) {
        return List.of("DATE", "DATETIME", "TIMESTAMP", "TIME", "YEAR").contains(name);
    }

    /** 0–3: string types by capacity class, -1 for others (CHAR/VARCHAR use their declared length). */
    private static int textRank(String name) {
        if (STRINGS.contains(name)) {
            return 0;
        }
        int t = TEXTS.indexOf(name);
        return t >= 0 ? t : BLOBS.indexOf(name);
    }

    private static long maxLength(ColumnType type, int rank) {
        if (STRINGS.contains(base(type.name()))) {
            return type.length() < 0 ? 1 : type.length();
        }
        return switch (rank) {
            case 0 -> 255L;
            case 1 -> 65_535L;
            case 2 -> 16_777_215L;
            default -> 4_294_967_295L;
        };
    }

    private static int[] precision(ColumnType type) {
        List<String> args = type.arguments();
        int p = args.isEmpty() ? 10 : parse(args.get(0), 10);
        int s = args.size() < 2 ? 0 : parse(args.get(1), 0);
        return new int[] {p, s};
    }

    private static int parse(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String charset(ColumnType type, StatementContext ctx) {
        String cs = type.charset() != null ? type.charset() : Charsets.ofCollation(type.collation());
        if (cs == null && ctx.table() != null) {
            cs = ctx.table().defaultCharset();
        }
        return cs == null ? null : cs.toLowerCase(Locale.ROOT);
    }

    /** 4: all of Unicode, 3: the BMP only, 1: a legacy single- or double-byte set. */
    private static int repertoire(String charset) {
        return switch (charset) {
            case "utf8mb4", "utf16", "utf16le", "utf32", "gb18030" -> 4;
            case "utf8", "utf8mb3", "ucs2" -> 3;
            case "binary" -> 5;
            default -> 1;
        };
    }
}
