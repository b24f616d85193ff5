package dev.ddllint.parse;

import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;
import dev.ddllint.sql.TolerantStatementReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What our reader models with confidence never reaches JSqlParser (whose classes are then never loaded); what it
 * doubts goes through JSqlParser as before.
 */
class ReaderFirstDispatchTest {

    private static final StatementParser PARSER = new StatementParser(30_000);

    /** Statements of every kind the reader models alone; each in a form it vouches for. */
    static final List<String> READER_ONLY = List.of(
            "SET NAMES utf8mb4",
            "SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0",
            "CREATE TABLE orders (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, c INT NOT NULL, PRIMARY KEY (id),"
                    + " KEY ic (c)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
            "CREATE INDEX i ON orders (c) ALGORITHM=INPLACE LOCK=NONE",
            "DROP INDEX i ON orders",
            "RENAME TABLE orders TO orders_old",
            "DROP TABLE IF EXISTS orders_old");

    @Test
    void statementTheReaderModelsIsItsReadingWithoutANote() {
        for (String sql : READER_ONLY) {
            Statement s = PARSER.parse(sql);
            assertThat(s).as(sql).isEqualTo(TolerantStatementReader.read(sql));
            assertThat(s.parsed()).as(sql).isTrue();
            assertThat(s.parseNote()).as(sql).isNull();
        }
    }

    @Test
    void statementTheReaderDoubtsGoesThroughJSqlParser() {
        // CREATE TABLE … SELECT: the reader stops at SELECT, so JSqlParser is asked (and rejects it here).
        Statement s = PARSER.parse("CREATE TABLE t (id INT) SELECT id FROM s");
        assertThat(s.kind()).isEqualTo(StatementKind.CREATE_TABLE);
        assertThat(s.parsed()).isTrue();
        assertThat(s.parseNote()).startsWith("JSqlParser").endsWith("recovered by the clause reader");
        // ALTER TABLE always goes to JSqlParser: its tree decides what each clause is.
        Statement alter = PARSER.parse("ALTER TABLE t ADD COLUMN c INT, ALGORITHM=INSTANT");
        assertThat(alter.parseNote()).isNull();
        assertThat(alter.operations()).hasSize(1);
    }

    @Test
    void runOfReaderModelledStatementsNeverLoadsJSqlParser(@TempDir Path dir) throws Exception {
        assertThat(jsqlparserClassesLoaded(dir.resolve("reader.log"), READER_ONLY)).isZero();
        // The control: one ALTER among them loads it, so the check above can fail.
        List<String> withAlter = new ArrayList<>(READER_ONLY);
        withAlter.add("ALTER TABLE orders ADD COLUMN d INT");
        assertThat(jsqlparserClassesLoaded(dir.resolve("alter.log"), withAlter)).isPositive();
    }

    /** Parses the statements in a fresh JVM and counts the JSqlParser classes it loaded. */
    private static long jsqlparserClassesLoaded(Path log, List<String> statements)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                ParseStatements.class.getName()));
        command.addAll(statements);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
        assertThat(p.exitValue()).isZero();
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(" net.sf.jsqlparser.")).count();
        }
    }

    /** The child JVM: parses each argument as one statement. */
    public static final class ParseStatements {
        public static void main(String[] args) {
            StatementParser parser = new StatementParser(30_000);
            for (String sql : args) {
                Statement s = parser.parse(sql);
                if (!s.parsed()) {
                    System.exit(3);
                }
            }
        }
    }
}
