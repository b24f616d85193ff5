package dev.ddllint.verify;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LadderSqlTest {

    @Test
    void alterTakesTheClausesAfterTheTableNameOrAtTheEnd() {
        String alter = "ALTER TABLE t ADD COLUMN c INT";
        assertThat(LadderSql.place(alter, 1, "INPLACE", "NONE"))
                .contains("ALTER TABLE t ALGORITHM=INPLACE, LOCK=NONE, ADD COLUMN c INT");
        assertThat(LadderSql.place(alter, 2, "INSTANT", null)).contains("ALTER TABLE t ALGORITHM=INSTANT ADD COLUMN c INT");
        assertThat(LadderSql.place(alter, 3, "COPY", "SHARED"))
                .contains("ALTER TABLE t ADD COLUMN c INT, ALGORITHM=COPY, LOCK=SHARED");
        assertThat(LadderSql.place("ALTER TABLE t PARTITION BY HASH (id) PARTITIONS 2", 1, "COPY", null))
                .contains("ALTER TABLE t ALGORITHM=COPY PARTITION BY HASH (id) PARTITIONS 2");
    }

    @Test
    void indexStatementsTakeTheClausesAppended() {
        assertThat(LadderSql.place("CREATE INDEX k ON t (a)", 1, "INPLACE", "NONE"))
                .contains("CREATE INDEX k ON t (a) ALGORITHM=INPLACE LOCK=NONE");
        assertThat(LadderSql.place("DROP INDEX k ON t", 1, "INSTANT", null)).contains("DROP INDEX k ON t ALGORITHM=INSTANT");
        assertThat(LadderSql.place("CREATE INDEX k ON t (a)", 2, "INPLACE", "NONE")).isEmpty();
    }

    @Test
    void dropIndexIsAlsoAskedAsTheAlterItStandsFor() {
        // MariaDB's DROP INDEX takes no ALGORITHM/LOCK (error 1064): the ladder asks the equivalent ALTER.
        assertThat(LadderSql.place("DROP INDEX k ON t", 2, "NOCOPY", "NONE"))
                .contains("ALTER TABLE t ALGORITHM=NOCOPY, LOCK=NONE, DROP INDEX k");
        assertThat(LadderSql.place("drop index if exists `my key` on db.`t 1`", 2, "INPLACE", null))
                .contains("ALTER TABLE db.`t 1` ALGORITHM=INPLACE, DROP INDEX if exists `my key`");
        assertThat(LadderSql.place("DROP INDEX `PRIMARY` ON t", 2, "COPY", "SHARED"))
                .contains("ALTER TABLE t ALGORITHM=COPY, LOCK=SHARED, DROP INDEX `PRIMARY`");
        // Anything after the table (WAIT n, NOWAIT) is not rewritten.
        assertThat(LadderSql.place("DROP INDEX k ON t NOWAIT", 2, "INPLACE", null)).isEqualTo(Optional.empty());
    }

    @Test
    void stripRemovesTheClausesWherevertheyStand() {
        assertThat(LadderSql.strip("ALTER TABLE t ALGORITHM=INPLACE, LOCK=NONE, ADD COLUMN c INT"))
                .isEqualTo("ALTER TABLE t ADD COLUMN c INT");
        assertThat(LadderSql.strip("DROP INDEX k ON t ALGORITHM=COPY LOCK=SHARED")).isEqualTo("DROP INDEX k ON t");
    }
}
