package dev.ddllint.script;

import static dev.ddllint.script.ScriptTestSupport.assertNoProblems;
import static dev.ddllint.script.ScriptTestSupport.assertSpan;
import static dev.ddllint.script.ScriptTestSupport.read;
import static dev.ddllint.script.ScriptTestSupport.sqls;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptReaderCommentTest {

    @Test
    void doubleDashNeedsBlankOrControlCharacterOrEnd() {
        // "--x" is "minus minus x" in MySQL, not a comment.
        ScriptReadResult result = read("SELECT 5 --x\n;SELECT 1--\n;SELECT 2 --\tc;\n;SELECT 3 --");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT 5 --x", "SELECT 1", "SELECT 2", "SELECT 3");
        assertSpan(result.statements().get(0), 1, 1, 1, 12);
    }

    @Test
    void hashCommentRunsToEndOfLine() {
        ScriptReadResult result = read("# header; not a statement\nSELECT 1 # c; still comment\n;\n#last");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT 1");
        assertSpan(result.statements().get(0), 2, 1, 2, 8);
    }

    @Test
    void blockCommentsMayHoldDelimitersAndSpanLines() {
        ScriptReadResult result = read("SELECT /* a; b\n c; */ 1;\n/* x; */ SELECT 2 /**/;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT " + " ".repeat(7) + "\n" + " ".repeat(6) + " 1", "SELECT 2");
        assertSpan(result.statements().get(0), 1, 1, 2, 8);
        assertSpan(result.statements().get(1), 3, 10, 3, 17);
    }

    @Test
    void optimizerHintsAreOrdinaryComments() {
        ScriptReadResult result = read("SELECT /*+ MAX_EXECUTION_TIME(1000) */ * FROM t;");

        assertThat(sqls(result)).containsExactly("SELECT " + " ".repeat(31) + " * FROM t");
    }

    @Test
    void statementMadeOnlyOfCommentsIsSkipped() {
        ScriptReadResult result = read("/* nothing */;\n-- x\n;  # y\n;SELECT 1;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT 1");
        assertSpan(result.statements().get(0), 4, 2, 4, 9);
    }

    @Test
    void versionedCommentContentIsSql() {
        ScriptReadResult result = read("/*!40101 SET NAMES utf8 */;\n");

        assertNoProblems(result);
        ScriptStatement statement = result.statements().get(0);
        assertThat(statement.sql()).isEqualTo("SET NAMES utf8");
        assertThat(statement.rawText()).isEqualTo("/*!40101 SET NAMES utf8 */");
        assertSpan(statement, 1, 1, 1, 26);
    }

    @Test
    void mysqldumpHeaderLines() {
        String text = "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
                + "/*!50503 SET NAMES utf8mb4 */;\n"
                + "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n"
                + "/*!40103 SET TIME_ZONE='+00:00' */ ;\n";

        ScriptReadResult result = read(text);

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly(
                "SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT",
                "SET NAMES utf8mb4",
                "SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0",
                "SET TIME_ZONE='+00:00'");
        assertSpan(result.statements().get(3), 4, 1, 4, 34);
    }

    @Test
    void versionedCommentInsideStatementKeepsItsContentInPlace() {
        String text = "CREATE TABLE `t` (\n"
                + "  `id` int NOT NULL\n"
                + ") ENGINE=InnoDB /*!50100 PARTITION BY HASH (id)\n"
                + "PARTITIONS 4 */;\n";

        ScriptReadResult result = read(text);

        ScriptStatement statement = result.statements().get(0);
        assertSpan(statement, 1, 1, 4, 15);
        assertThat(statement.sql()).isEqualTo("CREATE TABLE `t` (\n"
                + "  `id` int NOT NULL\n"
                + ") ENGINE=InnoDB          PARTITION BY HASH (id)\n"
                + "PARTITIONS 4");
        assertThat(statement.rawText()).endsWith("PARTITIONS 4 */");
    }

    @Test
    void versionedCommentWithoutVersionAndMariaDbForm() {
        ScriptReadResult result = read("/*! SET a=1 */;\n/*M!100100 SET b=2 */;\n/*!50100SET c=3*/;\n"
                + "SELECT /*!STRAIGHT_JOIN*/ x FROM t;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SET a=1", "SET b=2", "SET c=3",
                "SELECT    STRAIGHT_JOIN   x FROM t");
    }

    @Test
    void delimiterInsideVersionedCommentIsStatementContent() {
        ScriptReadResult result = read("/*!50100 ALTER TABLE t ADD c INT; ALTER TABLE u ADD d INT */;\nSELECT 1;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("ALTER TABLE t ADD c INT; ALTER TABLE u ADD d INT", "SELECT 1");
    }

    @Test
    void commentsInsideVersionedCommentAreComments() {
        ScriptReadResult result = read("/*!50100 SET a = 1 -- one\n , b = 2 */;");

        assertThat(sqls(result)).containsExactly("SET a = 1       \n , b = 2");
    }

    /**
     * Checked with the mysql client ({@code --comments}) on MySQL 9.7.4, MariaDB 10.11.19 and 11.8.9: a versioned
     * comment inside a versioned comment loses its marker and the first {@code *}{@code /} ends both, so
     * {@code SELECT 1 /*!40101 , 2 /*!50100 , 3 *}{@code / , 4} returns 1, 2, 3, 4 and a second closing
     * {@code *}{@code /} is SQL, a syntax error near {@code '/'} on all three.
     */
    @Test
    void aNestedVersionedCommentEndsWithTheFirstClose() {
        assertThat(sqls(read("SELECT 1 /*!40101 , 2 /*!50100 , 3 */ , 4;\n"))).singleElement()
                .satisfies(sql -> assertThat(sql.replaceAll("\\s+", " ")).isEqualTo("SELECT 1 , 2 , 3 , 4"));
        assertThat(sqls(read("SELECT 1 /*!40101 , 2 /*!50100 , 3 */ , 4 */;\n"))).singleElement()
                .satisfies(sql -> assertThat(sql.replaceAll("\\s+", " ")).isEqualTo("SELECT 1 , 2 , 3 , 4 */"));
        assertThat(sqls(read("SELECT 1 /*!40101 , 2 /*! , 3 */ */;\n"))).singleElement()
                .satisfies(sql -> assertThat(sql.replaceAll("\\s+", " ")).isEqualTo("SELECT 1 , 2 , 3 */"));
        // An ordinary comment inside one is a comment, and the versioned comment goes on after it (1, 2, 3).
        assertThat(sqls(read("SELECT 1 /*!40101 , 2 /* c */ , 3 */;\n"))).singleElement()
                .satisfies(sql -> assertThat(sql.replaceAll("\\s+", " ")).isEqualTo("SELECT 1 , 2 , 3"));
        // A delimiter after the first close ends the statement: the mysql and mariadb clients (9.7, 10.11) send
        // the ALTER, then "SELECT 2 */", which both servers refuse (syntax error near '/').
        ScriptReadResult r = read("/*!40101 ALTER TABLE t ADD c INT /*!50100 , ALGORITHM=INSTANT */; SELECT 2 */;\n");
        assertThat(sqls(r)).hasSize(2);
        assertThat(sqls(r).get(0).replaceAll("\\s+", " ")).isEqualTo("ALTER TABLE t ADD c INT , ALGORITHM=INSTANT");
        assertThat(sqls(r).get(1)).isEqualTo("SELECT 2 */");
    }

    @Test
    void emptyVersionedCommentIsNotAStatement() {
        ScriptReadResult result = read("/*!*/;\n/*!40000 */;\nSELECT 1;");

        assertThat(sqls(result)).containsExactly("SELECT 1");
    }

    @Test
    void unterminatedBlockCommentIsReportedWhereItOpenedAndKeptInRawText() {
        String text = "SELECT 1;\nSELECT 2 /* never closed;\nSELECT 3;\n";

        ScriptReadResult result = read(text);

        assertThat(result.problems()).containsExactly(new ScriptProblem("unterminated-comment", 2, 10,
                "unterminated comment starting at line 2, column 10: the rest of the file (2 lines) was read as part"
                        + " of it"));
        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2");
        ScriptStatement last = result.statements().get(1);
        assertThat(last.rawText()).isEqualTo("SELECT 2 /* never closed;\nSELECT 3;");
        assertSpan(last, 2, 1, 3, 9);
    }

    @Test
    void unterminatedCommentAloneAfterLastStatementGivesOnlyTheProblem() {
        ScriptReadResult result = read("SELECT 1;\n/* oops");

        assertThat(sqls(result)).containsExactly("SELECT 1");
        assertThat(result.problems()).extracting(ScriptProblem::code, ScriptProblem::line, ScriptProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unterminated-comment", 2, 1));
    }

    @Test
    void unterminatedVersionedCommentIsReported() {
        ScriptReadResult result = read("SELECT 0;\n  /*!40101 SET a=1;\nSELECT 2;");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("unterminated-comment");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.message()).startsWith("unterminated versioned comment starting at line 2, column 3");
        });
        assertThat(sqls(result)).containsExactly("SELECT 0", "SET a=1;\nSELECT 2;");
    }
}
