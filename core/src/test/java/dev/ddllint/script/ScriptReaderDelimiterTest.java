package dev.ddllint.script;

import static dev.ddllint.script.ScriptTestSupport.assertNoProblems;
import static dev.ddllint.script.ScriptTestSupport.assertSpan;
import static dev.ddllint.script.ScriptTestSupport.read;
import static dev.ddllint.script.ScriptTestSupport.sqls;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScriptReaderDelimiterTest {

    @Test
    void procedureUnderDollarDelimiter() {
        String text = "DELIMITER $$\n"
                + "CREATE PROCEDURE p()\n"
                + "BEGIN\n"
                + "  SELECT 1;\n"
                + "END$$\n"
                + "DELIMITER ;\n"
                + "SELECT 2;\n";

        ScriptReadResult result = read(text);

        assertNoProblems(result);
        assertThat(result.statements()).hasSize(2);
        ScriptStatement procedure = result.statements().get(0);
        assertThat(procedure.sql()).isEqualTo("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND");
        assertThat(procedure.delimiter()).isEqualTo("$$");
        assertThat(procedure.compound()).isTrue();
        assertSpan(procedure, 2, 1, 5, 3);
        ScriptStatement select = result.statements().get(1);
        assertThat(select.sql()).isEqualTo("SELECT 2");
        assertThat(select.delimiter()).isEqualTo(";");
        assertThat(select.compound()).isFalse();
        assertSpan(select, 7, 1, 7, 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$$", ";;", "//", "|", "^", "@@", "~~", "GO"})
    void anyTokenCanBeTheDelimiter(String token) {
        String text = "DELIMITER " + token + "\n"
                + "SELECT 1; SELECT 2" + token + "\n"
                + "SELECT 3 " + token + "\n"
                + "DELIMITER ;\n"
                + "SELECT 4;";

        ScriptReadResult result = read(text);

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT 1; SELECT 2", "SELECT 3", "SELECT 4");
        assertThat(result.statements()).extracting(ScriptStatement::delimiter).containsExactly(token, token, ";");
        assertSpan(result.statements().get(0), 2, 1, 2, 18);
        assertSpan(result.statements().get(1), 3, 1, 3, 8);
        assertSpan(result.statements().get(2), 5, 1, 5, 8);
    }

    @Test
    void delimiterKeywordIsCaseInsensitiveAndMayFollowComments() {
        String text = "-- switch\n"
                + "delimiter //\n"
                + "SELECT 1//\n"
                + "/* back */ Delimiter ;\n"
                + "SELECT 2;";

        ScriptReadResult result = read(text);

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2");
        assertThat(result.statements()).extracting(ScriptStatement::delimiter).containsExactly("//", ";");
    }

    @Test
    void restOfTheDelimiterLineIsIgnored() {
        ScriptReadResult result = read("DELIMITER // -- use slashes now\nSELECT 1//\nDELIMITER ;   \nSELECT 2;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void quotedDelimiterTokenIsUnquoted() {
        ScriptReadResult result = read("DELIMITER '$$'\nSELECT 1$$\nDELIMITER ;\nSELECT 2;");

        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2");
        assertThat(result.statements().get(0).delimiter()).isEqualTo("$$");
    }

    @Test
    void delimiterLineWithCrlf() {
        ScriptReadResult result = read("DELIMITER $$\r\nSELECT 1;\r\nSELECT 2$$\r\nDELIMITER ;\r\nSELECT 3;\r\n");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT 1;\r\nSELECT 2", "SELECT 3");
        assertSpan(result.statements().get(0), 2, 1, 3, 8);
        assertSpan(result.statements().get(1), 5, 1, 5, 8);
    }

    @Test
    void delimiterIsOnlyACommandAtTheStartOfAStatement() {
        ScriptReadResult result = read("SELECT delimiter FROM t;\nUPDATE t SET delimiter = ';';\nDELIMITERS x;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT delimiter FROM t", "UPDATE t SET delimiter = ';'",
                "DELIMITERS x");
    }

    @Test
    void delimiterAfterAStatementOnTheSameLine() {
        ScriptReadResult result = read("SELECT 1; DELIMITER $$\nSELECT 2$$");

        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2");
        assertThat(result.statements().get(1).delimiter()).isEqualTo("$$");
    }

    @Test
    void delimiterInsideCommentOrStringIsNotRecognised() {
        ScriptReadResult result = read("DELIMITER $$\nSELECT '$$' /* $$ */ -- $$\n$$");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT '$$'");
    }

    @Test
    void delimiterEndingAWordEndsTheStatement() {
        // $ is an identifier character in MySQL; END$$ must still end at $$.
        ScriptReadResult result = read("DELIMITER $$\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a=1; END$$"
                + "\nDELIMITER ;");

        assertThat(sqls(result)).containsExactly(
                "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a=1; END");
        assertThat(result.statements().get(0).compound()).isTrue();
    }

    @Test
    void strayDelimiterWithoutTokenIsAProblemAndIgnored() {
        ScriptReadResult result = read("DELIMITER\nSELECT 1;\n  delimiter   \nSELECT 2;\nDELIMITER");

        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2");
        assertThat(result.statements()).extracting(ScriptStatement::delimiter).containsOnly(";");
        assertThat(result.problems()).extracting(ScriptProblem::code, ScriptProblem::line, ScriptProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("stray-delimiter", 1, 1),
                        org.assertj.core.groups.Tuple.tuple("stray-delimiter", 3, 3),
                        org.assertj.core.groups.Tuple.tuple("stray-delimiter", 5, 1));
        assertThat(result.problems().get(0).message()).contains("DELIMITER").contains("line 1, column 1");
    }

    @Test
    void delimiterNeverRestoredStillGivesTheLastStatement() {
        ScriptReadResult result = read("DELIMITER ;;\nSELECT 1;;\nSELECT 2\n");

        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2");
        assertThat(result.statements().get(1).delimiter()).isEqualTo(";;");
        assertSpan(result.statements().get(1), 3, 1, 3, 8);
    }

    @Test
    void mysqldumpTriggerWithVersionedCommentsUnderDoubleSemicolon() {
        String text = "/*!50003 SET @saved_sql_mode = @@sql_mode */ ;\n"
                + "DELIMITER ;;\n"
                + "/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `trg` BEFORE INSERT ON `t`"
                + " FOR EACH ROW BEGIN\n"
                + "  SET NEW.a = 1;\n"
                + "END */;;\n"
                + "DELIMITER ;\n"
                + "/*!50003 SET sql_mode = @saved_sql_mode */ ;\n";

        ScriptReadResult result = read(text);

        assertNoProblems(result);
        assertThat(result.statements()).hasSize(3);
        ScriptStatement trigger = result.statements().get(1);
        assertThat(trigger.compound()).isTrue();
        assertThat(trigger.delimiter()).isEqualTo(";;");
        assertThat(trigger.sql()).startsWith("CREATE   ")
                .contains("DEFINER=`root`@`localhost`")
                .contains("TRIGGER `trg` BEFORE INSERT ON `t` FOR EACH ROW BEGIN\n  SET NEW.a = 1;\nEND")
                .endsWith("END")
                .doesNotContain("/*", "*/");
        assertSpan(trigger, 3, 1, 5, 6);
        assertThat(result.statements().get(2).sql()).isEqualTo("SET sql_mode = @saved_sql_mode");
    }

    @Test
    void createStatementsUnderCustomDelimiterAreCompoundOthersNot() {
        String text = "DELIMITER //\n"
                + "DROP PROCEDURE IF EXISTS p//\n"
                + "CREATE DEFINER=CURRENT_USER() FUNCTION f() RETURNS INT RETURN 1//\n"
                + "CREATE EVENT e ON SCHEDULE EVERY 1 HOUR DO DELETE FROM t//\n"
                + "CREATE TABLE procedure_log (id INT)//\n"
                + "CREATE OR REPLACE VIEW trigger_view AS SELECT 1//\n";

        ScriptReadResult result = read(text);

        assertThat(result.statements()).extracting(ScriptStatement::compound)
                .containsExactly(false, true, true, false, false);
    }

    @Test
    void semicolonsUnderACustomDelimiterDoNotSplit() {
        // As the mysql client does: everything up to the custom delimiter is sent as one text (the server may then
        // run it as several statements). Real files (ZoneMinder) put a DROP TRIGGER ...; before the CREATE TRIGGER.
        String text = "delimiter //\n"
                + "DROP TRIGGER IF EXISTS tr;\n"
                + "\n"
                + "CREATE TRIGGER tr AFTER UPDATE ON t FOR EACH ROW BEGIN SET @x = 1; END;\n"
                + "//\n"
                + "delimiter ;\n";

        ScriptReadResult result = read(text);

        assertThat(sqls(result)).containsExactly("DROP TRIGGER IF EXISTS tr;\n\n"
                + "CREATE TRIGGER tr AFTER UPDATE ON t FOR EACH ROW BEGIN SET @x = 1; END;");
        assertThat(result.statements().get(0).compound()).isFalse();
        assertSpan(result.statements().get(0), 2, 1, 4, 71);
    }
}
