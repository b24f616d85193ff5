package db.safe;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/** A Java-based migration among SQL ones: the callback skips it with a note. */
public class V2__Java_step extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("INSERT INTO account (id, amount) VALUES (3, 30)");
        }
    }
}
