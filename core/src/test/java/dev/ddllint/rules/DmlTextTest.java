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

    @Test
    void theFirstTokenDecidesAndARepeatedAskGivesTheSameClauses() {
        assertThat(DmlText.of("/* x */ -- y\n  update t set a = 1").verb()).isEqualTo("UPDATE");
        assertThat(DmlText.of("`UPDATE` t").verb()).isNull();
        assertThat(DmlText.of("-- only a comment").verb()).isNull();
        String sql = "DELETE FROM t WHERE a = 1 LIMIT 5";
        DmlText first = DmlText.of(sql);
        assertThat(DmlText.of(sql)).isSameAs(first);
        assertThat(DmlText.of("UPDATE u SET b = 2")).isEqualTo(DmlText.of(new String("UPDATE u SET b = 2")));
        DmlText again = DmlText.of(new String(sql));
        assertThat(again).isEqualTo(first);
        assertThat(again.where()).extracting(dev.ddllint.sql.Token::text).containsExactly("a", "=", "1");
        assertThat(again.limited()).isTrue();
    }
}
