package dev.ddllint.estimate;

import dev.ddllint.kb.TargetServer;
import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.Statement;
import dev.ddllint.model.StatementKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The way out when a table is too big or too busy for an in-place ALTER: the same change as gh-ost and
 * pt-online-schema-change commands, ready to paste into a shell (connection details from the live connection or
 * snapshot, else shell variables; never a password: both tools prompt with {@code --ask-pass}), and what would
 * stop each tool on this table.
 */
public final class Escalation {

    private static final Pattern SAFE_IN_DOUBLE_QUOTES = Pattern.compile("[^\"`$\\\\!]*");
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_.:-]+");

    private Escalation() {
    }

    /**
     * What can stop gh-ost or pt-online-schema-change: the table's keys, foreign keys and triggers, and what the
     * ALTER changes; a null list means "not known". (Not {@link dev.ddllint.schema.TableFacts}, the definition.)
     *
     * @param hasKey        a PRIMARY KEY or a UNIQUE key on NOT NULL columns exists (null: unknown)
     * @param foreignKeys   its own foreign keys
     * @param referencedBy  foreign keys of other tables pointing at it
     * @param triggers      its triggers
     * @param changesKey    the ALTER drops or replaces the PRIMARY KEY
     * @param addsUnique    the ALTER adds a UNIQUE key
     * @param renamesColumn the ALTER renames a column (CHANGE/RENAME COLUMN)
     */
    public record BlockerFacts(Boolean hasKey, List<String> foreignKeys, List<String> referencedBy,
                               List<String> triggers, boolean changesKey, boolean addsUnique, boolean renamesColumn) {
    }

    /** The commands and the blockers, for the finding's help. */
    public record Plan(String alter, String ghost, String ptOsc, List<String> ghostBlockers,
                       List<String> ptOscBlockers, List<String> unknown) {

        /** Lines for the finding's help. */
        public List<String> lines() {
            List<String> l = new ArrayList<>();
            l.add("escalate: run the same change with a tool that copies the table in the background and swaps it "
                    + "in (rehearse without --execute first):");
            l.add("  " + ghost);
            l.add("  " + ptOsc);
            if (ghostBlockers.isEmpty() && ptOscBlockers.isEmpty()) {
                l.add("  nothing known on this table stops either tool" + (unknown.isEmpty() ? ""
                        : " (not known: " + String.join(", ", unknown) + ")"));
            } else {
                ghostBlockers.forEach(b -> l.add("  gh-ost: " + b));
                ptOscBlockers.forEach(b -> l.add("  pt-online-schema-change: " + b));
                if (!unknown.isEmpty()) {
                    l.add("  not known: " + String.join(", ", unknown));
                }
            }
            return l;
        }
    }

    public static Plan plan(Statement statement, String schema, ConnectionHint hint, BlockerFacts facts,
                            TargetServer target) {
        String table = statement.table() == null ? "TABLE" : statement.table().name();
        String db = statement.table() != null && statement.table().schema() != null ? statement.table().schema()
                : schema != null ? schema : hint != null && hint.database() != null ? hint.database() : null;
        String alter = alterClauses(statement);
        ConnectionHint h = hint == null ? ConnectionHint.UNKNOWN : hint;
        String host = h.host() != null ? h.host() : "$MYSQL_HOST";
        String port = h.port() != null ? String.valueOf(h.port()) : "${MYSQL_PORT:-3306}";
        String user = h.user() != null ? h.user() : "$MYSQL_USER";
        String dbArg = db != null ? db : "$MYSQL_DATABASE";

        List<String> ghostBlockers = new ArrayList<>();
        List<String> ptBlockers = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        boolean children = facts.referencedBy() != null && !facts.referencedBy().isEmpty();
        if (facts.foreignKeys() == null || facts.referencedBy() == null) {
            unknown.add("foreign keys");
        }
        if (facts.foreignKeys() != null && !facts.foreignKeys().isEmpty()) {
            ghostBlockers.add("refuses tables with foreign keys; this one has " + String.join(", ",
                    facts.foreignKeys()));
            ptBlockers.add("recreates its foreign keys on the new table under new names (a leading '_'): "
                    + String.join(", ", facts.foreignKeys()));
        }
        if (children) {
            ghostBlockers.add("refuses tables that foreign keys reference; referenced by " + String.join(", ",
                    facts.referencedBy()));
            ptBlockers.add("foreign keys reference the table (" + String.join(", ", facts.referencedBy())
                    + "): the command sets --alter-foreign-keys-method=auto (rebuild_constraints, or drop_swap on "
                    + "large child tables: the table is briefly missing)");
        }
        if (facts.triggers() == null) {
            unknown.add("triggers");
        } else if (!facts.triggers().isEmpty()) {
            ghostBlockers.add("refuses tables with triggers; this one has " + String.join(", ", facts.triggers()));
            boolean preserve = target == null || !target.isMySql() || target.version().atLeast(5, 7, 2);
            ptBlockers.add("refuses tables with triggers (" + String.join(", ", facts.triggers()) + ")"
                    + (preserve ? " unless run with --preserve-triggers" : ""));
        }
        if (facts.hasKey() == null) {
            unknown.add("PRIMARY/UNIQUE key");
        } else if (!facts.hasKey()) {
            ghostBlockers.add("needs a PRIMARY KEY or a UNIQUE key on NOT NULL columns, shared by the old and new "
                    + "table; this table has none");
            ptBlockers.add("needs a PRIMARY KEY or a UNIQUE index (for its DELETE trigger); this table has none");
        }
        if (facts.changesKey()) {
            ghostBlockers.add("the ALTER changes the PRIMARY KEY: gh-ost needs another UNIQUE NOT NULL key that "
                    + "both tables share");
        }
        if (facts.addsUnique()) {
            ghostBlockers.add("adding a UNIQUE key silently drops duplicate rows (gh-ost copies with INSERT IGNORE); "
                    + "check for duplicates first");
            ptBlockers.add("adding a UNIQUE key loses duplicate rows; the tool refuses unless "
                    + "--nocheck-unique-key-change");
        }
        if (facts.renamesColumn()) {
            ghostBlockers.add("a renamed column needs --approve-renamed-columns");
            ptBlockers.add("a renamed column needs --no-check-alter (read its --alter notes on renames)");
        }

        String quoted = shellQuote(alter);
        String ghost = "gh-ost --host=" + arg(host) + " --port=" + arg(port) + " --user=" + arg(user)
                + " --ask-pass --database=" + arg(dbArg) + " --table=" + arg(table) + " --alter=" + quoted
                + " --allow-on-master --chunk-size=1000 --max-load=Threads_running=25"
                + " --critical-load=Threads_running=100 --exact-rowcount --concurrent-rowcount"
                + (facts.renamesColumn() ? " --approve-renamed-columns" : "") + " --verbose --execute";
        String ptOsc = "pt-online-schema-change --alter " + quoted + " --ask-pass --user " + arg(user)
                + (children ? " --alter-foreign-keys-method=auto" : "")
                + " --chunk-time=0.5 --max-load Threads_running=25 --critical-load Threads_running=100"
                + " --set-vars lock_wait_timeout=5" + (explainFormatVariable(target) ? ",explain_format=TRADITIONAL" : "")
                + " --no-version-check h=" + arg(host) + ",P=" + arg(port) + ",D=" + arg(dbArg)
                + ",t=" + arg(table) + " --execute";
        return new Plan(alter, ghost, ptOsc, ghostBlockers, ptBlockers, unknown);
    }

    /**
     * The ALTER's clauses for {@code --alter}: as written, without ALGORITHM= and LOCK= (the tools build a new
     * table); {@code FORCE} becomes {@code ENGINE=InnoDB} (the tools' idiom for a rebuild); CREATE INDEX becomes
     * {@code ADD INDEX}.
     */
    public static String alterClauses(Statement s) {
        List<String> clauses = new ArrayList<>();
        for (AlterOperation op : s.operations()) {
            String text = op.text() == null ? "" : op.text().replaceAll("\\s+", " ").trim();
            if (op.kind() == ClauseKind.FORCE) {
                clauses.add("ENGINE=InnoDB");
            } else if (s.kind() == StatementKind.CREATE_INDEX && op.kind() == ClauseKind.ADD_INDEX) {
                clauses.add(addIndex(op, text));
            } else if (!text.isEmpty()) {
                clauses.add(text);
            }
        }
        if (clauses.isEmpty()) {
            clauses.add("ENGINE=InnoDB");
        }
        return String.join(", ", clauses);
    }

    /**
     * MySQL 8.0.32+ has {@code explain_format}; where it is not TRADITIONAL (MySQL 9's default is TREE),
     * pt-osc's row estimate reads 0 rows and it copies the table in one chunk with its rows locked (docs/pt-osc.md).
     */
    private static boolean explainFormatVariable(TargetServer target) {
        return target != null && target.isMySql() && target.version().atLeast(8, 0, 32);
    }

    private static String addIndex(AlterOperation op, String text) {
        IndexDefinition i = op.index();
        String kind = i == null ? "" : switch (i.kind()) {
            case UNIQUE -> "UNIQUE ";
            case FULLTEXT -> "FULLTEXT ";
            case SPATIAL -> "SPATIAL ";
            default -> "";
        };
        int paren = text.indexOf('(');
        String columns = paren >= 0 ? text.substring(paren)
                : "(" + String.join(", ", i == null ? List.of() : i.columns()) + ")";
        String name = i == null || i.name() == null ? "" : "`" + i.name().replace("`", "``") + "` ";
        return "ADD " + kind + "INDEX " + name + columns;
    }

    /** Double quotes when nothing in the text is special inside them, else single quotes. */
    static String shellQuote(String text) {
        if (SAFE_IN_DOUBLE_QUOTES.matcher(text).matches()) {
            return "\"" + text + "\"";
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** A word as is; $VARIABLES and ${X:-y} stay expandable; anything else quoted. */
    private static String arg(String v) {
        if (PLAIN_WORD.matcher(v).matches() || v.matches("\\$[A-Z_]+|\\$\\{[A-Z_]+:-[0-9]+}")) {
            return v.startsWith("$") ? "\"" + v + "\"" : v;
        }
        return "'" + v.replace("'", "'\\''") + "'";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
