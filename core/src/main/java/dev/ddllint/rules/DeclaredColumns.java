package dev.ddllint.rules;

import dev.ddllint.model.AlterOperation;
import dev.ddllint.model.ColumnDefinition;
import dev.ddllint.model.ClauseKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The column definitions a statement writes: a CREATE TABLE's columns, ADD/MODIFY/CHANGE COLUMN definitions, and the
 * MODIFY/CHANGE clauses that redefine an existing column.
 */
final class DeclaredColumns {

    private DeclaredColumns() {
    }

    static List<ColumnDefinition> of(StatementContext ctx) {
        List<ColumnDefinition> all = new ArrayList<>();
        if (ctx.statement().createTable() != null) {
            all.addAll(ctx.statement().createTable().columns());
        }
        for (AlterOperation op : ctx.statement().operations()) {
            if ((op.kind() == ClauseKind.ADD_COLUMN || op.kind() == ClauseKind.MODIFY_COLUMN
                    || op.kind() == ClauseKind.CHANGE_COLUMN) && op.definition() != null) {
                all.add(op.definition());
            }
        }
        return all.stream().filter(c -> c.type() != null && c.name() != null).toList();
    }

    /** MODIFY/CHANGE COLUMN clauses that name their column and give a typed definition. */
    static List<AlterOperation> redefinitions(StatementContext ctx) {
        return ctx.statement().operations().stream().filter(op -> (op.kind() == ClauseKind.MODIFY_COLUMN
                        || op.kind() == ClauseKind.CHANGE_COLUMN) && op.column() != null && op.definition() != null
                        && op.definition().type() != null).toList();
    }
}
