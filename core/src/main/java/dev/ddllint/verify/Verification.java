package dev.ddllint.verify;

import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.StatementReport;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Verifier} found: the analysis report whose statements carry the server's check
 * ({@link StatementReport#server()}), the scratch server, and notes on what could not be replayed.
 *
 * @param scratchDatabase the scratch database it created (and dropped)
 * @param notes           one line per replay problem or skipped statement, {@code file:line: why}
 */
public record Verification(AnalysisReport report, String server, String scratchDatabase, List<String> notes) {

    public Verification {
        notes = List.copyOf(notes);
    }

    /** Every statement the server was asked about, in report order. */
    public List<StatementReport> checked() {
        return report.files().stream().flatMap(f -> f.statements().stream()).filter(s -> s.server() != null)
                .toList();
    }

    public Map<Agreement.Outcome, Integer> counts() {
        Map<Agreement.Outcome, Integer> counts = new EnumMap<>(Agreement.Outcome.class);
        checked().forEach(s -> counts.merge(s.server().outcome(), 1, Integer::sum));
        return counts;
    }

    /** The statements where ddl-lint is more online than the server. */
    public List<StatementReport> disagreements() {
        return checked().stream().filter(s -> s.server().disagreement()).toList();
    }

    /** {@code 12 statements checked: 9 CONFIRMED, 3 CONSERVATIVE}. */
    public String summary() {
        StringBuilder sb = new StringBuilder(checked().size() + " statement" + (checked().size() == 1 ? "" : "s")
                + " checked on " + server);
        String sep = ": ";
        for (Map.Entry<Agreement.Outcome, Integer> e : counts().entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey());
            sep = ", ";
        }
        return sb.toString();
    }

    /** The file report a statement belongs to (for messages). */
    public String pathOf(StatementReport statement) {
        for (FileReport f : report.files()) {
            for (StatementReport s : f.statements()) {
                if (Objects.equals(s, statement)) {
                    return f.path();
                }
            }
        }
        return null;
    }
}
