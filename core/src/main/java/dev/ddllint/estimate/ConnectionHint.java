package dev.ddllint.estimate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the database is, as the gh-ost / pt-online-schema-change commands need it. Never holds a password.
 *
 * @param host     host name, or null when unknown
 * @param port     port, or null for the default
 * @param database the schema of unqualified tables, or null
 * @param user     the user name, or null
 */
public record ConnectionHint(String host, Integer port, String database, String user) {

    public static final ConnectionHint UNKNOWN = new ConnectionHint(null, null, null, null);

    private static final Pattern URL = Pattern.compile(
            "^jdbc:(?:mysql|mariadb)(?::[a-z:]+)?://(?:[^@/?]*@)?([^/:?,\\[]+|\\[[^\\]]+\\])(?::(\\d+))?(?:,[^/?]*)?"
                    + "(?:/([^?;]*))?(?:[?;](.*))?$");

    /** Reads host, port, database and {@code user=} from a MySQL or MariaDB JDBC URL (the password is ignored). */
    public static ConnectionHint fromJdbcUrl(String url) {
        if (url == null) {
            return UNKNOWN;
        }
        Matcher m = URL.matcher(url.trim());
        if (!m.matches()) {
            return UNKNOWN;
        }
        String user = null;
        if (m.group(4) != null) {
            for (String kv : m.group(4).split("[&;]")) {
                int eq = kv.indexOf('=');
                if (eq > 0 && kv.substring(0, eq).equalsIgnoreCase("user")) {
                    user = URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        String db = m.group(3) == null || m.group(3).isBlank() ? null
                : URLDecoder.decode(m.group(3), StandardCharsets.UTF_8);
        return new ConnectionHint(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)), db, user);
    }

    public ConnectionHint withDatabase(String db) {
        return new ConnectionHint(host, port, db, user);
    }

    /** Without the user name (what a committed snapshot keeps). */
    public ConnectionHint withoutUser() {
        return new ConnectionHint(host, port, database, null);
    }
}
