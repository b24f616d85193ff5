package dev.ddllint.cli;

import picocli.CommandLine;

/** {@code java -jar ddl-lint.jar check …}. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 tool failure. */
public final class Main {

    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_TOOL_FAILURE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line without exiting, writing to the given streams (tests use this). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new RootCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> EXIT_TOOL_FAILURE);
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("ddl-lint: " + e.getMessage());
            c.getErr().println("Try 'ddl-lint " + (c.getCommandName().equals("ddl-lint") ? "" : c.getCommandName()
                    + " ") + "--help'.");
            return EXIT_TOOL_FAILURE;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("ddl-lint: internal error: " + e);
            return EXIT_TOOL_FAILURE;
        });
        try {
            return cli.execute(args);
        } catch (VirtualMachineError e) {
            // picocli handles exceptions only: without this an OutOfMemoryError would exit 1, "unsafe migration".
            // The analysis is dropped as the error unwinds, so there is room again for the message.
            err.println("ddl-lint: " + (e instanceof OutOfMemoryError ? "the JVM ran out of memory" : "the JVM failed")
                    + " (" + e.getMessage() + ", maximum heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB); no report was written: give the JVM more (java -Xmx2g -jar ddl-lint.jar …) or lower "
                    + "maxFileSize / maxStatementSize in ddl-lint.yml");
            err.flush();
            return EXIT_TOOL_FAILURE;
        }
    }

    @CommandLine.Command(name = "ddl-lint", mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            subcommands = {CheckCommand.class, VerifyCommand.class, StatsCommand.class, CalibrateCommand.class, PtOscCommandLine.class},
            description = "Tells whether each ALTER TABLE of your MySQL migrations runs online, and stops it when it "
                    + "won't.")
    static final class RootCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: ddl-lint check PATH)");
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ddl-lint " + dev.ddllint.analysis.ToolVersion.get()};
        }
    }
}
