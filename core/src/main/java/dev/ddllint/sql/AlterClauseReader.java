package dev.ddllint.sql;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.IndexDefinition;
import dev.ddllint.model.IndexDefinition.IndexKind;
import dev.ddllint.model.ClauseKind;
import dev.ddllint.model.RequestedAlgorithm;
import dev.ddllint.model.RequestedLock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tolerant clause-level reader of ALTER TABLE specifications. It reads each comma-separated clause on its
 * own, so one clause it does not know (an {@link ClauseKind#UNKNOWN}) never hides the others.
 */
public final class AlterClauseReader {

    /** Operations plus the ALGORITHM/LOCK clauses found among them. */
    public record Clauses(List<AlterOperation> operations, RequestedAlgorithm algorithm, RequestedLock lock,
                          boolean written) {
    }

    private AlterClauseReader() {
    }

    /** Reads the specification list that follows {@code ALTER TABLE name}. */
    public static Clauses read(String source, List<Token> specification) {
        List<AlterOperation> operations = new ArrayList<>();
        RequestedAlgorithm algorithm = RequestedAlgorithm.DEFAULT;
        RequestedLock lock = RequestedLock.DEFAULT;
        boolean written = false;
        for (List<Token> clause : splitTrailingPartitioning(ColumnDefinitionReader.splitOnCommas(specification))) {
            TokenCursor in = new TokenCursor(clause);
            while (!in.atEnd()) {
                int before = in.position();
                if (in.accept("ALGORITHM")) {
                    in.acceptSymbol("=");
                    algorithm = parseAlgorithm(in.next());
                    written = true;
                } else if (in.accept("LOCK")) {
                    in.acceptSymbol("=");
                    lock = parseLock(in.next());
                    written = true;
                } else {
                    OperationBuilder builder = new OperationBuilder();
                    AlterOperation op = readOperation(in, builder);
                    List<Token> read = in.between(before, in.position());
                    operations.add(withText(op, source, read));
                    builder.more.forEach(more -> operations.add(withText(more, source, read)));
                }
                if (in.position() == before) {
                    in.next(); // never loop without progress
                }
            }
        }
        return new Clauses(joinPartitionNameLists(operations), algorithm, lock, written);
    }

    /**
     * {@code DROP / TRUNCATE / REORGANIZE / REBUILD / ANALYZE ... PARTITION p0, p1}: the commas of a partition name
     * list do not start clauses (a partition operation is the only clause of its statement); a comma-split piece,
     * read as an unknown clause or given the partition operation's kind, is joined back to the clause it belongs to.
     */
    public static List<AlterOperation> joinPartitionNameLists(List<AlterOperation> operations) {
        List<AlterOperation> out = new ArrayList<>();
        for (AlterOperation op : operations) {
            AlterOperation previous = out.isEmpty() ? null : out.get(out.size() - 1);
            String text = op.text() == null ? "" : op.text();
            if (previous != null && NAME_LIST_PARTITION_KINDS.contains(previous.kind())
                    && (op.kind() == previous.kind() || op.kind() == ClauseKind.UNKNOWN)
                    && PARTITION_NAME_FIRST.matcher(text).find() && !PARTITION_CLAUSE_START.matcher(text).find()) {
                String written = previous.authorText() + ", " + op.authorText();
                out.set(out.size() - 1, new AlterOperation(previous.kind(), previous.text() + ", " + text,
                        previous.column(), previous.newName(), previous.definition(), previous.index(),
                        previous.value(), previous.written() == null && op.written() == null ? null : written));
            } else {
                out.add(op);
            }
        }
        return out;
    }

    private static final java.util.Set<ClauseKind> NAME_LIST_PARTITION_KINDS = java.util.EnumSet.of(
            ClauseKind.DROP_PARTITION, ClauseKind.TRUNCATE_PARTITION, ClauseKind.REORGANIZE_PARTITION,
            ClauseKind.REBUILD_PARTITION, ClauseKind.PARTITION_MAINTENANCE);
    private static final java.util.regex.Pattern PARTITION_NAME_FIRST =
            java.util.regex.Pattern.compile("^\\s*(`[^`]+`|[A-Za-z0-9_$]+)(\\s+INTO\\b|\\s*$)",
                    java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern PARTITION_CLAUSE_START =
            java.util.regex.Pattern.compile("^\\s*\\w+\\s+PARTITION\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * PARTITION BY / REMOVE PARTITIONING follow the last alter clause without a comma
     * ({@code ADD c INT PARTITION BY KEY () PARTITIONS 2}): a clause of their own.
     */
    private static List<List<Token>> splitTrailingPartitioning(List<List<Token>> clauses) {
        List<List<Token>> out = new ArrayList<>();
        for (List<Token> clause : clauses) {
            int depth = 0;
            int cut = -1;
            for (int i = 1; i < clause.size() && cut < 0; i++) {
                Token t = clause.get(i);
                if (t.isSymbol("(")) {
                    depth++;
                } else if (t.isSymbol(")")) {
                    depth--;
                } else if (depth == 0 && i + 1 < clause.size() && (t.is("PARTITION") && clause.get(i + 1).is("BY")
                        || t.is("REMOVE") && clause.get(i + 1).is("PARTITIONING"))) {
                    cut = i;
                }
            }
            if (cut < 0) {
                out.add(clause);
            } else {
                out.add(clause.subList(0, cut));
                out.add(clause.subList(cut, clause.size()));
            }
        }
        return out;
    }

    public static RequestedAlgorithm parseAlgorithm(Token t) {
        if (t == null) {
            return RequestedAlgorithm.DEFAULT;
        }
        try {
            return RequestedAlgorithm.valueOf(t.upper());
        } catch (IllegalArgumentException e) {
            return RequestedAlgorithm.DEFAULT;
        }
    }

    public static RequestedLock parseLock(Token t) {
        if (t == null) {
            return RequestedLock.DEFAULT;
        }
        try {
            return RequestedLock.valueOf(t.upper());
        } catch (IllegalArgumentException e) {
            return RequestedLock.DEFAULT;
        }
    }

    /**
     * Reads one operation. Table options may follow each other without commas ({@code ENGINE=InnoDB
     * DEFAULT CHARSET=utf8}), so an option stops at the next option keyword; everything else runs to the end of
     * its clause.
     */
    private static AlterOperation readOperation(TokenCursor in, OperationBuilder op) {
        Token first = in.peek();
        if (in.accept("ADD")) {
            return readAdd(op, in);
        }
        if (in.accept("DROP")) {
            return readDrop(op, in);
        }
        if (in.accept("MODIFY")) {
            in.accept("COLUMN");
            ifExists(in);
            String name = nameOf(in.next());
            ColumnDefinition def = ColumnDefinitionReader.read(name, in);
            return op.build(ClauseKind.MODIFY_COLUMN).withColumn(name).withDefinition(def);
        }
        if (in.accept("CHANGE")) {
            in.accept("COLUMN");
            ifExists(in);
            String oldName = nameOf(in.next());
            String newName = nameOf(in.next());
            ColumnDefinition def = ColumnDefinitionReader.read(newName, in);
            return op.build(ClauseKind.CHANGE_COLUMN).withColumn(oldName).withNewName(newName).withDefinition(def);
        }
        if (in.accept("RENAME")) {
            if (in.accept("COLUMN")) {
                ifExists(in);
                String oldName = nameOf(in.next());
                in.accept("TO");
                return op.build(ClauseKind.RENAME_COLUMN).withColumn(oldName).withNewName(nameOf(in.next()));
            }
            if (in.accept("INDEX") || in.accept("KEY")) {
                String oldName = nameOf(in.next());
                in.accept("TO");
                return op.build(ClauseKind.RENAME_INDEX).withColumn(oldName).withNewName(nameOf(in.next()));
            }
            if (!in.accept("TO")) {
                in.accept("AS");
            }
            TokenCursor.QualifiedName target = in.name();
            return op.build(ClauseKind.RENAME_TABLE).withNewName(target == null ? null : target.name());
        }
        if (in.accept("ALTER")) {
            if (in.accept("INDEX") || in.accept("KEY")) {
                String name = nameOf(in.next());
                skipRest(in);
                return op.build(ClauseKind.SET_INDEX_VISIBILITY).withIndex(index(name, IndexKind.PLAIN));
            }
            if (in.accept("CHECK") || in.accept("CONSTRAINT")) {
                String name = nameOf(in.next());
                int start = in.position();
                skipRest(in);
                return op.build(ClauseKind.ADD_CHECK_CONSTRAINT).withIndex(index(name, IndexKind.CHECK)
                        .withSignature(enforcement(in.between(start, in.position()))));
            }
            in.accept("COLUMN");
            String name = nameOf(in.next());
            if (in.acceptAll("SET", "DEFAULT")) {
                skipRest(in);
                return op.build(ClauseKind.SET_DEFAULT).withColumn(name);
            }
            if (in.acceptAll("DROP", "DEFAULT")) {
                return op.build(ClauseKind.DROP_DEFAULT).withColumn(name);
            }
            if (in.accept("SET")) {
                skipRest(in);
                return op.build(ClauseKind.SET_COLUMN_VISIBILITY).withColumn(name);
            }
            skipRest(in);
            return op.build(ClauseKind.UNKNOWN).withColumn(name);
        }
        if (in.acceptAll("CONVERT", "TO")) {
            return op.build(ClauseKind.CONVERT_CHARSET).withValue(lower(charsetAndCollation(in)));
        }
        if (first != null && (first.is("DEFAULT") || first.is("CHARACTER") || first.is("CHARSET")
                || first.is("COLLATE"))) {
            in.accept("DEFAULT");
            if (in.accept("COLLATE")) {
                in.acceptSymbol("=");
                return op.build(ClauseKind.DEFAULT_CHARSET).withValue(lower(nameOf(in.next())));
            }
            return op.build(ClauseKind.DEFAULT_CHARSET).withValue(lower(charsetAndCollation(in)));
        }
        if (in.accept("FORCE")) {
            return op.build(ClauseKind.FORCE);
        }
        if (in.acceptAll("ORDER", "BY")) {
            skipRest(in);
            return op.build(ClauseKind.ORDER_BY);
        }
        if (in.accept("DISCARD") || in.accept("IMPORT")) {
            boolean discard = first.is("DISCARD");
            if (in.accept("PARTITION")) {
                skipRest(in);
                return op.build(ClauseKind.PARTITION_MAINTENANCE);
            }
            in.accept("TABLESPACE");
            return op.build(discard ? ClauseKind.DISCARD_TABLESPACE : ClauseKind.IMPORT_TABLESPACE);
        }
        if (in.accept("ENABLE") || in.accept("DISABLE")) {
            in.accept("KEYS");
            return op.build(ClauseKind.TABLE_OPTION).withValue(first.upper() + " KEYS");
        }
        if (in.accept("WITH") || in.accept("WITHOUT")) {
            in.accept("VALIDATION");
            return op.build(ClauseKind.TABLE_OPTION).withValue(first.upper() + " VALIDATION");
        }
        AlterOperation partition = readPartition(op, in);
        if (partition != null) {
            return partition;
        }
        AlterOperation option = readTableOption(op, in);
        if (option != null) {
            return option;
        }
        skipRest(in);
        return op.build(ClauseKind.UNKNOWN);
    }

    private static AlterOperation readAdd(OperationBuilder op, TokenCursor in) {
        String constraint = null;
        if (in.accept("CONSTRAINT")) {
            Token t = in.peek();
            if (t != null && t.isName() && !t.is("PRIMARY") && !t.is("UNIQUE") && !t.is("FOREIGN")
                    && !t.is("CHECK")) {
                constraint = nameOf(in.next());
            }
        }
        if (in.acceptAll("PRIMARY", "KEY")) {
            if (in.accept("USING")) {
                in.next();
            }
            int start = in.position();
            List<String> cols = columnNames(in.parenthesised());
            skipRest(in);
            return op.build(ClauseKind.ADD_PRIMARY_KEY).withIndex(new IndexDefinition("PRIMARY", IndexKind.PRIMARY,
                    cols, null).withSignature(signature(in.between(start, in.position()))));
        }
        if (in.accept("UNIQUE")) {
            if (!in.accept("INDEX")) {
                in.accept("KEY");
            }
            return addIndex(op, in, constraint, IndexKind.UNIQUE);
        }
        if (in.acceptAll("FOREIGN", "KEY")) {
            ifNotExists(in);
            String name = constraint;
            if (in.peek() != null && in.peek().isName()) {
                String indexName = nameOf(in.next());
                name = name == null ? indexName : name;
            }
            List<String> cols = columnNames(in.parenthesised());
            String referenced = null;
            List<String> referencedColumns = List.of();
            if (in.accept("REFERENCES")) {
                TokenCursor.QualifiedName ref = in.name();
                referenced = ref == null ? null : ref.name();
                referencedColumns = columnNames(in.parenthesised());
            }
            boolean cascading = false;
            while (!in.atEnd()) {
                Token action = in.next();
                if (action.is("CASCADE") || action.is("SET") && in.peekIs("NULL")) {
                    cascading = true;
                }
            }
            return op.build(ClauseKind.ADD_FOREIGN_KEY).withIndex(new IndexDefinition(name, IndexKind.FOREIGN, cols,
                    referenced, false, List.of(), cascading, referencedColumns));
        }
        if (in.accept("CHECK")) {
            int start = in.position();
            skipRest(in);
            return op.build(ClauseKind.ADD_CHECK_CONSTRAINT).withIndex(index(constraint, IndexKind.CHECK)
                    .withSignature(enforcement(in.between(start, in.position()))));
        }
        boolean fulltext = in.accept("FULLTEXT");
        if (fulltext || in.accept("SPATIAL")) {
            IndexKind kind = fulltext ? IndexKind.FULLTEXT : IndexKind.SPATIAL;
            if (!in.accept("INDEX")) {
                in.accept("KEY");
            }
            return addIndex(op, in, constraint, kind);
        }
        if (in.accept("INDEX") || in.accept("KEY")) {
            return addIndex(op, in, constraint, IndexKind.PLAIN);
        }
        if (in.accept("PARTITION")) {
            skipRest(in);
            return op.build(ClauseKind.ADD_PARTITION);
        }
        if (systemVersioning(in)) {
            return op.build(ClauseKind.SYSTEM_VERSIONING);
        }
        in.accept("COLUMN");
        ifNotExists(in);
        if (in.peek() != null && in.peek().isSymbol("(")) {
            // ADD COLUMN (a INT, b INT): one operation a column, each classified on its own (one may have an
            // expression default, another be AUTO_INCREMENT).
            List<Token> inner = in.parenthesised();
            List<AlterOperation> columns = new ArrayList<>();
            for (List<Token> part : ColumnDefinitionReader.splitOnCommas(inner)) {
                TokenCursor c = new TokenCursor(part);
                Token nameToken = c.next();
                ColumnDefinition def = nameToken == null || !nameToken.isName() ? null
                        : ColumnDefinitionReader.read(nameOf(nameToken), c);
                columns.add(def == null ? op.build(ClauseKind.UNKNOWN)
                        : op.build(ClauseKind.ADD_COLUMN).withColumn(def.name()).withDefinition(def));
            }
            if (columns.isEmpty()) {
                return op.build(ClauseKind.UNKNOWN);
            }
            op.more.addAll(columns.subList(1, columns.size()));
            return columns.get(0);
        }
        Token nameToken = in.next();
        if (nameToken == null || !nameToken.isName()) {
            skipRest(in);
            return op.build(ClauseKind.UNKNOWN);
        }
        String name = nameToken.value();
        ColumnDefinition def = ColumnDefinitionReader.read(name, in);
        if (def == null) {
            return op.build(ClauseKind.UNKNOWN).withColumn(name);
        }
        return op.build(ClauseKind.ADD_COLUMN).withColumn(name).withDefinition(def);
    }

    private static AlterOperation addIndex(OperationBuilder op, TokenCursor in, String constraint, IndexKind kind) {
        ifNotExists(in);
        String name = constraint;
        Token t = in.peek();
        if (t != null && t.isName() && !t.is("USING")) {
            String indexName = nameOf(in.next());
            name = name == null ? indexName : name;
        }
        boolean hash = false;
        if (in.accept("USING")) {
            hash = isHash(in.next());
        }
        int start = in.position();
        List<Token> parts = in.parenthesised();
        int end = in.position();
        hash |= usingHashInRest(in);
        // usingHashInRest reads the options after the parts: they belong to the signature too.
        return op.build(ClauseKind.ADD_INDEX).withIndex(new IndexDefinition(name, kind, columnNames(parts), null,
                hash, prefixedColumns(parts), false).withSignature(signature(in.between(start, Math.max(end,
                in.position())))));
    }

    /** A CHECK constraint's signature: whether it is enforced ({@code NOT ENFORCED} written last, or not). */
    private static String enforcement(List<Token> rest) {
        int n = rest.size();
        return n >= 2 && rest.get(n - 2).is("NOT") && rest.get(n - 1).is("ENFORCED") ? IndexDefinition.NOT_ENFORCED
                : IndexDefinition.ENFORCED;
    }

    /**
     * A key's parts and options as written, normalised for comparison ({@link IndexDefinition#signature}): tokens
     * joined by one space, names and keywords in lower case, strings as written.
     */
    static String signature(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(t.type() == Token.Type.STRING ? t.text() : t.value().toLowerCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }

    private static boolean isHash(Token t) {
        return t != null && t.is("HASH");
    }

    /** Consumes the rest of the clause; true when it says {@code USING HASH} (an index option after the parts). */
    public static boolean usingHashInRest(TokenCursor in) {
        boolean hash = false;
        while (!in.atEnd()) {
            if (in.next().is("USING") && isHash(in.peek())) {
                hash = true;
            }
        }
        return hash;
    }

    /** Columns of key parts written with a prefix length ({@code c(10)}). */
    public static List<String> prefixedColumns(List<Token> inner) {
        List<String> prefixed = new ArrayList<>();
        for (List<Token> part : ColumnDefinitionReader.splitOnCommas(inner)) {
            if (part.size() >= 4 && part.get(0).isName() && part.get(1).isSymbol("(")) {
                prefixed.add(part.get(0).value());
            }
        }
        return prefixed;
    }

    /** {@code SYSTEM VERSIONING} or {@code PERIOD FOR ...} after ADD/DROP (MariaDB), consumed; not a column. */
    private static boolean systemVersioning(TokenCursor in) {
        Token next = in.peek(1);
        if (in.peekIs("SYSTEM") && next != null && next.is("VERSIONING")
                || in.peekIs("PERIOD") && next != null && next.is("FOR")) {
            skipRest(in);
            return true;
        }
        return false;
    }

    private static AlterOperation readDrop(OperationBuilder op, TokenCursor in) {
        if (systemVersioning(in)) {
            return op.build(ClauseKind.SYSTEM_VERSIONING);
        }
        if (in.acceptAll("PRIMARY", "KEY")) {
            return op.build(ClauseKind.DROP_PRIMARY_KEY);
        }
        if (in.acceptAll("FOREIGN", "KEY")) {
            ifExists(in);
            return op.build(ClauseKind.DROP_FOREIGN_KEY).withIndex(index(nameOf(in.next()), IndexKind.FOREIGN));
        }
        if (in.accept("INDEX") || in.accept("KEY")) {
            ifExists(in);
            return op.build(ClauseKind.DROP_INDEX).withIndex(index(nameOf(in.next()), IndexKind.PLAIN));
        }
        if (in.accept("CHECK")) {
            ifExists(in);
            return op.build(ClauseKind.DROP_CHECK_CONSTRAINT).withIndex(index(nameOf(in.next()), IndexKind.CHECK));
        }
        if (in.accept("CONSTRAINT")) {
            ifExists(in);
            return op.build(ClauseKind.DROP_CONSTRAINT).withIndex(index(nameOf(in.next()), null));
        }
        if (in.accept("PARTITION")) {
            skipRest(in);
            return op.build(ClauseKind.DROP_PARTITION);
        }
        in.accept("COLUMN");
        ifExists(in);
        Token name = in.next();
        if (name == null || !name.isName()) {
            return op.build(ClauseKind.UNKNOWN);
        }
        in.accept("CASCADE");
        in.accept("RESTRICT");
        return op.build(ClauseKind.DROP_COLUMN).withColumn(name.value());
    }

    private static AlterOperation readPartition(OperationBuilder op, TokenCursor in) {
        if (in.acceptAll("PARTITION", "BY")) {
            skipRest(in);
            return op.build(ClauseKind.PARTITION_BY);
        }
        if (in.acceptAll("REMOVE", "PARTITIONING")) {
            return op.build(ClauseKind.REMOVE_PARTITIONING);
        }
        Token first = in.peek();
        if (first == null || in.peek(1) == null || !in.peek(1).is("PARTITION")) {
            return null;
        }
        ClauseKind kind = switch (first.upper()) {
            case "TRUNCATE" -> ClauseKind.TRUNCATE_PARTITION;
            case "COALESCE" -> ClauseKind.COALESCE_PARTITION;
            case "REORGANIZE" -> ClauseKind.REORGANIZE_PARTITION;
            case "EXCHANGE" -> ClauseKind.EXCHANGE_PARTITION;
            case "REBUILD" -> ClauseKind.REBUILD_PARTITION;
            case "ANALYZE", "CHECK", "OPTIMIZE", "REPAIR" -> ClauseKind.PARTITION_MAINTENANCE;
            case "CONVERT" -> ClauseKind.EXCHANGE_PARTITION;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        skipRest(in);
        return op.build(kind);
    }

    private static AlterOperation readTableOption(OperationBuilder op, TokenCursor in) {
        Token key = in.peek();
        if (key == null || key.type() != Token.Type.WORD) {
            return null;
        }
        ClauseKind kind = switch (key.upper()) {
            case "ENGINE", "TYPE" -> ClauseKind.ENGINE;
            case "ROW_FORMAT" -> ClauseKind.ROW_FORMAT;
            case "KEY_BLOCK_SIZE" -> ClauseKind.KEY_BLOCK_SIZE;
            case "AUTO_INCREMENT" -> ClauseKind.AUTO_INCREMENT_VALUE;
            case "COMMENT" -> ClauseKind.TABLE_COMMENT;
            case "ENCRYPTION", "ENCRYPTED" -> ClauseKind.ENCRYPTION;
            case "TABLESPACE" -> ClauseKind.TABLESPACE;
            case "STATS_PERSISTENT", "STATS_AUTO_RECALC", "STATS_SAMPLE_PAGES" -> ClauseKind.STATS_OPTION;
            case "AVG_ROW_LENGTH", "CHECKSUM", "DELAY_KEY_WRITE", "MAX_ROWS", "MIN_ROWS", "PACK_KEYS",
                 "PASSWORD", "COMPRESSION", "INSERT_METHOD", "DATA", "INDEX", "UNION", "SECONDARY_ENGINE",
                 "PAGE_COMPRESSED", "PAGE_COMPRESSION_LEVEL", "TRANSACTIONAL", "PAGE_CHECKSUM",
                 "ENGINE_ATTRIBUTE", "SECONDARY_ENGINE_ATTRIBUTE", "AUTOEXTEND_SIZE", "STATS_PERSISTENT_",
                 "IETF_QUOTES", "SEQUENCE" -> ClauseKind.TABLE_OPTION;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        in.next();
        if (key.is("DATA") || key.is("INDEX")) {
            in.accept("DIRECTORY");
        }
        in.acceptSymbol("=");
        Token value = in.next();
        String v = value == null ? null : value.value();
        AlterOperation result = op.build(kind).withValue(v == null ? null : v.toUpperCase(Locale.ROOT));
        if (kind == ClauseKind.TABLE_OPTION) {
            result = result.withValue(key.upper() + "=" + v);
        }
        return result;
    }

    private static List<String> keyColumns(TokenCursor in) {
        if (in.accept("USING")) {
            in.next();
        }
        return columnNames(in.parenthesised());
    }

    /** Names of key parts; prefix lengths and ASC/DESC dropped, expressions kept as written. */
    static List<String> columnNames(List<Token> inner) {
        List<String> names = new ArrayList<>();
        for (List<Token> part : ColumnDefinitionReader.splitOnCommas(inner)) {
            if (part.isEmpty()) {
                continue;
            }
            Token t = part.get(0);
            if (t.isName()) {
                names.add(t.value());
            } else {
                StringBuilder sb = new StringBuilder();
                part.forEach(p -> sb.append(p.text()));
                names.add(sb.toString());
            }
        }
        return names;
    }

    private static IndexDefinition index(String name, IndexKind kind) {
        return new IndexDefinition(name, kind, List.of(), null);
    }

    private static void ifExists(TokenCursor in) {
        in.acceptAll("IF", "EXISTS");
    }

    private static void ifNotExists(TokenCursor in) {
        in.acceptAll("IF", "NOT", "EXISTS");
    }

    private static void skipRest(TokenCursor in) {
        while (!in.atEnd()) {
            in.next();
        }
    }

    /** {@code CHARSET | CHARACTER SET [=] name [COLLATE [=] x]}: the charset's name; the collation is read past. */
    private static String charsetAndCollation(TokenCursor in) {
        if (!in.accept("CHARSET")) {
            in.acceptAll("CHARACTER", "SET");
        }
        in.acceptSymbol("=");
        String charset = nameOf(in.next());
        if (in.accept("COLLATE")) {
            in.acceptSymbol("=");
            in.next();
        }
        return charset;
    }

    private static String nameOf(Token t) {
        return t == null ? null : t.value();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** The clause as written: the source between its first and last token. */
    private static AlterOperation withText(AlterOperation op, String source, List<Token> read) {
        String text;
        if (read.isEmpty()) {
            text = "";
        } else {
            Token last = read.get(read.size() - 1);
            int from = read.get(0).offset();
            int to = last.offset() + last.text().length();
            text = from >= 0 && to <= source.length() && from <= to ? source.substring(from, to)
                    : String.join(" ", read.stream().map(Token::text).toList());
        }
        return new AlterOperation(op.kind(), text, op.column(), op.newName(), op.definition(), op.index(), op.value());
    }

    /** Creates operations; their text is filled in once the whole clause has been read. */
    private static final class OperationBuilder {
        /** Further operations of the same clause ({@code ADD COLUMN (a INT, b INT)}). */
        final List<AlterOperation> more = new ArrayList<>();

        AlterOperation build(ClauseKind kind) {
            return AlterOperation.of(kind, "");
        }
    }
}
