package io.github.smvm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelHealthOutputsTest {

    @TempDir
    Path temp;

    @Test
    void writesEveryChosenFileRecordsTheRunAndAppendsTheJobSummary() throws Exception {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        Path out = temp.resolve("target/smvm");
        Path history = temp.resolve(".smvm/wheel-health-history.jsonl");
        Path summary = temp.resolve("step-summary.md");
        Files.writeString(summary, "## earlier step\n");
        WheelHealthOutputs.Options options = new WheelHealthOutputs.Options(EnumSet.allOf(ReportFormat.class), history,
                500, summary);

        WheelHealthOutputs.Written first = WheelHealthOutputs.write(out, report, options);
        WheelHealthOutputs.Written second = WheelHealthOutputs.write(out, report, options);

        assertEquals(List.of(out.resolve("wheel-health.html"), out.resolve("wheel-health.md"),
                out.resolve("TEST-smvm-wheel-health.xml")), second.files());
        assertEquals(1, first.runs());
        assertEquals(2, second.runs());
        assertTrue(second.summaryAppended());
        assertEquals(List.of(), second.warnings());
        assertEquals(2, Files.readAllLines(history).size());
        String md = Files.readString(out.resolve("wheel-health.md"));
        String appended = Files.readString(summary);
        assertTrue(appended.startsWith("## earlier step\n## \u2705 Wheel health: `primary_healthy`\n"), appended);
        assertTrue(appended.endsWith("\n" + md + "\n"), "the second run's summary comes last");
        assertEquals(2, appended.lines().filter(l -> l.startsWith("## \u2705 Wheel health")).count());
        assertTrue(Files.readString(out.resolve("wheel-health.html")).contains("Availability over the last 2 runs"));
        assertEquals(JUnitReport.render(report), Files.readString(out.resolve("TEST-smvm-wheel-health.xml")));
    }

    @Test
    void jsonOnlyWritesNothingElseButStillRecordsTheRun() throws Exception {
        Path out = temp.resolve("target/smvm");
        Path history = temp.resolve(".smvm/wheel-health-history.jsonl");
        Path summary = temp.resolve("step-summary.md");

        WheelHealthOutputs.Written written = WheelHealthOutputs.write(out, ReportFixtures.realistic(3, 10, 7),
                new WheelHealthOutputs.Options(EnumSet.of(ReportFormat.JSON), history, 500, summary));

        assertEquals(List.of(), written.files());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(summary), "the job summary goes with the md format");
        assertEquals(1, Files.readAllLines(history).size());
    }

    @Test
    void historyOffTouchesNoHistoryAndTheTrendShowsThisRun() throws Exception {
        Path out = temp.resolve("target/smvm");

        WheelHealthOutputs.Written written = WheelHealthOutputs.write(out, ReportFixtures.realistic(3, 10, 7),
                new WheelHealthOutputs.Options(EnumSet.of(ReportFormat.HTML), null, 500, null));

        assertEquals(1, written.runs());
        assertFalse(Files.exists(temp.resolve(".smvm")));
        assertTrue(Files.readString(out.resolve("wheel-health.html")).contains("Availability over the last 1 run<"));
    }

    @Test
    void unwritableHistoryAndSummaryAreWarningsNotFailures() throws Exception {
        Path blocker = temp.resolve("not-a-directory");
        Files.writeString(blocker, "x");
        Path out = temp.resolve("target/smvm");

        WheelHealthOutputs.Written written = WheelHealthOutputs.write(out, ReportFixtures.realistic(3, 10, 7),
                new WheelHealthOutputs.Options(EnumSet.of(ReportFormat.MD), blocker.resolve("h.jsonl"), 500,
                        blocker.resolve("summary.md")));

        assertEquals(List.of(out.resolve("wheel-health.md")), written.files());
        assertEquals(2, written.warnings().size(), written.warnings().toString());
        assertFalse(written.summaryAppended());
        assertTrue(written.warnings().get(0).startsWith("Cannot record this run in " + blocker.resolve("h.jsonl")),
                written.warnings().get(0));
        assertTrue(written.warnings().get(1).startsWith("Cannot append the summary to " + blocker.resolve("summary.md")
                + " (GITHUB_STEP_SUMMARY)"), written.warnings().get(1));
    }
}
