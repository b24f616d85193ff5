package dev.ddllint.analysis;

/**
 * One migration script to analyze.
 *
 * @param path       the path as reports show it (relative to where the user pointed, with forward slashes)
 * @param content    the file's bytes, undecoded: the script reader decides the encoding and reports bad bytes;
 *                   empty for a file that was not read
 * @param unreadSize the size in bytes of a file left unread because it is over {@code maxFileSize}, else -1
 */
public record SourceFile(String path, byte[] content, long unreadSize) {

    public SourceFile(String path, byte[] content) {
        this(path, content, -1);
    }

    /** A file over {@code maxFileSize}, not read: the analysis reports it ({@code input-too-large}). */
    public static SourceFile unread(String path, long size) {
        return new SourceFile(path, new byte[0], size);
    }

    /** Its size in bytes, read or not. */
    public long size() {
        return unreadSize >= 0 ? unreadSize : content.length;
    }
}
