package dev.ddllint.fuzz;

import dev.ddllint.analysis.MigrationFiles;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.report.ReportFormat;
import dev.ddllint.report.ReportOptions;
import dev.ddllint.run.LintFailure;
import dev.ddllint.run.LintResult;
import dev.ddllint.run.LintRun;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ddl-lint check PATH --format json --output FILE} does, for a child JVM when the CLI's jar is not built
 * (core's tests run before the cli module is packaged): the same calls into core, the same exit codes; a throwable
 * that escapes exits 3 so that the fuzzer tells a crash from a handled failure (2).
 */
public final class FuzzCliMain {

    private FuzzCliMain() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = check(Path.of(args[0]), Path.of(args[1]));
        } catch (Throwable e) {
            System.err.println("ddl-lint (fuzz stand-in): crash: " + CaseCheck.stack(e));
            code = 3;
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    private static int check(Path folder, Path output) throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        LintRun run;
        List<SourceFile> files;
        LintResult result;
        try {
            run = LintRun.builder().configFolders(List.of(cwd)).reportBase(cwd).load();
            files = MigrationFiles.collect(List.of(folder), cwd, run.configuration().limits().maxFileSize());
            result = run.check(files);
        } catch (LintFailure | MigrationFiles.UnusablePathException e) {
            System.err.println("ddl-lint: " + e.getMessage());
            return LintResult.EXIT_TOOL_FAILURE;
        }
        Files.writeString(output, ReportFormat.JSON.render(result.report(), ReportOptions.DEFAULT),
                StandardCharsets.UTF_8);
        return result.exitCode();
    }
}
