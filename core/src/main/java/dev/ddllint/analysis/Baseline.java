package dev.ddllint.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddllint.rules.Finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Known findings that should not fail the build: typically those of old migrations that already ran and can no
 * longer be changed. A finding is known when its rule, its file path and its {@link BaselineFingerprint statement
 * fingerprint} are listed; line numbers are not part of the key, so edits elsewhere in a file don't bring a known
 * finding back. An entry counts identical statements, so a second copy of a known statement is still reported.
 *
 * <p>The file is JSON, sorted, without timestamps, so it diffs well:
 * <pre>
 * {
 *   "ddlLintBaseline" : 1,
 *   "findings" : [ {
 *     "rule" : "column-type-change",
 *     "path" : "src/main/resources/db/migration/V3__widen_amount.sql",
 *     "fingerprint" : "3f1c0e5a9b7d2c44",
 *     "count" : 1,
 *     "line" : 4,
 *     "message" : "…"
 *   } ]
 * }
 * </pre>
 * {@code line} and {@code message} are for people reading the file; matching ignores them.
 */
public final class Baseline {

    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One known finding (or {@code count} identical ones). */
    public record Entry(String rule, String path, String fingerprint, int count, int line, String message) {
        public Entry {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(fingerprint, "fingerprint");
            message = message == null ? "" : message;
        }

        Key key() {
            return new Key(rule, path, fingerprint);
        }
    }

    /**
     * A report with the known findings taken out.
     *
     * @param report     the report without the known findings (files and statements unchanged)
     * @param suppressed the findings the baseline knew
     * @param unmatched  baseline entries (with the count left over) that matched nothing: fixed, or a file renamed
     */
    public record Applied(AnalysisReport report, List<Finding> suppressed, List<Entry> unmatched) {
        public Applied {
            suppressed = List.copyOf(suppressed);
            unmatched = List.copyOf(unmatched);
        }
    }

    /** Reading or writing the baseline file failed; the message names the file and says why. */
    public static final class BaselineException extends Exception {
        public BaselineException(String message) {
            super(message);
        }
    }

    private record Key(String rule, String path, String fingerprint) {
    }

    private final List<Entry> entries;

    private Baseline(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::path).thenComparingInt(Entry::line).thenComparing(Entry::rule)
                .thenComparing(Entry::fingerprint));
        this.entries = List.copyOf(sorted);
    }

    public static Baseline empty() {
        return new Baseline(List.of());
    }

    /** Every finding of the report becomes known. */
    public static Baseline of(AnalysisReport report) {
        List<String> fingerprints = BaselineFingerprint.of(report);
        Map<Key, Entry> merged = new LinkedHashMap<>();
        for (int i = 0; i < report.findings().size(); i++) {
            String fingerprint = fingerprints.get(i);
            // A folded finding is known part by part, so a part that is new later still fails the check.
            report.findings().get(i).withAllFolded().forEach(f -> {
                Entry e = new Entry(f.rule(), f.path(), fingerprint, 1, f.line(), f.message());
                merged.merge(e.key(), e, (a, b) -> new Entry(a.rule(), a.path(), a.fingerprint(), a.count() + 1,
                        a.line(), a.message()));
            });
        }
        return new Baseline(new ArrayList<>(merged.values()));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The number of findings the baseline knows (entries times their counts). */
    public int size() {
        return entries.stream().mapToInt(Entry::count).sum();
    }

    /** Takes the known findings out of the report. */
    public Applied apply(AnalysisReport report) {
        Applier applier = applier();
        Applied applied = applier.apply(report);
        return new Applied(applied.report(), applied.suppressed(), applier.unmatched());
    }

    /**
     * Applies the baseline to a run one part at a time (a streaming report hands it each file): each entry's count
     * is used up across the parts, as {@link #apply} does over the whole report.
     */
    public Applier applier() {
        return new Applier();
    }

    /** The baseline's counts left over so far; one per run. */
    public final class Applier {
        private final Map<Key, Integer> left = new LinkedHashMap<>();
        private final Map<Key, Entry> byKey = new LinkedHashMap<>();

        private Applier() {
            for (Entry e : entries) {
                left.merge(e.key(), e.count(), Integer::sum);
                byKey.putIfAbsent(e.key(), e);
            }
        }

        /** Takes the known findings out of this part of the run; {@code unmatched} of the result is empty. */
        public Applied apply(AnalysisReport report) {
            List<String> fingerprints = BaselineFingerprint.of(report);
            List<Finding> kept = new ArrayList<>();
            List<Finding> suppressed = new ArrayList<>();
            for (int i = 0; i < report.findings().size(); i++) {
                Finding f = report.findings().get(i);
                String fingerprint = fingerprints.get(i);
                // Known only when every part of it is: the finding and each one folded into it.
                Map<Key, Integer> needed = new LinkedHashMap<>();
                f.withAllFolded().forEach(part -> needed.merge(new Key(part.rule(), part.path(), fingerprint), 1,
                        Integer::sum));
                if (needed.entrySet().stream().allMatch(e -> left.getOrDefault(e.getKey(), 0) >= e.getValue())) {
                    needed.forEach((key, n) -> left.merge(key, -n, Integer::sum));
                    suppressed.add(f);
                } else {
                    kept.add(f);
                }
            }
            return new Applied(report.with(report.files(), kept), suppressed, List.of());
        }

        /** The entries (with the count left over) that matched nothing in the parts applied so far. */
        public List<Entry> unmatched() {
            List<Entry> unmatched = new ArrayList<>();
            left.forEach((key, n) -> {
                if (n > 0) {
                    Entry e = byKey.get(key);
                    unmatched.add(new Entry(e.rule(), e.path(), e.fingerprint(), n, e.line(), e.message()));
                }
            });
            return unmatched;
        }
    }

    /** The JSON text of the baseline file. */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("ddlLintBaseline", FORMAT_VERSION);
        root.put("comment", "Known findings that do not fail the build. Written by 'mvn ddl-lint:baseline'; "
                + "write it again after fixing findings. Matching uses rule, path and fingerprint only.");
        ArrayNode list = root.putArray("findings");
        for (Entry e : entries) {
            list.addObject().put("rule", e.rule()).put("path", e.path()).put("fingerprint", e.fingerprint())
                    .put("count", e.count()).put("line", e.line()).put("message", e.message());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the baseline", e);
        }
    }

    public static Baseline parse(String json, String fileName) throws BaselineException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BaselineException(fileName + ": not a ddl-lint baseline (not valid JSON: "
                    + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.path("ddlLintBaseline").isInt()) {
            throw new BaselineException(fileName + ": not a ddl-lint baseline (no \"ddlLintBaseline\" version)");
        }
        int version = root.get("ddlLintBaseline").asInt();
        if (version != FORMAT_VERSION) {
            throw new BaselineException(fileName + ": baseline format " + version
                    + " is not supported by this ddl-lint (it reads format " + FORMAT_VERSION + ")");
        }
        JsonNode list = root.path("findings");
        if (!list.isArray()) {
            throw new BaselineException(fileName + ": \"findings\" must be a list");
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode n : list) {
            String where = fileName + ": findings[" + index++ + "]";
            String rule = text(n, "rule", where);
            String path = text(n, "path", where);
            String fingerprint = text(n, "fingerprint", where);
            int count = n.path("count").asInt(1);
            if (count < 1) {
                throw new BaselineException(where + ": count must be at least 1");
            }
            entries.add(new Entry(rule, path, fingerprint, count, n.path("line").asInt(0),
                    n.path("message").asText("")));
        }
        return new Baseline(entries);
    }

    public static Baseline read(Path file) throws BaselineException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new BaselineException(file + ": no such baseline file");
        } catch (IOException e) {
            throw new BaselineException(file + ": cannot read the baseline file (" + e.getMessage() + ")");
        }
    }

    public void write(Path file) throws BaselineException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BaselineException(file + ": cannot write the baseline file (" + e.getMessage() + ")");
        }
    }

    private static String text(JsonNode node, String field, String where) throws BaselineException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new BaselineException(where + ": \"" + field + "\" is missing");
        }
        return v.asText();
    }
}
