package dev.ddllint.schema;

import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.TableName;
import dev.ddllint.parse.StatementParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incrementally kept index of referencing tables gives, after every statement of generated migrations, the
 * answer of the scan over every table's foreign keys that it replaced.
 */
class ReferencingTablesTest {

    private static final StatementParser PARSER = new StatementParser(10_000);
    private static final int TABLES = 8;

    @Test
    void theIndexAnswersAsTheScanOverEveryTableAfterEachStatement() {
        Random random = new Random(15);
        int compared = 0;
        int nonEmpty = 0;
        for (int run = 0; run < 40; run++) {
            Schema schema = new Schema();
            boolean inApp = run % 4 == 3;
            if (inApp) {
                schema.defaultDatabase("app");
            }
            for (int step = 0; step < 60; step++) {
                String sql = statement(random);
                if (sql == null) {
                    schema.forget(TableName.of(random.nextInt(4) == 0 ? "app" : null, table(random)), "not read");
                } else {
                    schema.apply(PARSER.parse(sql), "V1__t.sql:" + step);
                }
                for (int t = 0; t < TABLES; t++) {
                    for (TableName name : List.of(TableName.of(null, "t" + t), TableName.of(null, "T" + t),
                            TableName.of("app", "t" + t))) {
                        List<String> expected = scan(schema, name, inApp);
                        assertThat(schema.links(name).referencedBy())
                                .as("%s after run %d step %d: %s", name, run, step, sql).isEqualTo(expected);
                        compared++;
                        nonEmpty += expected.isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(40 * 60 * TABLES * 3);
        assertThat(nonEmpty).as("the generated migrations reference tables").isGreaterThan(compared / 10);
    }

    /** A random statement on tables t0…t7 that adds, drops, renames or leaves foreign keys; null: forget one. */
    private static String statement(Random random) {
        String t = table(random);
        String other = random.nextInt(5) == 0 ? "app.`" + table(random) + "`" : table(random);
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> "CREATE TABLE " + t + " (id INT PRIMARY KEY, a INT, b INT"
                    + (random.nextBoolean() ? ", CONSTRAINT fk_a FOREIGN KEY (a) REFERENCES " + other + " (id)" : "")
                    + ")";
            case 3, 4 -> "ALTER TABLE " + t + " ADD CONSTRAINT fk_b FOREIGN KEY (b) REFERENCES " + other + " (id)";
            case 5 -> "ALTER TABLE " + t + " DROP FOREIGN KEY fk_" + (random.nextBoolean() ? "a" : "b");
            case 6 -> "ALTER TABLE " + t + " DROP COLUMN " + (random.nextBoolean() ? "a" : "b");
            case 7 -> "ALTER TABLE " + t + " RENAME TO " + table(random);
            case 8 -> "RENAME TABLE " + t + " TO " + table(random);
            case 9 -> "DROP TABLE " + t;
            case 10 -> "ALTER TABLE " + t + " ADD COLUMN c" + random.nextInt(100) + " INT";
            default -> null;
        };
    }

    private static String table(Random random) {
        return "t" + random.nextInt(TABLES);
    }

    /** The replaced way: over every table known, the tables whose foreign keys reference {@code name}. */
    private static List<String> scan(Schema schema, TableName name, boolean inApp) {
        Map<TableFacts, Boolean> known = new IdentityHashMap<>();
        for (int t = 0; t < TABLES; t++) {
            for (TableName candidate : List.of(TableName.of(null, "t" + t), TableName.of("app", "t" + t))) {
                schema.table(candidate).ifPresent(f -> known.put(f, true));
            }
        }
        Map<String, List<String>> byTarget = new HashMap<>();
        for (TableFacts f : known.keySet()) {
            Set<String> targets = new TreeSet<>();
            for (IndexDefinition i : f.indexes()) {
                if (i.kind() == IndexKind.FOREIGN && i.referencedTable() != null) {
                    String r = i.referencedTable().replace("`", "");
                    targets.add(TableFacts.key(r.contains(".") ? r.substring(r.lastIndexOf('.') + 1) : r));
                }
            }
            for (String target : targets) {
                byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(f.name());
            }
        }
        byTarget.values().forEach(l -> l.sort(null));
        // Schema's key of a name: lower case, the default database left out
        String key = TableFacts.key(name.toString());
        if (inApp && key.startsWith("app.")) {
            key = key.substring("app.".length());
        }
        return byTarget.getOrDefault(key, List.of());
    }
}
