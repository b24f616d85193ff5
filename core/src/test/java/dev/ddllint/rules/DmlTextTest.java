package dev.ddllint.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DmlTextTest {

    @Test
    void readsTheTableAndTopLevelClauses() {
        DmlText d = DmlText.of("UPDATE app.monitor_status SET total = (SELECT 1 WHERE x) WHERE monitor_status.id < 5");
        assertThat(d.verb()).isEqualTo("UPDATE");
        assertThat(d.table()).isEqualTo("monitor_status");
        assertThat(d.where()).isNotNull();
        assertThat(d.limited()).isFalse();
        assertThat(d.joined()).isFalse();
    }

    @Test
    void aWhereInsideASubqueryIsNotTheStatements() {
        DmlText d = DmlText.of("DELETE FROM sessions ORDER BY (SELECT id FROM x WHERE y = 1) LIMIT 10");
        assertThat(d.table()).isEqualTo("sessions");
        assertThat(d.where()).isNull();
        assertThat(d.limited()).isTrue();
    }

    @Test
    void insertColumnListAndSelect() {
        DmlText listed = DmlText.of("INSERT INTO t (a, b) SELECT a, b FROM s");
        assertThat(listed.columnList()).isTrue();
        assertThat(listed.fromSelect()).isTrue();
        DmlText values = DmlText.of("INSERT IGNORE INTO db.t VALUES (1, (SELECT 2))");
        assertThat(values.table()).isEqualTo("t");
        assertThat(values.columnList()).isFalse();
        assertThat(values.fromSelect()).isFalse();
    }

    @Test
    void joinsAndTableListsAreMultiTable() {
        assertThat(DmlText.of("UPDATE a JOIN b ON a.id = b.id SET a.x = b.x").joined()).isTrue();
        assertThat(DmlText.of("DELETE a FROM a, b").joined()).isTrue();
        assertThat(DmlText.of("UPDATE a SET x = 1, y = 2").joined()).isFalse();
    }

    @Test
    void otherStatementsAreNotDml() {
        assertThat(DmlText.of("SELECT * FROM t").verb()).isNull();
        assertThat(DmlText.of("ALTER TABLE t ADD COLUMN c INT").verb()).isNull();
        assertThat(DmlText.of("").verb()).isNull();
    }
}
