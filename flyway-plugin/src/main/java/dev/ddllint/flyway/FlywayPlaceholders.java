package dev.ddllint.flyway;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces Flyway placeholders the way Flyway does before it runs a script: every {@code prefix name suffix}
 * (default {@code ${name}}) anywhere in the text, comments included, whose name has a value. Names are looked up
 * exactly, then ignoring case.
 */
final class FlywayPlaceholders {

    private static final int MAX_NAME = 256;
    private static final Pattern DOLLAR_BRACE = Pattern.compile("\\$\\{([A-Za-z0-9_:.\\-]{1,256})}");

    private final String prefix;
    private final String suffix;
    private final Map<String, String> values;
    private final Map<String, String> valuesIgnoringCase = new HashMap<>();

    FlywayPlaceholders(String prefix, String suffix, Map<String, String> values) {
        this.prefix = prefix == null || prefix.isEmpty() ? "${" : prefix;
        this.suffix = suffix == null || suffix.isEmpty() ? "}" : suffix;
        this.values = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                this.values.put(k, v);
                valuesIgnoringCase.putIfAbsent(k.toLowerCase(Locale.ROOT), v);
            }
        });
    }

    boolean isDefaultSyntax() {
        return prefix.equals("${") && suffix.equals("}");
    }

    /** The text with every known placeholder replaced; unknown ones stay as written. */
    String replace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (true) {
            int start = text.indexOf(prefix, i);
            if (start < 0) {
                out.append(text, i, text.length());
                return out.toString();
            }
            int nameStart = start + prefix.length();
            int end = text.indexOf(suffix, nameStart);
            String value = null;
            if (end > nameStart && end - nameStart <= MAX_NAME) {
                String name = text.substring(nameStart, end);
                if (name.indexOf('\n') < 0) {
                    value = values.get(name);
                    if (value == null) {
                        value = valuesIgnoringCase.get(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (value == null) {
                out.append(text, i, nameStart);
                i = nameStart;
            } else {
                out.append(text, i, start).append(value);
                i = end + suffix.length();
            }
        }
    }

    /**
     * The {@code ${name}} tokens left in a text, each mapped to itself. ddl-lint's own reader treats
     * {@code ${name}} as a Flyway placeholder; where Flyway will NOT replace it (placeholder replacement is off, or
     * Flyway's prefix and suffix are others), it is plain text, and this mapping keeps it so.
     */
    static Map<String, String> literalDollarBraces(String text) {
        Map<String, String> identity = new LinkedHashMap<>();
        Matcher m = DOLLAR_BRACE.matcher(text);
        while (m.find()) {
            identity.put(m.group(1), m.group(0));
        }
        return identity;
    }
}
