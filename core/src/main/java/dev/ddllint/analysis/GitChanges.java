package dev.ddllint.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The files added or changed since a git ref, as a pull request shows them: everything that differs between the
 * merge base of the ref and {@code HEAD} and the working tree (committed, staged or not), plus untracked files that
 * are not ignored. Deleted files are left out. Runs the {@code git} command line.
 */
public final class GitChanges {

    /** git is missing, the folder is not in a work tree, or the ref is unknown; the message says what to do. */
    public static final class GitException extends Exception {
        GitException(String message) {
            super(message);
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static final long TIMEOUT_SECONDS = 120;

    private final String git;
    private final String option;

    /** @param option how the user asked for it ({@code ddl-lint.since}, {@code --since}), named in messages */
    public GitChanges(String option) {
        this("git", option);
    }

    /** @param git the git executable (tests use a missing one) */
    GitChanges(String git, String option) {
        this.git = git;
        this.option = option;
    }

    /**
     * @param folder a folder inside the work tree (the project's)
     * @param ref    a branch, tag or commit, e.g. {@code origin/main}
     * @return absolute, normalized paths of the added, copied, modified and renamed files and the untracked ones
     */
    public Set<Path> changedSince(Path folder, String ref) throws GitException {
        if (ref == null || ref.isBlank() || ref.startsWith("-")) {
            throw new GitException(option + ": '" + ref + "' is not a git ref (use a branch, tag or commit, "
                    + "e.g. origin/main)");
        }
        Result top = run(folder, "rev-parse", "--show-toplevel");
        if (top.exitCode() != 0) {
            throw new GitException(option + " needs a git work tree, and " + folder + " is not in one (git: "
                    + firstLine(top.err()) + ")");
        }
        Path root = Path.of(top.out().strip());
        Result verify = run(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        if (verify.exitCode() != 0) {
            throw new GitException(option + ": unknown git ref '" + ref + "'. Fetch it first: in GitHub Actions "
                    + "use actions/checkout with 'fetch-depth: 0' (or 'git fetch origin main'), in GitLab CI set "
                    + "GIT_DEPTH: 0");
        }
        String base = verify.out().strip();
        Result mergeBase = run(root, "merge-base", base, "HEAD");
        if (mergeBase.exitCode() == 0 && !mergeBase.out().isBlank()) {
            base = mergeBase.out().strip();
        }
        Result diff = run(root, "-c", "core.quotepath=off", "diff", "--name-only", "-z", "--diff-filter=ACMR", base);
        if (diff.exitCode() != 0) {
            throw new GitException(option + ": 'git diff " + ref + "' failed: " + firstLine(diff.err()));
        }
        Result untracked = run(root, "ls-files", "--others", "--exclude-standard", "-z");
        if (untracked.exitCode() != 0) {
            throw new GitException(option + ": 'git ls-files' failed: " + firstLine(untracked.err()));
        }
        Set<Path> changed = new LinkedHashSet<>();
        for (String out : List.of(diff.out(), untracked.out())) {
            for (String name : out.split("\0")) {
                if (!name.isBlank()) {
                    changed.add(root.resolve(name).toAbsolutePath().normalize());
                }
            }
        }
        return changed;
    }

    /**
     * The report restricted to the files in {@code changed} (and their findings). The whole set was analysed, so
     * every verdict knew the tables as the earlier migrations left them.
     *
     * @param base the folder the report's paths are relative to
     */
    public static AnalysisReport onlyChanged(AnalysisReport report, Path base, Set<Path> changed) {
        java.util.function.Predicate<String> isChanged = changedPaths(base, changed);
        Set<String> keep = new HashSet<>();
        for (FileReport f : report.files()) {
            if (isChanged.test(f.path())) {
                keep.add(f.path());
            }
        }
        return report.with(report.files().stream().filter(f -> keep.contains(f.path())).toList(),
                report.findings().stream().filter(f -> keep.contains(f.path())).toList());
    }

    /** Whether a report path (relative to {@code base}) is one of the changed files, one file at a time. */
    public static java.util.function.Predicate<String> changedPaths(Path base, Set<Path> changed) {
        Set<Path> changedReal = new HashSet<>();
        changed.forEach(p -> changedReal.add(real(p)));
        return path -> changedReal.contains(real(base.resolve(path).toAbsolutePath().normalize()));
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private Result run(Path dir, String... args) throws GitException {
        List<String> command = new ArrayList<>();
        command.add(git);
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new GitException(option + " needs git, and '" + git + "' could not be run (" + e.getMessage()
                    + "); install git, or leave " + option + " unset to check every migration");
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new GitException(option + ": git " + String.join(" ", args) + " did not finish within "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new GitException(option + ": cannot talk to git (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GitException(option + ": interrupted while running git");
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
