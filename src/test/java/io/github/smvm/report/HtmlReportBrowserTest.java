package io.github.smvm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opens the page in a real headless browser. The screenshots stay in {@code target/report-samples}
 * for a human to look at.
 */
class HtmlReportBrowserTest {

    static final Path SAMPLES = Path.of("target", "report-samples");

    private final Chromium chromium = new Chromium();

    @BeforeEach
    void needsChromium() throws Exception {
        assumeTrue(Chromium.available(), Chromium.missing());
        Files.createDirectories(SAMPLES);
    }

    @Test
    void smallReportRendersBannerMatrixAndTrend() throws Exception {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        Path png = render("3x10", report, ReportFixtures.history(report, 12, 7), 1400, 900);

        Chromium.Pixels pixels = Chromium.Pixels.of(png);
        assertEquals(1400, pixels.width());
        assertEquals(900, pixels.height());
        assertTrue(pixels.distinctColours() > 50, "a blank or unstyled page has few colours: " + pixels);
        assertTrue(pixels.nonWhiteShare() > 0.08, "mostly white: " + pixels);
        // the banner's colour is the status's: the stylesheet was applied
        assertEquals(bannerColour(report.get("wheel_status").asText()), Chromium.Pixels.at(png, 4, 4));
    }

    @Test
    void largeReportRenders() throws Exception {
        ObjectNode report = ReportFixtures.realistic(12, 300, 11);
        Path png = render("12x300", report, ReportFixtures.history(report, 40, 11), 1400, 900);

        Chromium.Pixels pixels = Chromium.Pixels.of(png);
        assertTrue(pixels.distinctColours() > 50, pixels.toString());
        assertTrue(pixels.nonWhiteShare() > 0.08, pixels.toString());
        assertEquals(bannerColour(report.get("wheel_status").asText()), Chromium.Pixels.at(png, 4, 4));
    }

    @Test
    void pageScriptRunsUnderItsContentSecurityPolicy() throws Exception {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        Path page = SAMPLES.resolve("csp.html");
        Files.writeString(page, HtmlReport.render(report, List.of(HistoryEntry.of(report))), StandardCharsets.UTF_8);

        String dom = chromium.dumpDom(page);

        assertTrue(dom.contains("data-ready=\"1\""), "the page's own script did not run");
    }

    @Test
    void markupPlantedInTheInputsDoesNotRun() throws Exception {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        HtmlReportTest.plantHostileText(report);
        Path page = SAMPLES.resolve("hostile.html");
        Files.writeString(page, HtmlReport.render(report, List.of(HistoryEntry.of(report))), StandardCharsets.UTF_8);

        String dom = chromium.dumpDom(page);

        org.jsoup.nodes.Element html = org.jsoup.Jsoup.parse(dom).selectFirst("html");
        assertEquals("1", html.attr("data-ready"), "the page's own script did not run");
        assertFalse(html.hasAttr("data-pwned"), "planted markup ran: " + html.attr("data-pwned"));
        assertTrue(dom.contains("data-pwned"), "the planted text is still there, as text");
    }

    private Path render(String name, ObjectNode report, List<HistoryEntry> history, int width, int height)
            throws Exception {
        Path page = SAMPLES.resolve(name + ".html");
        Files.writeString(page, HtmlReport.render(report, history), StandardCharsets.UTF_8);
        System.out.printf("wheel-health.html %s with %d runs: %d bytes%n", name, history.size(), Files.size(page));
        assertTrue(Files.size(page) < HtmlReportTest.PAGE_LIMIT_BYTES);
        Path png = SAMPLES.resolve(name + ".png");
        Files.deleteIfExists(png);
        chromium.screenshot(page, png, width, height);
        assertTrue(Files.size(png) > 0, "no screenshot");
        return png;
    }

    static int bannerColour(String status) {
        return switch (status) {
            case "primary_healthy" -> 0x1a7f37;
            case "fallback_available" -> 0xb35900;
            case "complete_failure" -> 0xcf222e;
            default -> 0x6e1b1b;
        };
    }
}
