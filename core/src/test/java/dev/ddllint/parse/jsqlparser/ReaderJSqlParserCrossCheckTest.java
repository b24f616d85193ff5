package dev.ddllint.parse.jsqlparser;

import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;
import dev.ddllint.parse.ParseBudget;
import dev.ddllint.script.ScriptOptions;
import dev.ddllint.script.ScriptReader;
import dev.ddllint.script.ScriptStatement;
import dev.ddllint.sql.ReaderConfidence;
import dev.ddllint.sql.SqlLexer;
import dev.ddllint.sql.Token;
import dev.ddllint.sql.TolerantStatementReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * JSqlParser as the cross-check of our reader over the shared corpus (skipped when absent): on every statement
 * both accept, they must read the same kind, table, columns, keys and clauses.
 *
 * <ul>
 *   <li>CREATE TABLE, CREATE INDEX, DROP TABLE/INDEX, RENAME TABLE, SET that {@link ReaderConfidence} vouches for
 *   (they never reach JSqlParser in a run): the reader's model against JSqlParser's own tree
 *   ({@link JSqlParserShape}).</li>
 *   <li>ALTER TABLE (still read through JSqlParser in a run): the reader alone, where it understood every clause,
 *   against the model the adapter builds from JSqlParser's tree.</li>
 * </ul>
 */
class ReaderJSqlParserCrossCheckTest {

    /** The corpus projects' own table-name tokens (as the corpus tests configure them), so JSqlParser can read them. */
    private static final ScriptOptions OPTIONS = new ScriptOptions(Map.of(),
            Map.of("{$NAMESPACE}", "phabricator", "%TABLE_PREFIX%", "ost_", "#__", "jos_"), true);

    @Test
    void readerAndJSqlParserAgreeOnEveryCorpusStatementBothAccept() throws IOException {
        Path corpus = corpusDirectory();
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        JSqlParserAdapter adapter = new JSqlParserAdapter(30_000);
        Map<StatementKind, int[]> counts = new EnumMap<>(StatementKind.class);
        List<String> disagreements = new ArrayList<>();
        for (Path file : files) {
            for (ScriptStatement st : ScriptReader.read(Files.readAllBytes(file), OPTIONS).statements()) {
                if (st.compound()) {
                    continue;
                }
                String sql = st.sql();
                List<Token> tokens = SqlLexer.tokenize(sql);
                StatementKind kind = TolerantStatementReader.kindOf(tokens);
                boolean alter = kind == StatementKind.ALTER_TABLE && !tokens.get(1).is("ONLINE");
                if (!ReaderConfidence.KINDS.contains(kind) && !alter
                        || ParseBudget.DEFAULT.exceededBy(tokens) != null) {
                    continue;
                }
                // [0] read by the reader alone, [1] also accepted by JSqlParser, so compared
                int[] c = counts.computeIfAbsent(kind, k -> new int[2]);
                Statement reader = TolerantStatementReader.read(sql, tokens);
                StatementShape ours;
                StatementShape theirs;
                if (alter) {
                    if (reader.operations().stream().anyMatch(o -> o.kind() == ClauseKind.UNKNOWN)) {
                        continue;
                    }
                    c[0]++;
                    JSqlParserAdapter.Outcome outcome = adapter.parse(sql);
                    if (!outcome.ok() || outcome.statement().kind() != kind) {
                        continue;
                    }
                    theirs = StatementShape.of(outcome.statement());
                } else {
                    if (ReaderConfidence.doubt(kind, tokens) != null) {
                        continue;
                    }
                    c[0]++;
                    theirs = JSqlParserShape.of(sql);
                    if (theirs == null) {
                        continue;
                    }
                }
                c[1]++;
                ours = StatementShape.of(reader);
                if (!ours.agrees(theirs)) {
                    disagreements.add(corpus.relativize(file) + ":" + st.line() + ": " + shorten(sql)
                            + "\n    reader:     " + ours + "\n    JSqlParser: " + theirs);
                }
            }
        }
        counts.forEach((k, c) -> System.out.printf("cross-check %s: %d read by the reader alone, %d of them also"
                + " by JSqlParser and compared%n", k, c[0], c[1]));
        System.out.printf("cross-check: %d disagreements%n", disagreements.size());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "reader-jsqlparser-disagreements.txt"), disagreements);
        assertThat(counts.values().stream().mapToInt(c -> c[1]).sum()).isGreaterThan(1_000);
        assertThat(disagreements).as("statements our reader and JSqlParser read differently").isEmpty();
    }

    private static String shorten(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 300) + " …" : s;
    }

    private static Path corpusDirectory() {
        String configured = System.getProperty("ddllint.corpus");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p.resolve("..").resolve("shared").resolve("corpus").normalize();
            }
        }
        return dir.resolve("..").resolve("shared").resolve("corpus").normalize();
    }
}
