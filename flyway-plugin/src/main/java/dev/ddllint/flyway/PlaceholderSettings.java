package dev.ddllint.flyway;

import dev.ddllint.live.ServerFacts;
import org.flywaydb.core.api.configuration.Configuration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flyway's placeholder settings, read from its configuration, and how they turn a pending migration's script into
 * the SQL Flyway will run: its values, prefix and suffix, and its own {@code flyway:…} placeholders.
 */
record PlaceholderSettings(boolean enabled, String prefix, String suffix, String separator,
                           Map<String, String> values, String defaultSchema, String table) {

    /** A script's SQL as Flyway runs it, and the {@code ${…}} texts ddl-lint's reader must take literally. */
    record Replaced(String sql, Map<String, String> literal) {
    }

    static PlaceholderSettings of(Configuration c) {
        String defaultSchema = c.getDefaultSchema();
        if (defaultSchema == null && c.getSchemas() != null && c.getSchemas().length > 0) {
            defaultSchema = c.getSchemas()[0];
        }
        Map<String, String> values = c.getPlaceholders() == null ? Map.of() : c.getPlaceholders();
        return new PlaceholderSettings(c.isPlaceholderReplacement(), c.getPlaceholderPrefix(),
                c.getPlaceholderSuffix(), separator(c), values, defaultSchema, c.getTable());
    }

    private static String separator(Configuration c) {
        try {
            return c.getPlaceholderSeparator();
        } catch (LinkageError | RuntimeException e) {
            // Flyway 10 has no separator setting: it is always ':'
            return ":";
        }
    }

    /** {@code flyway:defaultSchema} with Flyway's separator (default {@code :}). */
    String separatorName(String name) {
        return "flyway" + (separator == null || separator.isEmpty() ? ":" : separator) + name;
    }

    /** Flyway's own placeholders ({@code flyway:defaultSchema}, …) with the values Flyway gives them. */
    Map<String, String> builtins(Connection connection, ServerFacts facts) {
        Map<String, String> m = new LinkedHashMap<>();
        String database = facts.currentSchema();
        String schema = defaultSchema != null ? defaultSchema : database;
        if (schema != null) {
            m.put(separatorName("defaultSchema"), schema);
        }
        if (database != null) {
            m.put(separatorName("database"), database);
        }
        String user = currentUser(connection);
        if (user != null) {
            m.put(separatorName("user"), user);
        }
        m.put(separatorName("timestamp"), LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        m.put(separatorName("workingDirectory"), System.getProperty("user.dir", ""));
        if (table != null) {
            m.put(separatorName("table"), table);
        }
        return m;
    }

    /** The script's text with Flyway's placeholders replaced, when Flyway replaces them for this script. */
    Replaced apply(PendingMigrations.Pending p, Map<String, String> builtins) {
        boolean replace = p.placeholderReplacement() != null ? p.placeholderReplacement() : enabled;
        String text = p.sql();
        if (replace) {
            Map<String, String> all = new LinkedHashMap<>(values);
            builtins.forEach(all::putIfAbsent);
            all.put(separatorName("filename"), fileName(p.script()));
            text = new FlywayPlaceholders(prefix, suffix, all).replace(text);
        }
        Map<String, String> literal = Map.of();
        if (!replace || !new FlywayPlaceholders(prefix, suffix, Map.of()).isDefaultSyntax()) {
            // ${...} is plain text for Flyway here; keep ddl-lint's reader from taking it for a placeholder.
            literal = FlywayPlaceholders.literalDollarBraces(text);
        }
        return new Replaced(text, literal);
    }

    private static String currentUser(Connection connection) {
        try (java.sql.Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUBSTRING_INDEX(USER(), '@', 1)")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static String fileName(String script) {
        String s = script.replace('\\', '/');
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
