package dev.ddllint.bench;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The start of an application that migrates with Flyway, for bench/flyway.sh: configure, {@code migrate}, exit.
 * With {@code callback} it registers ddl-lint's callback by name, as {@code flyway.callbacks} does (the script
 * puts the ddl-lint-flyway jar on the classpath only then); nothing else differs. Appends {@code migrate()}'s own
 * milliseconds to the file named by {@code -Dbench.out}.
 * <pre>java -cp … dev.ddllint.bench.FlywayStart JDBC_URL SCHEMA LOCATION callback|plain</pre>
 */
public final class FlywayStart {

    private FlywayStart() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: FlywayStart JDBC_URL SCHEMA LOCATION callback|plain");
            System.exit(2);
        }
        var config = Flyway.configure()
                .dataSource(args[0], "root", "")
                .schemas(args[1])
                .locations(args[2]);
        if (args[3].equals("callback")) {
            config = config.callbacks("dev.ddllint.flyway.DdlLintCallback");
        }
        Flyway flyway = config.load();
        long start = System.nanoTime();
        MigrateResult result = flyway.migrate();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.err.println("migrate: " + result.migrationsExecuted + " migration(s) in " + ms + " ms");
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.writeString(Path.of(out), ms + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
