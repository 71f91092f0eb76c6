package io.github.smvm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    /** GitHub's limit for a pull-request comment, in characters. */
    static final int COMMENT_LIMIT = 65_536;

    @Test
    void smallReportHasOutcomeEnvironmentsProblemsAndRecommendations() {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        List<HistoryEntry> history = ReportFixtures.history(report, 4, 7);
        String md = MarkdownReport.render(report, history);

        List<String> lines = md.lines().toList();
        assertEquals("## \u2705 Wheel health: `primary_healthy`", lines.get(0));
        assertEquals("Selected: **primary** interpreter, Python 3.12.1 \u00b7 primary: 100.0% available (10 of 10 counted)"
                + " \u00b7 threshold 90.0%", lines.get(2));
        assertEquals("| Environment | Python | Platform | Available | Ratio | Healthy | Trend |", lines.get(4));
        assertEquals("| primary | 3.12.1 | manylinux\\_2\\_36\\_x86\\_64 | 10 / 10 | 100.0% | \u2705 | "
                + MarkdownReport.sparkline(history, "primary") + " |", lines.get(6));
        assertEquals(4, MarkdownReport.sparkline(history, "primary").length());
        assertTrue(md.contains("### Problems\n\n5 requirements of 10 do not install from wheels everywhere."), md);
        assertTrue(md.contains("| pandas\\~=3.5 | cp313-win\\_amd64 (no\\_wheel) | pandas 3.5.0 has no wheel for cp313 win\\_amd64"), md);
        assertTrue(md.contains("### Recommendations\n\n- target cp313-win\\_amd64 is not healthy: "), md);
        assertTrue(md.endsWith("</sub>\n"));
    }

    @Test
    void sparklineMapsRatiosToBlocksAndGapsToDots() {
        HistoryEntry base = HistoryEntry.of(ReportFixtures.realistic(3, 10, 7));
        List<HistoryEntry> history = List.of(
                withPrimary(base, 0.0), withPrimary(base, 0.5), withPrimary(base, null), withPrimary(base, 1.0));
        assertEquals("\u2581\u2585\u00b7\u2588", MarkdownReport.sparkline(history, "primary"));
        assertEquals("", MarkdownReport.sparkline(List.of(), "primary"));
    }

    @Test
    void largeReportFitsInAPullRequestComment() {
        ObjectNode report = ReportFixtures.realistic(12, 300, 11);
        String md = MarkdownReport.render(report, ReportFixtures.history(report, HealthHistory.DEFAULT_LIMIT, 11));
        System.out.printf("wheel-health.md: 12 x 300: %d characters%n", md.length());

        assertTrue(md.length() < COMMENT_LIMIT / 2, md.length() + " characters");
        assertEquals(12, md.lines().filter(l -> l.startsWith("| ") && l.contains(" | ") && l.matches(".*\\| [0-9]+ / [0-9]+ \\|.*")).count());
        assertTrue(md.contains("\n\u2026 and "), "the rest is left to the HTML page");
        long problemRows = md.lines().filter(l -> l.startsWith("| ") && l.contains("(no\\_wheel)")).count();
        assertTrue(problemRows <= MarkdownReport.MAX_PROBLEM_ROWS);
    }

    @Test
    void hostileTextCannotBreakTheTableOrAddHtml() {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        HtmlReportTest.plantHostileText(report);
        String md = MarkdownReport.render(report, List.of(HistoryEntry.of(report)));

        String row = md.lines().filter(l -> l.startsWith("| evil")).findFirst().orElseThrow();
        assertEquals(3, row.replace("\\|", "").chars().filter(c -> c == '|').count() - 1, "three cells: " + row);
        assertFalse(md.contains("<script"));
        assertFalse(md.contains("<img"));
        assertFalse(md.contains("<svg"));
        assertTrue(row.contains("evil&lt;script&gt;"), row);
        // a table row is one line: the newline in the reason did not end it
        assertTrue(row.contains("\\| broken cell \\]\\] \\`code\\` \\*bold\\* &amp; &amp;amp;"), row);
        // recommendations keep their code spans, escaped inside
        assertTrue(md.contains("<code>mvn &lt;script&gt;alert(1)&lt;/script&gt;</code>"), md);
    }

    @Test
    void failedAssessmentSaysWhy() {
        ObjectNode report = WheelHealthReport.failed("Cannot read the requirements: requirements.txt:3: bad | line", 0.9,
                Instant.parse("2026-11-22T10:15:00Z"));
        String md = MarkdownReport.render(report, List.of(HistoryEntry.of(report)));

        assertTrue(md.startsWith("## \ud83d\uded1 Wheel health: `assessment_failed`\n\nThe assessment could not run: "
                + "Cannot read the requirements: requirements.txt:3: bad \\| line\n"), md);
    }

    private static HistoryEntry withPrimary(HistoryEntry base, Double ratio) {
        List<HistoryEntry.EnvironmentPoint> points = new java.util.ArrayList<>(base.environments());
        HistoryEntry.EnvironmentPoint p = points.get(0);
        points.set(0, new HistoryEntry.EnvironmentPoint(p.id(), ratio, p.packages(), p.available(), p.failed(),
                p.skipped(), p.healthy()));
        return new HistoryEntry(base.timestamp(), base.status(), base.selected(), base.selectedVersion(), false, points);
    }
}
