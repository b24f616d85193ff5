package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.verify.Agreement;
import dev.ddllint.verify.ServerCheck;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The statements a scratch server checked ({@code ddl-lint verify}), as every report format other than text and
 * JSON shows them: one line with the outcome, the server's accepted rung (and whether it rebuilt) beside ddl-lint's
 * verdict; the full text adds the refused rungs, the details and, for a disagreement, how to file it with the
 * reproducer. A disagreement is reported under the pseudo-rule {@value #RULE}, whose page is docs/verify.md.
 */
final class ServerChecks {

    /** The id a disagreement is reported under (SARIF rule, JUnit failure type, Checkstyle source, …). */
    static final String RULE = "server-disagreement";
    /** The id of a server check that is no disagreement (an informational entry). */
    static final String CHECK = "server-check";

    private ServerChecks() {
    }

    /** One statement the server was asked about. */
    record Checked(String path, StatementReport statement, ServerCheck check) {

        int line() {
            return statement.source().line();
        }

        int column() {
            return statement.source().column();
        }

        boolean disagreement() {
            return check.disagreement();
        }

        /** ddl-lint's verdict in the text report's words, or {@code -}. */
        String staticVerdict() {
            return statement.verdict() == null ? "-" : statement.verdict().natural().toString();
        }

        /** The server's accepted rung ({@code INPLACE,SHARED rebuild}), or {@code -} when it did not run. */
        String answer() {
            return check.answer() == null ? "-" : check.answer();
        }

        /** The refused rungs' names ({@code INSTANT, INPLACE,NONE}), without the errors. */
        List<String> refusedRungs() {
            return check.refusals().stream().map(r -> r.contains(": ") ? r.substring(0, r.indexOf(": ")) : r)
                    .toList();
        }

        /**
         * {@code CONFIRMED on MySQL 9.7.4: server INPLACE,SHARED rebuild (refused INSTANT, INPLACE,NONE); ddl-lint:
         * INPLACE with table rebuild, LOCK=SHARED}.
         */
        String summary() {
            List<String> refused = refusedRungs();
            return check.outcome() + " on " + check.server() + ": server " + answer()
                    + (refused.isEmpty() ? "" : " (refused " + String.join(", ", refused) + ")")
                    + "; ddl-lint: " + staticVerdict()
                    + (check.measured() == null ? "" : "; " + check.measured().describe());
        }

        /** The summary, each detail and refusal with its error, and for a disagreement how to file it. */
        String fullText() {
            StringBuilder b = new StringBuilder(summary()).append('\n');
            check.details().forEach(d -> b.append(d).append('\n'));
            check.refusals().forEach(r -> b.append("refused ").append(r).append('\n'));
            if (disagreement()) {
                b.append(check.howToFile()).append('\n').append(reproducer());
            }
            return b.toString();
        }

        /** The reproducer, or a line saying there is none. */
        String reproducer() {
            return check.reproducer() == null ? "(no reproducer: the statement did not run)\n" : check.reproducer();
        }
    }

    /** Every checked statement, in report order; empty when the report was not verified. */
    static List<Checked> of(AnalysisReport report) {
        List<Checked> out = new ArrayList<>();
        for (FileReport f : report.files()) {
            for (StatementReport s : f.statements()) {
                if (s.server() != null) {
                    out.add(new Checked(f.path(), s, s.server()));
                }
            }
        }
        return out;
    }

    /** The checks of one file. */
    static List<Checked> of(FileReport file) {
        return file.statements().stream().filter(s -> s.server() != null)
                .map(s -> new Checked(file.path(), s, s.server())).toList();
    }

    /** {@code 9 statements checked on MySQL 9.7.4: 8 CONFIRMED, 1 UNSAFE_ALGORITHM} (empty string: none). */
    static String total(List<Checked> checks) {
        if (checks.isEmpty()) {
            return "";
        }
        Map<Agreement.Outcome, Integer> counts = new EnumMap<>(Agreement.Outcome.class);
        checks.forEach(c -> counts.merge(c.check().outcome(), 1, Integer::sum));
        StringBuilder b = new StringBuilder().append(checks.size())
                .append(checks.size() == 1 ? " statement" : " statements").append(" checked on ")
                .append(checks.get(0).check().server());
        String sep = ": ";
        for (Map.Entry<Agreement.Outcome, Integer> e : counts.entrySet()) {
            b.append(sep).append(e.getValue()).append(' ').append(e.getKey());
            sep = ", ";
        }
        return b.toString();
    }

    static long disagreements(List<Checked> checks) {
        return checks.stream().filter(Checked::disagreement).count();
    }

    /** The page that explains verify and its outcomes. */
    static String docsUrl(ReportOptions options) {
        return options.docsBaseUrl() + "docs/verify.md";
    }
}
