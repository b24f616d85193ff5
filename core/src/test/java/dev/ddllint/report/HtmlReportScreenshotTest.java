package dev.ddllint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.MigrationFiles;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.ConfigurationLoader;
import dev.ddllint.golden.RepoRoot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The HTML report of the examples (examples/db/migration with examples/ddl-lint-with-stats.yml), rendered by headless
 * Chromium (Debian's {@code chromium}; {@code .ci/install-chromium.sh} installs it): the screenshot has the window's
 * size and shows the verdict colours of the timeline, and the DOM Chromium built holds every statement with its
 * verdict. Without Chromium the test skips, except under {@code CI=true}, where that is a failure.
 *
 * <p>{@code -Dddllint.updateScreenshot=true} also copies the screenshot to docs/img/html-report.png.
 */
class HtmlReportScreenshotTest {

    static final int WIDTH = 1280;
    static final int HEIGHT = 2700;

    private static Path chromium;
    private static AnalysisReport report;
    private static String html;

    @TempDir
    static Path dir;

    @BeforeAll
    static void renderExamples() throws Exception {
        chromium = findChromium();
        if (chromium == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but no Chromium: install Debian's chromium (bash .ci/install-chromium.sh) or set "
                        + "DDL_LINT_CHROMIUM to its path");
            }
            Assumptions.abort("no Chromium (/usr/bin/chromium, chromium on PATH or DDL_LINT_CHROMIUM)");
        }
        Path root = RepoRoot.find();
        Path examples = root.resolve("examples/db/migration");
        assertThat(examples).isDirectory();
        report = new Analyzer(ConfigurationLoader.load(root.resolve("examples/ddl-lint-with-stats.yml")))
                .analyze(MigrationFiles.collect(List.of(examples), root));
        html = HtmlReport.render(report, ReportOptions.DEFAULT);
        Files.writeString(dir.resolve("ddl-lint.html"), html, StandardCharsets.UTF_8);
    }

    @Test
    void screenshotHasTheWindowSizeAndTheVerdictColours() throws Exception {
        Path png = dir.resolve("html-report.png");
        String[] args = {"--screenshot=" + png, "--window-size=" + WIDTH + "," + HEIGHT, page()};
        Run run = chromium(args);
        assertThat(png).as("screenshot (chromium exit %d: %s)", run.exit(), run.err()).isRegularFile();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);

        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        // Not blank: text and chips in many colours, and the timeline's verdict colours are on the page.
        assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
        assertThat(colours).as("INSTANT green").contains(0x2E7D32);
        assertThat(colours).as("INPLACE blue").contains(0x1565C0);
        assertThat(colours).as("COPY red").contains(0xC62828);
        if (Boolean.getBoolean("ddllint.updateScreenshot")) {
            Path target = RepoRoot.find().resolve("docs/img/html-report.png");
            Files.createDirectories(target.getParent());
            Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void theDomChromiumBuiltHoldsEveryStatementWithItsVerdict() throws Exception {
        Run run = chromium("--dump-dom", page());
        String dom = run.out();
        assertThat(dom).as("DOM dump (chromium exit %d: %s)", run.exit(), run.err()).contains("</html>");
        Matcher rows = Pattern.compile("<tr class=\"stmt\" id=\"(m\\d+-s\\d+)\"").matcher(dom);
        List<Integer> starts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (rows.find()) {
            starts.add(rows.start());
            ids.add(rows.group(1));
        }
        int expected = report.files().stream().mapToInt(f -> f.statements().size()).sum();
        assertThat(ids).as("one row per statement").hasSize(expected);
        int checked = 0;
        int m = 0;
        for (FileReport file : report.files()) {
            m++;
            for (int i = 0; i < file.statements().size(); i++) {
                StatementReport s = file.statements().get(i);
                String id = "m" + m + "-s" + (i + 1);
                int at = ids.indexOf(id);
                assertThat(at).as("row %s (%s line %d)", id, file.path(), s.source().line()).isNotNegative();
                String row = dom.substring(starts.get(at), at + 1 < starts.size() ? starts.get(at + 1) : dom.length());
                row = row.substring(0, row.indexOf("</tr>"));
                assertThat(row).contains("data-line=\"" + s.source().line() + "\"");
                if (s.verdict() != null) {
                    HtmlReport.Category c = HtmlReport.Category.of(s.verdict().effective());
                    assertThat(row).as("row %s", id).contains("data-verdict=\"" + c.css + "\"")
                            .contains(">" + c.label + "<").contains(s.verdict().effective().toString());
                    checked++;
                }
            }
        }
        // The examples hold ALTERs of every kind the timeline colours.
        assertThat(checked).isGreaterThanOrEqualTo(8);
        assertThat(report.findings()).isNotEmpty();
        report.findings().forEach(f -> assertThat(dom).contains(
                "href=\"" + ReportOptions.DEFAULT.ruleUrl(f.rule()) + "\""));
    }

    private static String page() {
        return dir.resolve("ddl-lint.html").toUri().toString();
    }

    record Run(int exit, String out, String err) {
    }

    /** Runs Chromium headless, offline and without a profile of its own, with the arguments given. */
    private static Run chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium-" + System.nanoTime() + ".out");
        Path err = dir.resolve("chromium-" + System.nanoTime() + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // A guard against a hung browser, not a timing assertion.
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("chromium did not finish: " + command);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                stderr.length() > 2000 ? stderr.substring(stderr.length() - 2000) : stderr);
    }

    private static Path findChromium() {
        String configured = System.getenv("DDL_LINT_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                fail("DDL_LINT_CHROMIUM=" + configured + " is not an executable file");
            }
            return Path.of(configured);
        }
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, "chromium");
            if (!d.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
