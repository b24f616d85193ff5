package dev.ddllint.report;

import com.fasterxml.jackson.core.JsonGenerator;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

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
        return render(report, options, FindingSpool.IN_MEMORY_CHARS);
    }

    /** @param inMemoryChars how much of the findings stays in memory before the rest goes to a temporary file */
    static String render(AnalysisReport report, ReportOptions options, int inMemoryChars) {
        java.io.StringWriter out = new java.io.StringWriter();
        Stream stream = new Stream(report, options, out, inMemoryChars);
        report.files().forEach(f -> stream.accept(f, java.util.List.of()));
        report.findings().forEach(stream::finding);
        stream.finish();
        return out.toString();
    }

    /** A report's tree as indented JSON text with a final line break; {@code name} is for the message. */
    static String text(com.fasterxml.jackson.databind.JsonNode tree, String name) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + name + " report", e);
        }
    }

    /** Opens a streaming JSON report on {@code out}; {@code header} gives the tool version, target and rules. */
    public static StreamingReport stream(AnalysisReport header, ReportOptions options, Writer out) {
        return new Stream(header, options, out, FindingSpool.IN_MEMORY_CHARS);
    }

    /**
     * The JSON report written as the files come: each file's statements go out at once; the findings, which the
     * format puts after every file, wait in a {@link FindingSpool} (on disk beyond a small size); the verification
     * and the summary, which count the whole run, are written at the end. The text is the same as the tree's.
     */
    private static final class Stream implements StreamingReport {
        private final AnalysisReport header;
        private final ReportOptions options;
        private final JsonGenerator json;
        private final FindingSpool findings;
        private final long[] counts = new long[Severity.values().length];
        private int files;
        private int statements;
        private String server;
        private int checked;
        private long disagreements;
        private final ObjectNode outcomes = MAPPER.createObjectNode();

        Stream(AnalysisReport header, ReportOptions options, Writer out, int inMemoryChars) {
            this.findings = new FindingSpool(inMemoryChars);
            this.header = header;
            this.options = options;
            try {
                json = MAPPER.writer().createGenerator(out);
                json.writeStartObject();
                json.writeFieldName("tool");
                json.writeTree(MAPPER.createObjectNode().put("name", "ddl-lint").put("version", header.toolVersion()));
                json.writeStringField("target", header.target().toString());
                json.writeArrayFieldStart("files");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the JSON report", e);
            }
        }

        @Override
        public void accept(FileReport f, java.util.List<Finding> fileFindings) {
            ObjectNode file = MAPPER.createObjectNode();
            file.put("path", f.path());
            ArrayNode list = file.putArray("statements");
            for (StatementReport s : f.statements()) {
                list.add(statement(s));
                ServerCheck c = s.server();
                if (c != null) {
                    // With ddl-lint verify: the scratch server and how many statements it confirmed, by outcome.
                    server = server == null ? c.server() : server;
                    checked++;
                    disagreements += c.disagreement() ? 1 : 0;
                    outcomes.put(c.outcome().name(), outcomes.path(c.outcome().name()).asInt(0) + 1);
                }
            }
            files++;
            statements += f.statements().size();
            try {
                json.writeTree(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the JSON report", e);
            }
            fileFindings.forEach(this::finding);
        }

        void finding(Finding f) {
            counts[f.severity().ordinal()]++;
            // Written field by field as the tree of these fields is written (no tree, no serializer per finding),
            // indented as in the findings array, one level below the root (JsonReportStreamTest checks the text).
            java.io.StringWriter text = new java.io.StringWriter(1024);
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(text)) {
                g.setPrettyPrinter(new InFindingsArray());
                g.writeStartObject();
                g.writeStringField("rule", f.rule());
                g.writeStringField("severity", f.severity().id());
                g.writeStringField("path", f.path());
                g.writeNumberField("line", f.line());
                g.writeNumberField("column", f.column());
                g.writeNumberField("endLine", f.endLine());
                g.writeNumberField("endColumn", f.endColumn());
                g.writeStringField("message", f.fullMessage());
                g.writeStringField("help", f.help());
                g.writeStringField("docsUrl", TextReport.url(header, options, f.rule()));
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the JSON report", e);
            }
            findings.add(text.toString());
        }

        @Override
        public void finish() {
            try {
                json.writeEndArray();
                json.writeArrayFieldStart("findings");
                findings.replay(json);
                json.writeEndArray();
                if (server != null) {
                    ObjectNode v = MAPPER.createObjectNode().put("server", server).put("checked", checked)
                            .put("disagreements", disagreements);
                    v.set("outcomes", outcomes);
                    json.writeFieldName("verification");
                    json.writeTree(v);
                }
                json.writeFieldName("summary");
                json.writeTree(MAPPER.createObjectNode().put("files", files).put("statements", statements)
                        .put("errors", counts[Severity.ERROR.ordinal()])
                        .put("warnings", counts[Severity.WARNING.ordinal()])
                        .put("infos", counts[Severity.INFO.ordinal()]));
                json.writeEndObject();
                json.writeRaw('\n');
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the JSON report", e);
            } finally {
                findings.close();
            }
        }
    }

    /** The report's indentation for a value written alone that goes into the findings array (one level down). */
    private static final class InFindingsArray extends com.fasterxml.jackson.core.util.DefaultPrettyPrinter {
        InFindingsArray() {
            _nesting = 1;
        }
    }

    /** The whole report as a tree (for reports built on the JSON one). */
    public static ObjectNode toTree(AnalysisReport report) {
        return toTree(report, ReportOptions.DEFAULT);
    }

    public static ObjectNode toTree(AnalysisReport report, ReportOptions options) {
        try {
            return (ObjectNode) MAPPER.readTree(render(report, options));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the JSON report", e);
        }
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
