package dev.ddllint.analysis;

import dev.ddllint.rules.Finding;
import dev.ddllint.rules.RuleInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One finding per statement and cause: the findings of one statement that fold together ({@link
 * RuleInfo#foldsWith}: the same rule on several clauses, or related rules) become one, headed by the most severe
 * (the first in catalogue order among equals), with the others folded into it. Nothing is lost: the folded findings
 * stay on it, each with its own severity, message and clauses, and the finding's severity is the highest of them.
 */
final class FindingFolder {

    private FindingFolder() {
    }

    /**
     * @param findings one statement's findings, in catalogue order
     * @param infoOf   a rule's info by id
     */
    static List<Finding> fold(List<Finding> findings, Function<String, RuleInfo> infoOf) {
        if (findings.size() < 2) {
            return findings;
        }
        List<Finding> bySeverity = new ArrayList<>(findings);
        bySeverity.sort(Comparator.comparing(Finding::severity));
        List<Finding> heads = new ArrayList<>();
        List<List<Finding>> folded = new ArrayList<>();
        for (Finding f : bySeverity) {
            RuleInfo info = infoOf.apply(f.rule());
            int group = -1;
            for (int i = 0; i < heads.size() && group < 0 && info != null; i++) {
                RuleInfo head = infoOf.apply(heads.get(i).rule());
                if (head != null && info.foldsWith(head)) {
                    group = i;
                }
            }
            if (group < 0) {
                heads.add(f);
                folded.add(new ArrayList<>());
            } else {
                folded.get(group).add(f);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            int group = -1;
            for (int i = 0; i < heads.size() && group < 0; i++) {
                group = heads.get(i) == f ? i : -1; // by identity: two equal findings are two findings
            }
            if (group >= 0) {
                out.add(folded.get(group).isEmpty() ? f : f.withFolded(folded.get(group)));
            }
        }
        return out;
    }
}
