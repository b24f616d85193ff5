package dev.ddllint.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL text surgery for the ALGORITHM/LOCK ladder (first written for the oracle tests, a port of the Perl helper in
 * {@code oracle.sh}): strip and place {@code ALGORITHM=} / {@code LOCK=} clauses, find the table a DDL works on,
 * split a setup script.
 */
public final class LadderSql {

    private static final String VALUE = "(?:DEFAULT|INSTANT|INPLACE|NOCOPY|COPY|NONE|SHARED|EXCLUSIVE)\\b";
    private static final String KW = "\\b(?:ALGORITHM|LOCK)\\b\\s*(?:=\\s*)?" + VALUE;
    private static final Pattern KW_PATTERN = Pattern.compile(KW, Pattern.CASE_INSENSITIVE);
    private static final Pattern STRIP_AFTER_COMMA = Pattern.compile("\\s*,\\s*" + KW, Pattern.CASE_INSENSITIVE);
    private static final Pattern STRIP_BEFORE_COMMA = Pattern.compile(KW + "\\s*,?\\s*", Pattern.CASE_INSENSITIVE);
    private static final String ID = "(?:`(?:[^`]|``)+`|\"[^\"]+\"|[^\\s.,(`\";]+)";
    private static final Pattern ALTER = Pattern.compile(
            "^(ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + ID + "(?:\\s*\\.\\s*" + ID + ")?)(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ALTER_TARGET = Pattern.compile(
            "^ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:" + ID + "\\s*\\.\\s*)?(" + ID + ")",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern OPTIMIZE_TARGET = Pattern.compile(
            "^OPTIMIZE\\s+(?:NO_WRITE_TO_BINLOG\\s+|LOCAL\\s+)?TABLE\\s+(?:" + ID + "\\s*\\.\\s*)?(" + ID + ")",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INDEX_TARGET = Pattern.compile(
            "^(?:CREATE|DROP)\\b.*?\\bINDEX\\b.*?\\bON\\s+(?:" + ID + "\\s*\\.\\s*)?(" + ID + ")",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INDEX_STATEMENT = Pattern.compile(
            "^(?:CREATE\\s+(?:ONLINE\\s+|OFFLINE\\s+)?(?:UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+)?INDEX|DROP\\s+INDEX)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_INDEX = Pattern.compile("^DROP\\s+INDEX\\s+((?:IF\\s+EXISTS\\s+)?" + ID
            + ")\\s+ON\\s+(" + ID + "(?:\\s*\\.\\s*" + ID + ")?)\\s*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PARTITION_HEAD = Pattern.compile("^(?:PARTITION\\s+BY|REMOVE\\s+PARTITIONING)\\b",
            Pattern.CASE_INSENSITIVE);

    public enum Kind { ALTER, INDEX, OTHER }

    private LadderSql() {
    }

    public static boolean hasClauses(String statement) {
        return KW_PATTERN.matcher(statement).find();
    }

    public static String strip(String statement) {
        String s = statement.strip();
        s = STRIP_AFTER_COMMA.matcher(s).replaceAll("");
        s = STRIP_BEFORE_COMMA.matcher(s).replaceAll("");
        s = s.strip();
        if (s.endsWith(",")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    public static Kind kind(String statement) {
        String s = statement.strip();
        if (ALTER.matcher(s).matches()) {
            return Kind.ALTER;
        }
        return INDEX_STATEMENT.matcher(s).find() ? Kind.INDEX : Kind.OTHER;
    }

    /** The table the DDL works on, unquoted, without schema; null when not recognised. */
    public static String target(String statement) {
        String s = statement.strip();
        Matcher m = ALTER_TARGET.matcher(s);
        String t = null;
        if (m.find()) {
            t = m.group(1);
        } else {
            m = INDEX_TARGET.matcher(s);
            if (m.find()) {
                t = m.group(1);
            } else if ((m = OPTIMIZE_TARGET.matcher(s)).find()) {
                // OPTIMIZE TABLE t: its table's ids, not those of every table in the scratch database.
                t = m.group(1);
            }
        }
        if (t == null) {
            return null;
        }
        if (t.startsWith("`") && t.endsWith("`")) {
            t = t.substring(1, t.length() - 1).replace("``", "`");
        } else if (t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /**
     * The statement with {@code ALGORITHM=alg[, LOCK=lock]} at placement 1 (right after the table name, followed
     * by a comma, or by a space before PARTITION BY / REMOVE PARTITIONING), 2 (after the table name, no comma) or
     * 3 (at the end, after a comma). CREATE/DROP INDEX have placement 1 (appended, space separated); DROP INDEX also
     * 2: as the {@code ALTER TABLE t …, DROP INDEX x} it stands for, since MariaDB's DROP INDEX takes no clause
     * (error 1064) and runs as that ALTER.
     */
    public static Optional<String> place(String statement, int placement, String algorithm, String lock) {
        List<String> mods = new ArrayList<>();
        mods.add("ALGORITHM=" + algorithm);
        if (lock != null) {
            mods.add("LOCK=" + lock);
        }
        String s = statement.strip();
        Matcher m = ALTER.matcher(s);
        if (m.matches()) {
            String head = m.group(1);
            String rest = m.group(2).strip();
            String joined = String.join(", ", mods);
            return switch (placement) {
                case 1 -> Optional.of(rest.isEmpty() ? head + " " + joined
                        : PARTITION_HEAD.matcher(rest).find() ? head + " " + joined + " " + rest
                        : head + " " + joined + ", " + rest);
                case 2 -> Optional.of(head + " " + joined + " " + rest);
                case 3 -> Optional.of(head + " " + rest + ", " + joined);
                default -> Optional.empty();
            };
        }
        if (placement == 2) {
            Matcher d = DROP_INDEX.matcher(s);
            return d.matches() ? Optional.of("ALTER TABLE " + d.group(2) + " " + String.join(", ", mods)
                    + ", DROP INDEX " + d.group(1)) : Optional.empty();
        }
        if (placement != 1) {
            return Optional.empty();
        }
        return Optional.of(s + " " + String.join(" ", mods));
    }

    /** Splits a script on ';' outside quotes and comments; blank statements are dropped. */
    public static List<String> splitStatements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n) {
                    char d = script.charAt(j);
                    if (d == '\\' && c != '`' && j + 1 < n) {
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        if (j + 1 < n && script.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                cur.append(script, i, Math.min(n, j + 1));
                i = j;
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                while (i < n && script.charAt(i) != '\n') {
                    i++;
                }
                cur.append('\n');
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                cur.append(script, i, end);
                i = end - 1;
            } else if (c == ';') {
                add(out, cur);
            } else {
                cur.append(c);
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }
}
