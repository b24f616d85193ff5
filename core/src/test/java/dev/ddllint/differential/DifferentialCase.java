package dev.ddllint.differential;

import dev.ddllint.oracle.OracleCase;

import java.util.List;

/** One generated case: a table (with its setup) and one change to it. */
record DifferentialCase(String name, GeneratedTable table, GeneratedChange change) {

    String setupSql() {
        return table.setupSql();
    }

    String changeSql() {
        return change.sql();
    }

    /** The case in the form the oracle runner takes (and the {@code *.cases} files hold). */
    OracleCase asOracleCase() {
        return new OracleCase("differential", name, setupSql(), changeSql(), List.of());
    }

    /** The case written in the {@code *.cases} format, for a regression file. */
    String asCaseText(String only, String note) {
        return "@@case " + name + "\n" + (only == null ? "" : "@@only " + only + "\n")
                + (note == null ? "" : "@@note " + note.replaceAll("\\s+", " ") + "\n")
                + "@@setup\n" + setupSql() + "\n@@alter\n" + changeSql() + "\n";
    }

    DifferentialCase with(GeneratedTable t, GeneratedChange c) {
        return new DifferentialCase(name, t, c);
    }
}
