package dev.ddllint.report;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.Configuration;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Analysis reports for the report tests: real ones from the analyzer, and synthetic ones for edge cases. */
final class ReportFixtures {

    static final String CREATE = """
            CREATE TABLE orders (
              id BIGINT NOT NULL PRIMARY KEY,
              amount INT NOT NULL,
              note VARCHAR(40)
            ) ENGINE=InnoDB;
            CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT) ENGINE=InnoDB;
            """;
    /** One error (column-type-change) over two lines, one warning on 8.0.28 (table-rebuild), one safe ALTER. */
    static final String CHANGES = """
            -- unsafe and not so safe
            ALTER TABLE orders
              MODIFY COLUMN amount BIGINT NOT NULL;
            ALTER TABLE t ADD COLUMN c INT AFTER a;
            ALTER TABLE orders ADD COLUMN shipped_at DATETIME NULL, ALGORITHM=INSTANT;
            """;

    private ReportFixtures() {
    }

    static AnalysisReport analyze(String target, String... pathAndSql) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < pathAndSql.length; i += 2) {
            files.add(new SourceFile(pathAndSql[i], pathAndSql[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        // These fixtures are about baselines and report formats, not lock_wait_timeout (missing-lock-wait-timeout).
        return new Analyzer(Configuration.DEFAULT.withTarget(TargetServer.parse(target))
                .withLockWaitTimeoutSetByRunner(true)).analyze(files);
    }

    /** V1 creates the tables, V2 has an error and (on 8.0.28) a warning. */
    static AnalysisReport sample() {
        return analyze("mysql:8.0.28", "db/migration/V1__create.sql", CREATE, "db/migration/V2__changes.sql",
                CHANGES);
    }

    static AnalysisReport synthetic(List<Finding> findings) {
        return new AnalysisReport("test", TargetServer.DEFAULT, List.of(), findings);
    }

    /** Parses an XML report, refusing DOCTYPEs (no report has one). */
    static org.w3c.dom.Document parseXml(String xml) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Finding finding(String rule, Severity severity, String path, int line, String message) {
        return new Finding(rule, severity, path, line, 1, line, 10, message, "do it differently", "ALTER TABLE x");
    }
}
