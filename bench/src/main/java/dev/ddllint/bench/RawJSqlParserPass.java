package dev.ddllint.bench;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The bar bench/run.sh measures the CLI against: JSqlParser 5.4 alone over the same files, each {@code *.sql}
 * split at {@code ;} (outside quotes and comments, nothing else: no DELIMITER, no routines) and each piece parsed
 * once, the way core's adapter calls it (MySQL dialect, backslash escapes, one shared thread pool). Nothing is
 * analysed; the counts printed to stderr say how much was parsed.
 * <pre>java -cp bench/target/benchmarks.jar dev.ddllint.bench.RawJSqlParserPass ../shared/corpus</pre>
 */
public final class RawJSqlParserPass {

    private RawJSqlParserPass() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            try (Stream<Path> s = Files.walk(Path.of(arg))) {
                s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".sql")).sorted().forEach(files::add);
            }
        }
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "raw-parse");
            t.setDaemon(true);
            return t;
        });
        int statements = 0;
        int rejected = 0;
        long bytes = 0;
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            bytes += content.length;
            for (String sql : split(new String(content, StandardCharsets.UTF_8))) {
                statements++;
                try {
                    CCJSqlParserUtil.parse(sql, threads, p -> p.withTimeOut(30_000)
                            .withDialect(AbstractJSqlParser.Dialect.MYSQL).withBackslashEscapeCharacter(true));
                } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
                    rejected++;
                }
            }
        }
        System.err.printf("raw JSqlParser pass: %d files, %.1f MiB, %d statements, %d rejected%n", files.size(),
                bytes / 1048576.0, statements, rejected);
    }

    /** The script's pieces between semicolons that are outside quotes and comments; blank pieces dropped. */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = script.length();
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(script, i, c);
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-' || c == '#') {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == ';') {
                add(out, script.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        add(out, script.substring(start));
        return out;
    }

    private static int skipQuoted(String s, int open, char quote) {
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2; // a doubled quote inside the string
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    private static void add(List<String> out, String piece) {
        if (!stripComments(piece).isBlank()) {
            out.add(piece.strip());
        }
    }

    /** Whether a piece holds anything but comments (a file's trailing comment is no statement). */
    private static String stripComments(String piece) {
        return piece.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(--|#).*$", " ");
    }
}
