package dev.ddllint.flyway;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The migrations that {@code migrate} is about to run, in its order, and their SQL as Flyway reads it.
 *
 * <p>Flyway's callback API does not hand the pending migrations to a BEFORE_MIGRATE callback, so they are asked
 * of Flyway itself: a second Flyway instance on a copy of the same configuration (same locations, resolvers,
 * target, outOfOrder, ignore patterns), with no callbacks, on the callback's connection, runs {@code info()}. Its pending and
 * outdated (repeatable, changed) migrations are exactly those {@code migrate} applies next.
 */
final class PendingMigrations {

    /** States whose migrations {@code migrate} runs. */
    private static final Set<String> TO_RUN = Set.of("PENDING", "OUTDATED");

    /**
     * One migration to run.
     *
     * @param sql   its text as read (before placeholders), or null for a Java or other non-SQL migration
     * @param where where the text was read from, or why not
     */
    record Pending(String version, String description, String script, String type, Boolean placeholderReplacement,
                   String sql, String where) {

        boolean isSql() {
            return sql != null;
        }

        /** {@code V3 (change type)}, {@code R (views)}. */
        String label() {
            return (version == null ? "repeatable" : "V" + version) + " \"" + description + "\"";
        }
    }

    private PendingMigrations() {
    }

    /**
     * The migrations {@code migrate} will run for this configuration, in order. With the callback's connection
     * the second Flyway reads on it ({@link BorrowedConnection}): no second login, which was most of the cost of
     * a start with nothing pending (docs/benchmarks.md); a Flyway that cannot take a data source that way gets its
     * own connection, as before.
     */
    static List<MigrationInfo> list(Configuration configuration, java.sql.Connection connection) {
        Flyway probe = null;
        if (connection != null) {
            try {
                probe = probe(configuration).dataSource(new BorrowedConnection(connection)).load();
            } catch (LinkageError e) {
                // a Flyway without FluentConfiguration.dataSource(DataSource): its own connection below
            }
        }
        return probe != null ? pending(probe) : list(configuration);
    }

    /** The same, on a connection of the second Flyway's own. */
    static List<MigrationInfo> list(Configuration configuration) {
        return pending(probe(configuration).load());
    }

    /** A copy of the configuration (same locations, resolvers, target, data source …) without callbacks. */
    private static org.flywaydb.core.api.configuration.FluentConfiguration probe(Configuration configuration) {
        return Flyway.configure(configuration.getClassLoader())
                .configuration(configuration)
                .callbacks(new Callback[0])
                .skipDefaultCallbacks(true);
    }

    private static List<MigrationInfo> pending(Flyway probe) {
        List<MigrationInfo> result = new ArrayList<>();
        for (MigrationInfo info : probe.info().all()) {
            if (info.getState() != null && TO_RUN.contains(info.getState().name())) {
                result.add(info);
            }
        }
        return result;
    }

    /** Reads each SQL migration's text; a non-SQL migration comes back with {@code sql == null}. */
    static List<Pending> read(Configuration configuration, List<MigrationInfo> infos) throws IOException {
        List<Pending> result = new ArrayList<>();
        for (MigrationInfo info : infos) {
            String version = info.getVersion() == null ? null : info.getVersion().getVersion();
            String type = String.valueOf(info.getType());
            Boolean replace = placeholderReplacement(info);
            if (!isSqlScript(configuration, info)) {
                result.add(new Pending(version, info.getDescription(), info.getScript(), type, replace, null,
                        "not an SQL migration (" + type + ")"));
                continue;
            }
            String[] where = new String[1];
            byte[] bytes = bytes(configuration, info, where);
            if (bytes == null) {
                throw new IOException("cannot read " + info.getScript() + " (version " + version + ") from "
                        + describe(configuration.getLocations()) + (info.getPhysicalLocation() == null ? ""
                        : " or " + info.getPhysicalLocation()));
            }
            result.add(new Pending(version, info.getDescription(), info.getScript(), type, replace,
                    decode(bytes, configuration.getEncoding()), where[0]));
        }
        return result;
    }

    private static Boolean placeholderReplacement(MigrationInfo info) {
        try {
            return info.isPlaceholderReplacement();
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static boolean isSqlScript(Configuration configuration, MigrationInfo info) {
        String script = info.getScript();
        if (script == null || String.valueOf(info.getType()).toUpperCase(Locale.ROOT).contains("JDBC")) {
            return false; // JDBC / SPRING_JDBC: a Java-based migration, whatever its class is called
        }
        String lower = script.toLowerCase(Locale.ROOT);
        String[] suffixes = configuration.getSqlMigrationSuffixes();
        if (suffixes == null || suffixes.length == 0) {
            suffixes = new String[]{".sql"};
        }
        for (String s : suffixes) {
            if (s != null && !s.isEmpty() && lower.endsWith(s.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The script's bytes: its file on disk where Flyway names one, else the script under each classpath or
     * filesystem location, else the configuration's own resource provider.
     */
    private static byte[] bytes(Configuration configuration, MigrationInfo info, String[] where) throws IOException {
        String script = info.getScript();
        String physical = info.getPhysicalLocation();
        if (physical != null && !physical.isBlank()) {
            try {
                Path p = Path.of(physical);
                if (Files.isRegularFile(p)) {
                    where[0] = p.toString();
                    return Files.readAllBytes(p);
                }
            } catch (RuntimeException e) {
                // not a path on this file system (e.g. inside a jar): go on
            }
        }
        ClassLoader loader = configuration.getClassLoader() != null ? configuration.getClassLoader()
                : Thread.currentThread().getContextClassLoader();
        for (Location location : configuration.getLocations()) {
            String root = trimSlashes(location.getRootPath());
            if (location.isClassPath()) {
                String name = root.isEmpty() ? script : root + "/" + script;
                URL url = loader == null ? null : loader.getResource(name);
                if (url != null) {
                    where[0] = "classpath:" + name;
                    try (InputStream in = url.openStream()) {
                        return in.readAllBytes();
                    }
                }
            } else if (location.isFileSystem()) {
                Path p = Path.of(location.getRootPath()).resolve(script);
                if (Files.isRegularFile(p)) {
                    where[0] = p.toString();
                    return Files.readAllBytes(p);
                }
            }
        }
        ResourceProvider provider = configuration.getResourceProvider();
        if (provider != null) {
            LoadableResource resource = provider.getResource(script);
            if (resource == null) {
                Collection<LoadableResource> all = provider.getResources("", configuration.getSqlMigrationSuffixes());
                for (LoadableResource r : all) {
                    if (script.equals(r.getRelativePath()) || script.equals(r.getFilename())) {
                        resource = r;
                        break;
                    }
                }
            }
            if (resource != null) {
                where[0] = "resource provider: " + resource.getAbsolutePath();
                try (Reader reader = resource.read()) {
                    StringBuilder b = new StringBuilder();
                    char[] buf = new char[8192];
                    for (int n; (n = reader.read(buf)) >= 0; ) {
                        b.append(buf, 0, n);
                    }
                    return b.toString().getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    /** Text in Flyway's configured encoding (UTF-8 by default), without a byte-order mark. */
    private static String decode(byte[] bytes, Charset encoding) {
        Charset cs = encoding == null ? StandardCharsets.UTF_8 : encoding;
        String text = new String(bytes, cs);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String trimSlashes(String s) {
        String r = s == null ? "" : s.replace('\\', '/');
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    private static String describe(Location[] locations) {
        List<String> d = new ArrayList<>();
        for (Location l : locations) {
            d.add(l.getDescriptor());
        }
        return String.join(", ", d);
    }
}
