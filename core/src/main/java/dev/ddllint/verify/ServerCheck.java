package dev.ddllint.verify;

import java.util.List;

/**
 * What the scratch server said about one statement, beside ddl-lint's static verdict (the part of a statement's
 * report that {@code ddl-lint verify} adds).
 *
 * @param server     the scratch server ({@code MySQL 9.7.0})
 * @param outcome    how the static verdict stands against the server's answer
 * @param answer     the server's answer in one line ({@code INPLACE,NONE rebuild}, {@code INSTANT}, …), or null when
 *                   the statement did not run
 * @param rebuilt    the server rebuilt the table (its InnoDB table ids changed)
 * @param refusals   each ALGORITHM/LOCK rung the server refused, with its error
 * @param details    why the outcome is not {@link Agreement.Outcome#CONFIRMED}, one sentence each
 * @param reproducer the session settings, the tables' setup and the statement, to run on an empty database
 */
public record ServerCheck(String server, Agreement.Outcome outcome, String answer, boolean rebuilt,
                          List<String> refusals, List<String> details, String reproducer) {

    /** Where a disagreement is reported. */
    public static final String ISSUES = "https://github.com/ddl-lint/ddl-lint/issues/new";

    public ServerCheck {
        refusals = List.copyOf(refusals);
        details = List.copyOf(details);
    }

    public boolean disagreement() {
        return outcome.disagreement();
    }

    /** For a disagreement: how to report it (null otherwise). */
    public String howToFile() {
        if (!disagreement()) {
            return null;
        }
        return "this is a ddl-lint knowledge-base error; please file it at " + ISSUES + " with the title \"verify: "
                + outcome + " on " + server + "\", the lines above and this reproducer (run it on an empty database):";
    }
}
