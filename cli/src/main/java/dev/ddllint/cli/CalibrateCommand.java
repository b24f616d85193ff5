package dev.ddllint.cli;

import dev.ddllint.estimate.Calibration;
import dev.ddllint.estimate.Units;
import dev.ddllint.live.JdbcConnections;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ddl-lint calibrate}: measures θ on a server with a scratch table it creates and drops. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Measure the rebuild and index-build throughput (θ) of a server: create a scratch table in a "
                + "scratch schema, fill it, time ALTER TABLE ... FORCE and ADD INDEX (ALGORITHM=INPLACE, LOCK=NONE), "
                + "and drop it again. Prints the estimate: lines for ddl-lint.yml.",
                "Touches nothing else: without --schema it creates ddl_lint_calibrate_<random> and drops it; with "
                        + "--schema it only creates and drops its own ddl_lint_calibration_<random> table there. "
                        + "Needs CREATE, INSERT, ALTER, INDEX and DROP on that schema. Run it on a replica or staging "
                        + "server of the production class, not on a busy primary."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "2:no connection, no privilege, or the server refused a statement"})
final class CalibrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "The server to measure. Default: DDL_LINT_JDBC_URL. Put the password in "
                    + "DDL_LINT_JDBC_PASSWORD, not in the URL.")
    String jdbcUrl;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "500000",
            description = "Rows of the scratch table, about 150 bytes each with its indexes (default: "
                    + "${DEFAULT-VALUE}, ~70 MB). Bigger than the buffer pool gives the disk-bound figure of large "
                    + "tables.")
    long rows;

    @Option(names = "--schema", paramLabel = "SCHEMA",
            description = "An existing scratch schema to work in (default: a new one, dropped afterwards).")
    String schema;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        String url = JdbcConnections.url(jdbcUrl);
        if (url == null || url.isBlank()) {
            err.println("ddl-lint: calibrate needs --jdbc-url (or DDL_LINT_JDBC_URL)");
            return Main.EXIT_TOOL_FAILURE;
        }
        if (rows < 1000 || rows > 100_000_000) {
            err.println("ddl-lint: --rows must be between 1000 and 100000000");
            return Main.EXIT_TOOL_FAILURE;
        }
        try (Connection c = JdbcConnections.open(url, false)) {
            Calibration.Result r = Calibration.run(c, schema, rows, m -> {
                err.println("ddl-lint: " + m);
                err.flush();
            });
            out.printf(Locale.ROOT, "# measured on %s: rebuild %s (%s in %.2f s), index build %s (%s in %.2f s)%n",
                    LiveDatabase.redact(url).replaceAll("\\?.*$", ""), Units.rate(r.rebuildThroughput()),
                    Units.bytes(r.dataLength() + r.indexLength()), r.rebuildSeconds(), Units.rate(r.indexThroughput()),
                    Units.bytes(r.dataLength()), r.indexSeconds());
            out.print(r.yaml());
            out.flush();
            return 0;
        } catch (SQLException e) {
            err.println("ddl-lint: calibrate: " + LiveDatabase.redact(String.valueOf(e.getMessage())));
        } catch (IllegalArgumentException e) {
            err.println("ddl-lint: " + e.getMessage());
        }
        return Main.EXIT_TOOL_FAILURE;
    }
}
