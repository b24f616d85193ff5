package dev.ddllint.script;

import static dev.ddllint.script.ScriptTestSupport.assertNoProblems;
import static dev.ddllint.script.ScriptTestSupport.assertSpan;
import static dev.ddllint.script.ScriptTestSupport.read;
import static dev.ddllint.script.ScriptTestSupport.sqls;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptReaderQuotingTest {

    @Test
    void delimitersInsideQuotesDoNotSplit() {
        String first = "INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`)";
        ScriptReadResult result = read(first + ";\nSELECT 1;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly(first, "SELECT 1");
        assertSpan(result.statements().get(0), 1, 1, 1, 42);
    }

    @Test
    void doubledQuotesAreEscapes() {
        String first = "INSERT INTO t VALUES ('it''s; ok', \"say \"\"hi;\"\" now\", `odd``;name`)";
        ScriptReadResult result = read(first + "; SELECT 2;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly(first, "SELECT 2");
    }

    @Test
    void backslashEscapesInStrings() {
        // text: 'esc\'; still' and "bs \"; z" and 'ends with backslash\\'
        String first = "INSERT INTO t VALUES ('esc\\'; still', \"bs \\\"; z\", 'ends with backslash\\\\')";
        ScriptReadResult result = read(first + ";\nSELECT 2;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly(first, "SELECT 2");
        assertSpan(result.statements().get(1), 2, 1, 2, 8);
    }

    @Test
    void backslashIsAnOrdinaryCharacterInQuotedIdentifiers() {
        // As in MySQL: `a\` is the identifier a\ and the backtick after the backslash closes it.
        ScriptReadResult result = read("SELECT `a\\` FROM t; SELECT 2;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT `a\\` FROM t", "SELECT 2");
    }

    @Test
    void commentMarkersInsideQuotesAreText() {
        String first = "SELECT '-- not a comment', '# nor this', \"/* nor */ this\", `#col`, '/*!50100 x */'";
        ScriptReadResult result = read(first + ";");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly(first);
    }

    @Test
    void quotesInsideCommentsDoNotOpenStrings() {
        ScriptReadResult result = read("SELECT 1 -- it's\n;SELECT 2; # don't\nSELECT 3 /* \"a */;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void multiLineStringKeepsPositions() {
        ScriptReadResult result = read("UPDATE t SET v = 'line one;\nline two;\n  line three'\n WHERE id = 1;\nSELECT 2;");

        assertNoProblems(result);
        assertThat(result.statements()).hasSize(2);
        assertSpan(result.statements().get(0), 1, 1, 4, 13);
        assertSpan(result.statements().get(1), 5, 1, 5, 8);
    }

    @Test
    void unterminatedStringRunsToEndOfFileAndIsReportedWhereItOpened() {
        String text = "ALTER TABLE t ADD c INT;\n"
                + "ALTER TABLE t COMMENT 'it's broken';\n"
                + "ALTER TABLE u ADD d INT;\n";

        ScriptReadResult result = read(text);

        assertThat(result.problems()).containsExactly(new ScriptProblem("unterminated-string", 2, 35,
                "unterminated string starting at line 2, column 35: the rest of the file (2 lines) was read as part"
                        + " of it"));
        assertThat(result.statements()).hasSize(2);
        ScriptStatement last = result.statements().get(1);
        assertSpan(last, 2, 1, 3, 24);
        assertThat(last.rawText()).isEqualTo("ALTER TABLE t COMMENT 'it's broken';\nALTER TABLE u ADD d INT;");
        assertThat(last.sql()).isEqualTo(last.rawText());
    }

    @Test
    void unterminatedDoubleQuoteAndBacktickAreReportedToo() {
        ScriptReadResult dq = read("SELECT 1;\nSELECT \"open");
        assertThat(dq.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ScriptProblem.UNTERMINATED_STRING);
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(8);
            assertThat(p.message()).contains("(1 line)");
        });
        assertThat(sqls(dq)).containsExactly("SELECT 1", "SELECT \"open");

        ScriptReadResult bt = read("ALTER TABLE `t\nADD c INT;\n\n");
        assertThat(bt.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ScriptProblem.UNTERMINATED_STRING);
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(13);
            assertThat(p.message()).startsWith("unterminated quoted identifier starting at line 1, column 13")
                    .contains("(3 lines)");
        });
        assertSpan(bt.statements().get(0), 1, 1, 2, 10);
    }

    @Test
    void backslashAtEndOfFileInsideStringDoesNotThrow() {
        ScriptReadResult result = read("SELECT 'abc\\");

        assertThat(result.problems()).extracting(ScriptProblem::code).containsExactly("unterminated-string");
        assertThat(sqls(result)).containsExactly("SELECT 'abc\\");
    }

    @Test
    void stringPrefixesAndHexLiterals() {
        ScriptReadResult result = read("SELECT _utf8mb4'a;b', N'c;d', X'3B', B'0101', 0x3B;");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT _utf8mb4'a;b', N'c;d', X'3B', B'0101', 0x3B");
    }
}
