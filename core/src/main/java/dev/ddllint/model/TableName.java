package dev.ddllint.model;

import java.util.Locale;

/** A table reference as written; comparisons ignore case (InnoDB on Linux still keys by lower case in practice). */
public record TableName(String schema, String name) {

    public static TableName of(String schema, String name) {
        return new TableName(schema, name);
    }

    /** Key for schema maps: the unqualified lower-case name. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
