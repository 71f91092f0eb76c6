package io.github.smvm.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FallbackRecordsTest {

    @TempDir
    Path temp;

    @Test
    void configIsRewrittenOneLinePerKeyKeepingKeysOthersAdded() throws IOException {
        Path config = temp.resolve(".smvm_config");
        Files.writeString(config, "python_version=3.12.1\nteam=data\npython_version=3.10.0\nteam=other\n");
        FallbackRecords records = new FallbackRecords(config, temp.resolve(".smvm/wheel-fallback.log"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("python_version", "3.11.7");
        values.put("python_executable", "C:\\work\\.venv\\Scripts\\python.exe");
        values.put("wheel_status", "fallback_available");
        values.put("fallback_reason", null);
        records.writeConfig(values);

        assertEquals(List.of("# written by smvm-maven-plugin (smvm:fallback)", "python_version=3.11.7",
                "python_executable=C:\\\\work\\\\.venv\\\\Scripts\\\\python.exe", "wheel_status=fallback_available",
                "fallback_reason=", "fallback_timestamp=", "venv=", "team=data"), Files.readAllLines(config));
        assertEquals("C:\\work\\.venv\\Scripts\\python.exe", records.configValue("python_executable"));
        assertEquals(null, records.configValue("fallback_reason"));

        records.writeConfig(values);
        assertEquals(8, Files.readAllLines(config).size());
    }

    @Test
    void logGetsOneJsonLinePerRun() throws IOException {
        Path log = temp.resolve(".smvm/wheel-fallback.log");
        FallbackRecords records = new FallbackRecords(temp.resolve(".smvm_config"), log);
        records.append(new FallbackRecords.LogEntry(Instant.parse("2026-11-22T10:00:00.123456Z"), "wheel_fallback_failed",
                "missing_wheels_primary", "3.12.1", "3.11.7", "fallback_available", 1234, null, "3.11.7", null,
                "install: pip install failed"));
        records.append(new FallbackRecords.LogEntry(Instant.parse("2026-11-22T10:01:00Z"), "wheel_fallback_successful",
                "missing_wheels_primary", "3.12.1", "3.11.7", "fallback_available", 9000, "/p/.venv.backup.x", "3.11.7",
                4, null));
        List<String> lines = Files.readAllLines(log);
        assertEquals(2, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("2026-11-22T10:00:00.123Z", first.get("timestamp").asText());
        assertEquals("wheel_fallback_failed", first.get("event").asText());
        assertEquals(1234, first.get("duration_ms").asLong());
        assertEquals(true, first.get("backup").isNull());
        assertEquals("install: pip install failed", first.get("error").asText());
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertEquals("/p/.venv.backup.x", second.get("backup").asText());
        assertEquals(4, second.get("packages").asInt());
        assertEquals(List.of("timestamp", "event", "reason", "primary_python", "fallback_python", "status",
                "duration_ms", "backup", "python_version", "packages", "error"),
                iterable(second.fieldNames()));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> result = new java.util.ArrayList<>();
        names.forEachRemaining(result::add);
        return result;
    }
}
