package dev.ddllint.analysis;

import dev.ddllint.model.TableName;
import dev.ddllint.schema.TableFacts;

import java.util.Collection;
import java.util.List;

/**
 * Where table definitions come from besides the migrations themselves, e.g. a live database. Asked once per
 * analysis, for the tables the migrations mention; what it returns wins over CREATE TABLEs replayed from files.
 */
@FunctionalInterface
public interface TableSource {

    TableSource NONE = tables -> List.of();

    List<TableFacts> tables(Collection<TableName> referenced) throws Exception;
}
