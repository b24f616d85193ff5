package dev.ddllint.maven;

import dev.ddllint.config.Configuration;
import dev.ddllint.estimate.ConnectionHint;
import dev.ddllint.estimate.LiveStatistics;
import dev.ddllint.estimate.StatsSnapshot;
import dev.ddllint.estimate.TableStats;
import dev.ddllint.live.JdbcConnections;
import dev.ddllint.model.TableName;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the statistics snapshot that lets {@code check} estimate rebuild durations and row logs without access to
 * production: rows, data and index length, write rates, keys, foreign keys and triggers of the database's tables,
 * and its {@code innodb_online_alter_log_max_size}, read from a read-only connection. Commit the file and name it
 * in {@code ddl-lint.yml} ({@code estimate.statsFile}); no user name or password is written.
 * <pre>
 * DDL_LINT_JDBC_PASSWORD=… mvn ddl-lint:stats -Dddl-lint.jdbcUrl='jdbc:mysql://db1:3306/shop?user=ddl_lint'
 * git add ddl-lint-stats.json
 * </pre>
 * The JDBC driver is not bundled: add it to the plugin's dependencies.
 * <pre>
 * &lt;plugin&gt;
 *   &lt;groupId&gt;dev.ddllint&lt;/groupId&gt;
 *   &lt;artifactId&gt;ddl-lint-maven-plugin&lt;/artifactId&gt;
 *   &lt;dependencies&gt;
 *     &lt;dependency&gt;
 *       &lt;groupId&gt;com.mysql&lt;/groupId&gt;
 *       &lt;artifactId&gt;mysql-connector-j&lt;/artifactId&gt;
 *       &lt;version&gt;9.5.0&lt;/version&gt;
 *     &lt;/dependency&gt;
 *   &lt;/dependencies&gt;
 * &lt;/plugin&gt;
 * </pre>
 */
@Mojo(name = "stats", threadSafe = true)
public class StatsMojo extends AbstractDdlLintMojo {

    /**
     * The database to read, read-only is enough. Put the password in the {@code DDL_LINT_JDBC_PASSWORD}
     * environment variable, not in the URL. Default: the {@code DDL_LINT_JDBC_URL} environment variable.
     * <pre>
     * -Dddl-lint.jdbcUrl='jdbc:mysql://db1:3306/shop?user=ddl_lint'
     * </pre>
     */
    @Parameter(property = "ddl-lint.jdbcUrl")
    protected String jdbcUrl;

    /**
     * Where to write the snapshot. Default: {@code estimate.statsFile} of the configuration file, else
     * {@code ddl-lint-stats.json} in the project folder.
     */
    @Parameter(property = "ddl-lint.statsFile")
    protected File statsFile;

    /**
     * Write rates are measured over this many seconds (run it at a busy time); {@code 0}: the counters since the
     * server started, divided by its uptime.
     */
    @Parameter(property = "ddl-lint.sampleSeconds", defaultValue = "10")
    protected double sampleSeconds;

    /**
     * Only these tables ({@code table} or {@code schema.table}). Default: every table of the connection's schema.
     * <pre>
     * &lt;configuration&gt;
     *   &lt;tables&gt;
     *     &lt;table&gt;orders&lt;/table&gt;
     *   &lt;/tables&gt;
     * &lt;/configuration&gt;
     * </pre>
     */
    @Parameter(property = "ddl-lint.tables")
    protected List<String> tables;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("ddl-lint: skipped (ddl-lint.skip=true)");
            return;
        }
        String url = JdbcConnections.url(jdbcUrl == null || jdbcUrl.isBlank() ? null : jdbcUrl);
        if (url == null || url.isBlank()) {
            throw new MojoExecutionException("ddl-lint: stats needs a database: -Dddl-lint.jdbcUrl=jdbc:mysql://HOST:"
                    + "PORT/SCHEMA?user=USER (password in DDL_LINT_JDBC_PASSWORD), or DDL_LINT_JDBC_URL");
        }
        if (sampleSeconds < 0 || sampleSeconds > 600) {
            throw new MojoExecutionException("ddl-lint: sampleSeconds must be between 0 and 600");
        }
        Path output = output();
        List<TableName> wanted = new ArrayList<>();
        if (tables != null) {
            for (String t : tables) {
                for (String one : t.split(",")) {
                    String name = one.trim().replace("`", "");
                    if (name.isEmpty()) {
                        continue;
                    }
                    int dot = name.indexOf('.');
                    wanted.add(dot > 0 ? TableName.of(name.substring(0, dot), name.substring(dot + 1))
                            : TableName.of(null, name));
                }
            }
        }
        try (Connection connection = JdbcConnections.open(url, true)) {
            LiveStatistics live = new LiveStatistics(connection, Duration.ofMillis(Math.round(sampleSeconds * 1000)),
                    ConnectionHint.fromJdbcUrl(url));
            if (sampleSeconds > 0) {
                getLog().info("ddl-lint: sampling write rates for " + sampleSeconds + " s");
            }
            StatsSnapshot snapshot = StatsSnapshot.take(live, wanted, Instant.now());
            snapshot.write(output);
            live.notes().forEach(n -> getLog().warn("ddl-lint: " + n));
            long withRates = snapshot.allTables().stream().filter(TableStats::hasRates).count();
            getLog().info("ddl-lint: wrote " + relative(output) + " with " + snapshot.allTables().size() + " table"
                    + (snapshot.allTables().size() == 1 ? "" : "s") + " (write rates for " + withRates + "). Commit "
                    + "it and set estimate.statsFile in ddl-lint.yml.");
        } catch (SQLException e) {
            String hint = e.getMessage() != null && e.getMessage().contains("No suitable driver")
                    ? " (ddl-lint reads MySQL and MariaDB through its MySQL driver: give a jdbc:mysql:// URL)" : "";
            throw new MojoExecutionException("ddl-lint: cannot read statistics from " + JdbcConnections.redact(url) + ": "
                    + JdbcConnections.redact(String.valueOf(e.getMessage())) + hint, e);
        } catch (IOException e) {
            throw new MojoExecutionException("ddl-lint: cannot write " + output + " (" + e.getMessage() + ")", e);
        } catch (Exception e) {
            throw new MojoExecutionException("ddl-lint: reading statistics failed: "
                    + JdbcConnections.redact(String.valueOf(e.getMessage())), e);
        }
    }

    private Path output() throws MojoExecutionException {
        if (statsFile != null) {
            return statsFile.toPath();
        }
        Configuration c = project == null || project.getBasedir() == null ? Configuration.DEFAULT : configuration();
        if (c.estimate().statsFile() != null) {
            return c.estimate().statsFile();
        }
        Path base = project == null || project.getBasedir() == null ? Path.of("") : basedir();
        return base.resolve(StatsSnapshot.DEFAULT_FILE_NAME);
    }
}
