package dev.ddllint.script;

import static dev.ddllint.script.ScriptTestSupport.assertSpan;
import static dev.ddllint.script.ScriptTestSupport.sqls;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScriptReaderEncodingTest {

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    @Test
    void latin1ByteIsReportedOnceAtItsPositionAndDecodedWithReplacement() {
        // A latin1 "é" (0xE9) in an otherwise UTF-8 file, twice.
        byte[] content = bytes("SELECT 1;\nALTER TABLE t COMMENT 'caf", 0xE9, "';\n",
                "ALTER TABLE u COMMENT 'd", 0xE9, "j", 0xE0, " vu';\nSELECT 3;");

        ScriptReadResult result = ScriptReader.read(content, ScriptOptions.defaults());

        assertThat(result.problems()).containsExactly(new ScriptProblem("invalid-encoding", 2, 27,
                "file is not valid UTF-8 (first bad byte 0xE9 at line 2, column 27); decoded with replacement"
                        + " characters"));
        assertThat(sqls(result)).containsExactly("SELECT 1", "ALTER TABLE t COMMENT 'caf\uFFFD'",
                "ALTER TABLE u COMMENT 'd\uFFFDj\uFFFD vu'", "SELECT 3");
        assertSpan(result.statements().get(1), 2, 1, 2, 28);
        assertSpan(result.statements().get(3), 4, 1, 4, 8);
    }

    @Test
    void utf16FilesAreReadAsUtf16AndReported() {
        String sql = "SELECT 1;\nALTER TABLE t MODIFY a BIGINT;\n";
        byte[] le = sql.getBytes(StandardCharsets.UTF_16LE);
        byte[] leWithBom = new byte[le.length + 2];
        leWithBom[0] = (byte) 0xFF;
        leWithBom[1] = (byte) 0xFE;
        System.arraycopy(le, 0, leWithBom, 2, le.length);
        byte[] beWithBom = sql.getBytes(StandardCharsets.UTF_16); // Java writes big-endian with a mark

        for (byte[] content : new byte[][] {leWithBom, beWithBom, le, sql.getBytes(StandardCharsets.UTF_16BE)}) {
            ScriptReadResult result = ScriptReader.read(content, ScriptOptions.defaults());
            assertThat(sqls(result)).containsExactly("SELECT 1", "ALTER TABLE t MODIFY a BIGINT");
            assertSpan(result.statements().get(1), 2, 1, 2, 29);
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("invalid-encoding");
                assertThat(p.message()).startsWith("file is UTF-16").contains("not UTF-8");
            });
        }
        assertThat(ScriptReader.read(leWithBom, ScriptOptions.defaults()).problems().get(0).message())
                .isEqualTo("file is UTF-16LE (it starts with a byte-order mark), not UTF-8; read as UTF-16LE");
        // Plain ASCII is not mistaken for UTF-16.
        assertThat(ScriptReader.read(bytes("SELECT 1;"), ScriptOptions.defaults()).problems()).isEmpty();
    }

    @Test
    void utf16WithoutAMarkIsFoundWhenItsFirstLineIsNotAscii() {
        String chinese = "-- 为订单表添加备注列，一二三\nALTER TABLE orders MODIFY note VARCHAR(200);\n";
        String accented = "-- Ajout d'une colonne « désignation » pour les négociants étrangers\n"
                + "ALTER TABLE orders MODIFY note VARCHAR(200);\n";
        for (String sql : new String[] {chinese, accented}) {
            for (java.nio.charset.Charset cs : new java.nio.charset.Charset[] {StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16BE}) {
                ScriptReadResult result = ScriptReader.read(sql.getBytes(cs), ScriptOptions.defaults());
                assertThat(sqls(result)).as("%s in %s", sql, cs).containsExactly(
                        "ALTER TABLE orders MODIFY note VARCHAR(200)");
                assertSpan(result.statements().get(0), 2, 1, 2, 43);
                assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message())
                        .isEqualTo("file is " + cs.name() + ", not UTF-8; read as " + cs.name()));
            }
        }
        // UTF-8 of the same text, and ASCII with a NUL byte or two, stay UTF-8.
        assertThat(ScriptReader.read(chinese.getBytes(StandardCharsets.UTF_8), ScriptOptions.defaults())
                .problems()).isEmpty();
        assertThat(sqls(ScriptReader.read(bytes("-- \u00e9t\u00e9\nALTER TABLE t ADD c INT", 0, ";\n", 0,
                "SELECT 1;\n"), ScriptOptions.defaults()))).hasSize(2);
    }

    @Test
    void columnOfBadByteCountsCodePointsBeforeIt() {
        byte[] content = bytes("-- \u00e9\uD83D\uDE00\r\n\tSELECT '\u00e9\uD83D\uDE00", 0xFF, "';");

        ScriptReadResult result = ScriptReader.read(content, ScriptOptions.defaults());

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(12);
            assertThat(p.message()).contains("0xFF at line 2, column 12");
        });
        assertSpan(result.statements().get(0), 2, 2, 2, 13);
    }

    @Test
    void byteOrderMarkThenBadByte() {
        byte[] content = bytes(0xEF, 0xBB, 0xBF, "SELECT ", 0xC3, "1;");

        ScriptReadResult result = ScriptReader.read(content, ScriptOptions.defaults());

        assertThat(result.problems()).extracting(ScriptProblem::line, ScriptProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 8));
        assertThat(result.problems().get(0).message()).contains("0xC3");
        assertThat(sqls(result)).containsExactly("SELECT \uFFFD1");
    }

    @Test
    void truncatedSequenceAtEndOfFile() {
        byte[] content = bytes("SELECT 1;", 0xE2, 0x82);

        ScriptReadResult result = ScriptReader.read(content, ScriptOptions.defaults());

        assertThat(result.problems()).extracting(ScriptProblem::code, ScriptProblem::line, ScriptProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("invalid-encoding", 1, 10));
        assertThat(result.statements()).hasSize(2);
        assertThat(result.statements().get(0).sql()).isEqualTo("SELECT 1");
    }

    @Test
    void encodedSurrogatesAndOverlongFormsAreInvalid() {
        assertThat(ScriptReader.read(bytes("SELECT '", 0xED, 0xA0, 0x80, "';"), ScriptOptions.defaults())
                .problems()).extracting(ScriptProblem::code).containsExactly("invalid-encoding");
        assertThat(ScriptReader.read(bytes("SELECT '", 0xC0, 0xAF, "';"), ScriptOptions.defaults())
                .problems()).extracting(ScriptProblem::code).containsExactly("invalid-encoding");
    }

    @Test
    void encodingProblemComesInPositionOrderWithOtherProblems() {
        byte[] content = bytes("SELECT '${a}';\nSELECT '", 0x80, "';\nSELECT 'open");

        ScriptReadResult result = ScriptReader.read(content, ScriptOptions.defaults());

        assertThat(result.problems()).extracting(ScriptProblem::code).containsExactly("unresolved-placeholder",
                "invalid-encoding", "unterminated-string");
    }

    @Test
    void genuineReplacementCharacterInValidUtf8IsNoProblem() {
        ScriptReadResult result = ScriptReader.read("SELECT '\uFFFD';".getBytes(StandardCharsets.UTF_8),
                ScriptOptions.defaults());

        assertThat(result.problems()).isEmpty();
        assertThat(sqls(result)).containsExactly("SELECT '\uFFFD'");
    }

    @Test
    void genuineReplacementCharacterBeforeABadByteDoesNotMoveTheReportedPosition() {
        byte[] content = bytes("SELECT '\uFFFD';\nSELECT '", 0xE9, "';");

        ScriptReadResult result = ScriptReader.read(content, ScriptOptions.defaults());

        assertThat(result.problems()).extracting(ScriptProblem::line, ScriptProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 9));
    }

    @Test
    void validMultiByteTextHasNoProblem() {
        ScriptReadResult result = ScriptReader.read(
                "ALTER TABLE `caf\u00e9` COMMENT '\u65e5\u672c\u8a9e \uD83D\uDE00';".getBytes(StandardCharsets.UTF_8),
                ScriptOptions.defaults());

        assertThat(result.problems()).isEmpty();
        assertSpan(result.statements().get(0), 1, 1, 1, 34);
    }
}
