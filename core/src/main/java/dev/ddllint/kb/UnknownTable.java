package dev.ddllint.kb;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement on a table nothing is known about (no CREATE TABLE read, no live schema): its verdict is the worst
 * the table could make it, never more online than the truth. What a table may hold that changes a verdict (each
 * found by the differential tester on the real servers):
 * <ul>
 *   <li>MariaDB: a UNIQUE index kept as a hidden hash column (every ALTER TABLE then copies), a foreign key that
 *       cascades (the copy cannot run online);</li>
 *   <li>MySQL: a FULLTEXT index (a rebuild, or an instant column change falling back to one, becomes a copy), a
 *       UNIQUE NOT NULL key acting as the clustered index or a functional index on a partitioned table (dropping an
 *       index copies), another table's foreign key on a column (a rename runs in place, not instantly), a functional index (a
 *       virtual column added last lands before its hidden one: a copy).</li>
 * </ul>
 */
final class UnknownTable {

    record Worst(Verdict verdict, List<ClassifiedOperation> operations) {
    }

    private static final Verdict COPY_SHARED = new Verdict(Algorithm.COPY, true, LockLevel.SHARED);

    private UnknownTable() {
    }

    static Worst worst(Verdict natural, List<ClassifiedOperation> classified, TargetServer target) {
        if (classified.isEmpty()) {
            return new Worst(natural, classified);
        }
        List<ClassifiedOperation> out = new ArrayList<>(classified);
        Verdict verdict = natural;
        if (target.flavor() == ServerFlavor.MARIADB) {
            if (natural.algorithm() != Algorithm.COPY || natural.lock().ordinal() < LockLevel.SHARED.ordinal()) {
                verdict = COPY_SHARED.lock().ordinal() >= natural.lock().ordinal() ? COPY_SHARED
                        : new Verdict(Algorithm.COPY, true, natural.lock());
                out.set(0, out.get(0).assuming(verdict, "nothing is known about the table: assumed it may have a "
                        + "UNIQUE index that MariaDB keeps as a hidden hash column (then every ALTER TABLE copies it) "
                        + "and a cascading foreign key (then the copy cannot let writes go on); read its CREATE TABLE "
                        + "or give --jdbc-url for the exact verdict"));
            }
            return new Worst(verdict, out);
        }
        boolean instantColumn = classified.stream().anyMatch(c -> c.ddlOperation().isInstantAddDrop()
                && c.verdict().algorithm() == Algorithm.INSTANT);
        boolean rebuild = natural.rebuildsTable() && natural.algorithm() == Algorithm.INPLACE && classified.stream()
                .anyMatch(c -> c.verdict().rebuildsTable() && c.ddlOperation() != DdlOperation.ADD_FULLTEXT_INDEX_FIRST);
        boolean dropIndex = classified.stream().anyMatch(c -> c.ddlOperation() == DdlOperation.DROP_INDEX);
        // A functional index's hidden virtual column comes last: a virtual column added last lands before it.
        boolean virtualAdd = classified.stream().anyMatch(c -> c.ddlOperation() == DdlOperation.ADD_VIRTUAL_COLUMN
                && c.verdict().algorithm() != Algorithm.COPY);
        // A UNIQUE NOT NULL index added to a table without PRIMARY KEY becomes its clustered index: a rebuild.
        boolean uniqueIndex = classified.stream().anyMatch(c -> c.ddlOperation() == DdlOperation.ADD_INDEX
                && c.operation().index() != null
                && c.operation().index().kind() == dev.ddllint.model.IndexDefinition.IndexKind.UNIQUE);
        rebuild |= uniqueIndex;
        if (natural.algorithm() != Algorithm.COPY && (instantColumn || rebuild || dropIndex || virtualAdd)) {
            verdict = new Verdict(Algorithm.COPY, true, natural.lock().stronger(LockLevel.SHARED));
            String why = dropIndex ? "the dropped index may be its clustered key (a UNIQUE NOT NULL index of a table "
                    + "without PRIMARY KEY) or a functional index of a partitioned table, which MySQL drops by copying"
                    : virtualAdd && !instantColumn && !rebuild ? "it may have a functional index, whose hidden virtual "
                    + "column the added virtual column would precede (MySQL then copies the table)"
                    : "it may have a FULLTEXT index, and InnoDB cannot rebuild such a table in place (an instant "
                    + "column change then falls back to a rebuild)";
            out.set(0, out.get(0).assuming(verdict, "nothing is known about the table: assumed " + why
                    + "; read its CREATE TABLE or give --jdbc-url for the exact verdict"));
            return new Worst(verdict, out);
        }
        for (int i = 0; i < out.size(); i++) {
            ClassifiedOperation c = out.get(i);
            if (c.ddlOperation() == DdlOperation.RENAME_COLUMN && c.verdict().algorithm() == Algorithm.INSTANT) {
                Verdict inPlace = new Verdict(Algorithm.INPLACE, false, c.verdict().lock());
                out.set(i, c.assuming(inPlace, "nothing is known about the table: assumed another table's foreign "
                        + "key references the column (MySQL then renames it in place, not instantly)"));
                if (verdict.algorithm() == Algorithm.INSTANT) {
                    verdict = new Verdict(Algorithm.INPLACE, verdict.rebuildsTable(), verdict.lock());
                }
            }
        }
        return new Worst(verdict, out);
    }
}
