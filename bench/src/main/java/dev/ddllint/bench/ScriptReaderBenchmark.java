package dev.ddllint.bench;

import dev.ddllint.script.ScriptOptions;
import dev.ddllint.script.ScriptReadResult;
import dev.ddllint.script.ScriptReader;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The script reader (decoding, splitting, positions, comments, DELIMITER, routine bodies) over a typical
 * migration file and over one with a stored procedure, per file. See docs/benchmarks.md for how to run it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScriptReaderBenchmark {

    private static final String TYPICAL = "-- orders: status and an index\n"
            + StatementAnalysisBenchmark.TABLE
            + "ALTER TABLE orders ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'new', ALGORITHM=INSTANT;\n"
            + "/* backfill */\nUPDATE orders SET status = 'done' WHERE created_at < '2020-01-01';\n"
            + "CREATE INDEX idx_status ON orders (status);\n"
            + "INSERT INTO orders (customer_id, amount_cents, note) VALUES (1, 100, 'it''s; a \\\"note\\\"');\n";

    private static final String ROUTINE = "DELIMITER //\n"
            + "CREATE PROCEDURE add_status()\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM information_schema.columns "
            + "WHERE table_name = 'orders' AND column_name = 'status') THEN\n"
            + "    SET @s = 'ALTER TABLE orders ADD COLUMN status VARCHAR(20)';\n"
            + "    PREPARE st FROM @s; EXECUTE st; DEALLOCATE PREPARE st;\n  END IF;\nEND //\nDELIMITER ;\n"
            + "CALL add_status();\nDROP PROCEDURE add_status;\n";

    private static final Map<String, String> FILES = Map.of("typical", TYPICAL, "routine", ROUTINE);

    @Param({"typical", "routine"})
    public String file;

    private byte[] content;

    @Setup
    public void setUp() {
        content = FILES.get(file).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public ScriptReadResult read() {
        return ScriptReader.read(content, ScriptOptions.defaults());
    }
}
