package io.github.smvm.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.probe.FoundInterpreter;
import io.github.smvm.probe.InterpreterInfo;
import io.github.smvm.probe.InterpreterSurvey;
import io.github.smvm.probe.InterpreterSurvey.RequestOutcome;
import io.github.smvm.probe.Miss;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/** The {@code interpreters.json} document of the {@code interpreters} goal. */
public final class InterpretersReport {

    /** Version of the document's shape; raised on incompatible changes. */
    public static final int SCHEMA_VERSION = 1;

    private InterpretersReport() {}

    /** The most specific platform tag of an interpreter, or {@code null} when its facts give none. */
    public static String platformTag(InterpreterInfo info) {
        try {
            return info.tagEnvironment().supportedTags().mostSpecificPlatform();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The document as a JSON tree. */
    public static ObjectNode toJson(InterpreterSurvey survey, Instant now) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode interpreters = root.putArray("interpreters");
        for (FoundInterpreter found : survey.interpreters()) {
            InterpreterInfo info = found.info();
            ObjectNode node = interpreters.addObject();
            node.put("path", found.candidate().path().toString());
            node.put("executable", found.executable().toString());
            node.put("source", found.candidate().source().name().toLowerCase(Locale.ROOT));
            node.put("version", info.version().toString());
            node.put("implementation", info.implementationName());
            node.put("platform_tag", platformTag(info));
            node.put("pip_version", info.pipVersion());
            node.put("free_threaded", info.freeThreaded());
            node.put("virtual_environment", info.inVirtualEnvironment());
        }
        ArrayNode misses = root.putArray("misses");
        for (Miss miss : survey.discovered().misses()) {
            ObjectNode node = misses.addObject();
            node.put("path", miss.candidate().path().toString());
            node.put("source", miss.candidate().source().name().toLowerCase(Locale.ROOT));
            node.put("reason", miss.reason().shortReason());
        }
        ObjectNode requests = root.putObject("requests");
        for (Map.Entry<String, RequestOutcome> entry : survey.requests().entrySet()) {
            RequestOutcome outcome = entry.getValue();
            ObjectNode node = requests.putObject(entry.getKey());
            node.put("request", outcome.request().text());
            node.put("found", outcome.found());
            node.put("path", outcome.found() ? outcome.match().interpreter().candidate().path().toString() : null);
            node.put("executable", outcome.found() ? outcome.match().interpreter().executable().toString() : null);
            node.put("version", outcome.found() ? outcome.match().info().version().toString() : null);
            node.put("explanation", outcome.explanation());
        }
        return root;
    }

    /** Writes the document atomically (a temporary sibling, then a rename). */
    public static void write(Path file, InterpreterSurvey survey, Instant now) throws IOException {
        JsonFiles.writeAtomically(file, toJson(survey, now));
    }
}
