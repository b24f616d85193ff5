package dev.ddllint.bench;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.config.Configuration;
import dev.ddllint.model.Statement;
import dev.ddllint.parse.StatementParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The per-statement cost, warm: a few typical statements parsed alone ({@link #parse}), and analysed the way the
 * CLI does it, in a file after the {@code CREATE TABLE} they need ({@link #analyze}, minus {@code none}: the
 * file with the {@code CREATE TABLE} only). See docs/benchmarks.md for how to run it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StatementAnalysisBenchmark {

    static final String TABLE = "CREATE TABLE orders (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n"
            + "  customer_id BIGINT NOT NULL,\n  amount_cents INT NOT NULL,\n  note VARCHAR(200),\n"
            + "  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  KEY idx_customer (customer_id)\n"
            + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n";

    static final Map<String, String> STATEMENTS = Map.of(
            "none", "",
            "addColumn", "ALTER TABLE orders ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'new';",
            "typeChange", "ALTER TABLE orders MODIFY COLUMN amount_cents BIGINT NOT NULL;",
            "addIndex", "ALTER TABLE orders ADD INDEX idx_created (created_at), ALGORITHM=INPLACE, LOCK=NONE;",
            "createTable", "CREATE TABLE order_items (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL, "
                    + "sku VARCHAR(40) NOT NULL, KEY (order_id));",
            "update", "UPDATE orders SET note = 'x' WHERE id = 1;");

    @Param({"none", "addColumn", "typeChange", "addIndex", "createTable", "update"})
    public String statement;

    private List<SourceFile> file;
    private String sql;
    private StatementParser parser;
    private Analyzer analyzer;

    @Setup
    public void setUp() {
        sql = STATEMENTS.get(statement);
        file = List.of(new SourceFile("V1__bench.sql", (TABLE + sql + "\n").getBytes(StandardCharsets.UTF_8)));
        parser = new StatementParser(30_000);
        analyzer = new Analyzer(Configuration.DEFAULT);
    }

    /** The statement alone through core's parser (JSqlParser or the tolerant reader, as the dispatch says). */
    @Benchmark
    public Statement parse() {
        return parser.parse(sql.isEmpty() ? TABLE : sql);
    }

    /** The file read, parsed, replayed, classified and checked by every rule, as the CLI does. */
    @Benchmark
    public AnalysisReport analyze() {
        return analyzer.analyze(file);
    }
}
