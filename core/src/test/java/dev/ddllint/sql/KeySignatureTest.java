package dev.ddllint.sql;

import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.parse.StatementParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Two declarations of a key compare equal exactly when they declare the same key (IndexDefinition.signature). */
class KeySignatureTest {

    private static final StatementParser PARSER = new StatementParser(10_000);

    private static IndexDefinition primaryOfCreate(String sql) {
        return PARSER.parse(sql).createTable().indexes().stream().filter(i -> i.kind() == IndexKind.PRIMARY)
                .findFirst().orElseThrow();
    }

    private static IndexDefinition added(String alter) {
        return PARSER.parse(alter).operations().get(PARSER.parse(alter).operations().size() - 1).index();
    }

    @Test
    void theSameKeyWrittenTheSameWayOrInlineIsTheSame() {
        IndexDefinition table = primaryOfCreate("CREATE TABLE t (id INT NOT NULL, a INT, PRIMARY KEY (`id`))");
        IndexDefinition inline = primaryOfCreate("CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT)");
        IndexDefinition again = added("ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (ID)");
        assertThat(table.sameDeclarationAs(again)).isTrue();
        assertThat(inline.sameDeclarationAs(again)).isTrue();
        assertThat(primaryOfCreate("CREATE TABLE t (a INT, b INT, PRIMARY KEY (a, b))")
                .sameDeclarationAs(added("ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (a,b)"))).isTrue();
    }

    @Test
    void directionsPrefixesOrderAndOptionsMakeAnotherKey() {
        IndexDefinition table = primaryOfCreate("CREATE TABLE t (a INT NOT NULL, b VARCHAR(20) NOT NULL, "
                + "PRIMARY KEY (a, b))");
        assertThat(table.sameDeclarationAs(added("ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (b, a)"))).isFalse();
        assertThat(table.sameDeclarationAs(added("ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (a, b DESC)")))
                .isFalse();
        assertThat(table.sameDeclarationAs(added("ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (a, b(10))")))
                .isFalse();
        assertThat(table.sameDeclarationAs(added("ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (a, b) "
                + "COMMENT 'x'"))).isFalse();
    }

    @Test
    void aUniqueKeyAndAPrimaryKeyOfTheSamePartsCompareEqual() {
        IndexDefinition unique = PARSER.parse("CREATE TABLE t (id INT NOT NULL, UNIQUE KEY uk_id (id))").createTable()
                .indexes().get(0);
        assertThat(unique.sameDeclarationAs(added("ALTER TABLE t ADD PRIMARY KEY (id)"))).isTrue();
        assertThat(unique.sameDeclarationAs(added("ALTER TABLE t ADD PRIMARY KEY (id) USING HASH"))).isFalse();
    }

    @Test
    void anUnknownSignatureIsNeverTheSame() {
        IndexDefinition unknown = new IndexDefinition("PRIMARY", IndexKind.PRIMARY, java.util.List.of("id"), null);
        assertThat(unknown.sameDeclarationAs(unknown)).isFalse();
    }
}
