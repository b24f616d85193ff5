package dev.ddllint.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.InputLimits;
import dev.ddllint.report.ReportFormat;
import dev.ddllint.report.ReportOptions;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.InputTooLarge;
import dev.ddllint.run.LintFailure;
import dev.ddllint.run.LintResult;
import dev.ddllint.run.LintRun;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One file analysed in this JVM the way every front end does it ({@link LintRun#check}, then the JSON report), and
 * what must hold whatever the input: exit 0 or 1 (a {@link LintFailure} or any throwable is the tool's own failure,
 * exit 2), a JSON report that parses and names the file, and every statement within its bounds.
 */
final class CaseCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What one analysis gave.
     *
     * @param failure    null when every property held, else the class of failure ({@code exit-2}, {@code crash:…},
     *                   {@code json-invalid}, {@code file-missing}, {@code over-bound:…})
     * @param detail     what was seen, for the failure's note
     * @param nanos      the analysis and its JSON report, wall-clock (recorded, never asserted)
     * @param statements the statements the report lists
     * @param json       the JSON report (null on a failure before it)
     */
    record Outcome(String failure, String detail, long nanos, int statements, String json) {
        boolean ok() {
            return failure == null;
        }
    }

    private CaseCheck() {
    }

    static Outcome run(LintRun run, String path, byte[] bytes) {
        long start = System.nanoTime();
        LintResult result;
        String json;
        try {
            result = run.check(List.of(new SourceFile(path, bytes)));
            json = ReportFormat.JSON.render(result.report(), ReportOptions.DEFAULT);
        } catch (LintFailure e) {
            return new Outcome("exit-2", "LintFailure: " + e.getMessage(), System.nanoTime() - start, 0, null);
        } catch (RuntimeException e) {
            return new Outcome("exit-2", stack(e), System.nanoTime() - start, 0, null);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return new Outcome("crash:" + e.getClass().getSimpleName(), stack(e), System.nanoTime() - start, 0,
                    null);
        }
        long nanos = System.nanoTime() - start;
        AnalysisReport report = result.report();
        int statements = report.statementCount();
        if (result.exitCode() != LintResult.EXIT_OK && result.exitCode() != LintResult.EXIT_FINDINGS) {
            return new Outcome("exit-" + result.exitCode(), "exit code " + result.exitCode(), nanos, statements,
                    json);
        }
        String problem = jsonProblem(json, List.of(path));
        if (problem != null) {
            return new Outcome(problem.startsWith("missing") ? "file-missing" : "json-invalid", problem, nanos,
                    statements, json);
        }
        String over = overBound(report, run.configuration().limits());
        if (over != null) {
            return new Outcome("over-bound:" + over.substring(0, over.indexOf(':')), over, nanos, statements, json);
        }
        return new Outcome(null, null, nanos, statements, json);
    }

    /** Why the JSON report is not a report of these files, or null. */
    static String jsonProblem(String json, List<String> paths) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            return "the JSON report does not parse: " + e.getMessage();
        }
        if (root == null || !root.path("files").isArray() || !root.path("findings").isArray()
                || !root.path("summary").isObject()) {
            return "the JSON report lacks files, findings or summary";
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        root.path("files").forEach(f -> named.add(f.path("path").asText()));
        for (String p : paths) {
            if (!named.contains(p)) {
                return "missing file " + p + " in the JSON report (it names " + named.size() + " files)";
            }
        }
        return null;
    }

    /**
     * The bounds of config.InputLimits, as the report shows them: a statement longer than maxStatementSize is kept
     * as its beginning only and has its input-too-large finding; at most maxFindingsPerRule findings of one rule
     * in one file, plus the one that counts the rest.
     */
    static String overBound(AnalysisReport report, InputLimits limits) {
        for (FileReport file : report.files()) {
            boolean tooLargeFinding = report.findings().stream().anyMatch(f -> f.path().equals(file.path())
                    && f.rule().equals(InputTooLarge.ID));
            for (StatementReport s : file.statements()) {
                int length = s.source().rawText().length();
                if (s.source().tooLarge()) {
                    if (!tooLargeFinding) {
                        return "statement-size: a statement over maxStatementSize at line " + s.source().line()
                                + " has no " + InputTooLarge.ID + " finding";
                    }
                    if (s.statement().parsed()) {
                        return "statement-size: a statement over maxStatementSize at line " + s.source().line()
                                + " was parsed";
                    }
                } else if (length > limits.maxStatementSize()) {
                    return "statement-size: a statement of " + length + " characters at line " + s.source().line()
                            + " was read whole, over maxStatementSize " + limits.maxStatementSize();
                }
            }
        }
        Map<String, Integer> perRule = new HashMap<>();
        for (Finding f : report.findings()) {
            perRule.merge(f.path() + "\u0000" + f.rule(), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : perRule.entrySet()) {
            if (e.getValue() > limits.maxFindingsPerRule() + 1) {
                return "findings-per-rule: " + e.getValue() + " findings of " + e.getKey().replace('\u0000', ' ')
                        + ", over maxFindingsPerRule " + limits.maxFindingsPerRule() + " + 1";
            }
        }
        return null;
    }

    static String stack(Throwable e) {
        StringBuilder b = new StringBuilder(e.toString());
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(trace.length, 25); i++) {
            b.append("\n\tat ").append(trace[i]);
        }
        if (e.getCause() != null && e.getCause() != e) {
            b.append("\nCaused by: ").append(stack(e.getCause()));
        }
        return b.toString();
    }
}
