package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands, one line per finding:
 * {@code ::error file=db/V3__x.sql,line=4,col=1,endLine=5,title=ddl-lint column-type-change::message}.
 * GitHub turns them into annotations on the pull request when they appear on a step's standard output.
 *
 * <p>GitHub shows at most 10 error and 10 warning annotations per step (and drops the rest silently), so this
 * report writes at most {@value #MAX_PER_LEVEL} commands per level (errors, warnings, notices), in migration
 * order, then one plain line that counts the rest and points to the full reports.
 *
 * <p>With {@code ddl-lint verify}: a folded group ({@code ::group::}) with the scratch server's answer per
 * statement, then one {@code ::error} a disagreement (title {@code ddl-lint server-disagreement}, the message with
 * how to file it and the reproducer), before the findings so the cap never drops one for a finding.
 *
 * <p>Escaping as the runner expects: in the message {@code %}, CR and LF become {@code %25}, {@code %0D},
 * {@code %0A}; in property values {@code :} and {@code ,} also become {@code %3A} and {@code %2C}.
 */
public final class GithubReport {

    public static final int MAX_PER_LEVEL = 10;

    private GithubReport() {
    }

    public static String render(AnalysisReport report) {
        StringBuilder out = new StringBuilder();
        Map<Severity, Integer> shown = new EnumMap<>(Severity.class);
        Map<Severity, Integer> omitted = new EnumMap<>(Severity.class);
        List<ServerChecks.Checked> checks = ServerChecks.of(report);
        if (!checks.isEmpty()) {
            // the server's answer per statement in a folded group of the log, then each disagreement as an error
            // (first, so GitHub's cap never drops one for a finding)
            out.append("::group::ddl-lint verify: ").append(ServerChecks.total(checks)).append('\n');
            checks.forEach(c -> out.append(c.path()).append(':').append(c.line()).append(": ").append(c.summary())
                    .append('\n'));
            out.append("::endgroup::\n");
            for (ServerChecks.Checked c : checks) {
                if (!c.disagreement()) {
                    continue;
                }
                int n = shown.getOrDefault(Severity.ERROR, 0);
                if (n >= MAX_PER_LEVEL) {
                    omitted.merge(Severity.ERROR, 1, Integer::sum);
                    continue;
                }
                shown.put(Severity.ERROR, n + 1);
                out.append(disagreement(c)).append('\n');
            }
        }
        for (Finding f : report.findings()) {
            if (f.severity() == Severity.OFF) {
                continue;
            }
            int n = shown.getOrDefault(f.severity(), 0);
            if (n >= MAX_PER_LEVEL) {
                omitted.merge(f.severity(), 1, Integer::sum);
                continue;
            }
            shown.put(f.severity(), n + 1);
            out.append(command(f)).append('\n');
        }
        if (!omitted.isEmpty()) {
            int errors = omitted.getOrDefault(Severity.ERROR, 0);
            int warnings = omitted.getOrDefault(Severity.WARNING, 0);
            int infos = omitted.getOrDefault(Severity.INFO, 0);
            out.append("ddl-lint: ").append(errors + warnings + infos).append(" more finding")
                    .append(errors + warnings + infos == 1 ? "" : "s").append(" not annotated (")
                    .append(count(errors, "error")).append(", ").append(count(warnings, "warning")).append(", ")
                    .append(infos).append(" info) because GitHub shows at most ").append(MAX_PER_LEVEL)
                    .append(" errors and ").append(MAX_PER_LEVEL)
                    .append(" warnings per step; the text, SARIF and JUnit reports list them all\n");
        }
        return out.toString();
    }

    static String command(Finding f) {
        String level = switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "notice";
        };
        StringBuilder c = new StringBuilder("::").append(level).append(" file=").append(property(f.path()));
        if (f.line() >= 1) {
            c.append(",line=").append(f.line());
            if (f.column() >= 1) {
                c.append(",col=").append(f.column());
            }
            int endLine = Math.max(f.line(), f.endLine());
            c.append(",endLine=").append(endLine);
            // GitHub takes a column range only within one line.
            if (endLine == f.line() && f.endColumn() >= f.column() && f.column() >= 1) {
                c.append(",endColumn=").append(f.endColumn());
            }
        }
        c.append(",title=").append(property("ddl-lint " + f.rule()));
        String message = f.fullMessage();
        if (f.help() != null && !f.help().isBlank()) {
            message = message + "\nHelp: " + f.help();
        }
        c.append("::").append(data(message));
        return c.toString();
    }

    /** {@code ::error file=…,line=4,title=ddl-lint server-disagreement::UNSAFE_LOCK on MySQL …} with the reproducer. */
    static String disagreement(ServerChecks.Checked c) {
        StringBuilder cmd = new StringBuilder("::error file=").append(property(c.path()));
        if (c.line() >= 1) {
            cmd.append(",line=").append(c.line());
            if (c.column() >= 1) {
                cmd.append(",col=").append(c.column());
            }
        }
        return cmd.append(",title=").append(property("ddl-lint " + ServerChecks.RULE)).append("::")
                .append(data(c.fullText().strip())).toString();
    }

    /** Escapes a command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
