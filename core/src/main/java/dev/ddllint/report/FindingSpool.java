package dev.ddllint.report;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of a streaming JSON report, kept until every file is written (the format puts them after the
 * files): in memory up to {@link #IN_MEMORY_CHARS}, then in a temporary file, so a run with many findings holds
 * none of them. Each is kept as the text it has in the report (rendered once, when it is found), so writing them
 * at the end copies characters: nothing is parsed back.
 */
final class FindingSpool implements AutoCloseable {

    /** About 1 MiB of findings stay in memory: a usual run never touches the disk. */
    static final int IN_MEMORY_CHARS = 512 * 1024;

    /** Ends each finding in the file: JSON text has no raw control character (strings escape them). */
    private static final char END = '\0';

    private final int inMemoryChars;
    private final List<String> inMemory = new ArrayList<>();
    private long chars;
    private Path file;
    private BufferedWriter out;

    /** @param inMemoryChars how many characters of findings stay in memory before they go to a file */
    FindingSpool(int inMemoryChars) {
        this.inMemoryChars = inMemoryChars;
    }

    /** @param json one finding's JSON text, as the report's generator would write it in the findings array */
    void add(String json) {
        try {
            if (out == null && chars + json.length() <= inMemoryChars) {
                inMemory.add(json);
                chars += json.length();
                return;
            }
            if (out == null) {
                file = Files.createTempFile("ddl-lint-findings", ".json");
                file.toFile().deleteOnExit();
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            }
            out.write(json);
            out.write(END);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the findings for the JSON report", e);
        }
    }

    /** Writes each finding to {@code json} as a value of its current array, in the order added. */
    void replay(JsonGenerator json) throws IOException {
        for (String value : inMemory) {
            json.writeRawValue(value);
        }
        if (out == null) {
            return;
        }
        out.close();
        out = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder value = new StringBuilder();
            char[] block = new char[8192];
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (block[i] == END) {
                        value.append(block, from, i - from);
                        json.writeRawValue(value.toString());
                        value.setLength(0);
                        from = i + 1;
                    }
                }
                value.append(block, from, n - from);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A temporary file left behind is deleted on exit.
        }
    }
}
