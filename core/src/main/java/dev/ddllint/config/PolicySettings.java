package dev.ddllint.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code policy:} block of {@code ddl-lint.yml}: the team's schema conventions that policy rules check.
 *
 * @param charsets   character sets tables and columns may use ({@code charset-not-allowed}), lower case
 * @param maxIndexes the most indexes a table may have ({@code too-many-indexes})
 */
public record PolicySettings(Set<String> charsets, int maxIndexes) {

    public static final PolicySettings DEFAULT = new PolicySettings(Set.of("utf8mb4", "binary", "ascii"), 10);

    public PolicySettings {
        if (charsets.isEmpty()) {
            throw new IllegalArgumentException("charsets: name at least one character set");
        }
        if (maxIndexes < 1 || maxIndexes > 64) {
            throw new IllegalArgumentException("maxIndexes: must be between 1 and 64 (InnoDB allows 64)");
        }
        charsets = charsets.stream().map(c -> c.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public PolicySettings withCharsets(List<String> names) {
        return new PolicySettings(Set.copyOf(names), maxIndexes);
    }

    public PolicySettings withMaxIndexes(int max) {
        return new PolicySettings(charsets, max);
    }

    /** The allowed character sets, sorted, for messages. */
    public String charsetsText() {
        return charsets.stream().sorted().collect(Collectors.joining(", "));
    }
}
