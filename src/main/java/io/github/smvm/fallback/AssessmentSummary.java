package io.github.smvm.fallback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fallback goal needs from {@code wheel-health.json}: the verdict, the two interpreters, and
 * the packages that failed, per environment.
 *
 * @param selected {@code primary}, {@code fallback} or {@code null}
 * @param failing one line per unavailable package, e.g. {@code primary: fastcalc: no_wheel - …}
 */
public record AssessmentSummary(Instant timestamp, String wheelStatus, String selected, String fallbackReason,
        Interpreter primary, Interpreter fallback, List<String> failing) {

    /**
     * One of the two interpreters as the assessment found it.
     *
     * @param executable the path, or {@code null} when unavailable
     * @param version the full version, or {@code null} when unavailable
     */
    public record Interpreter(String executable, String version) {
        public boolean available() {
            return executable != null && version != null;
        }
    }

    public AssessmentSummary {
        failing = List.copyOf(failing);
    }

    /** Reads the report; fails with the file's name when it is not a wheel-health report. */
    public static AssessmentSummary read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            return of(root);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the report's tree. */
    public static AssessmentSummary of(JsonNode root) {
        if (root == null || !root.isObject() || root.path("schema_version").asInt() != 1
                || !root.path("wheel_status").isTextual()) {
            throw new IllegalArgumentException("not a wheel-health report of schema_version 1 (no wheel_status)");
        }
        Instant timestamp;
        try {
            timestamp = Instant.parse(root.path("timestamp").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp '" + root.path("timestamp").asText()
                    + "' is not an ISO-8601 instant");
        }
        Interpreter primary = new Interpreter(null, null);
        Interpreter fallback = new Interpreter(null, null);
        List<String> failing = new ArrayList<>();
        for (JsonNode env : root.path("environments")) {
            String role = env.path("role").asText();
            Interpreter interpreter = new Interpreter(text(env, "executable"), text(env, "python_version"));
            if (role.equals("primary")) {
                primary = interpreter;
            } else if (role.equals("fallback")) {
                fallback = interpreter;
            }
            for (JsonNode p : env.path("packages")) {
                String status = p.path("status").asText();
                if (!status.equals("wheel") && !status.equals("older_wheel") && !status.equals("skipped")) {
                    failing.add(env.path("id").asText() + ": " + p.path("name").asText() + ": " + status
                            + (p.hasNonNull("reason") ? " - " + p.get("reason").asText() : ""));
                }
            }
        }
        return new AssessmentSummary(timestamp, root.get("wheel_status").asText(), text(root, "selected_python"),
                text(root, "fallback_reason"), primary, fallback, failing);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
