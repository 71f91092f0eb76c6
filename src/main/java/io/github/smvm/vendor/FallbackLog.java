package io.github.smvm.vendor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fallback goal's log: one JSON object per line, appended per run. Read tolerantly: a
 * missing file means no fallback was tried; a blank line is ignored; a line that is not a JSON object
 * with an {@code event} is skipped with a warning naming the file and the line number (never the
 * line's text, which may hold anything).
 */
public final class FallbackLog {

    /**
     * One run of the fallback goal.
     *
     * @param line the line number in the log, from 1
     * @param timestamp when it happened, as written ({@code 2026-11-22T10:20:00Z}), or {@code null}
     * @param event {@code wheel_fallback_successful}, {@code wheel_fallback_failed}, {@code primary_restored},
     *     {@code environment_built}, {@code environment_up_to_date}, or another value written by a newer plugin
     * @param status the wheel status the run acted on
     * @param durationMs how long it took, or {@code null}
     * @param backup the path of the backup of the previous environment, or {@code null}
     * @param pythonVersion the Python version of the environment the run left, or {@code null}
     * @param packages how many packages that environment holds, or {@code null}
     * @param error the failure (the step and pip's error text) for a failed run, or {@code null}
     */
    public record Entry(int line, String timestamp, String event, String reason, String primaryPython,
            String fallbackPython, String status, Long durationMs, String backup, String pythonVersion,
            Integer packages, String error) {

        public boolean failed() {
            return "wheel_fallback_failed".equals(event);
        }

        /** Whether the run built an environment ({@code wheel_fallback_successful}, {@code primary_restored}, ...). */
        public boolean built() {
            return "wheel_fallback_successful".equals(event) || "primary_restored".equals(event)
                    || "environment_built".equals(event);
        }
    }

    /**
     * What was read.
     *
     * @param present whether the file exists
     * @param entries the readable entries, in file order
     * @param warnings one per skipped line or unreadable file, naming the file and the line
     */
    public record Read(boolean present, List<Entry> entries, List<String> warnings) {

        public Read {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }

        /** The last run that tried to build an environment (and built it or failed), if any. */
        public java.util.Optional<Entry> lastAttempt() {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).failed() || entries.get(i).built()) {
                    return java.util.Optional.of(entries.get(i));
                }
            }
            return java.util.Optional.empty();
        }
    }

    private FallbackLog() {}

    /** Reads {@code file}; {@code displayName} names it in warnings. */
    public static Read read(Path file, String displayName) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Read(false, List.of(), List.of());
        } catch (IOException | RuntimeException e) {
            return new Read(Files.exists(file), List.of(),
                    List.of("Cannot read the fallback log " + displayName + ": " + e.getMessage()));
        }
        return parse(lines, displayName);
    }

    static Read parse(List<String> lines, String displayName) {
        ObjectMapper mapper = new ObjectMapper();
        List<Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            int number = i + 1;
            JsonNode node;
            try {
                node = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                warnings.add(displayName + " line " + number + " is not valid JSON; skipped");
                continue;
            }
            if (node == null || !node.isObject()) {
                warnings.add(displayName + " line " + number + " is not a JSON object; skipped");
                continue;
            }
            String event = text(node, "event");
            if (event == null) {
                warnings.add(displayName + " line " + number + " has no \"event\"; skipped");
                continue;
            }
            JsonNode duration = node.get("duration_ms");
            JsonNode packages = node.get("packages");
            entries.add(new Entry(number, text(node, "timestamp"), event, text(node, "reason"),
                    text(node, "primary_python"), text(node, "fallback_python"), text(node, "status"),
                    duration != null && duration.isIntegralNumber() ? duration.asLong() : null,
                    text(node, "backup"), text(node, "python_version"),
                    packages != null && packages.isIntegralNumber() ? packages.asInt() : null, text(node, "error")));
        }
        return new Read(true, entries, warnings);
    }

    /** A string (or a number, as text) value, {@code null} when missing, null or empty. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }
}
