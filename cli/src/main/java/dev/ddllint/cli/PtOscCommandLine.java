package dev.ddllint.cli;

import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.estimate.ConnectionHint;
import dev.ddllint.live.JdbcConnections;
import dev.ddllint.osc.OscOptions;
import dev.ddllint.osc.OscPreconditions;
import dev.ddllint.osc.PtOscCommand;
import dev.ddllint.osc.PtOscRunner;
import dev.ddllint.osc.ShadowToolCommands;
import dev.ddllint.run.LintRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ddl-lint pt-osc FILE --jdbc-url URL}: the pt-online-schema-change command for the file's statements marked
 * {@code -- ddl-lint:run-with pt-online-schema-change} (every ALTER TABLE / CREATE / DROP INDEX when none is
 * marked), after its preconditions on the live table; printed, or run with {@code --execute}. The password is read
 * from {@code DDL_LINT_JDBC_PASSWORD} and handed to pt-osc in a private option file, never printed.
 */
@Command(name = "pt-osc", mixinStandardHelpOptions = true,
        description = {"Print (default) or run (--execute) the pt-online-schema-change command for the migration's "
                + "statements marked '-- ddl-lint:run-with pt-online-schema-change' (all its ALTER TABLE, CREATE "
                + "INDEX and DROP INDEX when none is marked), after checking the tool's preconditions on the live "
                + "table (PRIMARY or UNIQUE key, foreign keys and their method, triggers, replicas). gh-ost's and "
                + "Spirit's commands are printed beside it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:commands printed, or every run succeeded", "1:a precondition stops the tool",
                "2:no connection, an unreadable file, or pt-online-schema-change failed (the table is left as it "
                        + "was)"})
final class PtOscCommandLine implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The migration file.")
    Path file;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "The database, e.g. jdbc:mysql://db1:3306/shop?user=deploy. Default: DDL_LINT_JDBC_URL. "
                    + "Put the password in DDL_LINT_JDBC_PASSWORD, not in the URL.")
    String jdbcUrl;

    @Option(names = "--execute", description = "Run pt-online-schema-change (default: print the commands only).")
    boolean execute;

    @Option(names = "--options", paramLabel = "OPTIONS",
            description = "pt-osc options for statements without a run-with comment, e.g. "
                    + "\"--chunk-time=0.5 --alter-foreign-keys-method=rebuild_constraints\".")
    String options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String url = JdbcConnections.url(jdbcUrl);
        if (url == null || url.isBlank()) {
            err.println("ddl-lint: pt-osc needs --jdbc-url (or DDL_LINT_JDBC_URL): the preconditions are read from "
                    + "the live table");
            return Main.EXIT_TOOL_FAILURE;
        }
        OscOptions given;
        try {
            given = OscOptions.parse(options);
        } catch (OscOptions.BadOption e) {
            err.println("ddl-lint: --options: " + e.getMessage());
            return Main.EXIT_TOOL_FAILURE;
        }
        List<StatementReport> statements;
        try {
            if (!Files.isRegularFile(file)) {
                err.println("ddl-lint: " + file + " is not a regular file");
                return Main.EXIT_TOOL_FAILURE;
            }
            LintRun run = LintRun.builder().configFolders(List.of(Path.of(""))).load();
            long size = Files.size(file);
            SourceFile source = size > run.configuration().limits().maxFileSize()
                    ? SourceFile.unread(file.toString(), size)
                    : new SourceFile(file.toString(), Files.readAllBytes(file));
            FileReport report = run.check(List.of(source)).report().files().get(0);
            List<StatementReport> marked = report.statements().stream().filter(s -> s.runWith() != null).toList();
            statements = !marked.isEmpty() ? marked : report.statements().stream()
                    .filter(s -> s.statement().parsed() && s.statement().table() != null
                            && OscPreconditions.RUNNABLE.contains(s.statement().kind())).toList();
        } catch (Exception e) {
            err.println("ddl-lint: cannot read " + file + ": " + LiveDatabase.redact(String.valueOf(e.getMessage())));
            return Main.EXIT_TOOL_FAILURE;
        }
        if (statements.isEmpty()) {
            err.println("ddl-lint: " + file + " has no ALTER TABLE, CREATE INDEX or DROP INDEX for "
                    + "pt-online-schema-change");
            return Main.EXIT_TOOL_FAILURE;
        }
        ConnectionHint hint = ConnectionHint.fromJdbcUrl(url);
        String executable = PtOscRunner.executable();
        String version = PtOscRunner.version(executable);
        if (execute && version == null) {
            err.println("ddl-lint: " + executable + " cannot be run (install percona-toolkit, or set DDL_LINT_PT_OSC)");
            return Main.EXIT_TOOL_FAILURE;
        }
        int exit = 0;
        try (LiveDatabase db = LiveDatabase.connect(url)) {
            String schema = db.defaultDatabase();
            List<Object[]> runnable = new ArrayList<>();
            for (StatementReport s : statements) {
                OscOptions o = s.runWith() != null ? s.runWith().options() : given;
                OscPreconditions.Check check = OscPreconditions.check(db.connection(), schema, s.statement(),
                        db.target(), o, version);
                out.println(file + ":" + s.source().line() + ": " + check.database() + "." + check.table());
                if (!check.runnable()) {
                    check.blockers().forEach(b -> out.println("  blocked: " + b));
                    exit = Main.EXIT_FINDINGS;
                    continue;
                }
                check.notes().forEach(n -> out.println("  note: " + n));
                out.println("  " + PtOscCommand.of(PtOscCommand.TOOL, s.statement(), check, hint, o, null, true)
                        .display());
                out.println("  generated only, not tested here: " + ShadowToolCommands.ghost(s.statement(), check,
                        hint));
                out.println("  generated only, not tested here: " + ShadowToolCommands.spirit(s.statement(), check,
                        hint));
                runnable.add(new Object[]{s, check, o});
            }
            out.flush();
            if (!execute || exit != 0) {
                if (execute) {
                    err.println("ddl-lint: nothing run: a precondition stops pt-online-schema-change");
                }
                return exit;
            }
            String password = System.getenv(JdbcConnections.PASSWORD_VARIABLE);
            try (Connection write = JdbcConnections.open(url, false)) {
                for (Object[] r : runnable) {
                    StatementReport s = (StatementReport) r[0];
                    OscPreconditions.Check check = (OscPreconditions.Check) r[1];
                    OscOptions o = (OscOptions) r[2];
                    PtOscRunner.Result result = PtOscRunner.run(f -> PtOscCommand.of(executable, s.statement(), check,
                            hint, o, f, true), password, line -> {
                                out.println("pt-online-schema-change: " + line);
                                out.flush();
                            }, new PtOscRunner.Cleanup(write, check.database(), check.table()));
                    if (!result.succeeded()) {
                        err.println("ddl-lint: " + file + ":" + s.source().line() + ": pt-online-schema-change did "
                                + "not alter " + check.database() + "." + check.table() + " (exit code "
                                + result.exitCode() + "); the table is unchanged" + (result.cleanedUp().isEmpty() ? ""
                                : "; dropped what it left: " + String.join(", ", result.cleanedUp())));
                        return Main.EXIT_TOOL_FAILURE;
                    }
                }
            }
            return 0;
        } catch (LiveDatabase.UnusableDatabaseException e) {
            err.println("ddl-lint: " + e.getMessage());
        } catch (Exception e) {
            err.println("ddl-lint: pt-osc failed: " + LiveDatabase.redact(String.valueOf(e.getMessage())));
        }
        return Main.EXIT_TOOL_FAILURE;
    }
}
