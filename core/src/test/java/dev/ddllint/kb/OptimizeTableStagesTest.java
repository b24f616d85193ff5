package dev.ddllint.kb;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.Analyzer;
import dev.ddllint.analysis.SourceFile;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.config.Configuration;
import dev.ddllint.live.ScratchDatabase;
import dev.ddllint.schema.LiveSchema;
import dev.ddllint.testing.TestServers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OPTIMIZE TABLE accepts no ALGORITHM=/LOCK= clause, so the oracle cannot ask the server about it. The server's
 * stage events say what it did instead: {@code stage/sql/copy to tmp table} is a COPY, the
 * {@code stage/innodb/alter table …} stages an in-place rebuild. For a plain table and one with a FULLTEXT index,
 * on every real server, the stages of OPTIMIZE TABLE must match ddl-lint's verdict for it (and for the ALTER TABLE
 * … FORCE it is read as).
 */
class OptimizeTableStagesTest {

    static final String COPY_STAGE = "stage/sql/copy to tmp table";
    static final String INPLACE_STAGE = "stage/innodb/alter table (read PK and internal sort)";

    @TestFactory
    List<DynamicTest> stagesMatchTheVerdict() {
        return TestServers.eachServer(OptimizeTableStagesTest::check);
    }

    private static void check(TestServers.Server server) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_optimize");
             Connection admin = server.connect();
             Connection c = db.connect()) {
            db.execute("CREATE TABLE plain (id INT PRIMARY KEY, a INT, body TEXT) ENGINE=InnoDB",
                    "CREATE TABLE ft (id INT PRIMARY KEY, a INT, body TEXT, FULLTEXT KEY fb (body)) ENGINE=InnoDB",
                    "INSERT INTO plain VALUES (1, 1, 'one'), (2, 2, 'two')",
                    "INSERT INTO ft VALUES (1, 1, 'one'), (2, 2, 'two')");
            String sql = "OPTIMIZE TABLE plain;\nOPTIMIZE TABLE ft;\nALTER TABLE ft FORCE;\n";
            AnalysisReport report = new Analyzer(Configuration.DEFAULT.withTarget(server.target()),
                    tables -> LiveSchema.read(c, tables))
                    .analyze(List.of(new SourceFile("V1__optimize.sql", sql.getBytes(StandardCharsets.UTF_8))));
            List<StatementReport> verdicts = report.files().get(0).statements();

            Map<String, Set<String>> stages = new LinkedHashMap<>();
            try (StageRecording recording = StageRecording.start(admin)) {
                for (String statement : sql.split(";\n")) {
                    stages.put(statement, recording.stagesOf(c, statement));
                }
            }
            int i = 0;
            for (Map.Entry<String, Set<String>> e : stages.entrySet()) {
                Verdict verdict = verdicts.get(i++).verdict().effective();
                String as = server + ": " + e.getKey() + " ran the stages " + e.getValue() + "; ddl-lint says "
                        + verdict;
                assertThat(e.getValue()).as(as).containsAnyOf(COPY_STAGE, INPLACE_STAGE);
                assertThat(verdict.rebuildsTable()).as(as).isTrue();
                if (e.getValue().contains(COPY_STAGE)) {
                    assertThat(verdict.algorithm()).as(as).isEqualTo(Algorithm.COPY);
                } else {
                    assertThat(verdict.algorithm()).as(as).isEqualTo(Algorithm.INPLACE);
                }
            }
            System.out.println("OPTIMIZE " + server + ": " + stages);
        }
    }

    @TestFactory
    List<DynamicTest> aSystemVersionedTableIsRecreatedOnlyWhenItsHistoryMayChange() {
        return TestServers.eachServer(OptimizeTableStagesTest::checkVersioned);
    }

    /**
     * MariaDB refuses to recreate a system-versioned table at system_versioning_alter_history=ERROR (its default), so
     * OPTIMIZE TABLE leaves it as it was; at KEEP, and once versioning is dropped, it rebuilds it. The table id says
     * which, and ddl-lint's verdict for each OPTIMIZE must say the same.
     */
    private static void checkVersioned(TestServers.Server server) throws Exception {
        if (server.target().flavor() != ServerFlavor.MARIADB) {
            return; // system versioning is MariaDB's
        }
        try (ScratchDatabase db = ScratchDatabase.create(server, "ddl_lint_optimize_versioned");
             Connection c = db.connect()) {
            List<String> script = List.of(
                    "CREATE TABLE v (id INT PRIMARY KEY, a INT) ENGINE=InnoDB WITH SYSTEM VERSIONING",
                    "SET SESSION system_versioning_alter_history = ERROR",
                    "OPTIMIZE TABLE v",
                    "SET SESSION system_versioning_alter_history = KEEP",
                    "OPTIMIZE TABLE v",
                    "SET SESSION system_versioning_alter_history = ERROR",
                    "ALTER TABLE v DROP SYSTEM VERSIONING",
                    "OPTIMIZE TABLE v");
            String sql = String.join(";\n", script) + ";\n";
            AnalysisReport report = new Analyzer(Configuration.DEFAULT.withTarget(server.target()))
                    .analyze(List.of(new SourceFile("V1__optimize.sql", sql.getBytes(StandardCharsets.UTF_8))));
            List<StatementReport> verdicts = report.files().get(0).statements();
            List<Boolean> rebuilt = new java.util.ArrayList<>();
            try (Statement s = c.createStatement()) {
                for (String statement : script) {
                    long before = tableId(c);
                    s.execute(statement);
                    if (statement.startsWith("OPTIMIZE")) {
                        rebuilt.add(tableId(c) != before);
                    }
                }
            }
            List<Boolean> predicted = verdicts.stream().filter(r -> r.statement().kind()
                    == dev.ddllint.model.StatementKind.OPTIMIZE_TABLE).map(r -> r.verdict().effective().rebuildsTable())
                    .toList();
            assertThat(rebuilt).as(server + ": OPTIMIZE at ERROR, at KEEP, after DROP SYSTEM VERSIONING")
                    .containsExactly(false, true, true);
            assertThat(predicted).as(server + ": ddl-lint's rebuild verdicts for the same three").isEqualTo(rebuilt);
        }
    }

    private static long tableId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_ID FROM "
                + "information_schema.INNODB_SYS_TABLES WHERE NAME = CONCAT(DATABASE(), '/v')")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /**
     * The two stage instruments and the stage history consumers switched on for the test, and put back as they
     * were: the servers have them off by default.
     */
    private record StageRecording(Connection admin, Map<String, String[]> instruments,
                                  Map<String, String> consumers) implements AutoCloseable {

        static StageRecording start(Connection admin) throws SQLException {
            Map<String, String[]> instruments = new LinkedHashMap<>();
            Map<String, String> consumers = new LinkedHashMap<>();
            try (Statement s = admin.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT NAME, ENABLED, TIMED FROM "
                        + "performance_schema.setup_instruments WHERE NAME IN ('" + COPY_STAGE + "', '" + INPLACE_STAGE
                        + "')")) {
                    while (rs.next()) {
                        instruments.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT NAME, ENABLED FROM performance_schema.setup_consumers "
                        + "WHERE NAME IN ('events_stages_current', 'events_stages_history_long')")) {
                    while (rs.next()) {
                        consumers.put(rs.getString(1), rs.getString(2));
                    }
                }
                s.execute("UPDATE performance_schema.setup_instruments SET ENABLED = 'YES', TIMED = 'YES' "
                        + "WHERE NAME IN ('" + COPY_STAGE + "', '" + INPLACE_STAGE + "')");
                s.execute("UPDATE performance_schema.setup_consumers SET ENABLED = 'YES' "
                        + "WHERE NAME IN ('events_stages_current', 'events_stages_history_long')");
            }
            return new StageRecording(admin, instruments, consumers);
        }

        /** Runs the statement on {@code c} and returns the stages its thread went through. */
        Set<String> stagesOf(Connection c, String statement) throws SQLException {
            try (Statement s = c.createStatement()) {
                long thread;
                try (ResultSet rs = s.executeQuery("SELECT THREAD_ID FROM performance_schema.threads "
                        + "WHERE PROCESSLIST_ID = CONNECTION_ID()")) {
                    rs.next();
                    thread = rs.getLong(1);
                }
                long before = lastEvent(s, thread);
                s.execute(statement);
                Set<String> stages = new TreeSet<>();
                try (ResultSet rs = s.executeQuery("SELECT EVENT_NAME FROM "
                        + "performance_schema.events_stages_history_long WHERE THREAD_ID = " + thread
                        + " AND EVENT_ID > " + before + " AND EVENT_NAME IN ('" + COPY_STAGE + "', '"
                        + INPLACE_STAGE + "')")) {
                    while (rs.next()) {
                        stages.add(rs.getString(1));
                    }
                }
                return stages;
            }
        }

        private static long lastEvent(Statement s, long thread) throws SQLException {
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(EVENT_ID), 0) FROM "
                    + "performance_schema.events_stages_history_long WHERE THREAD_ID = " + thread)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public void close() throws SQLException {
            try (Statement s = admin.createStatement()) {
                for (Map.Entry<String, String[]> e : instruments.entrySet()) {
                    s.execute("UPDATE performance_schema.setup_instruments SET ENABLED = '" + e.getValue()[0]
                            + "', TIMED = '" + e.getValue()[1] + "' WHERE NAME = '" + e.getKey() + "'");
                }
                for (Map.Entry<String, String> e : consumers.entrySet()) {
                    s.execute("UPDATE performance_schema.setup_consumers SET ENABLED = '" + e.getValue()
                            + "' WHERE NAME = '" + e.getKey() + "'");
                }
            }
        }
    }
}
