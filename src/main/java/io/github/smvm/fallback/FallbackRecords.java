package io.github.smvm.fallback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.fs.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's records of which interpreter its environment is on: {@code .smvm_config} (a properties
 * file, rewritten atomically, one line per key) and {@code .smvm/wheel-fallback.log} (one JSON line per
 * run, appended).
 */
public final class FallbackRecords {

    /** The keys of {@code .smvm_config}, in the order they are written. */
    public static final List<String> CONFIG_KEYS = List.of("python_version", "python_executable", "wheel_status",
            "fallback_reason", "fallback_timestamp", "venv");

    /**
     * One line of the log.
     *
     * @param backup where the previous environment went, or {@code null}
     * @param error the failure, or {@code null}
     */
    public record LogEntry(Instant timestamp, String event, String reason, String primaryPython, String fallbackPython,
            String status, long durationMs, String backup, String pythonVersion, Integer packages, String error) {
    }

    private final Path config;
    private final Path log;

    public FallbackRecords(Path config, Path log) {
        this.config = config;
        this.log = log;
    }

    public Path config() {
        return config;
    }

    public Path log() {
        return log;
    }

    /**
     * Rewrites {@code .smvm_config} with {@code values} (keys of {@link #CONFIG_KEYS}); lines with other
     * keys that someone added are kept after them, once each. A {@code null} value is written empty.
     */
    public void writeConfig(Map<String, String> values) throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String key : CONFIG_KEYS) {
            String value = values.get(key);
            lines.put(key, value == null ? "" : value);
        }
        if (Files.isRegularFile(config)) {
            for (String line : Files.readAllLines(config, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                String stripped = line.strip();
                if (eq > 0 && !stripped.startsWith("#")) {
                    lines.putIfAbsent(line.substring(0, eq).strip(), unescape(line.substring(eq + 1).strip()));
                }
            }
        }
        StringBuilder text = new StringBuilder("# written by smvm-maven-plugin (smvm:fallback)\n");
        lines.forEach((key, value) -> text.append(key).append('=').append(clean(value)).append('\n'));
        AtomicFiles.write(config, text.toString());
    }

    /** The value of a key in {@code .smvm_config}, or {@code null}. */
    public String configValue(String key) throws IOException {
        if (!Files.isRegularFile(config)) {
            return null;
        }
        java.util.Properties properties = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IllegalArgumentException e) {
            throw new IOException(config + " is not a properties file: " + e.getMessage(), e);
        }
        String value = properties.getProperty(key);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Appends one JSON line; the line is written with one call, so concurrent appends do not interleave. */
    public void append(LogEntry entry) throws IOException {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("timestamp", entry.timestamp().truncatedTo(ChronoUnit.MILLIS).toString());
        node.put("event", entry.event());
        node.put("reason", entry.reason());
        node.put("primary_python", entry.primaryPython());
        node.put("fallback_python", entry.fallbackPython());
        node.put("status", entry.status());
        node.put("duration_ms", entry.durationMs());
        node.put("backup", entry.backup());
        node.put("python_version", entry.pythonVersion());
        if (entry.packages() == null) {
            node.putNull("packages");
        } else {
            node.put("packages", entry.packages());
        }
        node.put("error", entry.error());
        byte[] line = (new ObjectMapper().writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(log.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private static String unescape(String value) {
        return value.replace("\\\\", "\\");
    }

    private static String clean(String value) {
        return value.replace('\n', ' ').replace('\r', ' ').replace("\\", "\\\\");
    }
}
