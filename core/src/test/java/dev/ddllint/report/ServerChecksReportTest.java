package dev.ddllint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.verify.Agreement;
import dev.ddllint.verify.ServerCheck;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scratch server's answer in every report format but text and JSON (which have their own tests), from a
 * constructed verified report: the sample's V2 with its type change a disagreement (the server copies with
 * LOCK=SHARED), the other two statements confirmed.
 */
class ServerChecksReportTest {

    static final String SERVER = "MySQL 9.7.4";
    static final String REPRODUCER = "SET SESSION foreign_key_checks = 0;\nCREATE TABLE orders (id BIGINT NOT NULL "
            + "PRIMARY KEY, amount INT NOT NULL);\nSET SESSION foreign_key_checks = DEFAULT;\n"
            + "ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;\n";
    static final String V2 = "db/migration/V2__changes.sql";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The sample report with the server's checks on V2's three ALTERs (lines 2, 4 and 5). */
    static AnalysisReport verified() {
        AnalysisReport sample = ReportFixtures.sample();
        List<FileReport> files = new ArrayList<>();
        for (FileReport f : sample.files()) {
            if (!f.path().equals(V2)) {
                files.add(f);
                continue;
            }
            List<StatementReport> statements = new ArrayList<>();
            for (StatementReport s : f.statements()) {
                statements.add(switch (s.source().line()) {
                    case 2 -> s.withServer(new ServerCheck(SERVER, Agreement.Outcome.UNSAFE_LOCK, "COPY,SHARED rebuild",
                            true, List.of("INSTANT: 1846 ALGORITHM=INSTANT is not supported. Try ALGORITHM=COPY/INPLACE.",
                            "INPLACE,NONE: 1846 ALGORITHM=INPLACE is not supported. Try ALGORITHM=COPY."),
                            List.of("server: COPY, LOCK=SHARED (accepted COPY,SHARED); ddl-lint: INPLACE, LOCK=NONE"),
                            REPRODUCER));
                    case 4 -> s.withServer(new ServerCheck(SERVER, Agreement.Outcome.CONFIRMED, "INPLACE,NONE rebuild",
                            true, List.of("INSTANT: 1846 ALGORITHM=INSTANT is not supported for this operation."),
                            List.of(), "ALTER TABLE t ADD COLUMN c INT AFTER a;\n"));
                    case 5 -> s.withServer(new ServerCheck(SERVER, Agreement.Outcome.CONFIRMED, "INSTANT", false,
                            List.of(), List.of(), "ALTER TABLE orders ADD COLUMN shipped_at DATETIME NULL;\n"));
                    default -> s;
                });
            }
            files.add(new FileReport(f.path(), statements));
        }
        return sample.with(files, sample.findings());
    }

    private static String render(ReportFormat format) {
        return format.render(verified(), ReportOptions.DEFAULT);
    }

    @Test
    void sarifHasTheDisagreementAsAFailureOfItsOwnRuleAndTheRestAsPasses() throws Exception {
        JsonNode run = JSON.readTree(render(ReportFormat.SARIF)).get("runs").get(0);
        JsonNode rules = run.at("/tool/driver/rules");
        int index = rules.size() - 1;
        assertThat(rules.get(index).get("id").asText()).isEqualTo(ServerChecks.RULE);
        assertThat(rules.get(index).get("helpUri").asText()).endsWith("docs/verify.md");
        List<JsonNode> server = new ArrayList<>();
        run.get("results").forEach(r -> {
            if (r.get("ruleId").asText().equals(ServerChecks.RULE)) {
                server.add(r);
            }
        });
        assertThat(server).hasSize(3);
        JsonNode fail = server.get(0);
        assertThat(fail.get("kind").asText()).isEqualTo("fail");
        assertThat(fail.get("level").asText()).isEqualTo("error");
        assertThat(fail.get("ruleIndex").asInt()).isEqualTo(index);
        assertThat(fail.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(fail.at("/message/text").asText()).startsWith("UNSAFE_LOCK on MySQL 9.7.4: server COPY,SHARED "
                + "rebuild (refused INSTANT, INPLACE,NONE); ddl-lint: ").contains(ServerCheck.ISSUES)
                .endsWith(REPRODUCER);
        assertThat(fail.at("/properties/rebuilt").asBoolean()).isTrue();
        assertThat(fail.at("/properties/refusals").size()).isEqualTo(2);
        assertThat(server.subList(1, 3)).allSatisfy(r -> {
            assertThat(r.get("kind").asText()).isEqualTo("pass");
            assertThat(r.get("level").asText()).isEqualTo("none");
            assertThat(r.at("/message/text").asText()).startsWith("CONFIRMED on MySQL 9.7.4: server ")
                    .doesNotContain(ServerCheck.ISSUES);
        });
        assertThat(run.at("/properties/verification/disagreements").asInt()).isEqualTo(1);
        // the rule indexes of a run without verify are unchanged: no extra rule there
        JsonNode plain = JSON.readTree(ReportFormat.SARIF.render(ReportFixtures.sample(), ReportOptions.DEFAULT));
        assertThat(plain.at("/runs/0/tool/driver/rules").size()).isEqualTo(index);
        assertThat(plain.toString()).doesNotContain(ServerChecks.RULE);
    }

    @Test
    void junitMakesTheDisagreementAFailureAndTellsTheAnswerOfTheOthers() throws Exception {
        Document doc = ReportFixtures.parseXml(render(ReportFormat.JUNIT));
        Element suite = suite(doc, V2);
        // line 2 (error and disagreement in one failure) and line 4 (table-rebuild warning on 8.0.28)
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        Element typeChange = testcase(suite, "2");
        NodeList failures = typeChange.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element failure = (Element) failures.item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("column-type-change," + ServerChecks.RULE);
        assertThat(failure.getAttribute("message")).contains("error[" + ServerChecks.RULE + "] UNSAFE_LOCK");
        assertThat(failure.getTextContent()).contains("error[column-type-change]")
                .contains(V2 + ":2:1: error[server-disagreement] UNSAFE_LOCK on MySQL 9.7.4")
                .contains(ServerCheck.ISSUES).endsWith(REPRODUCER);
        Element added = testcase(suite, "4");
        assertThat(added.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("server: CONFIRMED on MySQL 9.7.4: server INPLACE,NONE rebuild (refused INSTANT)")
                .contains("refused INSTANT: 1846");
        Element instant = testcase(suite, "5");
        assertThat(instant.getElementsByTagName("failure").getLength()).isZero();
        assertThat(instant.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("server: CONFIRMED on MySQL 9.7.4: server INSTANT; ddl-lint: INSTANT, LOCK=NONE\n");
        List<String> properties = new ArrayList<>();
        NodeList nodes = suite.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            properties.add(p.getAttribute("name") + "=" + p.getAttribute("value"));
        }
        assertThat(properties).contains("ddl-lint.verify.server=" + SERVER);
    }

    @Test
    void junitFailsAStatementWhoseOnlyProblemIsTheDisagreement() throws Exception {
        AnalysisReport noFindings = verified().with(verified().files(), List.of());
        Document doc = ReportFixtures.parseXml(ReportFormat.JUNIT.render(noFindings, ReportOptions.DEFAULT));
        Element failure = (Element) testcase(suite(doc, V2), "2").getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo(ServerChecks.RULE);
        assertThat(failure.getAttribute("message")).startsWith("error[server-disagreement] UNSAFE_LOCK on MySQL");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void githubGroupsTheAnswersAndAnnotatesTheDisagreementFirst() {
        String out = render(ReportFormat.GITHUB);
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("::group::ddl-lint verify: 3 statements checked on MySQL 9.7.4: "
                + "2 CONFIRMED, 1 UNSAFE_LOCK");
        assertThat(lines).contains(V2 + ":5: CONFIRMED on MySQL 9.7.4: server INSTANT; ddl-lint: INSTANT, LOCK=NONE",
                "::endgroup::");
        String error = lines.stream().filter(l -> l.startsWith("::error")).findFirst().orElseThrow();
        assertThat(error).startsWith("::error file=" + V2 + ",line=2,col=1,title=ddl-lint server-disagreement::"
                + "UNSAFE_LOCK on MySQL 9.7.4").contains(ServerCheck.ISSUES)
                .endsWith(GithubReport.data(REPRODUCER.strip()));
        assertThat(lines.stream().filter(l -> l.startsWith("::error")).toList()).hasSize(2)
                .last().asString().contains("column-type-change");
    }

    @Test
    void gitlabHasABlockerForTheDisagreementAndTheAnswerInTheFindingsBody() throws Exception {
        JsonNode issues = JSON.readTree(render(ReportFormat.GITLAB));
        JsonNode blocker = issues.get(0);
        assertThat(blocker.get("check_name").asText()).isEqualTo(ServerChecks.RULE);
        assertThat(blocker.get("severity").asText()).isEqualTo("blocker");
        assertThat(blocker.at("/location/lines/begin").asInt()).isEqualTo(2);
        assertThat(blocker.at("/content/body").asText()).contains(ServerCheck.ISSUES).contains(REPRODUCER);
        JsonNode typeChange = null;
        for (JsonNode i : issues) {
            if (i.get("check_name").asText().equals("column-type-change")) {
                typeChange = i;
            }
        }
        assertThat(typeChange).isNotNull();
        assertThat(typeChange.at("/content/body").asText()).contains("Verified: UNSAFE_LOCK on MySQL 9.7.4: server "
                + "COPY,SHARED rebuild");
        assertThat(JSON.readTree(ReportFormat.GITLAB.render(ReportFixtures.sample(), ReportOptions.DEFAULT)).size())
                .isEqualTo(issues.size() - 1);
    }

    @Test
    void checkstyleHasAnErrorForTheDisagreementAndAnInfoPerOtherCheck() throws Exception {
        Document doc = ReportFixtures.parseXml(render(ReportFormat.CHECKSTYLE));
        List<Element> server = new ArrayList<>();
        NodeList errors = doc.getElementsByTagName("error");
        for (int i = 0; i < errors.getLength(); i++) {
            Element e = (Element) errors.item(i);
            if (e.getAttribute("source").startsWith("ddl-lint.server-")) {
                server.add(e);
            }
        }
        assertThat(server).extracting(e -> e.getAttribute("source") + " " + e.getAttribute("severity") + " "
                + e.getAttribute("line")).containsExactly("ddl-lint.server-disagreement error 2",
                "ddl-lint.server-check info 4", "ddl-lint.server-check info 5");
        assertThat(server.get(0).getAttribute("message")).contains(ServerCheck.ISSUES).contains(REPRODUCER.strip());
        assertThat(server.get(1).getAttribute("message")).startsWith("CONFIRMED on MySQL 9.7.4: server "
                + "INPLACE,NONE rebuild");
    }

    @Test
    void markdownHasAVerificationTableAndTheReproducerOfTheDisagreement() {
        String md = render(ReportFormat.MARKDOWN);
        assertThat(md).contains("#### Server verification: **1 disagreement**")
                .contains("3 statements checked on MySQL 9.7.4: 2 CONFIRMED, 1 UNSAFE_LOCK")
                .contains("| `" + V2 + ":2` | **UNSAFE_LOCK** | COPY,SHARED rebuild | INSTANT; INPLACE,NONE |")
                .contains("| `" + V2 + ":5` | CONFIRMED | INSTANT | - | INSTANT, LOCK=NONE |")
                .contains("```sql\n" + REPRODUCER + "```").contains(ServerCheck.ISSUES);
        // the disagreement's row comes first
        assertThat(md.indexOf("**UNSAFE_LOCK** |")).isLessThan(md.indexOf("| CONFIRMED |"));
        String small = MarkdownReport.render(verified(), ReportOptions.DEFAULT, 2_400);
        assertThat(small).contains("**UNSAFE_LOCK** |").contains("not shown here (size limit)");
        assertThat(small.length()).isLessThanOrEqualTo(2_400);
    }

    @Test
    void htmlHasARowPerCheckAndOpensTheDisagreement() {
        String html = render(ReportFormat.HTML);
        assertThat(html.split("<tr class=\"server-row\"", -1)).hasSize(4);
        assertThat(html).contains("<tr class=\"server-row\" data-outcome=\"UNSAFE_LOCK\" data-rule=\"server-disagreement\">")
                .contains("<div class=\"server disagreement\">")
                .contains("accepted <code>COPY,SHARED rebuild</code> (rebuilt the table), refused "
                        + "<code>INSTANT; INPLACE,NONE</code>")
                .contains("<details open><summary>how to file it</summary>")
                .contains("ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;")
                .contains("<p class=\"verification sev-error\">verified: 3 statements checked on MySQL 9.7.4");
        assertThat(ReportFormat.HTML.render(ReportFixtures.sample(), ReportOptions.DEFAULT))
                .doesNotContain("<tr class=\"server-row\"").doesNotContain("class=\"verification");
    }

    @Test
    void compactHasALinePerCheckAndTheDisagreementWithItsReproducerOnOneLine() {
        List<String> lines = render(ReportFormat.COMPACT).lines().toList();
        String error = lines.stream().filter(l -> l.contains("[" + ServerChecks.RULE + "]")).findFirst()
                .orElseThrow();
        assertThat(error).startsWith(V2 + ":2:1: error[server-disagreement] UNSAFE_LOCK on MySQL 9.7.4")
                .contains(ServerCheck.ISSUES).endsWith("ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;");
        assertThat(lines).contains(V2 + ":5:1: info[server-check] CONFIRMED on MySQL 9.7.4: server INSTANT; "
                + "ddl-lint: INSTANT, LOCK=NONE");
        assertThat(lines).contains("ddl-lint verify: 3 statements checked on MySQL 9.7.4: 2 CONFIRMED, 1 UNSAFE_LOCK");
        List<String> quiet = ReportFormat.COMPACT.render(verified(), ReportOptions.DEFAULT.withQuiet(true)).lines()
                .toList();
        assertThat(quiet).anyMatch(l -> l.contains("error[server-disagreement]"))
                .noneMatch(l -> l.contains("info[server-check]"));
    }

    private static Element suite(Document doc, String name) {
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            if (s.getAttribute("name").equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no test suite " + name);
    }

    private static Element testcase(Element suite, String line) {
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("line").equals(line)) {
                return c;
            }
        }
        throw new AssertionError("no test case at line " + line);
    }
}
