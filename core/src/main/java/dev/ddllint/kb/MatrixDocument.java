package dev.ddllint.kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders {@code docs/online-ddl-matrix.md} from the facts table ({@code online-ddl-facts.tsv}): one row per
 * operation, one column per server line, one cell per verdict in force there. {@code MatrixDocumentTest} fails
 * when the committed document differs from what this class renders.
 *
 * <p>Run {@code main(path)} to write the document, or the test with {@code -Dddllint.updateDocs=true}.
 */
public final class MatrixDocument {

    /** The oracle servers: a cell whose row is marked O was seen on a real server of that column. */
    static final String ORACLE_SERVERS = "MySQL 9.7.4, MariaDB 10.11.19 and MariaDB 11.8.9";

    private record Column(String title, ServerFlavor flavor, ServerVersion from, ServerVersion to, boolean oracle) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("MySQL 5.7", ServerFlavor.MYSQL, v(5, 7, 0), v(5, 7, ServerVersion.LATEST), false),
            new Column("MySQL 8.0", ServerFlavor.MYSQL, v(8, 0, 0), v(8, 0, ServerVersion.LATEST), false),
            new Column("MySQL 8.4", ServerFlavor.MYSQL, v(8, 4, 0), v(8, 4, ServerVersion.LATEST), false),
            new Column("MySQL 9.x", ServerFlavor.MYSQL, v(9, 7, 0), v(9, 7, ServerVersion.LATEST), true),
            new Column("MariaDB 10.6", ServerFlavor.MARIADB, v(10, 6, 0), v(10, 6, ServerVersion.LATEST), false),
            new Column("MariaDB 10.11", ServerFlavor.MARIADB, v(10, 11, 0), v(10, 11, ServerVersion.LATEST), true),
            new Column("MariaDB 11.4", ServerFlavor.MARIADB, v(11, 4, 0), v(11, 4, ServerVersion.LATEST), false),
            new Column("MariaDB 11.8", ServerFlavor.MARIADB, v(11, 8, 0), v(11, 8, ServerVersion.LATEST), true));

    private static final Map<DdlOperation, String> GROUPS = new EnumMap<>(DdlOperation.class);

    static {
        GROUPS.put(DdlOperation.ADD_COLUMN_LAST, "Columns");
        GROUPS.put(DdlOperation.ADD_INDEX, "Indexes and keys");
        GROUPS.put(DdlOperation.ADD_FOREIGN_KEY, "Constraints");
        GROUPS.put(DdlOperation.RENAME_TABLE, "Table options and rebuilds");
        GROUPS.put(DdlOperation.PARTITION_BY, "Partitioning");
        GROUPS.put(DdlOperation.UNKNOWN, "Not understood");
    }

    private MatrixDocument() {
    }

    private static ServerVersion v(int major, int minor, int patch) {
        return new ServerVersion(major, minor, patch);
    }

    /** Writes the document to {@code args[0]} (default {@code docs/online-ddl-matrix.md}). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/online-ddl-matrix.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, render(KnowledgeBase.builtin()), StandardCharsets.UTF_8);
    }

    public static String render(KnowledgeBase kb) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!-- GENERATED FILE, do not edit. Source: core/src/main/resources/dev/ddllint/kb/online-ddl-facts.tsv.\n")
                .append("     Regenerate: mvn -pl core test -Dtest=MatrixDocumentTest -Dddllint.updateDocs=true -->\n\n");
        sb.append("# Online DDL matrix (generated from the knowledge base)\n\n");
        sb.append("What InnoDB does with each `ALTER TABLE` operation, by server line, as ddl-lint's knowledge base says. "
                + "This page is rendered by `dev.ddllint.kb.MatrixDocument` from the facts table "
                + "`core/src/main/resources/dev/ddllint/kb/online-ddl-facts.tsv`; `MatrixDocumentTest` fails when it "
                + "is stale. Conditions that depend on the table or the statement are code (see \"Conditions\" below), "
                + "so a cell is the verdict for the operation alone on a table without FULLTEXT/SPATIAL indexes.\n\n");
        sb.append("**How the cells were settled.** The oracle suite (`OnlineDdlOracleTest`, cases in "
                + "`core/src/test/resources/oracle/*.cases`) runs every case on real servers (" + ORACLE_SERVERS
                + ") and asks each for the strongest ALGORITHM/LOCK it accepts and whether the table was rebuilt; "
                + "ddl-lint must give the same answer. The differential tester (`DifferentialTest`, "
                + "[differential-testing.md](differential-testing.md)) does the same on generated tables and changes, "
                + "a fixed-seed slice in every build and 20,000 cases a server before a release; rows it found carry "
                + "`O` too. MySQL 8.0 and 8.4 run no server here: their cells are inferred from the release notes' "
                + "boundaries and the 9.x answers (`°`), and both suites run against them through Testcontainers "
                + "where Docker exists. Marks:\n\n");
        sb.append("* no mark: confirmed by the oracle on the server of this column (MySQL 9.x, MariaDB 10.11, "
                + "MariaDB 11.8), or documented (manual, handler code, MariaDB docs) for this version;\n");
        sb.append("* `°`: the row was confirmed by the oracle on a newer server and applies to this version from "
                + "documented boundaries (not run on this version);\n");
        sb.append("* `?`: not settled on a server: the conservative choice (for example the lock of MariaDB "
                + "partition operations, which accept no LOCK= clause, or a boundary inside the 8.0 series).\n\n");
        sb.append("Cell: `ALGORITHM/LOCK`. `I` INSTANT, `P` INPLACE without table rebuild (MariaDB: NOCOPY), "
                + "`R` INPLACE with table rebuild, `C` COPY; lock `N` NONE (concurrent writes), `S` SHARED (reads "
                + "only), `X` EXCLUSIVE. `-` not available there. A cell of the 8.0 column with several verdicts "
                + "gives the point releases. MariaDB 11.2+ copies online (`C/N`) except where noted.\n\n");
        String group = null;
        for (DdlOperation op : DdlOperation.values()) {
            String g = GROUPS.get(op);
            if (g != null) {
                group = g;
                sb.append("## ").append(group).append("\n\n| Operation |");
                COLUMNS.forEach(c -> sb.append(' ').append(c.title()).append(" |"));
                sb.append("\n|---|");
                COLUMNS.forEach(c -> sb.append("---|"));
                sb.append('\n');
            }
            sb.append("| `").append(op.name()).append("` |");
            for (Column c : COLUMNS) {
                sb.append(' ').append(cell(kb, op, c)).append(" |");
            }
            sb.append('\n');
            DdlOperation next = op.ordinal() + 1 < DdlOperation.values().length
                    ? DdlOperation.values()[op.ordinal() + 1] : null;
            if (next == null || GROUPS.containsKey(next)) {
                sb.append('\n');
            }
        }
        sb.append("## Notes and sources per operation\n\n");
        sb.append("Sources: M = MySQL manual \"Online DDL Operations\", H = `handler0alter.cc`, D = MariaDB docs / MDEV, "
                + "V = vitess, O = oracle-confirmed (" + ORACLE_SERVERS + "), ? = not settled (conservative).\n\n");
        for (DdlOperation op : DdlOperation.values()) {
            List<Fact> rows = kb.facts().stream().filter(f -> f.operation() == op).toList();
            if (rows.isEmpty()) {
                continue;
            }
            sb.append("* `").append(op.name()).append("`: ");
            List<String> parts = new ArrayList<>();
            for (Fact f : rows) {
                parts.add(f.flavor().displayName() + " " + f.since() + "+ " + code(f.verdict()) + " [" + f.source() + "]"
                        + (f.note().isBlank() ? "" : " " + f.note()));
            }
            sb.append(String.join("; ", parts)).append('\n');
        }
        sb.append("\n## Conditions (code, not cells)\n\n");
        for (String line : CONDITIONS) {
            sb.append("* ").append(line).append('\n');
        }
        return sb.toString();
    }

    /** The conditions OperationClassifier and StatementClassifier apply on top of the facts. */
    private static final List<String> CONDITIONS = List.of(
            "FULLTEXT index on the table or ROW_FORMAT=COMPRESSED (or KEY_BLOCK_SIZE): no instant ADD/DROP COLUMN "
                    + "(MariaDB: nor instant reorder, nor the NOCOPY drop of an indexed column); the operation rebuilds.",
            "MySQL: a rebuild of a table that has a FULLTEXT index is a COPY; MariaDB: it needs LOCK=SHARED, as does "
                    + "any rebuild of a table with a SPATIAL index.",
            "The first FULLTEXT index rebuilds the table unless it has its own FTS_DOC_ID column; two FULLTEXT "
                    + "indexes in one statement are a COPY.",
            "DROP COLUMN: the whole primary key (or the UNIQUE NOT NULL key that InnoDB clusters on) -> "
                    + "DROP_PRIMARY_KEY; part of a multi-column index -> DROP_COLUMN_SHRINKS_INDEX; indexed -> "
                    + "DROP_INDEXED_COLUMN; an indexed VIRTUAL column drops its index too.",
            "VARCHAR extension: the length prefix is 1 byte up to 255 bytes (length x bytes per character of the "
                    + "column's character set: latin1 1, utf8mb3 3, utf8mb4 4), else 2; MariaDB extends across the "
                    + "boundary instantly only from at most 127 bytes, and any extension with ROW_FORMAT=REDUNDANT.",
            "ENUM/SET: members appended at the end with the same storage size (ENUM 1 byte up to 255 members; SET "
                    + "1, 2, 3, 4 or 8 bytes) -> ENUM_APPEND; anything else is a type change.",
            "Character set of a column: utf8mb3 to utf8mb4 within the same VARCHAR length prefix -> "
                    + "COLUMN_CHARSET_WIDEN(_INDEXED); a collation change -> COLUMN_COLLATION_CHANGE(_INDEXED); "
                    + "a FULLTEXT-indexed column or another character set -> COLUMN_CHARSET_CHANGE.",
            "CONVERT TO CHARACTER SET: no character column -> CONVERT_CHARSET_NO_CHARACTER_COLUMNS; same character "
                    + "set, new collation -> CONVERT_COLLATION, _INDEXED when a character column is indexed, _FULLTEXT "
                    + "when one is FULLTEXT-indexed.",
            "foreign_key_checks (tracked through SET statements): ADD FOREIGN KEY copies with checks on; with "
                    + "checks off it is in place, and builds an index when no index starts with the key's columns.",
            "ADD COLUMN with DEFAULT (expression) -> ADD_COLUMN_EXPRESSION_DEFAULT; a VIRTUAL column on a "
                    + "partitioned table -> ADD_VIRTUAL_COLUMN_PARTITIONED; placed anywhere but last (MySQL) or before "
                    + "another virtual column (MariaDB) -> ADD_VIRTUAL_COLUMN_POSITIONED.",
            "MODIFY/CHANGE of a generated column: ddl-lint does not keep generation expressions and assumes the "
                    + "expression changes (GENERATED_COLUMN_CHANGE), except an unindexed VIRTUAL column left in place "
                    + "(VIRTUAL_COLUMN_CHANGE).",
            "Statements: the weakest algorithm and the strongest lock win; INSTANT operations next to a non-instant "
                    + "one take their fallback. MySQL 8.0.29+: a column move next to an instant ADD/DROP COLUMN is "
                    + "instant. MariaDB: instant column changes next to DROP INDEX only stay NOCOPY; RENAME COLUMN "
                    + "next to a table option change is NOCOPY. An index on a VIRTUAL column added by the same "
                    + "statement needs LOCK=SHARED. DROP INDEX i + ADD INDEX i on the same columns -> "
                    + "INDEX_OPTION_CHANGE.",
            "MariaDB 11.2+: a COPY runs with LOCK=NONE (online copy), and LOCK=NONE without ALGORITHM turns an "
                    + "operation that needs a lock into an online copy; not for ALTER IGNORE, adding AUTO_INCREMENT "
                    + "to a column, or partition-specific operations.",
            "Explicit clauses: MariaDB refuses ALGORITHM=/LOCK= on partition-specific operations and on DROP INDEX "
                    + "... ON (syntax error); MariaDB before 11.8 accepts and ignores ALGORITHM=INSTANT on PARTITION BY "
                    + "and REMOVE PARTITIONING; MySQL refuses INSTANT with LOCK= (1221) and NOCOPY.",
            "Not modelled (listed in OnlineDdlOracleTest): MySQL renames a column that another table's foreign key "
                    + "references in place, not instantly; moving a generated column without changing its expression.",
            "MySQL row versions (64, 255 from 9.1) are not tracked: after many instant ADD/DROP COLUMNs MySQL rebuilds "
                    + "silently.");

    private static String cell(KnowledgeBase kb, DdlOperation op, Column c) {
        Set<ServerVersion> bounds = new TreeSet<>();
        bounds.add(c.from());
        for (Fact f : kb.facts()) {
            if (f.operation() == op && f.flavor() == c.flavor() && f.since().compareTo(c.from()) > 0
                    && f.since().compareTo(c.to()) <= 0) {
                bounds.add(f.since());
            }
        }
        List<ServerVersion> points = new ArrayList<>(bounds);
        List<String> segments = new ArrayList<>();
        List<ServerVersion> starts = new ArrayList<>();
        for (ServerVersion at : points) {
            String text = text(kb, op, c, at.equals(c.from()) && points.size() == 1 ? c.to() : at);
            if (segments.isEmpty() || !segments.get(segments.size() - 1).equals(text)) {
                segments.add(text);
                starts.add(at);
            }
        }
        if (segments.size() == 1) {
            return segments.get(0);
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < segments.size(); i++) {
            out.add(segments.get(i) + (i == 0 ? " <" + starts.get(1) : " " + starts.get(i) + "+"));
        }
        return String.join("; ", out);
    }

    private static String text(KnowledgeBase kb, DdlOperation op, Column c, ServerVersion at) {
        Fact f = kb.lookup(op, new TargetServer(c.flavor(), at)).orElse(null);
        if (f == null) {
            return "-";
        }
        Verdict v = f.verdict();
        if (v.algorithm() == Algorithm.COPY && c.flavor() == ServerFlavor.MARIADB && at.atLeast(11, 2, 0)
                && OperationClassifier.onlineCopyAllowed(op)) {
            v = new Verdict(Algorithm.COPY, true, LockLevel.NONE);
        }
        String mark = "";
        String source = f.source().toUpperCase(Locale.ROOT);
        if (source.contains("?")) {
            mark = "?";
        } else if (source.contains("O") && !c.oracle() && !source.contains("M") && !source.contains("H")
                && !source.contains("D")) {
            mark = "°";
        }
        return code(v) + mark;
    }

    static String code(Verdict v) {
        String alg = switch (v.algorithm()) {
            case INSTANT -> "I";
            case INPLACE -> v.rebuildsTable() ? "R" : "P";
            case COPY -> "C";
        };
        String lock = switch (v.lock()) {
            case NONE -> "N";
            case SHARED -> "S";
            case EXCLUSIVE -> "X";
        };
        return alg + "/" + lock;
    }
}
