package dev.ddllint.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the migration scripts under the given files and folders, in migration order; their bytes are read when the
 * analysis reaches each one ({@link SourceFile#onDisk}).
 */
public final class MigrationFiles {

    private MigrationFiles() {
    }

    /** A path the user named cannot be used; the message says which and why. */
    public static final class UnusablePathException extends Exception {
        public UnusablePathException(String message) {
            super(message);
        }
    }

    /**
     * @param paths   files (any name) and folders (searched recursively for {@code *.sql})
     * @param baseDir reports show paths relative to it when they are inside it
     */
    public static List<SourceFile> collect(List<Path> paths, Path baseDir) throws UnusablePathException {
        return collect(paths, baseDir, Long.MAX_VALUE);
    }

    /**
     * @param paths       files (any name) and folders (searched recursively for {@code *.sql})
     * @param baseDir     reports show paths relative to it when they are inside it
     * @param maxFileSize a larger file is not read ({@link SourceFile#unread}; the analysis reports it), so that
     *                    one huge file costs no memory
     */
    public static List<SourceFile> collect(List<Path> paths, Path baseDir, long maxFileSize)
            throws UnusablePathException {
        Map<Path, String> found = new LinkedHashMap<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UnusablePathException(p + (Files.isSymbolicLink(p) ? ": a symbolic link to " + target(p)
                        + ", which does not exist" : ": no such file or folder"));
            }
            if (Files.isDirectory(p)) {
                List<Path> sql;
                try (Stream<Path> walk = Files.walk(p)) {
                    sql = walk.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                            .filter(f -> !Files.isDirectory(f)).toList();
                } catch (IOException | UncheckedIOException e) {
                    throw new UnusablePathException(p + ": cannot list the folder (" + message(e) + ")");
                }
                for (Path f : sql) {
                    // A *.sql that is no regular file (FIFO, device, dangling link) is refused, not skipped:
                    // skipping would pass a migration unread, reading a FIFO would block for ever.
                    refuseUnreadable(f, display(f, baseDir));
                    found.putIfAbsent(f.toAbsolutePath().normalize(), display(f, baseDir));
                }
            } else {
                refuseUnreadable(p, p.toString());
                found.putIfAbsent(p.toAbsolutePath().normalize(), display(p, baseDir));
            }
        }
        List<Map.Entry<Path, String>> ordered = new ArrayList<>(found.entrySet());
        MigrationOrder.sort(ordered, Map.Entry::getValue);
        List<SourceFile> files = new ArrayList<>();
        for (Map.Entry<Path, String> e : ordered) {
            try {
                long size = Files.size(e.getKey());
                if (size <= maxFileSize && !Files.isReadable(e.getKey())) {
                    throw new IOException("permission denied");
                }
                // Read when the analysis reaches it: a run holds the files being parsed, not the whole folder.
                files.add(size > maxFileSize ? SourceFile.unread(e.getValue(), size)
                        : SourceFile.onDisk(e.getValue(), e.getKey(), size));
            } catch (NoSuchFileException ex) {
                throw new UnusablePathException(e.getValue() + ": no such file");
            } catch (IOException | OutOfMemoryError ex) {
                throw new UnusablePathException(e.getValue() + ": cannot read the file (" + message(ex) + ")");
            }
        }
        return files;
    }

    private static void refuseUnreadable(Path file, String shown) throws UnusablePathException {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (!Files.exists(file)) {
            throw new UnusablePathException(shown + ": a symbolic link to " + target(file) + ", which does not exist");
        }
        throw new UnusablePathException(shown + ": not a regular file (a FIFO, device or socket); ddl-lint reads only "
                + "regular files, so it does not open it");
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a missing target";
        }
    }

    private static String message(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String display(Path file, Path baseDir) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        // Only a Windows separator becomes '/': on Linux a backslash is part of the file's name.
        String separator = abs.getFileSystem().getSeparator();
        return separator.equals("/") ? shown.toString() : shown.toString().replace(separator, "/");
    }
}
