package dev.ddllint.schema;

import dev.ddllint.model.ClauseKind;
import dev.ddllint.sql.TolerantStatementReader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a partition clause changes the partition names a table's facts keep (REORGANIZE of every partition rebuilds
 * the table, of some does not): ADD adds its names, DROP removes them, REORGANIZE replaces the names it lists by
 * those after INTO. Anything else, or a clause that does not fit the names known, leaves them unknown.
 */
final class PartitionNames {

    private static final Pattern DROPPED = Pattern.compile("(?is)^\\s*DROP\\s+PARTITION\\s+(.+?)\\s*$");
    private static final Pattern REORGANIZED = Pattern.compile("(?is)^\\s*REORGANIZE\\s+PARTITION\\s+(.*?)\\s+INTO\\b");

    private PartitionNames() {
    }

    /**
     * @param known the names before ({@code p0,p1}), or null when not known
     * @return the names after, or null when they are not known
     */
    static String after(ClauseKind kind, String clause, String known) {
        if (known == null || clause == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>(List.of(known.split(",")));
        switch (kind) {
            case ADD_PARTITION -> {
                String added = TolerantStatementReader.partitionNamesOf(clause);
                if (added == null) {
                    return null;
                }
                names.addAll(List.of(added.split(",")));
            }
            case DROP_PARTITION -> {
                if (!removeAll(names, listed(DROPPED, clause))) {
                    return null;
                }
            }
            case REORGANIZE_PARTITION -> {
                String into = TolerantStatementReader.partitionNamesOf(clause);
                if (into == null || !removeAll(names, listed(REORGANIZED, clause))) {
                    return null;
                }
                names.addAll(List.of(into.split(",")));
            }
            default -> {
                return null;
            }
        }
        return names.isEmpty() ? null : String.join(",", names);
    }

    /** Removes every name listed; false when the list is empty or names a partition not known. */
    private static boolean removeAll(Set<String> names, List<String> listed) {
        return !listed.isEmpty() && names.containsAll(listed) && names.removeAll(listed);
    }

    private static List<String> listed(Pattern pattern, String clause) {
        Matcher m = pattern.matcher(clause);
        List<String> names = new ArrayList<>();
        if (m.find()) {
            for (String name : m.group(1).split(",")) {
                String n = name.strip().replace("`", "").toLowerCase(Locale.ROOT);
                if (n.isEmpty() || !n.matches("[\\p{L}\\p{N}_$]+")) {
                    return List.of();
                }
                names.add(n);
            }
        }
        return names;
    }
}
