package dev.ddllint.kb;

import java.util.Locale;

/** The server a migration will run on, written {@code mysql:8.0.35}, {@code mysql:9.7}, {@code mariadb:10.11}. */
public record TargetServer(ServerFlavor flavor, ServerVersion version) {

    public static final TargetServer DEFAULT = new TargetServer(ServerFlavor.MYSQL, new ServerVersion(8, 4, 0));

    public static TargetServer parse(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("target '" + text
                    + "' must be flavor:version, e.g. mysql:8.4, mysql:8.0.35 or mariadb:10.11");
        }
        String flavor = t.substring(0, colon).toLowerCase(Locale.ROOT);
        ServerFlavor f = switch (flavor) {
            case "mysql" -> ServerFlavor.MYSQL;
            case "mariadb" -> ServerFlavor.MARIADB;
            default -> throw new IllegalArgumentException("unknown server flavor '" + flavor
                    + "' in target '" + text + "' (use mysql or mariadb)");
        };
        ServerVersion v = ServerVersion.parse(t.substring(colon + 1));
        if (f == ServerFlavor.MYSQL && (v.major() < 5 || (v.major() == 5 && v.minor() < 7))) {
            throw new IllegalArgumentException("target '" + text + "': MySQL before 5.7 is not supported");
        }
        if (f == ServerFlavor.MARIADB && v.major() < 10) {
            throw new IllegalArgumentException("target '" + text + "': MariaDB before 10.0 is not supported");
        }
        return new TargetServer(f, v);
    }

    /** Reads a server's own {@code SELECT VERSION()} string. */
    public static TargetServer fromVersionString(String version) {
        ServerFlavor f = version.toLowerCase(Locale.ROOT).contains("mariadb") ? ServerFlavor.MARIADB : ServerFlavor.MYSQL;
        return new TargetServer(f, ServerVersion.parse(version));
    }

    public boolean isMySql() {
        return flavor == ServerFlavor.MYSQL;
    }

    public String displayName() {
        return flavor.displayName() + " " + version;
    }

    @Override
    public String toString() {
        return flavor.id() + ":" + version;
    }
}
