package dev.ddllint.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Lets a rule report something once per file or once per analysis ("no statistics: estimates skipped"), or
 * remember what an earlier statement of the file did ("this table was rebuilt already"), while rules themselves stay
 * stateless. The analyzer keeps one per analysis and starts a new file scope per file.
 */
public final class ReportOnce {

    private final Set<String> run = new HashSet<>();
    private final Set<String> file = new HashSet<>();
    private final Map<String, String> remembered = new HashMap<>();
    private final Map<String, String> rememberedInRun = new HashMap<>();

    /** True the first time {@code key} is asked in the current file. */
    public boolean firstInFile(String key) {
        return file.add(key);
    }

    /** True the first time {@code key} is asked in the whole analysis. */
    public boolean firstInRun(String key) {
        return run.add(key);
    }

    /** Remembers {@code value} under {@code key} in the current file; returns what was remembered before, or null. */
    public String rememberInFile(String key, String value) {
        return remembered.putIfAbsent(key, value);
    }

    /** What was remembered under {@code key} in the current file, or null. */
    public String recallInFile(String key) {
        return remembered.get(key);
    }

    /** Remembers {@code value} under {@code key} for the rest of the analysis (later files too). */
    public void rememberInRun(String key, String value) {
        rememberedInRun.put(key, value);
    }

    /** What was remembered under {@code key} in this analysis, or null. */
    public String recallInRun(String key) {
        return rememberedInRun.get(key);
    }

    /** Starts the next file. */
    public void nextFile() {
        file.clear();
        remembered.clear();
    }
}
