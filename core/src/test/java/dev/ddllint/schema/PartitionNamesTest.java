package dev.ddllint.schema;

import dev.ddllint.model.ClauseKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The partition names a table's facts keep through ADD, DROP and REORGANIZE PARTITION. */
class PartitionNamesTest {

    @Test
    void addDropAndReorganizeKeepTheNamesKnown() {
        String names = PartitionNames.after(ClauseKind.ADD_PARTITION,
                "ADD PARTITION (PARTITION p2 VALUES LESS THAN (300), PARTITION `P3` VALUES LESS THAN (400))", "p0,p1");
        assertThat(names).isEqualTo("p0,p1,p2,p3");
        names = PartitionNames.after(ClauseKind.DROP_PARTITION, "DROP PARTITION p0, `p3`", names);
        assertThat(names).isEqualTo("p1,p2");
        names = PartitionNames.after(ClauseKind.REORGANIZE_PARTITION, "REORGANIZE PARTITION p1 INTO "
                + "(PARTITION p1a VALUES LESS THAN (150), PARTITION p1b VALUES LESS THAN (200))", names);
        assertThat(names).isEqualTo("p2,p1a,p1b");
    }

    @Test
    void whatDoesNotFitTheKnownNamesLeavesThemUnknown() {
        assertThat(PartitionNames.after(ClauseKind.DROP_PARTITION, "DROP PARTITION p9", "p0,p1")).isNull();
        assertThat(PartitionNames.after(ClauseKind.DROP_PARTITION, "DROP PARTITION p0, p1", "p0,p1")).isNull();
        assertThat(PartitionNames.after(ClauseKind.ADD_PARTITION, "ADD PARTITION PARTITIONS 2", "p0,p1")).isNull();
        assertThat(PartitionNames.after(ClauseKind.COALESCE_PARTITION, "COALESCE PARTITION 1", "p0,p1")).isNull();
        assertThat(PartitionNames.after(ClauseKind.REORGANIZE_PARTITION, "REORGANIZE PARTITION p7 INTO "
                + "(PARTITION a VALUES LESS THAN (1))", "p0,p1")).isNull();
        assertThat(PartitionNames.after(ClauseKind.ADD_PARTITION, "ADD PARTITION (PARTITION p2 VALUES IN (3))",
                null)).isNull();
    }
}
