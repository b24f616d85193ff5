package dev.ddllint.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway's order of migration files, and the sort that reads each path once giving the comparator's order. */
class MigrationOrderTest {

    private static final List<String> IN_ORDER = List.of("db/V1__init.sql", "other/v1_1__b.sql", "db/V1.2__c.sql",
            "db/V2__d.sql", "a/V10__e.sql", "b/V10__e.sql", "db/V10.0.1__f.sql", "db/R__a_view.sql", "db/r__B_view.sql",
            "db/2.sql", "db/10.sql", "db/README.sql", "x/V__no_version.sql");

    @Test
    void versionedByVersionThenRepeatableByDescriptionThenTheRestInNaturalOrder() {
        List<String> shuffled = new ArrayList<>(IN_ORDER);
        Collections.shuffle(shuffled, new Random(15));
        shuffled.sort(MigrationOrder.BY_MIGRATION_ORDER);
        assertThat(shuffled).isEqualTo(IN_ORDER);
    }

    @Test
    void theKeyedSortGivesTheComparatorsOrder() {
        Random random = new Random(15);
        String[] parts = {"V", "v", "R", "", "1", "2", "10", "_", ".", "__", "x", "X", "/", "a"};
        for (int k = 0; k < 300; k++) {
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                StringBuilder b = new StringBuilder();
                for (int j = random.nextInt(8); j >= 0; j--) {
                    b.append(parts[random.nextInt(parts.length)]);
                }
                paths.add(b + ".sql");
            }
            List<String> byComparator = new ArrayList<>(paths);
            byComparator.sort(MigrationOrder.BY_MIGRATION_ORDER);
            List<String> keyed = new ArrayList<>(paths);
            MigrationOrder.sort(keyed, p -> p);
            assertThat(keyed).isEqualTo(byComparator);
        }
    }

    /** The natural order as it was, with a BigInteger for each digit run: the reference. */
    private static int naturalByBigInteger(String a, String b) {
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
                int c = new java.math.BigInteger(a.substring(si, i)).compareTo(
                        new java.math.BigInteger(b.substring(sj, j)));
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

    @Test
    void digitRunsCompareByValueAsWithBigIntegers() {
        Random random = new Random(15);
        // leading zeros, long runs, Arabic-Indic and full-width digits (Character.isDigit), letters between
        String[] parts = {"0", "00", "1", "9", "10", "007", "123456789012345678901234567890", "\u0661\u0662", "\uFF13",
            "a", "B", "_", "/", "."};
        for (int k = 0; k < 50_000; k++) {
            String a = randomName(random, parts);
            String b = randomName(random, parts);
            assertThat(Integer.signum(MigrationOrder.natural(a, b))).as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(naturalByBigInteger(a, b)));
        }
    }

    private static String randomName(Random random, String[] parts) {
        StringBuilder b = new StringBuilder();
        for (int j = random.nextInt(6); j >= 0; j--) {
            b.append(parts[random.nextInt(parts.length)]);
        }
        return b.toString();
    }
}
