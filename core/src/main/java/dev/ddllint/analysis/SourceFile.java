package dev.ddllint.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One migration script to analyze: its bytes in memory (a front end that has them), or a file on disk read only
 * when the analysis reaches it ({@link #onDisk}), so that a run holds the bytes of the few files being parsed, not
 * those of every file of the folder.
 */
public final class SourceFile {

    private final String path;
    private final byte[] content;
    private final Path file;
    private final long size;
    private final boolean unread;

    private SourceFile(String path, byte[] content, Path file, long size, boolean unread) {
        this.path = Objects.requireNonNull(path);
        this.content = content;
        this.file = file;
        this.size = size;
        this.unread = unread;
    }

    /**
     * @param path    the path as reports show it (relative to where the user pointed, with forward slashes)
     * @param content the file's bytes, undecoded: the script reader decides the encoding and reports bad bytes
     */
    public SourceFile(String path, byte[] content) {
        this(path, content, null, content.length, false);
    }

    /** A file over {@code maxFileSize}, not read: the analysis reports it ({@code input-too-large}). */
    public static SourceFile unread(String path, long size) {
        return new SourceFile(path, new byte[0], null, size, true);
    }

    /** A regular file of {@code size} bytes, read when {@link #content()} is first asked for, and not kept. */
    public static SourceFile onDisk(String path, Path file, long size) {
        return new SourceFile(path, null, file, size, false);
    }

    /** The path as reports show it. */
    public String path() {
        return path;
    }

    /**
     * The file's bytes, undecoded; empty for a file that was not read. A file on disk is read on each call.
     *
     * @throws UnreadableFileException when the file on disk cannot be read any more
     */
    public byte[] content() {
        if (content != null) {
            return content;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new UnreadableFileException(path + ": cannot read the file (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
    }

    /** The size in bytes of a file left unread because it is over {@code maxFileSize}, else -1. */
    public long unreadSize() {
        return unread ? size : -1;
    }

    /** Its size in bytes, read or not. */
    public long size() {
        return size;
    }

    @Override
    public String toString() {
        return "SourceFile[" + path + ", " + size + " bytes" + (unread ? ", unread" : "") + "]";
    }

    /** A file that could be listed but not read when the analysis reached it: the run cannot be trusted. */
    public static final class UnreadableFileException extends RuntimeException {
        public UnreadableFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
