package dev.ddllint.oracle;

import dev.ddllint.kb.ServerFlavor;
import dev.ddllint.kb.ServerVersion;
import dev.ddllint.kb.TargetServer;

import dev.ddllint.verify.LadderSql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One oracle case: setup SQL and exactly one DDL statement, read from {@code src/test/resources/oracle/*.cases}.
 * The format is the one of {@code oracle.sh} (lines starting with {@code @@} are directives, everything else SQL):
 * <pre>
 * &#64;&#64;default-setup        setup of the cases of this file that have no &#64;&#64;setup block
 * &#64;&#64;case NAME            starts a case (NAME unique over all files, no spaces)
 * &#64;&#64;only SPEC...         optional: the servers the case applies to, e.g. {@code mysql>=8.0.23 mariadb}
 * &#64;&#64;setup                optional: this case's setup (session settings such as SET foreign_key_checks=0
 *                       carry over to the DDL)
 * &#64;&#64;alter                exactly one DDL statement (may span lines; a trailing ';' is optional)
 * &#64;&#64;note TEXT            ignored
 * </pre>
 *
 * @param only applicability, empty for every server
 */
public record OracleCase(String file, String name, String setup, String alter, List<Applicability> only) {

    public static final String RESOURCE_DIR = "oracle";

    /** {@code flavor[>=version]}: the case runs on that flavor from that version on. */
    public record Applicability(ServerFlavor flavor, ServerVersion atLeast) {

        static Applicability parse(String spec) {
            String s = spec.trim().toLowerCase(Locale.ROOT);
            int ge = s.indexOf(">=");
            String flavor = ge < 0 ? s : s.substring(0, ge);
            ServerFlavor f = switch (flavor) {
                case "mysql" -> ServerFlavor.MYSQL;
                case "mariadb" -> ServerFlavor.MARIADB;
                default -> throw new IllegalArgumentException("@@only: unknown flavor in '" + spec + "'");
            };
            return new Applicability(f, ge < 0 ? null : ServerVersion.parse(s.substring(ge + 2)));
        }

        boolean matches(TargetServer t) {
            return t.flavor() == flavor && (atLeast == null || t.version().compareTo(atLeast) >= 0);
        }

        @Override
        public String toString() {
            return flavor.id() + (atLeast == null ? "" : ">=" + atLeast);
        }
    }

    public boolean appliesTo(TargetServer target) {
        return only.isEmpty() || only.stream().anyMatch(a -> a.matches(target));
    }

    /** Every case of every {@code *.cases} file, files in name order; names are checked to be unique. */
    public static List<OracleCase> loadAll() {
        Path dir = resourceDir();
        List<OracleCase> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".cases")).sorted().toList()) {
                all.addAll(parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new HashSet<>();
        for (OracleCase c : all) {
            if (!names.add(c.name())) {
                throw new IllegalStateException("duplicate oracle case name " + c.name() + " (" + c.file() + ")");
            }
        }
        return all;
    }

    private static Path resourceDir() {
        // -Dddllint.oracle.dir=differential-open: the open findings of the differential tester instead.
        String dirName = System.getProperty("ddllint.oracle.dir", RESOURCE_DIR);
        URL url = OracleCase.class.getClassLoader().getResource(dirName);
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        Path source = Path.of("src/test/resources", dirName);
        if (Files.isDirectory(source)) {
            return source;
        }
        throw new IllegalStateException("oracle case directory not found on the class path: " + dirName);
    }

    /** Parses one case file. */
    public static List<OracleCase> parse(String file, String text) {
        List<OracleCase> cases = new ArrayList<>();
        StringBuilder defaultSetup = new StringBuilder();
        String name = null;
        StringBuilder setup = null;
        StringBuilder alter = null;
        List<Applicability> only = new ArrayList<>();
        StringBuilder current = null;
        int number = 0;
        List<Object[]> pending = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            number++;
            if (line.startsWith("@@")) {
                String[] words = line.trim().split("\\s+", 2);
                String directive = words[0];
                current = null;
                switch (directive) {
                    case "@@default-setup" -> current = defaultSetup;
                    case "@@case" -> {
                        if (name != null) {
                            pending.add(new Object[] {name, setup, alter, only});
                        }
                        if (words.length < 2 || words[1].isBlank() || words[1].trim().contains(" ")) {
                            throw new IllegalStateException(file + ":" + number + ": @@case needs one name");
                        }
                        name = words[1].trim();
                        setup = null;
                        alter = null;
                        only = new ArrayList<>();
                    }
                    case "@@setup" -> {
                        requireCase(file, number, name, directive);
                        setup = new StringBuilder();
                        current = setup;
                    }
                    case "@@alter" -> {
                        requireCase(file, number, name, directive);
                        alter = new StringBuilder();
                        current = alter;
                    }
                    case "@@only" -> {
                        requireCase(file, number, name, directive);
                        for (String spec : words.length < 2 ? new String[0] : words[1].trim().split("\\s+")) {
                            only.add(Applicability.parse(spec));
                        }
                    }
                    case "@@note" -> {
                    }
                    default -> throw new IllegalStateException(file + ":" + number + ": unknown directive " + directive);
                }
                continue;
            }
            if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (name != null) {
            pending.add(new Object[] {name, setup, alter, only});
        }
        for (Object[] p : pending) {
            String caseName = (String) p[0];
            StringBuilder s = (StringBuilder) p[1];
            StringBuilder a = (StringBuilder) p[2];
            @SuppressWarnings("unchecked")
            List<Applicability> o = (List<Applicability>) p[3];
            if (a == null || a.toString().isBlank()) {
                throw new IllegalStateException(file + ": case " + caseName + " has no @@alter block");
            }
            String ddl = a.toString().strip();
            while (ddl.endsWith(";")) {
                ddl = ddl.substring(0, ddl.length() - 1).strip();
            }
            if (LadderSql.splitStatements(ddl).size() != 1) {
                throw new IllegalStateException(file + ": case " + caseName + ": @@alter must be exactly one statement");
            }
            cases.add(new OracleCase(file, caseName, (s == null ? defaultSetup : s).toString().strip(), ddl,
                    List.copyOf(o)));
        }
        return cases;
    }

    private static void requireCase(String file, int line, String name, String directive) {
        if (name == null) {
            throw new IllegalStateException(file + ":" + line + ": " + directive + " before any @@case");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
