package dev.ddllint.analysis;

import dev.ddllint.rules.Finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A finding's identity that survives edits elsewhere in the file: a hash of the text of the statement it is about,
 * with runs of whitespace made one space. Line numbers are left out on purpose, so adding a statement above a known
 * finding, or re-indenting it, does not make it new. Used by {@link Baseline} (with the rule and the path) and by
 * SARIF {@code partialFingerprints}.
 */
public final class BaselineFingerprint {

    private BaselineFingerprint() {
    }

    /**
     * The fingerprints of {@code report.findings()}, in the same order.
     */
    public static List<String> of(AnalysisReport report) {
        Map<String, String> statementText = new HashMap<>();
        for (FileReport file : report.files()) {
            for (StatementReport s : file.statements()) {
                statementText.putIfAbsent(position(file.path(), s.source().line(), s.source().column()),
                        s.source().rawText());
            }
        }
        List<String> result = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) {
            result.add(hash(identityText(f, statementText.get(position(f.path(), f.line(), f.column())))));
        }
        return result;
    }

    /** The fingerprint of a finding whose statement text is known ({@code null}: a problem of the file itself). */
    public static String of(Finding finding, String statementText) {
        return hash(identityText(finding, statementText));
    }

    /** 16 hex digits of the SHA-256 of {@code text}. */
    public static String hash(String text) {
        return sha256(text).substring(0, 16);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whitespace runs become one space; nothing else changes (case and comments inside the statement count). */
    public static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String identityText(Finding finding, String statementText) {
        if (statementText != null) {
            return "statement:" + normalize(statementText);
        }
        // A problem of the file (an unterminated string, bad bytes): its message, without the numbers in it.
        return "problem:" + normalize(finding.message()).replaceAll("\\d+", "#");
    }

    private static String position(String path, int line, int column) {
        return path + ":" + line + ":" + column;
    }
}
