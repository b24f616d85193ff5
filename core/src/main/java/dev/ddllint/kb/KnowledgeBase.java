package dev.ddllint.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The facts table ({@code online-ddl-facts.tsv}), indexed for lookups by operation, flavor and version. */
public final class KnowledgeBase {

    public static final String RESOURCE = "/dev/ddllint/kb/online-ddl-facts.tsv";
    private static volatile KnowledgeBase builtin;

    private final List<Fact> facts;
    private final Map<ServerFlavor, Map<DdlOperation, List<Fact>>> index = new EnumMap<>(ServerFlavor.class);

    KnowledgeBase(List<Fact> facts) {
        this.facts = List.copyOf(facts);
        for (Fact f : facts) {
            index.computeIfAbsent(f.flavor(), k -> new EnumMap<>(DdlOperation.class))
                    .computeIfAbsent(f.operation(), k -> new ArrayList<>()).add(f);
        }
        index.values().forEach(m -> m.values().forEach(l -> l.sort(Comparator.comparing(Fact::since))));
    }

    public static KnowledgeBase builtin() {
        KnowledgeBase kb = builtin;
        if (kb == null) {
            try (InputStream in = KnowledgeBase.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                kb = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtin = kb;
        }
        return kb;
    }

    /** Parses the TSV; a malformed row is a programming error, reported with its line. */
    public static KnowledgeBase parse(String tsv) {
        List<Fact> facts = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(tsv))) {
            String line;
            int number = 0;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                try {
                    Verdict verdict = new Verdict(Algorithm.valueOf(c[3]), c[4].equals("yes"), LockLevel.valueOf(c[5]));
                    Verdict fallback = switch (c[6]) {
                        case "-" -> null;
                        case "INPLACE" -> new Verdict(Algorithm.INPLACE, false, verdict.lock());
                        case "INPLACE+REBUILD" -> new Verdict(Algorithm.INPLACE, true, verdict.lock());
                        default -> throw new IllegalArgumentException("fallback " + c[6]);
                    };
                    facts.add(new Fact(DdlOperation.valueOf(c[0]), ServerFlavor.valueOf(c[1].toUpperCase()),
                            ServerVersion.parse(c[2]), verdict, fallback, c[7], c.length > 8 ? c[8] : ""));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnowledgeBase(facts);
    }

    /** The row in force for the target: the newest one whose {@code since} is not after the version. */
    public Optional<Fact> lookup(DdlOperation operation, TargetServer target) {
        List<Fact> rows = index.getOrDefault(target.flavor(), Map.of()).get(operation);
        if (rows == null) {
            return Optional.empty();
        }
        Fact found = null;
        for (Fact f : rows) {
            if (f.since().compareTo(target.version()) <= 0) {
                found = f;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<Fact> facts() {
        return facts;
    }
}
