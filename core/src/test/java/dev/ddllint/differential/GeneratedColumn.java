package dev.ddllint.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * One column of a generated table, as the generator knows it (enough to write its definition, its values and
 * changes to it).
 *
 * @param type      the data type as written, e.g. {@code VARCHAR(20)}, {@code DECIMAL(8,2)}, {@code ENUM('a','b')}
 * @param family    the type's family (decides values, defaults, index forms and changes)
 * @param unsigned  UNSIGNED (numeric families only)
 * @param charset   CHARACTER SET, or null
 * @param collation COLLATE, or null
 * @param defaultClause what follows DEFAULT ({@code 0}, {@code 'x'}, {@code (UUID())}, {@code CURRENT_TIMESTAMP}), or null
 * @param onUpdate  ON UPDATE CURRENT_TIMESTAMP
 * @param generated VIRTUAL or STORED, or null
 * @param expression the generation expression (without parentheses), or null
 * @param srid      the SRID attribute (MySQL spatial columns), or null
 */
record GeneratedColumn(String name, String type, ColumnTypes.Family family, boolean unsigned, String charset,
                       String collation, boolean notNull, String defaultClause, boolean onUpdate, String generated,
                       String expression, boolean invisible, boolean autoIncrement, String comment, Integer srid) {

    static GeneratedColumn of(String name, String type, ColumnTypes.Family family) {
        return new GeneratedColumn(name, type, family, false, null, null, false, null, false, null, null, false,
                false, null, null);
    }

    String definition(boolean mariadb) {
        StringBuilder sb = new StringBuilder(name).append(' ').append(type);
        if (unsigned) {
            sb.append(" UNSIGNED");
        }
        if (charset != null) {
            sb.append(" CHARACTER SET ").append(charset);
        }
        if (collation != null) {
            sb.append(" COLLATE ").append(collation);
        }
        if (generated != null) {
            sb.append(mariadb ? " AS (" : " GENERATED ALWAYS AS (").append(expression).append(") ").append(generated);
        }
        if (notNull) {
            sb.append(" NOT NULL");
        } else if (generated == null) {
            sb.append(" NULL");
        }
        if (defaultClause != null) {
            sb.append(" DEFAULT ").append(defaultClause);
        }
        if (onUpdate) {
            sb.append(" ON UPDATE CURRENT_TIMESTAMP").append(fsp());
        }
        if (autoIncrement) {
            sb.append(" AUTO_INCREMENT");
        }
        if (invisible) {
            sb.append(" INVISIBLE");
        }
        if (comment != null) {
            sb.append(" COMMENT '").append(comment).append('\'');
        }
        if (srid != null && !mariadb) {
            sb.append(" SRID ").append(srid);
        }
        return sb.toString();
    }

    /** The fractional-seconds precision of a temporal type, as {@code (n)}, or empty. */
    String fsp() {
        int open = type.indexOf('(');
        return open < 0 ? "" : type.substring(open);
    }

    /** The declared length of a CHAR/VARCHAR/BINARY/VARBINARY/BIT, or -1. */
    int length() {
        int open = type.indexOf('(');
        if (open < 0 || type.startsWith("ENUM") || type.startsWith("SET") || type.startsWith("DECIMAL")) {
            return -1;
        }
        return Integer.parseInt(type.substring(open + 1, type.indexOf(')')));
    }

    boolean isStored() {
        return !"VIRTUAL".equals(generated);
    }

    /** Values written by the setup's INSERT (null for columns the server fills). */
    boolean insertable() {
        return generated == null;
    }

    /** Columns this column's definition refers to (its generation expression's base). */
    List<String> references(List<GeneratedColumn> all) {
        List<String> out = new ArrayList<>();
        if (expression != null) {
            for (GeneratedColumn c : all) {
                if (!c.name.equals(name) && expression.matches(".*\\b" + c.name + "\\b.*")) {
                    out.add(c.name);
                }
            }
        }
        return out;
    }

    GeneratedColumn withName(String n) {
        return new GeneratedColumn(n, type, family, unsigned, charset, collation, notNull, defaultClause, onUpdate,
                generated, expression, invisible, autoIncrement, comment, srid);
    }

    GeneratedColumn withType(String t, ColumnTypes.Family f) {
        return new GeneratedColumn(name, t, f, unsigned && f.numeric(), f.textual() ? charset : null,
                f.textual() ? collation : null, notNull, null, false, generated, expression, invisible,
                autoIncrement, comment, f.spatial() ? srid : null);
    }

    GeneratedColumn withUnsigned(boolean u) {
        return new GeneratedColumn(name, type, family, u, charset, collation, notNull, defaultClause, onUpdate,
                generated, expression, invisible, autoIncrement, comment, srid);
    }

    GeneratedColumn withCharset(String cs, String co) {
        return new GeneratedColumn(name, type, family, unsigned, cs, co, notNull, defaultClause, onUpdate, generated,
                expression, invisible, autoIncrement, comment, srid);
    }

    GeneratedColumn withNotNull(boolean nn) {
        return new GeneratedColumn(name, type, family, unsigned, charset, collation, nn, defaultClause, onUpdate,
                generated, expression, invisible, autoIncrement, comment, srid);
    }

    GeneratedColumn withDefault(String d) {
        return new GeneratedColumn(name, type, family, unsigned, charset, collation, notNull, d, onUpdate && d != null,
                generated, expression, invisible, autoIncrement, comment, srid);
    }

    GeneratedColumn withGenerated(String g, String expr) {
        return new GeneratedColumn(name, type, family, unsigned, charset, collation, notNull && g == null,
                g == null ? defaultClause : null, g == null && onUpdate, g, expr, invisible, autoIncrement && g == null,
                comment, srid);
    }

    GeneratedColumn withInvisible(boolean i) {
        return new GeneratedColumn(name, type, family, unsigned, charset, collation, notNull, defaultClause, onUpdate,
                generated, expression, i, autoIncrement, comment, srid);
    }

    GeneratedColumn withAutoIncrement(boolean ai) {
        return new GeneratedColumn(name, type, family, unsigned, charset, collation, notNull || ai,
                ai ? null : defaultClause, onUpdate, generated, expression, invisible, ai, comment, srid);
    }

    GeneratedColumn withComment(String c) {
        return new GeneratedColumn(name, type, family, unsigned, charset, collation, notNull, defaultClause, onUpdate,
                generated, expression, invisible, autoIncrement, c, srid);
    }

    GeneratedColumn withSrid(Integer s) {
        return new GeneratedColumn(name, type, family, unsigned, charset, collation, notNull, defaultClause, onUpdate,
                generated, expression, invisible, autoIncrement, comment, s);
    }
}
