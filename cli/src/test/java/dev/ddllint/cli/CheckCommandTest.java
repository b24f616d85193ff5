package dev.ddllint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line end to end: real files in, report and exit code out. */
class CheckCommandTest {

    /** A table that exists already (not new, IF NOT EXISTS) with a known definition: exact verdicts, no worst case. */
    static final String KNOWN_T = "CREATE TABLE IF NOT EXISTS t (id INT NOT NULL, a INT);\n";

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Path write(String name, String sql) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, sql, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void unsafeMigrationExitsOneAndNamesTheRule() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE orders (id INT PRIMARY KEY, amount INT NOT NULL);\n");
        write("db/V2__widen.sql", "-- widen\nALTER TABLE orders\n  MODIFY COLUMN amount BIGINT NOT NULL;\n");
        Result r = run("check", dir.resolve("db").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("V2__widen.sql:2:1: error[column-type-change]")
                .contains("changes the data type of column `amount`").contains("MySQL 8.4.0")
                .contains("     2 | ALTER TABLE orders").contains("= verdict: COPY, LOCK=SHARED").contains("= help: ");
    }

    @Test
    void verdictFlipsWithTheTargetVersion() throws IOException {
        Path f = write("V5__add.sql", KNOWN_T + "ALTER TABLE t ADD COLUMN c INT AFTER a, ALGORITHM=INSTANT;\n");
        assertThat(run("check", "--target", "mysql:8.0.28", f.toString()).exit()).isEqualTo(1);
        assertThat(run("check", "--target", "mysql:8.0.29", f.toString()).exit()).isZero();
    }

    @Test
    void jsonReportHasTheStableFields() throws IOException {
        Path f = write("V3__orders.sql", "SET lock_wait_timeout = 5;\n\nALTER TABLE orders\n"
                + "  MODIFY COLUMN amount BIGINT, ALGORITHM=INPLACE;\n");
        Path out = dir.resolve("out/report.json");
        Result r = run("check", "--format", "json", "--output", out.toString(), f.toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.at("/tool/name").asText()).isEqualTo("ddl-lint");
        assertThat(json.at("/target").asText()).isEqualTo("mysql:8.4.0");
        JsonNode alter = json.at("/files/0/statements/1");
        assertThat(alter.at("/line").asInt()).isEqualTo(3);
        assertThat(alter.at("/column").asInt()).isEqualTo(1);
        assertThat(alter.at("/endLine").asInt()).isEqualTo(4);
        assertThat(alter.at("/endColumn").asInt()).isEqualTo(48);
        assertThat(alter.at("/kind").asText()).isEqualTo("ALTER_TABLE");
        assertThat(alter.at("/table").asText()).isEqualTo("orders");
        assertThat(alter.at("/parsed").asBoolean()).isTrue();
        assertThat(alter.at("/operations/0/kind").asText()).isEqualTo("MODIFY_COLUMN");
        assertThat(alter.at("/operations/0/algorithm").asText()).isEqualTo("COPY");
        assertThat(alter.at("/verdict/algorithm").asText()).isEqualTo("COPY");
        assertThat(alter.at("/verdict/rebuildsTable").asBoolean()).isTrue();
        assertThat(alter.at("/verdict/lock").asText()).isEqualTo("SHARED");
        assertThat(json.at("/files/0/statements/0/verdict").isMissingNode()).isTrue();
        assertThat(json.at("/findings").findValuesAsText("rule"))
                .contains("column-type-change", "algorithm-lock-refused");
        assertThat(json.at("/summary/files").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/statements").asInt()).isEqualTo(2);
        assertThat(json.at("/summary/errors").asInt()).isEqualTo(2);
    }

    @Test
    void failOnThresholds() throws IOException {
        Path f = write("V1__pk.sql", KNOWN_T + "ALTER TABLE t ADD PRIMARY KEY (id);\n"); // table-rebuild: a warning
        assertThat(run("check", f.toString()).exit()).isZero();
        assertThat(run("check", "--fail-on", "warning", f.toString()).exit()).isEqualTo(1);
        Path g = write("V2__type.sql", "ALTER TABLE t MODIFY COLUMN a BIGINT;\n");
        assertThat(run("check", "--fail-on", "never", g.toString()).exit()).isZero();
    }

    @Test
    void filesRunInFlywayVersionOrder() throws IOException {
        write("m/V10__later.sql", "ALTER TABLE t MODIFY COLUMN a INT NOT NULL;\n");
        write("m/V2__create.sql", "CREATE TABLE t (id INT PRIMARY KEY, a INT);\n");
        write("m/V1_1__noop.sql", "SELECT 1;\n");
        Result r = run("check", "--format", "json", dir.resolve("m").toString());
        assertThat(r.out().indexOf("V1_1__noop.sql")).isLessThan(r.out().indexOf("V2__create.sql"));
        assertThat(r.out().indexOf("V2__create.sql")).isLessThan(r.out().indexOf("V10__later.sql"));
        // V2 created the table, so V10's MODIFY is known to change nullability only: an online rebuild.
        assertThat(r.out()).contains("\"ddlOperation\" : \"MAKE_NOT_NULL\"");
    }

    @Test
    void badInputIsReportedWithPositionsNotCrashes() throws IOException {
        write("bad/V1__empty.sql", "");
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        Files.write(dir.resolve("bad/V2__binary.sql"), binary);
        write("bad/V3__quote.sql", "ALTER TABLE t ADD COLUMN a INT;\nUPDATE t SET b = 'oops;\nALTER TABLE t DROP x;\n");
        write("bad/V4__comment.sql", "ALTER TABLE t ADD COLUMN a INT;\n/* never closed\nALTER TABLE t DROP x;\n");
        write("bad/V5__delimiter.sql", "DELIMITER\nALTER TABLE t ADD COLUMN a INT;\n");
        Files.write(dir.resolve("bad/V6__latin1.sql"), "ALTER TABLE t COMMENT 'caf\u00e9';\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Result r = run("check", "--format", "json", dir.resolve("bad").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("\"path\" : \"" + rel("bad/V3__quote.sql") + "\"");
        assertThat(r.out()).containsPattern("\"rule\" : \"malformed-script\",[^}]*V3__quote.sql\",\\s*\"line\" : 2,"
                + "\\s*\"column\" : 18");
        assertThat(r.out()).containsPattern("\"rule\" : \"malformed-script\",[^}]*V4__comment.sql\",\\s*\"line\" : 2,"
                + "\\s*\"column\" : 1");
        assertThat(r.out()).containsPattern("\"rule\" : \"malformed-script\",[^}]*V5__delimiter.sql\",\\s*\"line\" : 1");
        assertThat(r.out()).containsPattern("\"rule\" : \"invalid-encoding\",[^}]*V6__latin1.sql\",\\s*\"line\" : 1,"
                + "\\s*\"column\" : 27");
        assertThat(r.out()).contains(rel("bad/V1__empty.sql")).contains(rel("bad/V2__binary.sql"));
    }

    @Test
    void aUtf16MigrationIsCheckedNotSkipped() throws IOException {
        // Saved as UTF-16 by a Windows editor: read as UTF-16, so its unsafe ALTER still fails the check.
        Path f = dir.resolve("V7__utf16.sql");
        Files.write(f, "SET SESSION lock_wait_timeout = 5;\nALTER TABLE t MODIFY a BIGINT;\n"
                .getBytes(StandardCharsets.UTF_16));
        Result r = run("check", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("V7__utf16.sql:1:1: warning[invalid-encoding] file is UTF-16BE (it starts with a "
                + "byte-order mark), not UTF-8; read as UTF-16BE\n       = help: ")
                .contains("V7__utf16.sql:2:1: error[column-type-change]");
    }

    @Test
    void newTablesRunIsAConfigurationError() throws IOException {
        // Only the Flyway callback knows which migrations are pending; a file check would wrongly count a table
        // created by an applied migration as empty.
        Path f = write("V9__alter.sql", "CREATE TABLE a (id INT PRIMARY KEY, v INT);\n");
        Result r = run("check", "--config", write("run.yml", "newTables: run\n").toString(), f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("newTables: run is accepted only by the Flyway callback");
    }

    @Test
    void optimizeTableReportsEachTableWithItsOwnVerdict() throws IOException {
        Path f = write("V8__optimize.sql", "CREATE TABLE a (id INT PRIMARY KEY);\n"
                + "CREATE TABLE b (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft (body));\n"
                + "SET SESSION lock_wait_timeout = 5;\nOPTIMIZE TABLE a, b;\nOPTIMIZE TABLE b;\n");
        Result r = run("check", "--config", write("none.yml", "newTables: none\n").toString(), f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .contains("V8__optimize.sql:4:1: warning[table-rebuild] OPTIMIZE TABLE on `a` rebuilds the table "
                        + "online: INPLACE with table rebuild, LOCK=NONE on MySQL 8.4.0")
                .contains("V8__optimize.sql:4:1: error[blocking-alter] OPTIMIZE TABLE on `b` blocks writes: COPY, "
                        + "LOCK=SHARED on MySQL 8.4.0")
                .contains("V8__optimize.sql:5:1: error[blocking-alter] OPTIMIZE TABLE on `b`");
        // Line 4 holds two verdicts: its findings carry none of them; line 5 has its own.
        assertThat(r.out()).doesNotContainPattern("OPTIMIZE TABLE a, b\n       = verdict")
                .contains("OPTIMIZE TABLE b\n       = verdict: COPY, LOCK=SHARED");
    }

    @Test
    void anExceptionWrittenNextToTheStatementWithItsReasonPassesTheGate() throws IOException {
        Path f = write("V9__currencies.sql", "SET SESSION lock_wait_timeout = 5;\n"
                + "-- ddl-lint:ignore column-type-change currencies has 180 rows: the copy takes milliseconds\n"
                + "ALTER TABLE currencies MODIFY code VARCHAR(8) NOT NULL;\n");
        Result r = run("check", "--format", "json", f.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        JsonNode finding = new ObjectMapper().readTree(r.out()).at("/findings/0");
        assertThat(finding.at("/rule").asText()).isEqualTo("column-type-change");
        assertThat(finding.at("/severity").asText()).isEqualTo("info");
        assertThat(finding.at("/line").asInt()).isEqualTo(3);
        assertThat(finding.at("/message").asText()).endsWith("; allowed by the ddl-lint:ignore comment at line 2: "
                + "currencies has 180 rows: the copy takes milliseconds");

        // Without a reason the comment is reported and allows nothing.
        Files.writeString(f, "SET SESSION lock_wait_timeout = 5;\n-- ddl-lint:ignore column-type-change\n"
                + "ALTER TABLE currencies MODIFY code VARCHAR(8) NOT NULL;\n");
        Result noReason = run("check", f.toString());
        assertThat(noReason.exit()).isEqualTo(1);
        assertThat(noReason.out()).contains("V9__currencies.sql:2:1: warning[invalid-directive] ddl-lint:ignore "
                + "ignored: give the reason").contains("V9__currencies.sql:3:1: error[column-type-change]");
    }

    @Test
    void sinceReportsOnlyTheFilesAPullRequestAddsOrChanges() throws Exception {
        Assumptions.assumeTrue(git(dir, "--version") == 0, "git is not installed");
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        assertThat(git(repo, "init", "-q", "-b", "main")).isZero();
        write("repo/db/V1__init.sql", "CREATE TABLE orders (id INT PRIMARY KEY, amount INT NOT NULL);\n");
        write("repo/db/V2__old_unsafe.sql", "SET SESSION lock_wait_timeout = 5;\n"
                + "ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;\n");
        assertThat(git(repo, "add", ".")).isZero();
        assertThat(git(repo, "commit", "-q", "-m", "old")).isZero();
        assertThat(git(repo, "checkout", "-q", "-b", "feature")).isZero();
        write("repo/db/V3__new.sql", "SET SESSION lock_wait_timeout = 5;\n"
                + "ALTER TABLE orders ADD COLUMN note VARCHAR(20);\n");

        Result all = run("check", repo.resolve("db").toString());
        assertThat(all.exit()).isEqualTo(1);
        Result changed = run("check", "--since", "main", "--format", "json", repo.resolve("db").toString());
        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(changed.err()).contains("1 of 3 migration files added or changed since main");
        JsonNode json = new ObjectMapper().readTree(changed.out());
        assertThat(json.at("/files").size()).isEqualTo(1);
        assertThat(json.at("/files/0/path").asText()).endsWith("V3__new.sql");
        // V3 was still checked against the table V1 created: ADD COLUMN is INSTANT.
        assertThat(json.at("/files/0/statements/1/verdict/algorithm").asText()).isEqualTo("INSTANT");

        Result unknown = run("check", "--since", "origin/nope", repo.resolve("db").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--since: unknown git ref 'origin/nope'");
    }

    private static int git(Path in, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t.invalid",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private String rel(String p) {
        Path abs = dir.resolve(p).toAbsolutePath();
        Path cwd = Path.of("").toAbsolutePath();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** A FIFO would block a reader for ever; a dangling link would be a migration passed unread. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void nonRegularFilesAreRefusedNotReadNorSkipped() throws Exception {
        Path fifo = dir.resolve("V1__pipe.sql");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo here: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");

        Result named = run("check", fifo.toString());
        assertThat(named.exit()).isEqualTo(2);
        assertThat(named.err()).contains("V1__pipe.sql: not a regular file").doesNotContain("Exception");
        Result inFolder = run("check", dir.toString());
        assertThat(inFolder.exit()).isEqualTo(2);
        assertThat(inFolder.err()).contains("V1__pipe.sql: not a regular file");
        Files.delete(fifo);

        Files.createSymbolicLink(dir.resolve("V2__gone.sql"), dir.resolve("V2__moved_away.sql"));
        Result dangling = run("check", dir.toString());
        assertThat(dangling.exit()).isEqualTo(2);
        assertThat(dangling.err()).contains("V2__gone.sql: a symbolic link to").contains("which does not exist");
    }

    @Test
    void aBackslashInAFileNameIsReportedUnderTheRealName() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().getSeparator().equals("/"), "a backslash is a separator here");
        Files.writeString(dir.resolve("V1__a\\b.sql"), "ALTER TABLE t MODIFY COLUMN c BIGINT;\n");
        Result r = run("check", dir.toString(), "--format", "json");
        assertThat(r.out()).contains("V1__a\\\\b.sql");
    }

    @Test
    void toolFailuresExitTwoWithAClearMessage() throws IOException {
        Result missing = run("check", dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope: no such file or folder").doesNotContain("Exception");

        Result badTarget = run("check", "--target", "oracle:19", dir.toString());
        assertThat(badTarget.exit()).isEqualTo(2);
        assertThat(badTarget.err()).contains("unknown server flavor 'oracle'");

        Result badFailOn = run("check", "--fail-on", "sometimes", dir.toString());
        assertThat(badFailOn.exit()).isEqualTo(2);

        Result badOption = run("check", "--frobnicate", dir.toString());
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("Unknown option: '--frobnicate'");

        Path config = write("ddl-lint.yml", "target: mysql:8.0\nfailOn: error\nrulez:\n  table-rebuild: off\n");
        Result badConfig = run("check", "--config", config.toString(), dir.toString());
        assertThat(badConfig.exit()).isEqualTo(2);
        assertThat(badConfig.err()).contains(config + ":3: unknown key 'rulez'");

        Path badValue = write("bad-value.yml", "rules:\n  table-rebuild: loud\n");
        Result r = run("check", "--config", badValue.toString(), dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(badValue + ":2: rules.table-rebuild: 'loud' is not a severity");
    }

    @Test
    void configurationFileSetsTargetAndSeverities() throws IOException {
        Path f = write("V1__pk.sql", KNOWN_T + "ALTER TABLE t ADD PRIMARY KEY (id);\nALTER TABLE ${schema}.t ADD COLUMN c INT;\n");
        Path config = write("cfg.yml", "rules:\n  table-rebuild: error\nplaceholders:\n  schema: app\n");
        Result r = run("check", "--config", config.toString(), f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("error[table-rebuild]").doesNotContain("unresolved-placeholder");
        Result noPlaceholder = run("check", f.toString());
        assertThat(noPlaceholder.out()).contains("error[unresolved-placeholder]");
    }

    @Test
    void ciFormatsAreWrittenToTheOutputFolder() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE orders (id INT PRIMARY KEY, amount INT NOT NULL);\n");
        write("db/V2__widen.sql", "ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;\n");
        Path out = dir.resolve("reports");
        Result r = run("check", "--format", "gitlab,checkstyle,html", "--output-dir", out.toString(),
                dir.resolve("db").toString());
        assertThat(r.exit()).isEqualTo(1);
        // None of the three is a console format: nothing on standard output.
        assertThat(r.out()).isEmpty();
        JsonNode gitlab = new ObjectMapper().readTree(out.resolve("ddl-lint-gitlab.json").toFile());
        assertThat(gitlab.isArray()).isTrue();
        assertThat(gitlab.findValuesAsText("check_name")).contains("column-type-change");
        assertThat(Files.readString(out.resolve("ddl-lint-checkstyle.xml")))
                .contains("source=\"ddl-lint.column-type-change\"");
        assertThat(Files.readString(out.resolve("ddl-lint.html"))).contains("data-verdict=\"copy\"");
        assertThat(run("check", "--format", "codequality", dir.resolve("db").toString()).err())
                .contains("--format: unknown report format 'codequality'").contains("gitlab, checkstyle, html");
    }
}
