package dev.ddllint.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.List;

class JunitReportTest {

    private static Document parse(String xml) throws Exception {
        return ReportFixtures.parseXml(xml);
    }

    @Test
    void oneSuitePerFileOneCasePerStatementFindingsAsFailures() throws Exception {
        AnalysisReport report = ReportFixtures.sample();
        Document doc = parse(JunitReport.render(report));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);

        Element v1 = (Element) suites.item(0);
        assertThat(v1.getAttribute("name")).isEqualTo("db/migration/V1__create.sql");
        assertThat(v1.getAttribute("tests")).isEqualTo("2");
        assertThat(v1.getAttribute("failures")).isEqualTo("0");

        Element v2 = (Element) suites.item(1);
        NodeList cases = v2.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        assertThat(v2.getAttribute("tests")).isEqualTo("3");
        assertThat(v2.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("tests")).isEqualTo("5");
        assertThat(root.getAttribute("failures")).isEqualTo("2");

        Element modify = (Element) cases.item(0);
        assertThat(modify.getAttribute("classname")).isEqualTo("db.migration.V2__changes");
        assertThat(modify.getAttribute("name")).isEqualTo("line 2: ALTER TABLE orders");
        assertThat(modify.getAttribute("file")).isEqualTo("db/migration/V2__changes.sql");
        Element failure = (Element) modify.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("column-type-change");
        assertThat(failure.getAttribute("message")).startsWith("error[column-type-change]");
        // GitLab shows the body: it must say everything.
        assertThat(failure.getTextContent()).contains("db/migration/V2__changes.sql:2:1: error[column-type-change]")
                .contains("help: ");

        Element rebuild = (Element) cases.item(1);
        assertThat(rebuild.getElementsByTagName("failure").item(0).getTextContent())
                .contains("warning[table-rebuild]");
        Element safe = (Element) cases.item(2);
        assertThat(safe.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void infoFindingsAreOutputNotFailures() throws Exception {
        // On a table created in the same file, the type change is only an info.
        AnalysisReport report = ReportFixtures.analyze("mysql:8.4", "V1__all.sql",
                ReportFixtures.CREATE + ReportFixtures.CHANGES);
        assertThat(report.findings()).anyMatch(f -> f.severity() == Severity.INFO);
        Document doc = parse(JunitReport.render(report));
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent()).contains("info[");
    }

    @Test
    void findingsOutsideStatementsGetTheirOwnCase() throws Exception {
        AnalysisReport report = ReportFixtures.analyze("mysql:8.4", "V1__broken.sql",
                "CREATE TABLE a (id INT PRIMARY KEY);\nINSERT INTO a VALUES ('unterminated);\n");
        assertThat(report.findings()).extracting(Finding::rule).contains("malformed-script");
        Document doc = parse(JunitReport.render(report));
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isGreaterThanOrEqualTo(1);
        boolean named = false;
        for (int i = 0; i < failures.getLength(); i++) {
            named |= ((Element) failures.item(i)).getAttribute("type").contains("malformed-script");
        }
        assertThat(named).isTrue();
    }

    @Test
    void escapesMarkupAndDropsCharactersXmlCannotHold() throws Exception {
        Finding f = new Finding("blocking-alter", Severity.ERROR, "db/<odd> & \"name\".sql", 1, 1, 1, 5,
                "bad <tag> & \"quote\" \u0001 control", "help ]]> too", "x");
        String xml = JunitReport.render(ReportFixtures.synthetic(List.of(f)));
        Document doc = parse(xml);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("bad <tag> & \"quote\"");
        assertThat(failure.getTextContent()).contains("help ]]> too");
        assertThat(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("name"))
                .isEqualTo("db/<odd> & \"name\".sql");
    }

    @Test
    void emptyReportIsWellFormed() throws Exception {
        Document doc = parse(JunitReport.render(ReportFixtures.synthetic(List.of())));
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("0");
    }

    @Test
    void classnameGroupsByFolderAndFile() {
        assertThat(JunitReport.classname("src/main/resources/db/migration/V1.1__init.sql"))
                .isEqualTo("src.main.resources.db.migration.V1_1__init");
        assertThat(JunitReport.classname("./V2__x.SQL")).isEqualTo("V2__x");
    }
}
