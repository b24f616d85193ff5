package dev.ddllint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
 * files): in memory up to {@link #IN_MEMORY_CHARS}, then one compact JSON line each in a temporary file, so a run
 * with many findings holds none of them.
 */
final class FindingSpool implements AutoCloseable {

    /** About 1 MiB of findings stay in memory: a usual run never touches the disk. */
    static final int IN_MEMORY_CHARS = 512 * 1024;

    private static final ObjectMapper COMPACT = new ObjectMapper();

    private final int inMemoryChars;
    private final List<String> inMemory = new ArrayList<>();
    private long chars;
    private Path file;
    private BufferedWriter out;

    /** @param inMemoryChars how many characters of findings stay in memory before they go to a file */
    FindingSpool(int inMemoryChars) {
        this.inMemoryChars = inMemoryChars;
    }

    void add(JsonNode finding) {
        try {
            String line = COMPACT.writeValueAsString(finding);
            if (out == null && chars + line.length() <= inMemoryChars) {
                inMemory.add(line);
                chars += line.length();
                return;
            }
            if (out == null) {
                file = Files.createTempFile("ddl-lint-findings", ".jsonl");
                file.toFile().deleteOnExit();
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            }
            // One line each: JSON escapes line breaks inside strings.
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the findings for the JSON report", e);
        }
    }

    /**
     * Writes each finding to {@code json}, in the order added: its tokens copied from the kept text as they are
     * read, with no tree built in between (what {@code writeTree(readTree(line))} wrote).
     */
    void replay(JsonGenerator json) throws IOException {
        for (String line : inMemory) {
            copy(line, json);
        }
        if (out == null) {
            return;
        }
        out.close();
        out = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                copy(line, json);
            }
        }
    }

    private static void copy(String line, JsonGenerator json) throws IOException {
        try (JsonParser in = COMPACT.getFactory().createParser(line)) {
            in.nextToken();
            json.copyCurrentStructure(in);
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
