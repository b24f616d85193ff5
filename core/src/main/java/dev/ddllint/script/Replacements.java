package dev.ddllint.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a script's text may have replaced, and by what: Flyway placeholders {@code ${name}} and the literal tokens of
 * other tools (see {@link ScriptOptions}). Lookups only; {@link ScriptScanner} consumes the text, records the edit and
 * reports a placeholder without a value.
 */
final class Replacements {

    private static final int MAX_PLACEHOLDER_NAME = 256;

    private final boolean placeholdersOn;
    private final Map<String, String> placeholders;
    private final Map<String, String> placeholdersIgnoringCase = new HashMap<>();
    /** Tokens by their first character, longest first; ASCII in an array, as it is asked at almost every character. */
    private final String[][] asciiTokens = new String[128][];
    private final Map<Character, String[]> otherTokens = new HashMap<>();
    private final Map<String, String> tokenValues;
    private final boolean anyTokens;

    Replacements(ScriptOptions options) {
        ScriptOptions opts = options == null ? ScriptOptions.defaults() : options;
        this.placeholdersOn = opts.replaceFlywayPlaceholders();
        this.placeholders = opts.placeholders() == null ? Map.of() : opts.placeholders();
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
            placeholdersIgnoringCase.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        this.tokenValues = opts.tokenReplacements() == null ? Map.of() : opts.tokenReplacements();
        Map<Character, List<String>> byFirst = new HashMap<>();
        for (String token : tokenValues.keySet()) {
            if (token != null && !token.isEmpty()) {
                byFirst.computeIfAbsent(token.charAt(0), k -> new ArrayList<>()).add(token);
            }
        }
        for (Map.Entry<Character, List<String>> e : byFirst.entrySet()) {
            List<String> list = e.getValue();
            list.sort(Comparator.comparingInt(String::length).reversed());
            String[] array = list.toArray(new String[0]);
            char first = e.getKey();
            if (first < 128) {
                asciiTokens[first] = array;
            } else {
                otherTokens.put(first, array);
            }
        }
        this.anyTokens = !byFirst.isEmpty();
    }

    /** Whether any literal token is configured (when not, the scanner never asks {@link #tokenAt}). */
    boolean anyTokens() {
        return anyTokens;
    }

    /** Whether {@code ${name}} is recognised at all. */
    boolean placeholdersOn() {
        return placeholdersOn;
    }

    /** Whether a token or a placeholder may start at the character ({@code $} always may). */
    boolean mayStart(char c) {
        return c == '$' || (c < 128 ? asciiTokens[c] != null : otherTokens.containsKey(c));
    }

    /** The longest configured token at the position, or null. */
    String tokenAt(String s, int at) {
        char c = s.charAt(at);
        String[] candidates = c < 128 ? asciiTokens[c] : otherTokens.get(c);
        if (candidates != null) {
            for (String token : candidates) {
                if (s.startsWith(token, at)) {
                    return token;
                }
            }
        }
        return null;
    }

    String tokenValue(String token) {
        return tokenValues.get(token);
    }

    /**
     * Where the placeholder that starts at the position ends (the index of its {@code }}), or -1 when there is
     * none: {@code ${} with a name of letters, digits and {@code _ . - :} and a closing brace.
     */
    int placeholderEnd(String s, int at) {
        int n = s.length();
        if (at + 1 >= n || s.charAt(at) != '$' || s.charAt(at + 1) != '{') {
            return -1;
        }
        int j = at + 2;
        int limit = Math.min(n, j + MAX_PLACEHOLDER_NAME);
        while (j < limit && isPlaceholderChar(s.charAt(j))) {
            j++;
        }
        if (j == at + 2 || j >= n || s.charAt(j) != '}') {
            return -1;
        }
        return j;
    }

    /** The value of a placeholder, looked up exactly, then ignoring case; null when it has none. */
    String placeholderValue(String name) {
        String value = placeholders.get(name);
        return value != null ? value : placeholdersIgnoringCase.get(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isPlaceholderChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                || c == '.' || c == '-' || c == ':';
    }
}
