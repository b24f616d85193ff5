package dev.ddllint.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Never throws, stays consistent, stays linear. */
class ScriptReaderRobustnessTest {

    private static final ScriptOptions TOKENS = new ScriptOptions(Map.of("a", "1", "flyway:user", "me"),
            Map.of("{$NAMESPACE}", "app", "%TABLE_PREFIX%", "ost_", "#__", "jos_", "$$x", "y"), true);

    private static final String[] FRAGMENTS = {
        "'", "\"", "`", "''", "\\", "\\'", ";", ";;", "$$", "//", "--", "-- ", "#", "/*", "*/", "/*!", "/*!50100 ",
        "/*M!100100", "\n", "\r", "\r\n", "\t", " ", "  ", "DELIMITER ", "DELIMITER", "delimiter $$\n",
        "DELIMITER ;\n", "DELIMITER //\n", "CREATE ", "PROCEDURE ", "TRIGGER ", "FUNCTION ", "EVENT ", "DEFINER=",
        "BEGIN ", "END ", "END IF", "IF ", "IF(", "(", ")", ",", "CASE ", "LOOP ", "WHILE ", "REPEAT ", "THEN ",
        "ELSE ", "NOT ATOMIC ", "x", "abc", "ALTER TABLE t ADD c INT", "${", "${a}", "${b}", "}", "{$NAMESPACE}",
        "%TABLE_PREFIX%", "#__", "\uFEFF", "\uD83D\uDE00", "\uD83D", "\uDE00", "é", "\u0000", ":", ":=", "@", ".",
    };

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(20240611L);
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = new byte[random.nextInt(round < 100 ? 8 : 2000)];
            random.nextBytes(bytes);
            ScriptOptions options = round % 2 == 0 ? ScriptOptions.defaults() : TOKENS;
            ScriptReadResult result = ScriptReader.read(bytes, options);
            assertConsistent(decode(bytes), result);
        }
    }

    @Test
    void randomSqlLikeFragmentsNeverThrowAndPositionsMatchTheText() {
        Random random = new Random(42L);
        for (int round = 0; round < 5000; round++) {
            StringBuilder sb = new StringBuilder();
            int parts = random.nextInt(60);
            for (int k = 0; k < parts; k++) {
                sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            String text = sb.toString();
            ScriptOptions options = round % 3 == 0 ? ScriptOptions.defaults() : TOKENS;
            ScriptReadResult fromString = ScriptReader.read(text, options);
            assertConsistent(text.startsWith("\uFEFF") ? text.substring(1) : text, fromString);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertConsistent(decode(bytes), ScriptReader.read(bytes, options));
        }
    }

    @Test
    void fiftyMegabytesTakeSecondsNotMinutes() {
        String block = "-- migration block\n"
                + "/*!40101 SET NAMES utf8mb4 */;\n"
                + "ALTER TABLE `orders` ADD COLUMN `note` VARCHAR(255) NULL COMMENT 'a; b', ALGORITHM=INSTANT;\n"
                + "INSERT INTO t (a, b) VALUES ('it''s', \"x\\\"y\"), ('#not comment', '-- nor this'); # trailing\n"
                + "/* multi\n   line ; comment */ UPDATE t SET a = a + 1 WHERE b IN (1, 2, 3);\r\n"
                + "CREATE PROCEDURE p() BEGIN IF (a) THEN SELECT 1; END IF; CASE WHEN b THEN SELECT 2; END CASE; END;\n"
                + "DELIMITER $$\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END$$\n"
                + "DELIMITER ;\n"
                + "ALTER TABLE `%TABLE_PREFIX%ticket` ADD INDEX idx_é (`col`) /* é 😀 */;\n";
        int blockStatements = 7;
        int repeats = (50 * 1024 * 1024) / block.getBytes(StandardCharsets.UTF_8).length + 1;
        byte[] content = block.repeat(repeats).getBytes(StandardCharsets.UTF_8);

        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        ScriptReadResult result = ScriptReader.read(content,
                ScriptOptions.withTokenReplacements(Map.of("%TABLE_PREFIX%", "ost_")));
        Duration cpu = Duration.ofNanos(cpuNanos() - cpuStart);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf("ScriptReader: %.1f MB, %d statements in %d ms (%d ms CPU)%n", content.length / 1048576.0,
                result.statements().size(), elapsed.toMillis(), cpu.toMillis());
        assertThat(result.problems()).isEmpty();
        assertThat(result.statements()).hasSize(repeats * blockStatements);
        ScriptStatement last = result.statements().get(result.statements().size() - 1);
        assertThat(last.sql()).isEqualTo("ALTER TABLE `ost_ticket` ADD INDEX idx_é (`col`)");
        assertThat(last.line()).isEqualTo(repeats * 11);
        // CPU time of this thread, so that a busy build machine does not make the test flaky; a quadratic
        // algorithm would need hours here.
        assertThat(cpu).isLessThan(Duration.ofSeconds(15));
        assertThat(elapsed).isLessThan(Duration.ofSeconds(90));
    }

    @Test
    void pathologicalInputsStayLinear() {
        int size = 4 * 1024 * 1024;
        List<String> inputs = List.of(
                "CREATE PROCEDURE p() BEGIN " + "IF(".repeat(size / 3),
                "CREATE PROCEDURE p() " + "BEGIN ".repeat(size / 6) + "END;".repeat(size / 4),
                "${".repeat(size / 2),
                "${" + "a".repeat(size),
                "${a".repeat(size / 3),
                "SELECT 1;".repeat(size / 9),
                ";".repeat(size),
                "'" + "x".repeat(size),
                "/*" + " ".repeat(size),
                "/*!" + "a;".repeat(size / 2),
                "DELIMITER $$\n" + "$".repeat(size),
                "DELIMITER\n".repeat(size / 10),
                "--x".repeat(size / 3),
                "\r\n".repeat(size / 2),
                "\uD83D\uDE00".repeat(size / 2),
                "\\".repeat(size),
                "'\\".repeat(size / 2) + "'");
        for (String input : inputs) {
            long start = cpuNanos();
            assertThatCode(() -> ScriptReader.read(input, TOKENS)).doesNotThrowAnyException();
            Duration elapsed = Duration.ofNanos(cpuNanos() - start);
            assertThat(elapsed).as("input starting %s", input.substring(0, Math.min(30, input.length())))
                    .isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void manyTokensWithTheSameFirstCharacter() {
        Map<String, String> tokens = new java.util.HashMap<>();
        for (int k = 0; k < 200; k++) {
            tokens.put("%T" + k + "%", "t" + k + "_");
        }
        String text = "SELECT * FROM `%T7%a`, %T199%b, '%T0%', `%Tx%`;\n".repeat(20000);

        long start = cpuNanos();
        ScriptReadResult result = ScriptReader.read(text, ScriptOptions.withTokenReplacements(tokens));

        assertThat(result.statements()).hasSize(20000);
        assertThat(result.statements().get(0).sql()).isEqualTo("SELECT * FROM `t7_a`, t199_b, 't0_', `%Tx%`");
        assertThat(Duration.ofNanos(cpuNanos() - start)).isLessThan(Duration.ofSeconds(10));
    }

    private static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static String decode(byte[] bytes) {
        // A UTF-16 byte-order mark (and not UTF-32LE's FF FE 00 00) makes the reader take the file as UTF-16.
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                && !(bytes.length >= 4 && bytes[2] == 0 && bytes[3] == 0))
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return new String(bytes, 2, bytes.length - 2,
                    bytes[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        }
        int offset = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF ? 3 : 0;
        return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
    }

    /** Every statement's positions point at its raw text in the decoded file. */
    static void assertConsistent(String text, ScriptReadResult result) {
        int previousEnd = -1;
        for (ScriptStatement statement : result.statements()) {
            assertThat(statement.sql()).isNotEmpty().isEqualTo(statement.sql().trim());
            assertThat(statement.rawText()).isNotEmpty();
            assertThat(statement.delimiter()).isNotEmpty();
            int start = indexOf(text, statement.line(), statement.column());
            int last = indexOf(text, statement.endLine(), statement.endColumn());
            assertThat(start).as("start of %s", statement).isGreaterThan(previousEnd);
            assertThat(text.startsWith(statement.rawText(), start)).as("raw text at start of %s", statement).isTrue();
            assertThat(last + Character.charCount(text.codePointAt(last)))
                    .as("end of %s", statement).isEqualTo(start + statement.rawText().length());
            previousEnd = last;
        }
        for (ScriptProblem problem : result.problems()) {
            assertThat(problem.code()).isIn(ScriptProblem.INVALID_ENCODING, ScriptProblem.UNTERMINATED_STRING,
                    ScriptProblem.UNTERMINATED_COMMENT, ScriptProblem.UNRESOLVED_PLACEHOLDER,
                    ScriptProblem.STRAY_DELIMITER);
            assertThat(problem.line()).isPositive();
            assertThat(problem.column()).isPositive();
            assertThat(problem.message()).isNotBlank();
        }
        assertThat(result.problems().stream().filter(p -> p.code().equals(ScriptProblem.INVALID_ENCODING)))
                .hasSizeLessThanOrEqualTo(1);
    }

    /** The char index of a 1-based line and code-point column, counting CRLF, CR and LF as one break. */
    private static int indexOf(String text, int line, int column) {
        int currentLine = 1;
        int i = 0;
        while (currentLine < line) {
            char c = text.charAt(i++);
            if (c == '\r') {
                if (i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                currentLine++;
            } else if (c == '\n') {
                currentLine++;
            }
        }
        return text.offsetByCodePoints(i, column - 1);
    }
}
