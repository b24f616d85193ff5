package dev.ddllint.rules;

import java.util.HashSet;
import java.util.Set;

/**
 * Lets a rule report something once per file or once per analysis ("no statistics: estimates skipped"), while
 * rules themselves stay stateless. The analyzer keeps one per analysis and starts a new file scope per file.
 */
public final class ReportOnce {

    private final Set<String> run = new HashSet<>();
    private final Set<String> file = new HashSet<>();

    /** True the first time {@code key} is asked in the current file. */
    public boolean firstInFile(String key) {
        return file.add(key);
    }

    /** True the first time {@code key} is asked in the whole analysis. */
    public boolean firstInRun(String key) {
        return run.add(key);
    }

    /** Starts the next file. */
    public void nextFile() {
        file.clear();
    }
}
