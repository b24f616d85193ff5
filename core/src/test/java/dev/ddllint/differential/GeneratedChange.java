package dev.ddllint.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * One change to run on the generated table: an ALTER TABLE of one to four clauses, a CREATE/DROP INDEX, an
 * OPTIMIZE TABLE or a RENAME TABLE, with the ALGORITHM=/LOCK= it names, if any.
 *
 * @param form      {@code alter}, {@code create-index}, {@code drop-index}, {@code optimize}, {@code rename-table}
 * @param clauses   the ALTER's clauses (one for the other forms: the index definition, or nothing)
 * @param algorithm an explicit ALGORITHM= value, or null
 * @param lock      an explicit LOCK= value, or null
 */
record GeneratedChange(String form, List<Clause> clauses, String algorithm, String lock) {

    /**
     * @param sql        the clause as written
     * @param production the generator production that made it ({@code clause:add-column}, ...)
     * @param partition  a partition operation (written after the other clauses, without a comma before it)
     */
    record Clause(String sql, String production, boolean partition) {
    }

    String sql() {
        return switch (form) {
            case "create-index", "drop-index" -> clauses.get(0).sql() + (algorithm == null ? "" : " ALGORITHM=" + algorithm)
                    + (lock == null ? "" : " LOCK=" + lock);
            case "optimize" -> "OPTIMIZE TABLE t";
            case "rename-table" -> "RENAME TABLE t TO t_renamed";
            default -> alterSql();
        };
    }

    private String alterSql() {
        List<String> head = new ArrayList<>();
        if (algorithm != null) {
            head.add("ALGORITHM=" + algorithm);
        }
        if (lock != null) {
            head.add("LOCK=" + lock);
        }
        List<String> plain = new ArrayList<>(head);
        String partition = null;
        for (Clause c : clauses) {
            if (c.partition()) {
                partition = c.sql();
            } else {
                plain.add(c.sql());
            }
        }
        StringBuilder sb = new StringBuilder("ALTER TABLE t");
        if (!plain.isEmpty()) {
            sb.append(' ').append(String.join(", ", plain));
        }
        if (partition != null) {
            // ALGORITHM=/LOCK= before a partition operation take a comma (MySQL's standalone alter commands), before
            // PARTITION BY / REMOVE PARTITIONING none (they follow an alter list).
            boolean standalone = !partition.startsWith("PARTITION BY") && !partition.startsWith("REMOVE PARTITIONING");
            sb.append(standalone && plain.size() == head.size() && !head.isEmpty() ? ", " : " ").append(partition);
        }
        return sb.toString();
    }

    GeneratedChange withClauses(List<Clause> c) {
        return new GeneratedChange(form, List.copyOf(c), algorithm, lock);
    }

    GeneratedChange withoutExplicit() {
        return new GeneratedChange(form, clauses, null, null);
    }
}
