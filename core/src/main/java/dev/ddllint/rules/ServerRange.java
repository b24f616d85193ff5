package dev.ddllint.rules;

import dev.ddllint.kb.ServerFlavor;
import dev.ddllint.kb.ServerVersion;
import dev.ddllint.kb.TargetServer;

/**
 * The target servers a rule runs for: one flavor or both, from a version on. A rule about a behaviour that only
 * some servers have says so here instead of checking the target itself, so the rules index can show it.
 *
 * @param flavor null for MySQL and MariaDB alike
 * @param from   the first version the rule runs for (inclusive), or null for every version
 */
public record ServerRange(ServerFlavor flavor, ServerVersion from) {

    public static final ServerRange ALL = new ServerRange(null, null);

    public ServerRange {
        if (flavor == null && from != null) {
            throw new IllegalArgumentException("a version bound needs a flavor: MySQL and MariaDB numbers differ");
        }
    }

    public static ServerRange of(ServerFlavor flavor, String from) {
        return new ServerRange(flavor, from == null ? null : ServerVersion.parse(from));
    }

    public boolean includes(TargetServer target) {
        return (flavor == null || flavor == target.flavor()) && (from == null || target.version().compareTo(from) >= 0);
    }

    public boolean isAll() {
        return flavor == null;
    }

    /** "MySQL 8.0.29+", "MariaDB", or "MySQL and MariaDB". */
    @Override
    public String toString() {
        if (flavor == null) {
            return "MySQL and MariaDB";
        }
        return flavor.displayName() + (from == null ? "" : " " + from + "+");
    }
}
