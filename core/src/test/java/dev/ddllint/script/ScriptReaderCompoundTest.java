package dev.ddllint.script;

import static dev.ddllint.script.ScriptTestSupport.assertNoProblems;
import static dev.ddllint.script.ScriptTestSupport.assertSpan;
import static dev.ddllint.script.ScriptTestSupport.read;
import static dev.ddllint.script.ScriptTestSupport.sqls;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT written without a DELIMITER change. */
class ScriptReaderCompoundTest {

    @Test
    void procedureWithIfBlockWithoutDelimiterChange() {
        String procedure = "CREATE PROCEDURE add_col()\n"
                + "BEGIN\n"
                + "  IF NOT EXISTS (SELECT 1 FROM information_schema.columns\n"
                + "                 WHERE table_name = 't' AND column_name = 'c') THEN\n"
                + "    ALTER TABLE t ADD COLUMN c INT;\n"
                + "  END IF;\n"
                + "END";
        String text = procedure + ";\nCALL add_col();\nDROP PROCEDURE add_col;\n";

        ScriptReadResult result = read(text);

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly(procedure, "CALL add_col()", "DROP PROCEDURE add_col");
        assertThat(result.statements()).extracting(ScriptStatement::compound).containsExactly(true, false, false);
        assertThat(result.statements()).extracting(ScriptStatement::delimiter).containsOnly(";");
        assertSpan(result.statements().get(0), 1, 1, 7, 3);
        assertSpan(result.statements().get(1), 8, 1, 8, 14);
        assertSpan(result.statements().get(2), 9, 1, 9, 22);
    }

    @Test
    void nestedLoopsCaseIfWhileRepeatAndFunctionsNamedLikeKeywords() {
        String procedure = "CREATE DEFINER=`admin`@`%` PROCEDURE fill(IN n INT)\n"
                + "BEGIN\n"
                + "  DECLARE i INT DEFAULT 0;\n"
                + "  DECLARE s VARCHAR(100) DEFAULT REPEAT('x', 3);\n"
                + "  outer_loop: LOOP\n"
                + "    SET i = i + 1;\n"
                + "    IF i > n THEN\n"
                + "      LEAVE outer_loop;\n"
                + "    ELSEIF i = 2 THEN\n"
                + "      ITERATE outer_loop;\n"
                + "    ELSE IF i = 3 THEN SET s = 'three'; END IF;\n"
                + "    END IF;\n"
                + "    CASE i\n"
                + "      WHEN 1 THEN INSERT INTO t VALUES (IF(i > 0, 'a', 'b'));\n"
                + "      WHEN 4 THEN SET s = IF(i > 0, REPEAT('y', 2), 'z');\n"
                + "      ELSE BEGIN\n"
                + "        SET s = CASE WHEN i > 5 THEN 'big' ELSE IF(i > 4, 'mid', 'small') END;\n"
                + "      END;\n"
                + "    END CASE;\n"
                + "    WHILE i < 0 DO\n"
                + "      SET i = i + 1;\n"
                + "    END WHILE;\n"
                + "    REPEAT\n"
                + "      SET i = i + 1;\n"
                + "    UNTIL i > 0 END REPEAT;\n"
                + "    DROP TEMPORARY TABLE IF EXISTS tmp;\n"
                + "    CREATE TEMPORARY TABLE IF NOT EXISTS tmp (id INT);\n"
                + "  END LOOP outer_loop;\n"
                + "END";

        ScriptReadResult result = read(procedure + ";\nSELECT 'after';");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly(procedure, "SELECT 'after'");
        assertThat(result.statements().get(0).compound()).isTrue();
        assertSpan(result.statements().get(0), 1, 1, 29, 3);
        assertSpan(result.statements().get(1), 30, 1, 30, 14);
    }

    @Test
    void parenthesisedIfConditionsAsInZoneMinderTriggers() {
        String trigger = "CREATE TRIGGER Events_update AFTER UPDATE ON Events\n"
                + "FOR EACH ROW\n"
                + "BEGIN\n"
                + "  declare diff BIGINT default 0;\n"
                + "  set diff = COALESCE(NEW.DiskSpace,0) - COALESCE(OLD.DiskSpace,0);\n"
                + "  IF ( diff ) THEN\n"
                + "    IF ( NEW.MonitorID != OLD.MonitorID AND NEW.Id IN (1, 2) ) THEN\n"
                + "      UPDATE S SET a=GREATEST(COALESCE(a,0)-COALESCE(OLD.DiskSpace,0),0);\n"
                + "    ELSE\n"
                + "      UPDATE S SET a=COALESCE(a,0)+diff;\n"
                + "    END IF;\n"
                + "  END IF;\n"
                + "END";

        ScriptReadResult result = read(trigger + ";\n\nALTER TABLE Events ADD x INT;");

        assertThat(sqls(result)).containsExactly(trigger, "ALTER TABLE Events ADD x INT");
        assertThat(result.statements().get(0).compound()).isTrue();
    }

    @Test
    void triggerBodiesWithoutBegin() {
        String text = "CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;\n"
                + "CREATE TRIGGER t2 BEFORE UPDATE ON t FOR EACH ROW IF NEW.a IS NULL THEN SET NEW.a = 0; END IF;\n"
                + "CREATE TRIGGER t3 BEFORE UPDATE ON t FOR EACH ROW IF (NEW.b IS NULL) THEN SET NEW.b = 0; END IF;\n"
                + "SELECT 3;";

        ScriptReadResult result = read(text);

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly(
                "CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1",
                "CREATE TRIGGER t2 BEFORE UPDATE ON t FOR EACH ROW IF NEW.a IS NULL THEN SET NEW.a = 0; END IF",
                "CREATE TRIGGER t3 BEFORE UPDATE ON t FOR EACH ROW IF (NEW.b IS NULL) THEN SET NEW.b = 0; END IF",
                "SELECT 3");
        assertThat(result.statements()).extracting(ScriptStatement::compound)
                .containsExactly(true, true, true, false);
    }

    @Test
    void functionAndEvent() {
        String function = "CREATE FUNCTION f(x INT) RETURNS INT DETERMINISTIC\n"
                + "BEGIN\n"
                + "  RETURN IF(x > 0, x, -x);\n"
                + "END";
        String event = "CREATE EVENT ev ON SCHEDULE EVERY 1 DAY DO\n"
                + "BEGIN\n"
                + "  DELETE FROM log WHERE created < NOW() - INTERVAL 30 DAY;\n"
                + "  OPTIMIZE TABLE log;\n"
                + "END";

        ScriptReadResult result = read(function + ";\n" + event + ";\nSELECT f(1);");

        assertThat(sqls(result)).containsExactly(function, event, "SELECT f(1)");
        assertThat(result.statements()).extracting(ScriptStatement::compound).containsExactly(true, true, false);
        assertSpan(result.statements().get(1), 5, 1, 9, 3);
    }

    @Test
    void labelledBlocksAndHandlers() {
        String procedure = "CREATE PROCEDURE p()\n"
                + "main: BEGIN\n"
                + "  DECLARE done INT DEFAULT FALSE;\n"
                + "  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;\n"
                + "  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;\n"
                + "  read_loop: WHILE NOT done DO\n"
                + "    SET @x := IF(done, 1, 0);\n"
                + "  END WHILE read_loop;\n"
                + "END main";

        ScriptReadResult result = read(procedure + ";\nSELECT 1;");

        assertThat(sqls(result)).containsExactly(procedure, "SELECT 1");
    }

    @Test
    void columnsNamedBeginAndEndDoNotCloseBlocks() {
        String procedure = "CREATE PROCEDURE spans()\n"
                + "BEGIN\n"
                + "  INSERT INTO spans (id, end) VALUES (1, 2);\n"
                + "  SELECT s.end FROM spans s;\n"
                + "  UPDATE spans SET begin = 0 WHERE id IN (begin);\n"
                + "  SELECT @end, @begin;\n"
                + "  SELECT end FROM spans WHERE end > 0 AND NOT end ORDER BY end;\n"
                + "  SELECT CASE WHEN end THEN end ELSE 0 END AS x FROM spans;\n"
                + "END";

        ScriptReadResult result = read(procedure + ";\nSELECT 2;");

        assertThat(sqls(result)).containsExactly(procedure, "SELECT 2");
    }

    @Test
    void keywordsInStringsAndCommentsAreIgnored() {
        String procedure = "CREATE PROCEDURE p()\n"
                + "BEGIN\n"
                + "  SELECT 'END; BEGIN' AS `end`; -- END;\n"
                + "  /* END IF; */ SELECT \"IF x THEN\";\n"
                + "END";

        ScriptReadResult result = read(procedure + ";\nSELECT 2;");

        assertThat(result.statements()).extracting(ScriptStatement::rawText).containsExactly(procedure, "SELECT 2");
    }

    @Test
    void caseExpressionsInsideProcedures() {
        String procedure = "CREATE PROCEDURE p()\n"
                + "BEGIN\n"
                + "  UPDATE t SET a = CASE WHEN b THEN 1 ELSE 2 END, c = (CASE d WHEN 1 THEN 'x' END);\n"
                + "  SELECT a, CASE WHEN b THEN 1 END FROM t;\n"
                + "END";

        ScriptReadResult result = read(procedure + ";\nSELECT 2;");

        assertThat(sqls(result)).containsExactly(procedure, "SELECT 2");
    }

    @Test
    void transactionBeginIsNotABlock() {
        ScriptReadResult result = read("BEGIN;\nALTER TABLE t ADD c INT;\nCOMMIT;\nbegin work;\nSELECT 1;\nCOMMIT;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("BEGIN", "ALTER TABLE t ADD c INT", "COMMIT", "begin work",
                "SELECT 1", "COMMIT");
        assertThat(result.statements()).extracting(ScriptStatement::compound).containsOnly(false);
    }

    @Test
    void mariaDbAnonymousBlock() {
        String block = "BEGIN NOT ATOMIC\n"
                + "  DECLARE x INT DEFAULT 0;\n"
                + "  IF x = 0 THEN SET x = 1; END IF;\n"
                + "END";

        ScriptReadResult result = read(block + ";\nSELECT 1;");

        assertThat(sqls(result)).containsExactly(block, "SELECT 1");
        assertThat(result.statements().get(0).compound()).isTrue();
    }

    @Test
    void tablesAndViewsNamedLikeRoutinesAreNotCompound() {
        ScriptReadResult result = read("CREATE TABLE procedure_log (id INT, event VARCHAR(10));\n"
                + "CREATE INDEX trigger_idx ON t (a);\n"
                + "CREATE TABLE t (begin INT, end INT);\n"
                + "SELECT 1;");

        assertThat(result.statements()).hasSize(4);
        assertThat(result.statements()).extracting(ScriptStatement::compound).containsOnly(false);
    }

    @Test
    void loadableFunctionWithoutBodyEndsAtSemicolon() {
        ScriptReadResult result = read("CREATE FUNCTION metaphon RETURNS STRING SONAME 'udf_example.so';\nSELECT 1;");

        assertThat(sqls(result)).containsExactly("CREATE FUNCTION metaphon RETURNS STRING SONAME 'udf_example.so'",
                "SELECT 1");
    }

    @Test
    void unbalancedBodyRunsToEndOfFileWithoutThrowing() {
        ScriptReadResult result = read("CREATE PROCEDURE p() BEGIN SELECT 1;\nSELECT 2;\n");

        assertThat(sqls(result)).containsExactly("CREATE PROCEDURE p() BEGIN SELECT 1;\nSELECT 2;");
        assertSpan(result.statements().get(0), 1, 1, 2, 9);
    }

    @Test
    void routineInsideVersionedCommentsWithoutDelimiterChange() {
        String text = "/*!50003 CREATE*/ /*!50003 PROCEDURE p() BEGIN SELECT 1; SELECT 2; END */;\nSELECT 3;";

        ScriptReadResult result = read(text);

        assertThat(result.statements()).hasSize(2);
        assertThat(result.statements().get(0).compound()).isTrue();
        assertThat(result.statements().get(1).sql()).isEqualTo("SELECT 3");
    }

    @Test
    void routineHeadersOfManyShapes() {
        String text = "CREATE PROCEDURE IF NOT EXISTS p1() BEGIN SELECT 1; END;\n"
                + "CREATE FUNCTION f1(a INT) RETURNS VARCHAR(10) CHARSET utf8mb4 NO SQL BEGIN RETURN 'x'; END;\n"
                + "CREATE FUNCTION f2() RETURNS INT COMMENT 'c' BEGIN RETURN 1; END;\n"
                + "CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW FOLLOWS t0 BEGIN SET NEW.a = 1; END;\n"
                + "CREATE PROCEDURE p2() BEGIN\n"
                + "  DECLARE CONTINUE HANDLER FOR SQLSTATE '23000' BEGIN SET @dup = 1; END;\n"
                + "  DECLARE CONTINUE HANDLER FOR 1062 BEGIN END;\n"
                + "  lbl: BEGIN LEAVE lbl; END lbl;\n"
                + "END;\n"
                + "SELECT 'done';";

        ScriptReadResult result = read(text);

        assertNoProblems(result);
        assertThat(result.statements()).hasSize(6);
        assertThat(result.statements()).extracting(ScriptStatement::compound)
                .containsExactly(true, true, true, true, true, false);
        assertSpan(result.statements().get(4), 5, 1, 9, 3);
        assertThat(result.statements().get(5).sql()).isEqualTo("SELECT 'done'");
    }
}
