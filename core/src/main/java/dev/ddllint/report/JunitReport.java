package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML as Jenkins ({@code junit} step), GitLab ({@code artifacts:reports:junit}) and Azure Pipelines
 * ({@code PublishTestResults}, format JUnit) read it: one {@code <testsuite>} per migration file, one
 * {@code <testcase>} per statement; a statement with error or warning findings has one {@code <failure>} whose body
 * lists them all (GitLab shows the body, not the message attribute); info findings go to {@code <system-out>}.
 * A finding that belongs to no statement (a problem of the file, such as an unterminated string) gets a test case
 * of its own. With {@code ddl-lint verify}, the scratch server's answer goes to the statement's
 * {@code <system-out>}, and a disagreement is a failure of type {@code server-disagreement} (in the same
 * {@code <failure>} as the statement's findings) whose body says how to file it, with the reproducer.
 * {@code classname} is the file's path with dots as separators and without {@code .sql}, so Jenkins
 * groups the cases by folder and file.
 */
public final class JunitReport {

    private JunitReport() {
    }

    /** One test case: a statement (or a finding of no statement), its findings and the server's checks. */
    private record Case(String name, int line, int column, List<Finding> findings,
                        List<ServerChecks.Checked> checks) {

        Case(String name, int line, int column, List<Finding> findings) {
            this(name, line, column, findings, new ArrayList<>());
        }

        boolean fails() {
            return !failing(this).isEmpty() || checks.stream().anyMatch(ServerChecks.Checked::disagreement);
        }
    }

    public static String render(AnalysisReport report) {
        Map<String, List<Finding>> findingsByFile = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            findingsByFile.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
        }
        StringBuilder suites = new StringBuilder();
        int totalTests = 0;
        int totalFailures = 0;
        List<String> seen = new ArrayList<>();
        for (FileReport file : report.files()) {
            seen.add(file.path());
            List<Case> cases = cases(file, findingsByFile.getOrDefault(file.path(), List.of()));
            totalTests += cases.size();
            totalFailures += failures(cases);
            suite(suites, file.path(), cases, report);
        }
        // Findings for paths that have no file report (should not happen; kept so nothing is lost).
        for (Map.Entry<String, List<Finding>> e : findingsByFile.entrySet()) {
            if (!seen.contains(e.getKey())) {
                List<Case> cases = cases(new FileReport(e.getKey(), List.of()), e.getValue());
                totalTests += cases.size();
                totalFailures += failures(cases);
                suite(suites, e.getKey(), cases, report);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"ddl-lint\" tests=\"").append(totalTests).append("\" failures=\"")
                .append(totalFailures).append("\" errors=\"0\" time=\"0\">\n");
        out.append(suites);
        out.append("</testsuites>\n");
        return out.toString();
    }

    private static List<Case> cases(FileReport file, List<Finding> findings) {
        Map<String, Case> byPosition = new LinkedHashMap<>();
        for (StatementReport s : file.statements()) {
            String first = s.source().rawText().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    .orElse("");
            byPosition.putIfAbsent(s.source().line() + ":" + s.source().column(), new Case("line "
                    + s.source().line() + ": " + shorten(first, 80), s.source().line(), s.source().column(),
                    new ArrayList<>()));
        }
        for (ServerChecks.Checked c : ServerChecks.of(file)) {
            byPosition.get(c.line() + ":" + c.column()).checks().add(c);
        }
        List<Case> extra = new ArrayList<>();
        for (Finding f : findings) {
            Case c = byPosition.get(f.line() + ":" + f.column());
            if (c != null) {
                c.findings().add(f);
            } else {
                extra.add(new Case("line " + f.line() + ": " + f.rule(), f.line(), f.column(),
                        new ArrayList<>(List.of(f))));
            }
        }
        List<Case> all = new ArrayList<>(byPosition.values());
        all.addAll(extra);
        all.sort(Comparator.comparingInt(Case::line).thenComparingInt(Case::column));
        return all;
    }

    private static int failures(List<Case> cases) {
        return (int) cases.stream().filter(Case::fails).count();
    }

    private static List<Finding> failing(Case c) {
        return c.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
    }

    private static void suite(StringBuilder out, String path, List<Case> cases, AnalysisReport report) {
        String classname = classname(path);
        out.append("  <testsuite name=\"").append(attr(path)).append("\" tests=\"").append(cases.size())
                .append("\" failures=\"").append(failures(cases)).append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
        out.append("    <properties>\n");
        out.append("      <property name=\"ddl-lint.target\" value=\"").append(attr(report.target().toString()))
                .append("\"/>\n");
        out.append("      <property name=\"ddl-lint.version\" value=\"").append(attr(report.toolVersion()))
                .append("\"/>\n");
        cases.stream().flatMap(c -> c.checks().stream()).findFirst().ifPresent(c -> out.append(
                "      <property name=\"ddl-lint.verify.server\" value=\"").append(attr(c.check().server()))
                .append("\"/>\n"));
        out.append("    </properties>\n");
        for (Case c : cases) {
            out.append("    <testcase classname=\"").append(attr(classname)).append("\" name=\"")
                    .append(attr(c.name())).append("\" file=\"").append(attr(path)).append("\" line=\"")
                    .append(c.line()).append("\" time=\"0\"");
            List<Finding> failing = failing(c);
            List<Finding> infos = c.findings().stream().filter(f -> !f.severity().atLeast(Severity.WARNING))
                    .toList();
            List<ServerChecks.Checked> disagreements = c.checks().stream().filter(ServerChecks.Checked::disagreement)
                    .toList();
            if (failing.isEmpty() && infos.isEmpty() && c.checks().isEmpty()) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            if (!failing.isEmpty() || !disagreements.isEmpty()) {
                // one <failure> a test case (what Jenkins and GitLab read): the findings, then the disagreement
                List<String> parts = new ArrayList<>();
                failing.forEach(f -> parts.add(f.severity().id() + "[" + f.rule() + "]"));
                disagreements.forEach(d -> parts.add("error[" + ServerChecks.RULE + "] " + d.check().outcome()));
                String message;
                if (parts.size() > 1) {
                    message = parts.size() + " findings: " + String.join(", ", parts);
                } else if (failing.isEmpty()) {
                    message = "error[" + ServerChecks.RULE + "] " + disagreements.get(0).summary();
                } else {
                    message = failing.get(0).severity().id() + "[" + failing.get(0).rule() + "] "
                            + failing.get(0).message();
                }
                List<String> types = new ArrayList<>(failing.stream().map(Finding::rule).distinct().toList());
                if (!disagreements.isEmpty()) {
                    types.add(ServerChecks.RULE);
                }
                StringBuilder failureBody = new StringBuilder(body(failing));
                disagreements.forEach(d -> failureBody.append(d.path()).append(':').append(d.line()).append(':')
                        .append(d.column()).append(": error[").append(ServerChecks.RULE).append("] ")
                        .append(d.fullText()));
                out.append("      <failure message=\"").append(attr(shorten(message, 500))).append("\" type=\"")
                        .append(attr(String.join(",", types))).append("\">").append(text(failureBody.toString()))
                        .append("</failure>\n");
            }
            StringBuilder systemOut = new StringBuilder(body(infos));
            c.checks().stream().filter(k -> !k.disagreement())
                    .forEach(k -> systemOut.append("server: ").append(k.fullText()));
            if (!systemOut.isEmpty()) {
                out.append("      <system-out>").append(text(systemOut.toString())).append("</system-out>\n");
            }
            out.append("    </testcase>\n");
        }
        out.append("  </testsuite>\n");
    }

    private static String body(List<Finding> findings) {
        StringBuilder b = new StringBuilder();
        for (Finding f : findings) {
            b.append(f.path()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
                    .append(f.severity().id()).append('[').append(f.rule()).append("] ").append(f.fullMessage())
                    .append('\n');
            if (f.help() != null && !f.help().isBlank()) {
                b.append("  help: ").append(f.help()).append('\n');
            }
        }
        return b.toString();
    }

    /** {@code db/migration/V1.1__init.sql} becomes {@code db.migration.V1_1__init}. */
    static String classname(String path) {
        String p = path; // '/' between folders already; a backslash is part of a name
        if (p.toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) {
            p = p.substring(0, p.length() - 4);
        }
        List<String> parts = new ArrayList<>();
        for (String segment : p.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment.replace('.', '_'));
            }
        }
        return parts.isEmpty() ? "migration" : String.join(".", parts);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String attr(String s) {
        return escape(s, true);
    }

    static String text(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    boolean valid = cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                            || cp >= 0x10000 && cp <= 0x10FFFF;
                    if (valid) {
                        out.appendCodePoint(cp);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        });
        return out.toString();
    }
}
