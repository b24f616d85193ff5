package dev.ddllint.analysis;

import java.util.List;

public record FileReport(String path, List<StatementReport> statements) {
    public FileReport {
        statements = List.copyOf(statements);
    }
}
