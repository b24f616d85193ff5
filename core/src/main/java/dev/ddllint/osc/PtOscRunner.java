package dev.ddllint.osc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs pt-online-schema-change: the password in an option file only its owner can read (deleted after), the
 * arguments without a shell, every output line passed on (with the password blanked should it ever appear). An
 * interrupted run gets SIGTERM (killed 60 s later); after an interrupted or failed run its triggers and new table
 * are dropped ({@link PtOscCleanup}: pt-osc leaves them when stopped), so the original table is left as it was.
 */
public final class PtOscRunner {

    /** Lines of output kept for the failure message. */
    private static final int TAIL = 15;

    private static final java.util.regex.Pattern CREATED = java.util.regex.Pattern.compile(
            "Created new table (\\S+) OK");

    private PtOscRunner() {
    }

    /** Where to clean up after a failed run: a connection allowed to drop triggers and tables there. */
    public record Cleanup(java.sql.Connection connection, String database, String table) {
    }

    /**
     * How it ended.
     *
     * @param exitCode    pt-osc's exit code (0: the table was swapped), -1 when interrupted
     * @param tail        its last lines of output
     * @param interrupted the calling thread was interrupted and pt-osc was stopped
     * @param cleanedUp   what was dropped after a failed or interrupted run (pt-osc's triggers, its new table)
     */
    public record Result(int exitCode, List<String> tail, boolean interrupted, List<String> cleanedUp) {

        public boolean succeeded() {
            return exitCode == 0 && !interrupted;
        }
    }

    /** The executable to run: {@code DDL_LINT_PT_OSC} when set, else the name on PATH. */
    public static String executable() {
        String configured = System.getenv("DDL_LINT_PT_OSC");
        return configured != null && !configured.isBlank() ? configured : PtOscCommand.TOOL;
    }

    /** The installed version ("3.2.1"), or null when it cannot be run. */
    public static String version(String executable) {
        try {
            Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)").matcher(out);
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Runs the command that {@code command} builds for the option file's path.
     *
     * @param password the password, or null for none (the file then has none either)
     * @param output   each line of pt-osc's output, as it comes
     * @param cleanup  a connection that may drop pt-osc's triggers and new table after a failed run, with the
     *                 table's schema and name; null: nothing is cleaned up (the leftovers are named in the tail)
     */
    public static Result run(Function<Path, PtOscCommand> command, String password, Consumer<String> output,
                             Cleanup cleanup) throws IOException {
        Path dir = Files.createTempDirectory("ddl-lint-pt-osc", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path file = dir.resolve("client.cnf");
        try {
            Files.writeString(file, "[client]\n" + (password == null ? "" : "password=" + optionValue(password)
                    + "\n"), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            PtOscCommand c = command.apply(file);
            Process p = new ProcessBuilder(c.argv()).redirectErrorStream(true).start();
            p.getOutputStream().close(); // nothing to read: a prompt fails instead of hanging
            Deque<String> tail = new ArrayDeque<>();
            String[] newTable = {null};
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        String shown = password == null || password.isEmpty() ? line : line.replace(password, "***");
                        synchronized (tail) {
                            tail.addLast(shown);
                            if (tail.size() > TAIL) {
                                tail.removeFirst();
                            }
                        }
                        java.util.regex.Matcher created = CREATED.matcher(line);
                        if (created.find()) {
                            newTable[0] = created.group(1);
                        }
                        output.accept(shown);
                    }
                } catch (IOException e) {
                    // the process ended; its exit code says how
                }
            }, "ddl-lint-pt-osc-output");
            reader.setDaemon(true);
            reader.start();
            boolean interrupted = false;
            int code;
            try {
                code = p.waitFor();
            } catch (InterruptedException e) {
                interrupted = true;
                p.destroy(); // SIGTERM: pt-osc cleans up its triggers and new table
                try {
                    if (!p.waitFor(60, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException again) {
                    p.destroyForcibly();
                }
                code = -1;
            }
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            List<String> cleaned = List.of();
            if ((code != 0 || interrupted) && cleanup != null) {
                try {
                    cleaned = PtOscCleanup.undo(cleanup.connection(), cleanup.database(), cleanup.table(),
                            newTable[0]);
                } catch (java.sql.SQLException e) {
                    cleaned = List.of("cleanup failed: " + e.getMessage() + " (drop pt-osc's triggers pt_osc_* on "
                            + cleanup.database() + "." + cleanup.table() + " and its new table by hand)");
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt(); // after the cleanup, which must not be cut short
            }
            synchronized (tail) {
                return new Result(code, new ArrayList<>(tail), interrupted, cleaned);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** An option file value: quoted, with the escapes MySQL's option-file reader knows. */
    static String optionValue(String password) {
        return "\"" + password.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
