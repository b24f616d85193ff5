package dev.ddllint.kb;

import java.util.Locale;
import java.util.Map;

/** Maximum bytes per character, which decides a VARCHAR's length-prefix size. */
public final class Charsets {
    private static final Map<String, Integer> MAX_BYTES = Map.ofEntries(
            Map.entry("latin1", 1), Map.entry("ascii", 1), Map.entry("binary", 1), Map.entry("latin2", 1),
            Map.entry("cp1250", 1), Map.entry("cp1251", 1), Map.entry("cp1256", 1), Map.entry("cp1257", 1),
            Map.entry("greek", 1), Map.entry("hebrew", 1), Map.entry("koi8r", 1), Map.entry("swe7", 1),
            Map.entry("utf8", 3), Map.entry("utf8mb3", 3), Map.entry("utf8mb4", 4), Map.entry("ucs2", 2),
            Map.entry("utf16", 4), Map.entry("utf16le", 4), Map.entry("utf32", 4), Map.entry("gbk", 2),
            Map.entry("gb2312", 2), Map.entry("gb18030", 4), Map.entry("big5", 2), Map.entry("sjis", 2),
            Map.entry("cp932", 2), Map.entry("euckr", 2), Map.entry("ujis", 3), Map.entry("eucjpms", 3));

    /** Charset assumed when neither the column nor the table says: the widest common one, to stay conservative. */
    static final String ASSUMED = "utf8mb4";

    private Charsets() {
    }

    public static int maxBytes(String charset) {
        if (charset == null) {
            return 4;
        }
        return MAX_BYTES.getOrDefault(charset.toLowerCase(Locale.ROOT), 4);
    }

    /** The character set a collation belongs to ({@code utf8mb4_bin} → {@code utf8mb4}). */
    public static String ofCollation(String collation) {
        if (collation == null) {
            return null;
        }
        int u = collation.indexOf('_');
        return (u < 0 ? collation : collation.substring(0, u)).toLowerCase(Locale.ROOT);
    }
}
