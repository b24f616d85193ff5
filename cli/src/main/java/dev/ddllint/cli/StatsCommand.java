package dev.ddllint.cli;

import dev.ddllint.estimate.ConnectionHint;
import dev.ddllint.estimate.LiveStatistics;
import dev.ddllint.estimate.StatsSnapshot;
import dev.ddllint.estimate.TableStats;
import dev.ddllint.estimate.Units;
import dev.ddllint.live.JdbcConnections;
import dev.ddllint.model.TableName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ddl-lint stats}: the statistics snapshot for estimates in CI, from a read-only connection. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Write a statistics snapshot of the database's tables (rows, data and index length, write "
                + "rates, keys, foreign keys, triggers, innodb_online_alter_log_max_size) from a read-only connection, "
                + "so 'check' can estimate rebuild durations and row logs without access to production. Commit the "
                + "file and name it in ddl-lint.yml (estimate.statsFile). No user name or password is written.",
                "Write rates come from performance_schema.table_io_waits_summary_by_table: the counters are read "
                        + "twice, --sample-seconds apart (run it at a busy time), or divided by the uptime with "
                        + "--sample-seconds 0."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:snapshot written", "2:no connection, or the file could not be written"})
final class StatsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "The database to read, e.g. jdbc:mysql://db1:3306/shop?user=ddl_lint (read-only is enough). "
                    + "Default: DDL_LINT_JDBC_URL. Put the password in DDL_LINT_JDBC_PASSWORD, not in the URL.")
    String jdbcUrl;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = StatsSnapshot.DEFAULT_FILE_NAME,
            description = "Where to write the snapshot (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--sample-seconds", paramLabel = "SECONDS", defaultValue = "10",
            description = "Measure write rates over this window; 0: counters divided by the uptime "
                    + "(default: ${DEFAULT-VALUE}).")
    double sampleSeconds;

    @Option(names = "--table", paramLabel = "TABLE", split = ",",
            description = "Only these tables (TABLE or SCHEMA.TABLE; repeatable or comma-separated). Default: every "
                    + "table of the connection's schema.")
    List<String> tables;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        String url = JdbcConnections.url(jdbcUrl);
        if (url == null || url.isBlank()) {
            err.println("ddl-lint: stats needs --jdbc-url (or DDL_LINT_JDBC_URL)");
            return Main.EXIT_TOOL_FAILURE;
        }
        if (sampleSeconds < 0 || sampleSeconds > 600) {
            err.println("ddl-lint: --sample-seconds must be between 0 and 600");
            return Main.EXIT_TOOL_FAILURE;
        }
        List<TableName> wanted = new ArrayList<>();
        if (tables != null) {
            for (String t : tables) {
                String name = t.trim().replace("`", "");
                int dot = name.indexOf('.');
                wanted.add(dot > 0 ? TableName.of(name.substring(0, dot), name.substring(dot + 1))
                        : TableName.of(null, name));
            }
        }
        try (LiveDatabase db = LiveDatabase.connect(url)) {
            LiveStatistics live = new LiveStatistics(db.connection(), Duration.ofMillis(Math.round(sampleSeconds
                    * 1000)), ConnectionHint.fromJdbcUrl(url));
            if (sampleSeconds > 0) {
                err.printf(Locale.ROOT, "ddl-lint: sampling write rates for %.0f s%n", sampleSeconds);
            }
            StatsSnapshot snapshot = StatsSnapshot.take(live, wanted, Instant.now());
            snapshot.write(output);
            live.notes().forEach(n -> err.println("ddl-lint: note: " + n));
            int withRates = (int) snapshot.allTables().stream().filter(TableStats::hasRates).count();
            double total = snapshot.allTables().stream().mapToDouble(t -> (t.dataLength() == null ? 0
                    : t.dataLength()) + (t.indexLength() == null ? 0 : t.indexLength())).sum();
            out.println("ddl-lint: wrote " + output + ": " + snapshot.allTables().size() + " table"
                    + (snapshot.allTables().size() == 1 ? "" : "s") + ", " + Units.bytes(total) + " in all, write rates"
                    + " for " + withRates + snapshot.serverStats().map(s -> ", " + s.version()
                    + " with innodb_online_alter_log_max_size " + Units.bytes(s.onlineAlterLogMaxSize() == null ? 0
                    : s.onlineAlterLogMaxSize())).orElse("")
                    + ". Commit it and set estimate.statsFile in ddl-lint.yml.");
            out.flush();
            return 0;
        } catch (LiveDatabase.UnusableDatabaseException e) {
            err.println("ddl-lint: " + e.getMessage());
        } catch (IOException e) {
            err.println("ddl-lint: cannot write " + output + " (" + e.getMessage() + ")");
        } catch (Exception e) {
            err.println("ddl-lint: reading statistics failed: " + LiveDatabase.redact(String.valueOf(e.getMessage())));
        }
        return Main.EXIT_TOOL_FAILURE;
    }
}
