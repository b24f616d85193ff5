package dev.ddllint.analysis;

/**
 * One migration script to analyze.
 *
 * @param path    the path as reports show it (relative to where the user pointed, with forward slashes)
 * @param content the file's bytes, undecoded: the script reader decides the encoding and reports bad bytes
 */
public record SourceFile(String path, byte[] content) {
}
