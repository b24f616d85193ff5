package dev.ddllint.script;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@link ScriptReader} prepares statement text.
 *
 * @param placeholders              Flyway placeholders: {@code ${name}} is replaced by the value of {@code name}
 *                                  (looked up exactly, then ignoring case). Entries with a null key or value are
 *                                  dropped, so such a placeholder stays unresolved.
 * @param tokenReplacements         literal tokens of other migration tools, replaced everywhere except inside
 *                                  comments (also inside quotes), e.g. {@code "{$NAMESPACE}" -> "app"},
 *                                  {@code "%TABLE_PREFIX%" -> "ost_"}, {@code "#__" -> "jos_"}. A token takes
 *                                  precedence over a comment start, so {@code #__users} is not a {@code #} comment
 *                                  when {@code #__} is configured. Longer tokens win over shorter ones that start
 *                                  at the same character. Empty or null keys are ignored.
 * @param replaceFlywayPlaceholders whether {@code ${name}} is recognised at all; when false it is plain text and
 *                                  never reported.
 * @param maxStatementSize          a statement of more characters is kept only by its beginning and marked
 *                                  {@link ScriptStatement#tooLarge()}, with an {@link ScriptProblem#INPUT_TOO_LARGE}
 */
public record ScriptOptions(Map<String, String> placeholders,
                            Map<String, String> tokenReplacements,
                            boolean replaceFlywayPlaceholders,
                            long maxStatementSize) {

    /** No bound on a statement's size. */
    public ScriptOptions(Map<String, String> placeholders, Map<String, String> tokenReplacements,
                         boolean replaceFlywayPlaceholders) {
        this(placeholders, tokenReplacements, replaceFlywayPlaceholders, Long.MAX_VALUE);
    }

    private static final ScriptOptions DEFAULTS = new ScriptOptions(Map.of(), Map.of(), true);

    public ScriptOptions {
        placeholders = copy(placeholders);
        tokenReplacements = copy(tokenReplacements);
    }

    /** No placeholders, no token replacements, Flyway placeholders recognised (and so reported when unknown). */
    public static ScriptOptions defaults() {
        return DEFAULTS;
    }

    /** Defaults plus the given Flyway placeholders. */
    public static ScriptOptions withPlaceholders(Map<String, String> placeholders) {
        return new ScriptOptions(placeholders, Map.of(), true);
    }

    /** Defaults plus the given literal token replacements. */
    public static ScriptOptions withTokenReplacements(Map<String, String> tokenReplacements) {
        return new ScriptOptions(Map.of(), tokenReplacements, true);
    }

    private static Map<String, String> copy(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey() != null && !e.getKey().isEmpty() && e.getValue() != null) {
                copy.put(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(copy);
    }
}
