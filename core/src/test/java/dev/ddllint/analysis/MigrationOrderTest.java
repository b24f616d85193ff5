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
}
