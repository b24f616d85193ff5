package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report formats, shared by the CLI ({@code --format}) and the Maven plugin ({@code formats}). Each has an id
 * users type and the file name it is written to in an output folder.
 */
public enum ReportFormat {
    /** For people: one block per finding, then a summary. */
    TEXT("text", "ddl-lint.txt", true),
    /** The stable machine-readable format (docs/json-format.md). */
    JSON("json", "ddl-lint.json", false),
    /** SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
    SARIF("sarif", "ddl-lint.sarif", false),
    /** JUnit XML: one test suite per file, one test case per statement, findings as failures. */
    JUNIT("junit", "ddl-lint-junit.xml", false),
    /** GitHub Actions workflow commands ({@code ::error file=…}), read from the step's standard output. */
    GITHUB("github", "ddl-lint-github.txt", true),
    /** GitLab Code Quality JSON ({@code artifacts:reports:codequality}): findings in the merge-request widget. */
    GITLAB("gitlab", "ddl-lint-gitlab.json", false),
    /** Checkstyle XML, read by Jenkins Warnings NG and other Checkstyle-aware tools. */
    CHECKSTYLE("checkstyle", "ddl-lint-checkstyle.xml", false),
    /** One self-contained HTML page: per migration, the statements' verdicts as a coloured timeline. */
    HTML("html", "ddl-lint.html", false),
    /** Markdown for a CI job summary or a pull-request comment, size-capped. */
    MARKDOWN("markdown", "ddl-lint.md", false),
    /** One line a finding, {@code file:line:col: severity[rule] message}, for editors and grep. */
    COMPACT("compact", "ddl-lint-compact.txt", true);

    private final String id;
    private final String fileName;
    private final boolean console;

    ReportFormat(String id, String fileName, boolean console) {
        this.id = id;
        this.fileName = fileName;
        this.console = console;
    }

    public String id() {
        return id;
    }

    /** The file name used when the report is written into an output folder. */
    public String fileName() {
        return fileName;
    }

    /** True for the formats read on standard output (by people, or by GitHub Actions). */
    public boolean console() {
        return console;
    }

    public String render(AnalysisReport report, ReportOptions options) {
        return switch (this) {
            case TEXT -> TextReport.render(report, options);
            case JSON -> JsonReport.render(report, options);
            case SARIF -> SarifReport.render(report, options);
            case JUNIT -> JunitReport.render(report);
            case GITHUB -> GithubReport.render(report);
            case GITLAB -> GitlabReport.render(report, options);
            case CHECKSTYLE -> CheckstyleReport.render(report, options);
            case HTML -> HtmlReport.render(report, options);
            case MARKDOWN -> MarkdownReport.render(report, options);
            case COMPACT -> CompactReport.render(report, options);
        };
    }

    /**
     * True for the formats written as the files come ({@link #stream}): text, json and compact. The others lay out
     * every statement of the run at once (JUnit's test cases, HTML's timeline, Markdown's table, Checkstyle's files)
     * or are one document built whole (SARIF, GitLab, GitHub), so they render a whole {@link AnalysisReport}.
     */
    public boolean streams() {
        return this == TEXT || this == JSON || this == COMPACT;
    }

    /**
     * Opens this format's streaming report on {@code out}; the same text as {@link #render} of the whole run.
     *
     * @param header the run's frame ({@code LintRun.header()}): tool version, target, rules
     * @throws IllegalStateException for a format that does not {@link #streams() stream}
     */
    public StreamingReport stream(AnalysisReport header, ReportOptions options, java.io.Writer out) {
        return switch (this) {
            case TEXT -> TextReport.stream(header, options, out);
            case JSON -> JsonReport.stream(header, options, out);
            case COMPACT -> CompactReport.stream(options, out);
            default -> throw new IllegalStateException(id + " reports are rendered whole, not streamed");
        };
    }

    /** The ids, comma-separated, for messages and help texts. */
    public static String ids() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }

    public static ReportFormat parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.id.equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + (text == null ? "" : text.strip())
                + "' (use " + ids() + ")");
    }

    /**
     * Parses format lists as users write them: each element may itself be comma-separated ({@code "text,sarif"});
     * blanks are ignored, duplicates kept once, order kept.
     *
     * @throws IllegalArgumentException on an unknown format, or when nothing is left
     */
    public static List<ReportFormat> parseList(Collection<String> texts) {
        Set<ReportFormat> formats = new LinkedHashSet<>();
        if (texts != null) {
            for (String text : texts) {
                if (text == null) {
                    continue;
                }
                for (String part : text.split(",")) {
                    if (!part.isBlank()) {
                        formats.add(parse(part));
                    }
                }
            }
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no report format given (use " + ids() + ")");
        }
        return new ArrayList<>(formats);
    }
}
