package dev.ddllint.model;

import java.util.Locale;

/** A table reference as written; comparisons ignore case (InnoDB on Linux still keys by lower case in practice). */
public record TableName(String schema, String name) {

    public static TableName of(String schema, String name) {
        return new TableName(schema, name);
    }

    /**
     * Key for schema maps, lower case: {@code schema.name} when qualified, else the name. Two databases' tables of
     * one name are two tables; a qualified and an unqualified reference are not taken for the same table (the
     * default database is not known), so the second is unknown, which errs on the safe side.
     */
    public String key() {
        return schema == null ? name.toLowerCase(Locale.ROOT)
                : schema.toLowerCase(Locale.ROOT) + "." + name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
