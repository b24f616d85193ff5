package dev.ddllint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/** The Checkstyle XML report: valid against the format Warnings NG reads (src/test/resources/checkstyle/). */
class CheckstyleReportTest {

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(CheckstyleReportTest.class.getResource("/checkstyle/checkstyle.xsd"));
    }

    static void validate(String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        return ReportFixtures.parseXml(xml);
    }

    @Test
    void reportWithFindingsIsValidAndListsEveryFile() throws Exception {
        AnalysisReport report = ReportFixtures.sample();
        String xml = CheckstyleReport.render(report, ReportOptions.DEFAULT);
        validate(xml);
        Document doc = parse(xml);
        NodeList files = doc.getElementsByTagName("file");
        assertThat(files.getLength()).isEqualTo(2);
        Element v1 = (Element) files.item(0);
        assertThat(v1.getAttribute("name")).isEqualTo("db/migration/V1__create.sql");
        assertThat(v1.getElementsByTagName("error").getLength()).isZero();
        Element v2 = (Element) files.item(1);
        NodeList errors = v2.getElementsByTagName("error");
        assertThat(errors.getLength()).isEqualTo(report.findings().size());

        Element error = (Element) errors.item(0);
        assertThat(error.getAttribute("source")).isEqualTo("ddl-lint.column-type-change");
        assertThat(error.getAttribute("severity")).isEqualTo("error");
        assertThat(error.getAttribute("line")).isEqualTo("2");
        assertThat(error.getAttribute("column")).isEqualTo("1");
        assertThat(error.getAttribute("message")).contains("amount").contains("\nHelp: ")
                .contains(ReportOptions.DEFAULT.ruleUrl("column-type-change"));
        assertThat(((Element) errors.item(1)).getAttribute("severity")).isEqualTo("warning");
    }

    @Test
    void emptyReportIsValid() throws Exception {
        String xml = CheckstyleReport.render(ReportFixtures.synthetic(List.of()), ReportOptions.DEFAULT);
        validate(xml);
        assertThat(parse(xml).getDocumentElement().getTagName()).isEqualTo("checkstyle");
    }

    @Test
    void schemaCatchesInvalidOutput() {
        String xml = CheckstyleReport.render(ReportFixtures.sample(), ReportOptions.DEFAULT)
                .replaceFirst("severity=\"error\"", "severity=\"fatal\"");
        assertThatThrownBy(() -> validate(xml)).isInstanceOf(SAXException.class).hasMessageContaining("fatal");
    }

    @Test
    void infoFindingsProblemsWithoutColumnsAndMarkupAreValid() throws Exception {
        List<Finding> findings = List.of(
                new Finding("malformed-script", Severity.INFO, "db/<odd> & \"x\".sql", 0, 0, 0, 0,
                        "bad <tag> & \"quote\" \u0001", "help ]]>", ""));
        String xml = CheckstyleReport.render(ReportFixtures.synthetic(findings), ReportOptions.DEFAULT);
        validate(xml);
        Element error = (Element) parse(xml).getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("severity")).isEqualTo("info");
        assertThat(error.getAttribute("line")).isEqualTo("0");
        assertThat(error.hasAttribute("column")).isFalse();
        assertThat(error.getAttribute("message")).startsWith("bad <tag> & \"quote\"");
        assertThat(((Element) parse(xml).getElementsByTagName("file").item(0)).getAttribute("name"))
                .isEqualTo("db/<odd> & \"x\".sql");
    }
}
