package dev.ddllint.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

class GitChangesTest {

    @TempDir
    Path repo;

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t.invalid",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
    }

    private static boolean gitAvailable() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private Path write(String name, String text) throws Exception {
        Path f = repo.resolve(name);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text);
    }

    @Test
    void listsAddedModifiedAndUntrackedFilesSinceTheMergeBase() throws Exception {
        assumeTrue(gitAvailable(), "git is not installed");
        git("init", "-q", "-b", "main");
        write("db/V1__a.sql", "a");
        write("db/V2__b.sql", "b");
        write("db/V3__gone.sql", "c");
        write(".gitignore", "ignored/\n");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        git("checkout", "-q", "-b", "feature");
        write("db/V2__b.sql", "b changed");
        write("db/V4 new.sql", "d");
        Files.delete(repo.resolve("db/V3__gone.sql"));
        git("add", "-A");
        git("commit", "-q", "-m", "feature work");
        // main moves on after the branch: its new file is not a change of this branch.
        git("checkout", "-q", "main");
        write("db/V9__on_main.sql", "g");
        git("add", "-A");
        git("commit", "-q", "-m", "main moves on");
        git("checkout", "-q", "feature");
        write("db/V5__untracked.sql", "e");
        write("ignored/V6__ignored.sql", "f");

        Set<Path> changed = new GitChanges("ddl-lint.since").changedSince(repo.resolve("db"), "main");
        Path root = repo.toRealPath();
        assertThat(changed).containsExactlyInAnyOrder(root.resolve("db/V2__b.sql"), root.resolve("db/V4 new.sql"),
                root.resolve("db/V5__untracked.sql"));
    }

    @Test
    void unknownRefOrNoRepositoryOrNoGitAreClearErrors() throws Exception {
        assumeTrue(gitAvailable(), "git is not installed");
        assertThatThrownBy(() -> new GitChanges("ddl-lint.since").changedSince(repo, "main"))
                .isInstanceOf(GitChanges.GitException.class).hasMessageContaining("needs a git work tree");
        git("init", "-q");
        write("V1.sql", "a");
        git("add", "-A");
        git("commit", "-q", "-m", "one");
        assertThatThrownBy(() -> new GitChanges("ddl-lint.since").changedSince(repo, "origin/nope"))
                .hasMessageContaining("unknown git ref 'origin/nope'").hasMessageContaining("fetch-depth: 0");
        assertThatThrownBy(() -> new GitChanges("ddl-lint.since").changedSince(repo, "--output=/tmp/x"))
                .hasMessageContaining("is not a git ref");
        assertThatThrownBy(() -> new GitChanges("/nonexistent/git-binary", "ddl-lint.since").changedSince(repo, "HEAD"))
                .hasMessageContaining("needs git").hasMessageContaining("leave ddl-lint.since unset");
        assertThat(new GitChanges("ddl-lint.since").changedSince(repo, "HEAD")).isEmpty();
    }
}
