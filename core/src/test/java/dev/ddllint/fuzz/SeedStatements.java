package dev.ddllint.fuzz;

import dev.ddllint.golden.GoldenFiles;
import dev.ddllint.golden.RepoRoot;
import dev.ddllint.script.ScriptOptions;
import dev.ddllint.script.ScriptReader;
import dev.ddllint.script.ScriptStatement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The material the fuzzer mutates: every statement of the golden cases ({@code core/src/test/resources/golden}) and,
 * when it is there, of the shared corpus of real migrations ({@code ../shared/corpus} from the repository root, or
 * {@code -Dddllint.corpus=…}), each as its source text with the delimiter it was written with; and the whole files,
 * for mutations of a script rather than of one statement.
 */
record SeedStatements(List<Seed> statements, List<String> files, boolean withCorpus) {

    /** One statement as written, and the delimiter in force for it ({@code ;} or e.g. {@code $$}). */
    record Seed(String text, String delimiter) {
        /** The statement as a script of its own: a DELIMITER around it when it needs one. */
        String asScript() {
            if (delimiter.equals(";")) {
                return text + ";\n";
            }
            return "DELIMITER " + delimiter + "\n" + text + delimiter + "\nDELIMITER ;\n";
        }
    }

    static SeedStatements load() {
        List<Seed> statements = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Path golden = GoldenFiles.root();
        readAll(golden, statements, files);
        String prop = System.getProperty("ddllint.corpus");
        Path corpus = prop != null ? Path.of(prop) : RepoRoot.find().resolve("../shared/corpus").normalize();
        boolean withCorpus = Files.isDirectory(corpus);
        if (withCorpus) {
            readAll(corpus, statements, files);
        }
        if (statements.isEmpty()) {
            throw new IllegalStateException("no seed statements under " + golden);
        }
        return new SeedStatements(List.copyOf(statements), List.copyOf(files), withCorpus);
    }

    private static void readAll(Path root, List<Seed> statements, List<String> files) {
        List<Path> sql;
        try (Stream<Path> s = Files.walk(root)) {
            sql = s.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : sql) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var read = ScriptReader.read(bytes, ScriptOptions.defaults());
            files.add(read.text());
            for (ScriptStatement st : read.statements()) {
                if (!st.rawText().isBlank()) {
                    statements.add(new Seed(st.rawText(), st.delimiter()));
                }
            }
        }
    }
}
