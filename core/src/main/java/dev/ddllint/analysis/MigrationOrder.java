package dev.ddllint.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders migration files as Flyway runs them: versioned {@code V1_2__x.sql} by version (numerically, part by
 * part), then repeatable {@code R__x.sql} by description. Files that follow no Flyway convention come last, in
 * natural order of their paths (so {@code 2.sql} before {@code 10.sql}).
 */
public final class MigrationOrder {

    private static final Pattern VERSIONED = Pattern.compile("(?i)V(\\d+(?:[._]\\d+)*)__.*");
    private static final Pattern REPEATABLE = Pattern.compile("(?i)R__(.*)");

    private MigrationOrder() {
    }

    public static final Comparator<String> BY_MIGRATION_ORDER = MigrationOrder::compare;

    static int compare(String pathA, String pathB) {
        return Key.of(pathA).compareTo(Key.of(pathB));
    }

    /** Sorts {@code items} by the migration order of their paths, each path's name read once, not per comparison. */
    public static <T> void sort(List<T> items, java.util.function.Function<T, String> path) {
        List<Map.Entry<Key, T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            keyed.add(Map.entry(Key.of(path.apply(item)), item));
        }
        keyed.sort(Map.Entry.comparingByKey());
        for (int i = 0; i < keyed.size(); i++) {
            items.set(i, keyed.get(i).getValue());
        }
    }

    /** What the order compares of a path: its rank (versioned, repeatable, other), version parts and name. */
    private record Key(String path, String name, int rank, List<BigInteger> version) implements Comparable<Key> {

        static Key of(String path) {
            String name = fileName(path);
            int rank = MigrationOrder.rank(name);
            return new Key(path, name, rank, rank == 0 ? MigrationOrder.version(name) : List.of());
        }

        @Override
        public int compareTo(Key o) {
            if (rank != o.rank) {
                return Integer.compare(rank, o.rank);
            }
            int c = switch (rank) {
                case 0 -> compareVersions(version, o.version);
                case 1 -> name.compareToIgnoreCase(o.name);
                default -> natural(path, o.path);
            };
            return c != 0 ? c : path.compareTo(o.path);
        }
    }

    private static int rank(String name) {
        if (VERSIONED.matcher(name).matches()) {
            return 0;
        }
        return REPEATABLE.matcher(name).matches() ? 1 : 2;
    }

    private static List<BigInteger> version(String name) {
        Matcher m = VERSIONED.matcher(name);
        List<BigInteger> parts = new ArrayList<>();
        if (m.matches()) {
            for (String p : m.group(1).split("[._]")) {
                parts.add(new BigInteger(p));
            }
        }
        return parts;
    }

    private static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Compares digit runs as numbers and everything else case-insensitively. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = compareNumbers(a, si, i, b, sj, j);
                if (c != 0) {
                    return c;
                }
            } else {
                int c = Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * Compares the digit runs {@code a[ai, ae)} and {@code b[bi, be)} by their value, as
     * {@code new BigInteger(run)} would, without making one for every comparison of a sort.
     */
    private static int compareNumbers(String a, int ai, int ae, String b, int bi, int be) {
        while (ai < ae - 1 && Character.digit(a.charAt(ai), 10) == 0) {
            ai++;
        }
        while (bi < be - 1 && Character.digit(b.charAt(bi), 10) == 0) {
            bi++;
        }
        if (ae - ai != be - bi) {
            return Integer.compare(ae - ai, be - bi);
        }
        for (; ai < ae; ai++, bi++) {
            int c = Integer.compare(Character.digit(a.charAt(ai), 10), Character.digit(b.charAt(bi), 10));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String fileName(String path) {
        // '/' between folders (MigrationFiles turns a Windows separator into one): a backslash is part of the name.
        int slash = path.lastIndexOf('/');
        return (slash < 0 ? path : path.substring(slash + 1)).toLowerCase(Locale.ROOT).isEmpty() ? path
                : (slash < 0 ? path : path.substring(slash + 1));
    }
}
