package dev.ddllint.replay;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.kb.Algorithm;
import dev.ddllint.kb.StatementVerdict;
import dev.ddllint.kb.Verdict;
import dev.ddllint.schema.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ddl-lint's verdict for each replayed DDL (from one analysis of the whole project history), matched by file, line
 * and column (OPTIMIZE TABLE a, b also by table; DDL run by PREPARE/EXECUTE to the DDL string ddl-lint found in the
 * SET statement that built it), and classified against the server's answer.
 */
final class ReplayComparison {

    enum Outcome {
        /** same algorithm, rebuild and lock as the first accepted rung */
        AGREE,
        /** ddl-lint is more online than the server in lock or in algorithm/rebuild */
        UNSAFE,
        /** ddl-lint is at least as restrictive in both */
        CONSERVATIVE,
        /** the server ran the DDL, ddl-lint gave no verdict */
        NO_VERDICT,
        /** the statement fails on the server: not counted */
        SERVER_REFUSED
    }

    /**
     * @param blockingMiss ddl-lint says LOCK=NONE (writes go on), the server needs SHARED or EXCLUSIVE
     * @param tableKnown   ddl-lint had a model of the table (a CREATE TABLE earlier in the history)
     */
    record Line(CorpusReplay.Replayed replayed, StatementReport report, Outcome outcome, boolean blockingMiss,
                boolean tableKnown, String why) {

        StatementVerdict verdict() {
            return report == null ? null : report.verdict();
        }

        String operations() {
            StatementVerdict v = verdict();
            return v == null ? "-" : v.operations().stream().map(c -> c.ddlOperation().name())
                    .collect(Collectors.joining(","));
        }

        String assumptions() {
            StatementVerdict v = verdict();
            return v == null ? "" : v.operations().stream().flatMap(c -> c.assumptions().stream()).distinct()
                    .collect(Collectors.joining(" | "));
        }
    }

    record Comparison(List<Line> lines, int verdictsNotReplayed, List<String> notReplayed) {
    }

    private ReplayComparison() {
    }

    static Comparison compare(CorpusReplay.Run run, AnalysisReport report) {
        Map<String, List<StatementReport>> byPosition = new HashMap<>();
        Map<StatementReport, Boolean> known = new IdentityHashMap<>();
        Schema schema = new Schema();
        for (FileReport f : report.files()) {
            for (StatementReport s : f.statements()) {
                byPosition.computeIfAbsent(key(f.path(), s.source().line(), s.source().column()),
                        k -> new ArrayList<>()).add(s);
                known.put(s, schema.table(s.statement().table()).isPresent());
                schema.apply(s.statement(), f.path() + ":" + s.source().line());
            }
        }
        List<Line> lines = new ArrayList<>();
        Set<StatementReport> matched = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (CorpusReplay.Replayed r : run.ddl()) {
            StatementReport s = match(r, byPosition.getOrDefault(key(r.file(), r.line(), r.column()), List.of()),
                    matched);
            if (s != null) {
                matched.add(s);
            }
            lines.add(classify(r, s, s != null && known.get(s)));
        }
        List<String> notReplayed = new ArrayList<>();
        for (FileReport f : report.files()) {
            for (StatementReport s : f.statements()) {
                if (s.verdict() != null && !matched.contains(s)) {
                    notReplayed.add(f.path() + ":" + s.source().line() + (s.embedded() ? "(embedded)" : "") + "\t"
                            + CorpusReplay.oneLine(s.source().sql(), 200));
                }
            }
        }
        return new Comparison(lines, notReplayed.size(), notReplayed);
    }

    private static String key(String file, int line, int column) {
        return file + ":" + line + ":" + column;
    }

    private static StatementReport match(CorpusReplay.Replayed r, List<StatementReport> candidates,
                                         Set<StatementReport> matched) {
        List<StatementReport> c = candidates.stream().filter(s -> s.embedded() == r.embedded())
                .filter(s -> !matched.contains(s)).toList();
        if (c.isEmpty()) {
            return null;
        }
        if (r.embedded()) {
            String want = normal(r.sql());
            for (StatementReport s : c) {
                if (normal(s.source().sql()).equals(want)) {
                    return s;
                }
            }
            return null; // the DDL string was built (CONCAT, variables): ddl-lint did not see this text
        }
        if (c.size() > 1 && r.table() != null) {
            for (StatementReport s : c) {
                if (s.statement().table() != null && s.statement().table().key().equals(r.table())) {
                    return s;
                }
            }
        }
        return c.get(0);
    }

    private static String normal(String sql) {
        return sql.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT).replaceAll(";$", "");
    }

    /** INSTANT < INPLACE without rebuild < INPLACE with rebuild < COPY. */
    static int rank(Algorithm a, boolean rebuild) {
        return switch (a) {
            case INSTANT -> 0;
            case INPLACE -> rebuild ? 2 : 1;
            case COPY -> 3;
        };
    }

    static Line classify(CorpusReplay.Replayed r, StatementReport s, boolean tableKnown) {
        ServerResult a = r.result();
        if (a.mode() == ServerResult.Mode.FAILED) {
            return new Line(r, s, Outcome.SERVER_REFUSED, false, tableKnown, a.error());
        }
        if (s == null || s.verdict() == null) {
            return new Line(r, s, Outcome.NO_VERDICT, false, tableKnown,
                    s == null ? "no statement of ddl-lint at this position" : "ddl-lint read it as "
                            + s.statement().kind() + (s.statement().parsed() ? "" : " (unparsed)"));
        }
        Verdict n = a.mode() == ServerResult.Mode.AS_WRITTEN ? s.verdict().effective() : s.verdict().natural();
        int lintRank = rank(n.algorithm(), n.rebuildsTable());
        boolean unsafe;
        boolean agree;
        String why;
        if (a.mode() == ServerResult.Mode.LADDER) {
            boolean rebuildKnown = a.rebuilt() != null || a.algorithm() == Algorithm.COPY;
            int serverRank = rank(a.algorithm(), Boolean.TRUE.equals(a.rebuilt()));
            boolean algorithmAgrees = rebuildKnown ? lintRank == serverRank : n.algorithm() == a.algorithm();
            boolean algorithmUnsafe = rebuildKnown ? lintRank < serverRank
                    : n.algorithm().ordinal() < a.algorithm().ordinal();
            boolean lockAgrees = a.lock() == null || a.lock() == n.lock();
            boolean lockUnsafe = a.lock() != null && n.lock().ordinal() < a.lock().ordinal();
            agree = algorithmAgrees && lockAgrees;
            unsafe = algorithmUnsafe || lockUnsafe;
            why = (algorithmUnsafe ? "algorithm/rebuild " : "") + (lockUnsafe ? "lock" : "");
        } else {
            // NO_CLAUSE / AS_WRITTEN: only copy (rows) and rebuild (ids) are seen, the lock is not
            int serverRank = a.algorithm() == Algorithm.COPY ? 3 : a.algorithm() == Algorithm.INPLACE ? 2 : -1;
            if (serverRank < 0) {
                agree = lintRank <= 1 || a.rebuilt() == null;
                unsafe = false;
            } else {
                boolean emptyTable = a.flags().stream().anyMatch(f -> f.startsWith("EMPTY_TABLE"));
                agree = lintRank == serverRank || (emptyTable && serverRank == 2 && lintRank == 3);
                unsafe = lintRank < serverRank;
            }
            why = unsafe ? "algorithm/rebuild (observed)" : "";
        }
        boolean blockingMiss = a.lock() != null && a.lock().blocksWrites() && !n.lock().blocksWrites();
        Outcome o = agree ? Outcome.AGREE : unsafe ? Outcome.UNSAFE : Outcome.CONSERVATIVE;
        return new Line(r, s, o, blockingMiss, tableKnown, why.strip());
    }

    static String describe(Verdict v) {
        return v == null ? "-" : v.algorithm() + (v.rebuildsTable() && v.algorithm() != Algorithm.COPY ? " rebuild"
                : "") + "," + v.lock();
    }

}
