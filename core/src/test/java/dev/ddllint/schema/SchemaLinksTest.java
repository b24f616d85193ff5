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

    private java.util.Set<String> referencedColumns(String table) {
        return schema.referencedColumns(TableName.of(null, table));
    }

    @Test
    void referencedColumnsFollowTheRenamesOfTheReferencedTableAndItsColumns() {
        run("CREATE TABLE customers (id INT PRIMARY KEY, code INT NOT NULL, UNIQUE KEY uk_code (code))");
        run("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, "
                + "CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id))");
        run("ALTER TABLE orders ADD CONSTRAINT fk_code FOREIGN KEY (id) REFERENCES customers (code)");
        assertThat(referencedColumns("customers")).containsExactlyInAnyOrder("id", "code");
        assertThat(referencedColumns("orders")).isEmpty();

        // The server keeps the foreign keys pointing at the renamed column and table; so does the replay.
        run("ALTER TABLE customers RENAME COLUMN id TO customer_id");
        assertThat(referencedColumns("customers")).containsExactlyInAnyOrder("customer_id", "code");
        run("RENAME TABLE customers TO clients");
        assertThat(referencedColumns("clients")).containsExactlyInAnyOrder("customer_id", "code");
        assertThat(referencing("clients")).containsExactly("orders");
        run("ALTER TABLE clients CHANGE COLUMN code client_code INT NOT NULL, RENAME TO accounts");
        assertThat(referencedColumns("accounts")).containsExactlyInAnyOrder("customer_id", "client_code");

        run("ALTER TABLE orders DROP FOREIGN KEY fk_code");
        assertThat(referencedColumns("accounts")).containsExactly("customer_id");
    }

    @Test
    void aSelfReferenceCounts() {
        run("CREATE TABLE nodes (id INT PRIMARY KEY, parent_id INT, "
                + "CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES nodes (id))");
        assertThat(referencedColumns("nodes")).containsExactly("id");
        run("ALTER TABLE nodes RENAME COLUMN id TO node_id");
        assertThat(referencedColumns("nodes")).containsExactly("node_id");
    }
}
