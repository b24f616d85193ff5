package dev.ddllint.flyway;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds {@code ddllint.*} system properties and {@code DDLLINT_*} environment variables that look like an option
 * but name none ({@code -Dddllint.mdoe=audit}): otherwise such a typo would be ignored and the check would run with
 * the default. "Look like" means: within two edits of an option's name (case, '-', '_' and '.' aside). Other names
 * under the prefix are left alone: the prefix is short, and build tools put their own keys there
 * ({@code ddllint.repoRoot}, {@code ddllint.it.lib} in this project's tests).
 */
final class MisspeltOptions {

    private static final String PROPERTY_PREFIX = "ddllint.";
    private static final String VARIABLE_PREFIX = "DDLLINT_";
    private static final int MAX_EDITS = 2;

    private MisspeltOptions() {
    }

    /** @throws IllegalArgumentException naming the first misspelt property and the option it is close to */
    static void rejectSystemProperties(Collection<String> names) {
        for (String name : new TreeSet<>(names)) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                String key = name.substring(PROPERTY_PREFIX.length());
                nearestOption(key).ifPresent(option -> {
                    throw new IllegalArgumentException("unknown ddl-lint system property -D" + name
                            + ": did you mean -D" + PROPERTY_PREFIX + option + "?");
                });
            }
        }
    }

    /** @throws IllegalArgumentException naming the first misspelt variable and the option it is close to */
    static void rejectEnvironmentVariables(Collection<String> names) {
        for (String name : new TreeSet<>(names)) {
            if (name.startsWith(VARIABLE_PREFIX)) {
                nearestOption(name.substring(VARIABLE_PREFIX.length())).ifPresent(option -> {
                    throw new IllegalArgumentException("unknown ddl-lint environment variable " + name
                            + ": did you mean " + DdlLintOptions.environmentVariable(option) + "?");
                });
            }
        }
    }

    /** The option {@code key} is a near miss of; empty when it is an option, or is not close to any. */
    static Optional<String> nearestOption(String key) {
        return nearestOption(key, MAX_EDITS);
    }

    /** As {@link #nearestOption(String)}, within {@code maxEdits}. */
    static Optional<String> nearestOption(String key, int maxEdits) {
        if (DdlLintOptions.canonicalKey(key) != null) {
            return Optional.empty();
        }
        String k = normalise(key);
        String best = null;
        int bestDistance = maxEdits + 1;
        for (String option : DdlLintOptions.KEYS) {
            int d = distance(k, normalise(option));
            if (d < bestDistance) {
                best = option;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String normalise(String key) {
        return key.replaceAll("[-_.]", "").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
