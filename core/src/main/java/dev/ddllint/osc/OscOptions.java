package dev.ddllint.osc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pt-online-schema-change options a migration may choose (after {@code -- ddl-lint:run-with
 * pt-online-schema-change}, or on the CLI); everything else is ddl-lint's fixed, conservative choice (see
 * {@link PtOscCommand}).
 *
 * @param chunkTime              seconds each copy chunk should take ({@code --chunk-time})
 * @param maxLag                 seconds of replica lag at which the copy pauses ({@code --max-lag})
 * @param lockWaitTimeout        seconds pt-osc's own sessions wait for a metadata lock (trigger creation, swap)
 * @param alterForeignKeysMethod {@code rebuild_constraints}, {@code drop_swap} or {@code none}; null: not chosen
 * @param preserveTriggers       keep the table's triggers ({@code --preserve-triggers})
 */
public record OscOptions(double chunkTime, double maxLag, int lockWaitTimeout, String alterForeignKeysMethod,
                         boolean preserveTriggers) {

    public static final OscOptions DEFAULT = new OscOptions(0.5, 1, 5, null, false);

    static final List<String> FOREIGN_KEY_METHODS = List.of("rebuild_constraints", "drop_swap", "none");
    private static final Pattern OPTION = Pattern.compile("--([a-z-]+)(?:=(\\S+))?");

    /** Thrown for an option ddl-lint does not pass on; the message says which and what is accepted. */
    public static final class BadOption extends IllegalArgumentException {
        BadOption(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code --chunk-time=0.5 --max-lag=1 --lock-wait-timeout=5 --alter-foreign-keys-method=METHOD
     * --preserve-triggers}, separated by spaces; any other word is refused (ddl-lint does not forward arbitrary
     * options to a tool that writes to production).
     */
    public static OscOptions parse(String text) {
        OscOptions o = DEFAULT;
        if (text == null || text.isBlank()) {
            return o;
        }
        for (String word : text.trim().split("\\s+")) {
            Matcher m = OPTION.matcher(word);
            if (!m.matches()) {
                throw new BadOption("'" + word + "' is not an option ddl-lint passes to pt-online-schema-change ("
                        + accepted() + ")");
            }
            String name = m.group(1);
            String value = m.group(2);
            try {
                o = switch (name) {
                    case "chunk-time" -> o.with(positive(name, value), o.maxLag, o.lockWaitTimeout,
                            o.alterForeignKeysMethod, o.preserveTriggers);
                    case "max-lag" -> o.with(o.chunkTime, positive(name, value), o.lockWaitTimeout,
                            o.alterForeignKeysMethod, o.preserveTriggers);
                    case "lock-wait-timeout" -> o.with(o.chunkTime, o.maxLag, (int) positive(name, value),
                            o.alterForeignKeysMethod, o.preserveTriggers);
                    case "alter-foreign-keys-method" -> o.with(o.chunkTime, o.maxLag, o.lockWaitTimeout,
                            method(value), o.preserveTriggers);
                    case "preserve-triggers" -> {
                        if (value != null) {
                            throw new BadOption("--preserve-triggers takes no value");
                        }
                        yield o.with(o.chunkTime, o.maxLag, o.lockWaitTimeout, o.alterForeignKeysMethod, true);
                    }
                    default -> throw new BadOption("--" + name + " is not an option ddl-lint passes to "
                            + "pt-online-schema-change (" + accepted() + ")");
                };
            } catch (NumberFormatException e) {
                throw new BadOption("--" + name + " needs a number, not '" + value + "'");
            }
        }
        return o;
    }

    private OscOptions with(double chunk, double lag, int timeout, String method, boolean triggers) {
        return new OscOptions(chunk, lag, timeout, method, triggers);
    }

    private static double positive(String name, String value) {
        if (value == null) {
            throw new BadOption("--" + name + " needs a value: --" + name + "=N");
        }
        double d = Double.parseDouble(value);
        if (!(d > 0) || d > 3600) {
            throw new BadOption("--" + name + " must be above 0 and at most 3600, not " + value);
        }
        return d;
    }

    private static String method(String value) {
        String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
        if (!FOREIGN_KEY_METHODS.contains(v)) {
            throw new BadOption("--alter-foreign-keys-method must be one of " + String.join(", ",
                    FOREIGN_KEY_METHODS) + " (ddl-lint does not pass 'auto': the method is a decision to review)");
        }
        return v;
    }

    private static String accepted() {
        return "accepted: --chunk-time=S --max-lag=S --lock-wait-timeout=S --alter-foreign-keys-method="
                + String.join("|", FOREIGN_KEY_METHODS) + " --preserve-triggers";
    }

    /** The options as pt-osc arguments, for the chosen values only. */
    List<String> arguments() {
        List<String> a = new ArrayList<>();
        a.add("--chunk-time=" + number(chunkTime));
        a.add("--max-lag=" + number(maxLag));
        if (alterForeignKeysMethod != null) {
            a.add("--alter-foreign-keys-method=" + alterForeignKeysMethod);
        }
        if (preserveTriggers) {
            a.add("--preserve-triggers");
        }
        return a;
    }

    static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
