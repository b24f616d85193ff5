package dev.ddllint.analysis;

import dev.ddllint.config.Configuration;
import dev.ddllint.kb.TargetServer;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What ddl-lint does not fully understand fails closed: the worst verdict and an error, never a pass. */
class FailClosedTest {

    static AnalysisReport analyze(String target, String sql) {
        return new Analyzer(Configuration.DEFAULT.withTarget(TargetServer.parse(target)))
                .analyze(List.of(new SourceFile("V1__m.sql", sql.getBytes(StandardCharsets.UTF_8))));
    }

    static List<Finding> findings(AnalysisReport r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /**
     * Long flat chains and deep nesting, which MySQL accepts (a CHECK of thousands of OR terms), overflowed a
     * recursive reader's stack and took every file's report with them: each statement now gets its verdict (or,
     * beyond the analysis threads' deep stack, "too deep to read" and the worst one), and the other files stay.
     */
    @Test
    void longChainsAndDeepNestingCostNoOtherStatementItsVerdict() {
        String chain = java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> "c = " + i)
                .collect(java.util.stream.Collectors.joining(" OR "));
        String deep = "ALTER TABLE t ADD CONSTRAINT ck1 CHECK (" + chain + ");\n"
                + "ALTER TABLE t ADD CONSTRAINT ck2 CHECK (c > " + "(".repeat(50_000) + "1" + ")".repeat(50_000)
                + ");\nALTER TABLE t ADD COLUMN d INT;\n";
        AnalysisReport r = new Analyzer(Configuration.DEFAULT.withTarget(TargetServer.parse("mysql:8.4"))).analyze(
                List.of(new SourceFile("V1__t.sql", "CREATE TABLE t (id INT PRIMARY KEY, c INT);\n"
                        .getBytes(StandardCharsets.UTF_8)),
                        new SourceFile("V2__deep.sql", deep.getBytes(StandardCharsets.UTF_8)),
                        new SourceFile("V3__widen.sql", "ALTER TABLE t MODIFY c BIGINT;\n"
                                .getBytes(StandardCharsets.UTF_8))));
        assertThat(r.files()).hasSize(3);
        List<StatementReport> deepOnes = r.files().get(1).statements();
        assertThat(deepOnes).hasSize(3);
        // A CHECK constraint is validated by a table copy: these two can only be COPY (or the worst verdict).
        assertThat(deepOnes.subList(0, 2)).allSatisfy(st ->
                assertThat(st.verdict().effective().algorithm()).isEqualTo(dev.ddllint.kb.Algorithm.COPY));
        assertThat(deepOnes.get(2).verdict().effective().toString()).isEqualTo("INSTANT, LOCK=NONE");
        assertThat(findings(r, "column-type-change")).hasSize(1);
    }

    @Test
    void unknownClauseIsAnErrorWithTheWorstVerdict() {
        AnalysisReport r = analyze("mysql:8.4", "ALTER TABLE t FROBNICATE everything;\n");
        assertThat(findings(r, "unparseable-statement")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("FROBNICATE").contains("COPY, LOCK=EXCLUSIVE");
        });
        assertThat(r.files().get(0).statements().get(0).verdict().effective().toString())
                .isEqualTo("COPY, LOCK=EXCLUSIVE");
    }

    @Test
    void unknownTypeIsAnErrorNamingTheType() {
        AnalysisReport r = analyze("mariadb:11.8", "ALTER TABLE t MODIFY c VARCHARR(10);\nALTER TABLE t ADD COLUMN x "
                + "FOOTYPE;\n");
        assertThat(findings(r, "unparseable-statement")).hasSize(2).allSatisfy(f ->
                assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(findings(r, "unparseable-statement").get(0).message()).contains("VARCHARR")
                .contains("not a MySQL or MariaDB type");
        assertThat(r.files().get(0).statements().get(1).verdict().effective().toString())
                .isEqualTo("COPY, LOCK=EXCLUSIVE");
    }

    @Test
    void tableDdlNothingReadIsAnErrorAndTheWorstVerdict() {
        AnalysisReport r = analyze("mysql:8.4", "ALTER TABLE;\nCREATE INDEX ON;\n");
        assertThat(findings(r, "unparseable-statement")).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("assumed the worst");
        });
        assertThat(r.files().get(0).statements()).allSatisfy(s ->
                assertThat(s.verdict().effective().toString()).isEqualTo("COPY, LOCK=EXCLUSIVE"));
        // One finding per statement: the other rules do not repeat a verdict nothing backs.
        assertThat(r.findings()).allMatch(f -> f.rule().equals("unparseable-statement"));
    }

    @Test
    void aStatementThatIsNotTableDdlStaysAWarning() {
        AnalysisReport r = analyze("mysql:8.4", "RENAME TABLE;\n");
        assertThat(findings(r, "unparseable-statement")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void procedureBodyDdlIsFoundAtItsPositionAndEntersTheSchema() {
        String sql = """
                DELIMITER $$
                CREATE PROCEDURE migrate()
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'orders') THEN
                    CREATE TABLE orders (id INT PRIMARY KEY, total INT);
                  END IF;
                  ALTER TABLE accounts
                     MODIFY balance BIGINT;
                END$$
                DELIMITER ;
                ALTER TABLE orders ADD INDEX ix_total (total), ALGORITHM=INSTANT;
                """;
        AnalysisReport r = analyze("mysql:8.4", sql);
        Finding change = findings(r, "column-type-change").get(0);
        assertThat(change.line()).isEqualTo(7);
        assertThat(change.column()).isEqualTo(3);
        assertThat(change.endLine()).isEqualTo(8);
        assertThat(change.severity()).isEqualTo(Severity.ERROR);
        assertThat(change.message()).startsWith("inside procedure `migrate` (created here, not called in this file): ");
        // The table the body creates is known afterwards: ADD INDEX refuses ALGORITHM=INSTANT on it.
        StatementReport last = r.files().get(0).statements().get(r.files().get(0).statements().size() - 1);
        assertThat(last.source().line()).isEqualTo(11);
        assertThat(last.verdict().refusals()).isNotEmpty();
        StatementReport create = r.files().get(0).statements().stream().filter(s -> s.source().line() == 5)
                .findFirst().orElseThrow();
        assertThat(create.embedded()).isTrue();
        assertThat(create.context()).contains("procedure `migrate`");
    }

    @Test
    void aCalledProcedureSaysItRunsAtTheCall() {
        String sql = "CREATE PROCEDURE p() ALTER TABLE t ADD FULLTEXT INDEX ft (b);\nCALL p();\nDROP PROCEDURE p;\n";
        AnalysisReport r = analyze("mysql:8.4", sql);
        assertThat(findings(r, "blocking-alter")).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.column()).isEqualTo(22);
            assertThat(f.message()).startsWith("inside procedure `p` (created here; it runs at the CALL at line 2): ");
        });
    }

    @Test
    void ddlInTriggersEventsAndAtomicBlocksIsAnalysed() {
        String sql = """
                CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO ALTER TABLE t ENGINE=MyISAM;
                BEGIN NOT ATOMIC
                  ALTER TABLE u ENGINE=MyISAM;
                END;
                """;
        AnalysisReport r = analyze("mariadb:10.11", sql);
        assertThat(findings(r, "blocking-alter")).extracting(Finding::line).containsExactly(1, 3);
        assertThat(findings(r, "blocking-alter").get(0).message()).contains("inside event `e`");
    }

    @Test
    void createTableIfNotExistsIsNotNew() {
        AnalysisReport r = analyze("mysql:8.4", "CREATE TABLE IF NOT EXISTS a (id INT PRIMARY KEY, v INT);\n"
                + "ALTER TABLE a MODIFY v BIGINT;\nCREATE TABLE b (id INT PRIMARY KEY, v INT);\n"
                + "ALTER TABLE b MODIFY v BIGINT;\n");
        assertThat(findings(r, "column-type-change")).extracting(Finding::line, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple(4, Severity.INFO));
    }

    @Test
    void prepareFromAnUnknowableStringIsAnError() {
        AnalysisReport r = analyze("mysql:8.4", "SET @s = CONCAT('ALTER TABLE ', @t, ' ADD c INT');\n"
                + "PREPARE st FROM @s;\nEXECUTE st;\n");
        assertThat(findings(r, "dynamic-ddl-not-checked")).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("ALTER TABLE").contains("@t");
        });
    }

    @Test
    void dynamicDdlBuiltFromLiteralsIsAnalysed() {
        AnalysisReport r = analyze("mysql:8.4", "SET @s = CONCAT('ALTER TABLE t ', 'ENGINE=MyISAM');\n"
                + "PREPARE st FROM @s;\nPREPARE st2 FROM 'ALTER TABLE u ENGINE=MyISAM';\n");
        assertThat(findings(r, "blocking-alter")).extracting(Finding::line).containsExactly(1, 3);
        assertThat(findings(r, "dynamic-ddl-not-checked")).isEmpty();
    }

    @Test
    void oldAlterTableMakesAnInstantAlterACopyAndSaysWhy() {
        AnalysisReport r = analyze("mysql:9.7", "SET SESSION old_alter_table = ON;\nALTER TABLE t ADD COLUMN c INT;\n");
        assertThat(findings(r, "blocking-alter")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("COPY").contains("old_alter_table");
        });
    }

    @Test
    void alterAlgorithmInstantIsRefusedWhereTheOperationCannot() {
        AnalysisReport r = analyze("mariadb:10.11", "SET alter_algorithm = INSTANT;\nALTER TABLE t ADD INDEX i (a);\n");
        assertThat(findings(r, "algorithm-lock-refused")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ALGORITHM=INSTANT").contains("alter_algorithm"));
        // MariaDB 11.8 ignores alter_algorithm (warning 4200).
        assertThat(findings(analyze("mariadb:11.8", "SET alter_algorithm = INSTANT;\nALTER TABLE t ADD INDEX i (a);\n"),
                "algorithm-lock-refused")).isEmpty();
    }

    @Test
    void setGlobalIsSaidNotToChangeTheSession() {
        AnalysisReport r = analyze("mysql:8.4", "SET GLOBAL foreign_key_checks = 0;\n"
                + "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id);\n");
        assertThat(findings(r, "blocking-alter")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("SET GLOBAL foreign_key_checks at line 1 does not "
                        + "change this session"));
    }

    @Test
    void anOnlineCopyIsDescribedAsOneThatLetsWritesGoOn() {
        String sql = "CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT);\nRENAME TABLE t TO t_live;\n"
                + "ALTER TABLE t_live MODIFY a BIGINT;\nALTER TABLE t_live DROP PRIMARY KEY;\n"
                + "ALTER TABLE t_live ADD COLUMN c INT, ALGORITHM=COPY;\n";
        List<Finding> online = analyze("mariadb:11.8", sql).findings().stream()
                .filter(f -> f.severity() != Severity.INFO && !f.rule().equals("missing-lock-wait-timeout")
                        && !f.rule().equals("repeated-rebuild")).toList();
        assertThat(online).extracting(Finding::rule).containsExactly("column-type-change", "primary-key-drop",
                "blocking-alter");
        assertThat(online).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("LOCK=NONE").contains("go on").doesNotContain("wait");
        });
        List<Finding> blocking = analyze("mysql:8.4", sql).findings().stream()
                .filter(f -> f.severity() == Severity.ERROR).toList();
        assertThat(blocking).extracting(Finding::rule).containsExactly("column-type-change", "primary-key-drop",
                "blocking-alter");
        assertThat(blocking).allSatisfy(f -> assertThat(f.message()).contains("LOCK=SHARED").doesNotContain("go on"));
        assertThat(blocking.get(0).message()).contains("wait");
    }

    @Test
    void shadowTableHelpChecksTheToolsRefusalsFirst() {
        String sql = """
                CREATE TABLE parent (id INT PRIMARY KEY, body TEXT);
                CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES parent (id));
                CREATE TABLE logged (id INT PRIMARY KEY, body TEXT);
                CREATE TRIGGER logged_ai AFTER INSERT ON logged FOR EACH ROW SET @n = 1;
                CREATE TABLE keyless (a INT, body TEXT);
                CREATE TABLE plain (id INT PRIMARY KEY, body TEXT);
                ALTER TABLE parent ADD FULLTEXT INDEX ft (body);
                ALTER TABLE logged ADD FULLTEXT INDEX ft (body);
                ALTER TABLE keyless ADD FULLTEXT INDEX ft (body);
                ALTER TABLE plain ADD FULLTEXT INDEX ft (body);
                ALTER TABLE unknown_table ADD FULLTEXT INDEX ft (body);
                """;
        List<Finding> f = findings(analyze("mysql:8.4", sql), "blocking-alter");
        assertThat(f).hasSize(5);
        assertThat(f.get(0).help()).contains("pt-online-schema-change --alter-foreign-keys-method=auto")
                .contains("gh-ost refuses `parent`: foreign keys of child reference it");
        assertThat(f.get(1).help()).contains("--preserve-triggers").contains("it has triggers (logged_ai)");
        assertThat(f.get(2).help()).contains("both refuse `keyless`: it has no PRIMARY KEY");
        assertThat(f.get(3).help()).endsWith("which copy the table in the background while writes continue");
        assertThat(f.get(4).help()).contains("check first: gh-ost refuses a table with foreign keys");
    }
}
