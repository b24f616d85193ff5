package dev.ddllint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddllint.analysis.AnalysisReport;
import dev.ddllint.analysis.FileReport;
import dev.ddllint.analysis.StatementReport;
import dev.ddllint.kb.ClassifiedOperation;
import dev.ddllint.kb.Verdict;
import dev.ddllint.model.RequestedAlgorithm;
import dev.ddllint.model.RequestedLock;
import dev.ddllint.rules.Finding;
import dev.ddllint.rules.Severity;
import dev.ddllint.verify.ServerCheck;

/**
 * The JSON report. Its field names and meanings are a stable interface (docs/json-format.md): later versions
 * add fields, never rename or drop them.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(AnalysisReport report) {
        return render(report, ReportOptions.DEFAULT);
    }

    public static String render(AnalysisReport report, ReportOptions options) {
        return text(toTree(report, options), "JSON");
    }

    /** A report's tree as indented JSON text with a final line break; {@code name} is for the message. */
    static String text(com.fasterxml.jackson.databind.JsonNode tree, String name) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + name + " report", e);
        }
    }

    public static ObjectNode toTree(AnalysisReport report) {
        return toTree(report, ReportOptions.DEFAULT);
    }

    public static ObjectNode toTree(AnalysisReport report, ReportOptions options) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("tool").put("name", "ddl-lint").put("version", report.toolVersion());
        root.put("target", report.target().toString());
        ArrayNode files = root.putArray("files");
        for (FileReport f : report.files()) {
            ObjectNode file = files.addObject();
            file.put("path", f.path());
            ArrayNode statements = file.putArray("statements");
            for (StatementReport s : f.statements()) {
                statements.add(statement(s));
            }
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            findings.addObject().put("rule", f.rule()).put("severity", f.severity().id()).put("path", f.path())
                    .put("line", f.line()).put("column", f.column()).put("endLine", f.endLine())
                    .put("endColumn", f.endColumn()).put("message", f.fullMessage()).put("help", f.help())
                    .put("docsUrl", TextReport.url(report, options, f.rule()));
        }
        verification(report, root);
        root.putObject("summary").put("files", report.files().size()).put("statements", report.statementCount())
                .put("errors", report.count(Severity.ERROR)).put("warnings", report.count(Severity.WARNING))
                .put("infos", report.count(Severity.INFO));
        return root;
    }

    /** With {@code ddl-lint verify}: the scratch server and how many statements it confirmed, by outcome. */
    private static void verification(AnalysisReport report, ObjectNode root) {
        java.util.List<ServerCheck> checks = report.files().stream().flatMap(f -> f.statements().stream())
                .map(StatementReport::server).filter(java.util.Objects::nonNull).toList();
        if (checks.isEmpty()) {
            return;
        }
        ObjectNode v = root.putObject("verification").put("server", checks.get(0).server())
                .put("checked", checks.size())
                .put("disagreements", checks.stream().filter(ServerCheck::disagreement).count());
        ObjectNode counts = v.putObject("outcomes");
        checks.forEach(c -> counts.put(c.outcome().name(), counts.path(c.outcome().name()).asInt(0) + 1));
    }

    private static ObjectNode statement(StatementReport s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("line", s.source().line()).put("column", s.source().column())
                .put("endLine", s.source().endLine()).put("endColumn", s.source().endColumn())
                .put("kind", s.statement().kind().name());
        if (s.statement().table() != null) {
            node.put("table", s.statement().table().name());
        } else {
            node.putNull("table");
        }
        node.put("parsed", s.statement().parsed());
        if (s.embedded()) {
            node.put("embedded", true);
        }
        if (s.context() != null) {
            node.put("context", s.context());
        }
        if (s.statement().parseNote() != null) {
            node.put("parseNote", s.statement().parseNote());
        }
        if (s.statement().algorithm() != RequestedAlgorithm.DEFAULT || s.statement().lock() != RequestedLock.DEFAULT) {
            node.putObject("requested").put("algorithm", s.statement().algorithm().name())
                    .put("lock", s.statement().lock().name());
        }
        if (s.verdict() != null) {
            ArrayNode ops = node.putArray("operations");
            for (ClassifiedOperation c : s.verdict().operations()) {
                ObjectNode op = verdict(ops.addObject().put("kind", c.operation().kind().name()), c.verdict());
                op.put("ddlOperation", c.ddlOperation().name());
                if (!c.assumptions().isEmpty()) {
                    ArrayNode a = op.putArray("assumptions");
                    c.assumptions().forEach(a::add);
                }
            }
            verdict(node.putObject("verdict"), s.verdict().effective());
        }
        if (s.runWith() != null) {
            node.putObject("runWith").put("tool", s.runWith().tool()).put("line", s.runWith().line());
        }
        if (s.server() != null) {
            ServerCheck c = s.server();
            ObjectNode server = node.putObject("server").put("server", c.server()).put("outcome", c.outcome().name())
                    .put("disagreement", c.disagreement()).put("answer", c.answer()).put("rebuilt", c.rebuilt());
            c.refusals().forEach(server.putArray("refusals")::add);
            c.details().forEach(server.putArray("details")::add);
            server.put("reproducer", c.reproducer());
            if (c.disagreement()) {
                server.put("howToFile", c.howToFile());
            }
            if (c.measured() != null) {
                ServerCheck.Measured m = c.measured();
                server.putObject("measured").put("rows", m.rows()).put("seconds", m.seconds())
                        .put("rowsPerSecond", m.rowsPerSecond()).put("sampleBytes", m.sampleBytes())
                        .put("sourceRows", m.sourceRows()).put("calibratedSeconds", m.calibratedSeconds())
                        .put("estimatedSeconds", m.staticSeconds()).put("note", m.note());
            }
        }
        return node;
    }

    private static ObjectNode verdict(ObjectNode node, Verdict v) {
        return node.put("algorithm", v.algorithm().name()).put("rebuildsTable", v.rebuildsTable())
                .put("lock", v.lock().name());
    }
}
