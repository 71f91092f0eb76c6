package io.github.smvm.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorFallbackLogTest {

    @TempDir
    Path temp;

    @Test
    void aMissingFileMeansNoFallbackWasTried() {
        FallbackLog.Read read = FallbackLog.read(temp.resolve(".smvm/wheel-fallback.log"), ".smvm/wheel-fallback.log");
        assertFalse(read.present());
        assertEquals(List.of(), read.entries());
        assertEquals(List.of(), read.warnings());
        assertTrue(read.lastAttempt().isEmpty());
    }

    @Test
    void readsEveryFieldAndSkipsBadLinesNamingFileAndLine() throws Exception {
        Path file = temp.resolve("wheel-fallback.log");
        Files.writeString(file, String.join("\n",
                "{\"timestamp\":\"2026-11-22T10:16:00Z\",\"event\":\"wheel_fallback_successful\",\"reason\":\"missing_wheels_primary\","
                        + "\"primary_python\":\"3.12.1\",\"fallback_python\":\"3.11.7\",\"status\":\"fallback_available\","
                        + "\"duration_ms\":41234,\"backup\":\".smvm/backup/1\",\"python_version\":\"3.11.7\",\"packages\":3,"
                        + "\"error\":null,\"later_field\":[1]}",
                "",
                "{\"event\": \"wheel_fallback_failed\", \"password\": \"not to be shown\"",
                "[1, 2]",
                "{\"timestamp\":\"2026-11-22T10:17:00Z\",\"status\":\"failed\"}",
                "{\"event\":\"wheel_fallback_failed\",\"duration_ms\":\"soon\",\"error\":\"ERROR: x\"}",
                "{\"event\":\"environment_up_to_date\"}",
                "{\"event\":\"environment_built\",\"python_version\":\"3.12.1\"}",
                ""));
        FallbackLog.Read read = FallbackLog.read(file, ".smvm/wheel-fallback.log");

        assertTrue(read.present());
        assertEquals(List.of(
                ".smvm/wheel-fallback.log line 3 is not valid JSON; skipped",
                ".smvm/wheel-fallback.log line 4 is not a JSON object; skipped",
                ".smvm/wheel-fallback.log line 5 has no \"event\"; skipped"), read.warnings());
        assertEquals(4, read.entries().size());
        assertEquals(new FallbackLog.Entry(1, "2026-11-22T10:16:00Z", "wheel_fallback_successful", "missing_wheels_primary",
                "3.12.1", "3.11.7", "fallback_available", 41234L, ".smvm/backup/1", "3.11.7", 3, null), read.entries().get(0));
        assertEquals(new FallbackLog.Entry(6, null, "wheel_fallback_failed", null, null, null, null, null, null, null,
                null, "ERROR: x"), read.entries().get(1));
        assertEquals(8, read.lastAttempt().orElseThrow().line(), "environment_built is an attempt");
        assertEquals(List.of(1, 6, 7, 8), read.entries().stream().map(FallbackLog.Entry::line).toList());
    }
}
