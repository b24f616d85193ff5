package dev.ddllint.schema;

import dev.ddllint.model.TableName;
import dev.ddllint.parse.StatementParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tables whose foreign keys reference a table follow every replayed change of foreign keys and names. */
class SchemaLinksTest {

    private static final StatementParser PARSER = new StatementParser(10_000);

    private final Schema schema = new Schema();

    private void run(String sql) {
        schema.apply(PARSER.parse(sql), "V1__t.sql:1");
    }

    private java.util.List<String> referencing(String table) {
        return schema.links(TableName.of(null, table)).referencedBy();
    }

    @Test
    void referencingTablesFollowCreatesAltersRenamesAndDrops() {
        run("CREATE TABLE customers (id INT PRIMARY KEY)");
        run("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, "
                + "CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id))");
        assertThat(referencing("customers")).containsExactly("orders");
        assertThat(referencing("orders")).isEmpty();

        run("CREATE TABLE invoices (id INT PRIMARY KEY, customer_id INT)");
        run("ALTER TABLE invoices ADD CONSTRAINT fk_inv FOREIGN KEY (customer_id) REFERENCES customers (id)");
        assertThat(referencing("customers")).containsExactly("invoices", "orders");

        run("RENAME TABLE orders TO orders_v2");
        assertThat(referencing("customers")).containsExactly("invoices", "orders_v2");

        run("ALTER TABLE invoices DROP FOREIGN KEY fk_inv");
        assertThat(referencing("customers")).containsExactly("orders_v2");

        run("ALTER TABLE orders_v2 ADD COLUMN note VARCHAR(20)");
        assertThat(referencing("customers")).containsExactly("orders_v2");

        run("DROP TABLE orders_v2");
        assertThat(referencing("customers")).isEmpty();
    }
}
