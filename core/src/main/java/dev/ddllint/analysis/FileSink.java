package dev.ddllint.analysis;

import dev.ddllint.rules.Finding;

import java.util.List;

/**
 * Receives the analysis one file at a time, in migration order, as soon as the file is replayed: a streaming
 * report writes it and lets it go, so a run holds the files being parsed and the schema, not every statement.
 */
@FunctionalInterface
public interface FileSink {

    /** One file: its statements and its findings (in report order). */
    void accept(FileReport file, List<Finding> findings);
}
