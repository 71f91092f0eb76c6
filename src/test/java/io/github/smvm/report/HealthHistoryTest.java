package io.github.smvm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthHistoryTest {

    @TempDir
    Path temp;

    @Test
    void entryHoldsOutcomeAndPerEnvironmentRatioAndCounts() {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        ((ObjectNode) report).put("wheel_status", "fallback_available").put("selected_python", "fallback");

        HistoryEntry entry = HistoryEntry.of(report);

        assertEquals("2026-11-22T10:15:00Z", entry.timestamp());
        assertEquals("fallback_available", entry.status());
        assertEquals("fallback", entry.selected());
        assertEquals("3.11.7", entry.selectedVersion());
        assertTrue(entry.fallback());
        assertEquals(List.of("primary", "fallback", "cp313-win_amd64"),
                entry.environments().stream().map(HistoryEntry.EnvironmentPoint::id).toList());
        JsonNode target = report.get("environments").get(2);
        HistoryEntry.EnvironmentPoint point = entry.environments().get(2);
        assertEquals(target.get("ratio").asDouble(), point.ratio());
        assertEquals(10, point.packages());
        assertEquals(10, point.available() + point.failed() + point.skipped());
        assertEquals(5, point.failed());
    }

    @Test
    void lineRoundTrips() throws Exception {
        HistoryEntry entry = HistoryEntry.of(ReportFixtures.realistic(3, 10, 7));
        String line = new ObjectMapper().writeValueAsString(entry.toJson());

        assertEquals(entry, HistoryEntry.fromJson(new ObjectMapper().readTree(line)).orElseThrow());
        assertTrue(line.startsWith("{\"timestamp\":\"2026-11-22T10:15:00Z\",\"status\":\"primary_healthy\","
                + "\"selected_python\":\"primary\",\"selected_version\":\"3.12.1\",\"fallback\":false,\"environments\":"
                + "[{\"id\":\"primary\",\"ratio\":1.0,\"packages\":10,\"available\":10,\"failed\":0,\"skipped\":0,"
                + "\"healthy\":true}"), line);
        assertTrue(!line.contains("\n"));
    }

    @Test
    void appendAddsOneLinePerRunAndKeepsTheNewestUpToTheLimit() throws Exception {
        HealthHistory history = new HealthHistory(temp.resolve(".smvm/wheel-health-history.jsonl"));
        for (int run = 0; run < 7; run++) {
            HealthHistory.Loaded loaded = history.append(entry("2026-11-22T10:0" + run + ":00Z"), 5);
            assertEquals(Math.min(run + 1, 5), loaded.entries().size());
            assertEquals("2026-11-22T10:0" + run + ":00Z", loaded.entries().get(loaded.entries().size() - 1).timestamp());
        }
        List<String> lines = Files.readAllLines(history.file());
        assertEquals(5, lines.size());
        assertEquals(List.of("2026-11-22T10:02:00Z", "2026-11-22T10:03:00Z", "2026-11-22T10:04:00Z",
                "2026-11-22T10:05:00Z", "2026-11-22T10:06:00Z"),
                history.read().entries().stream().map(HistoryEntry::timestamp).toList());
        assertEquals(List.of(".smvm/wheel-health-history.jsonl", ".smvm/wheel-health-history.jsonl.lock"),
                Files.list(temp.resolve(".smvm")).map(p -> ".smvm/" + p.getFileName()).sorted().toList(),
                "no temporary files left behind");
    }

    @Test
    void malformedLinesAreSkippedNotFatal() throws Exception {
        Path file = temp.resolve("history.jsonl");
        String good = new ObjectMapper().writeValueAsString(entry("2026-11-22T10:00:00Z").toJson());
        Files.writeString(file, good + "\n{\"timestamp\":\"2026-11-22T10:0\n\n[1,2]\n{\"note\":\"from a newer plugin\"}\n"
                + good.replace("10:00:00", "10:01:00") + "\n", StandardCharsets.UTF_8);
        HealthHistory history = new HealthHistory(file);

        HealthHistory.Loaded read = history.read();
        assertEquals(2, read.entries().size());
        assertEquals(3, read.malformedLines());

        HealthHistory.Loaded appended = history.append(entry("2026-11-22T10:02:00Z"), 500);
        assertEquals(3, appended.entries().size());
        assertEquals(3, appended.malformedLines());
        // torn lines are dropped on rewrite; JSON objects this version cannot use are kept
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size());
        assertEquals("{\"note\":\"from a newer plugin\"}", lines.get(1));
        assertEquals(1, history.read().malformedLines());
    }

    @Test
    void limitMustBeAtLeastOne() {
        HealthHistory history = new HealthHistory(temp.resolve("h.jsonl"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> history.append(entry("2026-11-22T10:00:00Z"), 0));
        assertEquals("the history limit must be at least 1, was 0", e.getMessage());
    }

    @Test
    void absentFileIsAnEmptyHistory() throws Exception {
        HealthHistory.Loaded loaded = new HealthHistory(temp.resolve("none.jsonl")).read();
        assertEquals(0, loaded.entries().size());
        assertEquals(0, loaded.malformedLines());
    }

    private static HistoryEntry entry(String timestamp) {
        HistoryEntry base = HistoryEntry.of(ReportFixtures.realistic(3, 10, 7));
        return new HistoryEntry(timestamp, base.status(), base.selected(), base.selectedVersion(), base.fallback(),
                base.environments());
    }
}
