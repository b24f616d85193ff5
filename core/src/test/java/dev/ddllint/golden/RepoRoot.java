package dev.ddllint.golden;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: system property {@code ddllint.repoRoot} (set by surefire), else the folder holding .git. */
public final class RepoRoot {
    private RepoRoot() {
    }

    public static Path find() {
        String prop = System.getProperty("ddllint.repoRoot");
        if (prop != null && Files.isDirectory(Path.of(prop, "docs"))) {
            return Path.of(prop);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve(".git")) && !Files.exists(p.resolve("docs/rules"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
