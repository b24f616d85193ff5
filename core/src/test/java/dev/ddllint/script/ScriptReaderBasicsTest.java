package dev.ddllint.script;

import static dev.ddllint.script.ScriptTestSupport.assertNoProblems;
import static dev.ddllint.script.ScriptTestSupport.assertSpan;
import static dev.ddllint.script.ScriptTestSupport.read;
import static dev.ddllint.script.ScriptTestSupport.sqls;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptReaderBasicsTest {

    @Test
    void splitsOnSemicolonsWithExactPositions() {
        ScriptReadResult result = read("ALTER TABLE a ADD COLUMN x INT;\nALTER TABLE b DROP COLUMN y;\n");

        assertNoProblems(result);
        assertThat(result.statements()).hasSize(2);
        ScriptStatement first = result.statements().get(0);
        assertThat(first.sql()).isEqualTo("ALTER TABLE a ADD COLUMN x INT");
        assertThat(first.rawText()).isEqualTo("ALTER TABLE a ADD COLUMN x INT");
        assertThat(first.delimiter()).isEqualTo(";");
        assertThat(first.compound()).isFalse();
        assertSpan(first, 1, 1, 1, 30);
        ScriptStatement second = result.statements().get(1);
        assertThat(second.sql()).isEqualTo("ALTER TABLE b DROP COLUMN y");
        assertSpan(second, 2, 1, 2, 27);
    }

    @Test
    void startIsFirstNonBlankCharacterAfterCommentsAndEndIsBeforeTrailingComment() {
        String text = "-- add a column\n"
                + "  /* inline */ ALTER TABLE t ADD c INT -- trailing\n"
                + ";\n";

        ScriptReadResult result = read(text);

        assertNoProblems(result);
        assertThat(result.statements()).hasSize(1);
        ScriptStatement statement = result.statements().get(0);
        assertSpan(statement, 2, 16, 2, 38);
        assertThat(statement.rawText()).isEqualTo("ALTER TABLE t ADD c INT");
        assertThat(statement.sql()).isEqualTo("ALTER TABLE t ADD c INT");
    }

    @Test
    void statementSpanningLinesKeepsInnerCommentsInRawTextAndBlanksThemInSql() {
        String text = "\n\n   ALTER TABLE t /* a\nb */ ADD c INT, -- note\n  ADD d INT;";

        ScriptReadResult result = read(text);

        assertNoProblems(result);
        ScriptStatement statement = result.statements().get(0);
        assertSpan(statement, 3, 4, 5, 11);
        assertThat(statement.rawText()).isEqualTo("ALTER TABLE t /* a\nb */ ADD c INT, -- note\n  ADD d INT");
        assertThat(statement.sql()).isEqualTo("ALTER TABLE t     \n     ADD c INT,        \n  ADD d INT");
        // Without replacements, sql is aligned character for character with rawText.
        assertThat(statement.sql()).hasSameSizeAs(statement.rawText());
    }

    @Test
    void lastStatementWithoutDelimiterIsStillAStatement() {
        ScriptReadResult result = read("SELECT 1;\nSELECT 2\n\n");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2");
        assertSpan(result.statements().get(1), 2, 1, 2, 8);
        assertThat(result.statements().get(1).delimiter()).isEqualTo(";");
    }

    @Test
    void fileWithoutAnySemicolonIsOneStatement() {
        ScriptReadResult result = read("ALTER TABLE `users`\n  ADD COLUMN `age` INT NULL");

        assertNoProblems(result);
        assertThat(result.statements()).hasSize(1);
        assertSpan(result.statements().get(0), 1, 1, 2, 27);
    }

    @Test
    void emptyFileGivesNoStatementsAndNoProblems() {
        assertThat(ScriptReader.read(new byte[0], ScriptOptions.defaults()))
                .isEqualTo(new ScriptReadResult(List.of(), List.of()));
        assertThat(ScriptReader.read("", ScriptOptions.defaults()).statements()).isEmpty();
        assertThat(ScriptReader.read((byte[]) null, null).statements()).isEmpty();
        assertThat(ScriptReader.read((String) null, null).problems()).isEmpty();
    }

    @Test
    void blankAndCommentOnlyFilesGiveNoStatements() {
        assertThat(read("  \n\t\r\n  ").statements()).isEmpty();
        ScriptReadResult comments = read("-- only\n# comments\n/* here\n */\n;\n;;\n");
        assertThat(comments.statements()).isEmpty();
        assertNoProblems(comments);
    }

    @Test
    void emptyStatementsBetweenDelimitersAreSkipped() {
        ScriptReadResult result = read(";;SELECT 1;; ;\n;SELECT 2;");

        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2");
        assertSpan(result.statements().get(0), 1, 3, 1, 10);
        assertSpan(result.statements().get(1), 2, 2, 2, 9);
    }

    @Test
    void severalStatementsOnOneLine() {
        ScriptReadResult result = read("SELECT 1; SELECT 2;\tSELECT 3");

        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
        assertSpan(result.statements().get(0), 1, 1, 1, 8);
        assertSpan(result.statements().get(1), 1, 11, 1, 18);
        assertSpan(result.statements().get(2), 1, 21, 1, 28);
    }

    @Test
    void crlfCountsAsOneLineBreakAndIsKeptInText() {
        ScriptReadResult result = read("SELECT 1;\r\nSELECT\r\n  2;\r\n\r\nSELECT 3;\r\n");

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT\r\n  2", "SELECT 3");
        assertSpan(result.statements().get(1), 2, 1, 3, 3);
        assertSpan(result.statements().get(2), 5, 1, 5, 8);
    }

    @Test
    void loneCrCountsAsLineBreakAndLfCrAsTwo() {
        ScriptReadResult result = read("SELECT 1;\rSELECT\r2;\n\rSELECT 3;");

        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT\r2", "SELECT 3");
        assertSpan(result.statements().get(1), 2, 1, 3, 1);
        assertSpan(result.statements().get(2), 5, 1, 5, 8);
    }

    @Test
    void crlfInsideCommentsAndStringsCountsOnce() {
        ScriptReadResult result = read("/* a\r\nb */ SELECT 'x\r\ny' -- c\r\n;\r\nSELECT 2;");

        assertThat(sqls(result)).containsExactly("SELECT 'x\r\ny'", "SELECT 2");
        assertSpan(result.statements().get(0), 2, 6, 3, 2);
        assertSpan(result.statements().get(1), 5, 1, 5, 8);
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() {
        byte[] body = "SELECT 1;\nSELECT 2;".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);

        ScriptReadResult result = ScriptReader.read(bytes, ScriptOptions.defaults());

        assertNoProblems(result);
        assertThat(sqls(result)).containsExactly("SELECT 1", "SELECT 2");
        assertSpan(result.statements().get(0), 1, 1, 1, 8);
        assertThat(result.statements().get(0).rawText()).isEqualTo("SELECT 1");
        assertSpan(result.statements().get(1), 2, 1, 2, 8);
    }

    @Test
    void byteOrderMarkCharacterIsSkippedForStringInput() {
        ScriptReadResult result = ScriptReader.read("\uFEFFSELECT 1;", ScriptOptions.defaults());

        assertThat(sqls(result)).containsExactly("SELECT 1");
        assertSpan(result.statements().get(0), 1, 1, 1, 8);
    }

    @Test
    void columnsCountCodePointsNotUtf16Units() {
        // U+1F600 is two UTF-16 chars but one column; é is one column.
        ScriptReadResult result = read("SELECT '\uD83D\uDE00'; SELECT 'é'; SELECT 1 AS `\uD83D\uDE00`");

        assertNoProblems(result);
        assertSpan(result.statements().get(0), 1, 1, 1, 10);
        assertSpan(result.statements().get(1), 1, 13, 1, 22);
        // ends on the closing backtick after the emoji
        assertSpan(result.statements().get(2), 1, 25, 1, 39);
        assertThat(result.statements().get(2).rawText()).isEqualTo("SELECT 1 AS `\uD83D\uDE00`");
    }

    @Test
    void statementEndingInSupplementaryCharacterEndsOnItsColumn() {
        ScriptReadResult result = read("SELECT x\uD83D\uDE00;\nSELECT 2;");

        assertSpan(result.statements().get(0), 1, 1, 1, 9);
        assertThat(result.statements().get(0).rawText()).isEqualTo("SELECT x\uD83D\uDE00");
        assertSpan(result.statements().get(1), 2, 1, 2, 8);
    }

    @Test
    void tabsCountAsOneColumn() {
        ScriptReadResult result = read("\t\tALTER TABLE t\tADD c INT;");

        assertSpan(result.statements().get(0), 1, 3, 1, 25);
    }

    @Test
    void stringInputAndByteInputAgree() {
        String text = "/*!40101 SET NAMES utf8mb4 */;\n-- c\nALTER TABLE `t` ADD `é` INT; # x\nSELECT 'a;b'";

        ScriptReadResult fromBytes = read(text);
        ScriptReadResult fromString = ScriptReader.read(text, ScriptOptions.defaults());

        assertThat(fromString).isEqualTo(fromBytes);
        assertThat(fromBytes.statements()).hasSize(3);
    }

    @Test
    void resultListsAreImmutable() {
        ScriptReadResult result = read("SELECT 1;");

        assertThat(result.statements()).isUnmodifiable();
        assertThat(result.problems()).isUnmodifiable();
    }
}
