package io.github.smvm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    /** The page size the README states for a 12-environment x 300-requirement report. */
    static final int PAGE_LIMIT_BYTES = 2 * 1024 * 1024;

    static final String HOSTILE_REQUIREMENT = "evil<script>document.documentElement.setAttribute('data-pwned','1')</script>"
            + "\"onmouseover=\"document.documentElement.setAttribute('data-pwned','2')\" | x\ny";
    static final String HOSTILE_REASON = "\"onmouseover=alert(1) x=\"<img src=x onerror=\"document.documentElement"
            + ".setAttribute('data-pwned','3')\"> | broken\ncell ]] `code` *bold* & &amp;";
    static final String HOSTILE_WHEEL = "x'><svg onload=document.documentElement.setAttribute('data-pwned','4')>.whl";
    static final String HOSTILE_SUGGESTION = "</title></textarea><script>document.documentElement.setAttribute('data-pwned','5')</script>";

    /** Puts hostile text where index pages and requirements files can put it: requirement, name, reason, wheel, suggestion, via. */
    static void plantHostileText(ObjectNode report) {
        for (JsonNode env : report.get("environments")) {
            ObjectNode first = (ObjectNode) env.get("packages").get(0);
            first.put("requirement", HOSTILE_REQUIREMENT);
            first.put("name", "evil\"<b onclick=x>");
            first.put("status", "no_wheel");
            first.put("reason", HOSTILE_REASON);
            first.put("wheel", HOSTILE_WHEEL);
            first.put("suggestion", HOSTILE_SUGGESTION);
            ObjectNode dep = first.putArray("dependencies").addObject();
            dep.put("requirement", "dep<script>x</script>");
            dep.put("name", "dep<i onmouseover=x>");
            dep.put("status", "sdist_only");
            dep.put("reason", HOSTILE_REASON);
            dep.putArray("via").add(HOSTILE_REQUIREMENT).add("dep<i onmouseover=x>");
        }
        ((com.fasterxml.jackson.databind.node.ArrayNode) report.get("recommendations"))
                .add("run `mvn <script>alert(1)</script>` and " + HOSTILE_REASON);
    }

    @Test
    void matrixHasOneRowPerRequirementAndOneColumnPerEnvironment() {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        Document page = Jsoup.parse(HtmlReport.render(report, List.of(HistoryEntry.of(report))));

        Elements headers = page.select("table.m thead th");
        assertEquals(List.of("Requirement", "primary", "fallback", "cp313-win_amd64"),
                headers.stream().map(h -> h.hasAttr("data-id") ? h.attr("data-id") : h.text()).toList());
        Elements rows = page.select("table.m tbody tr:not(.d)");
        assertEquals(10, rows.size());
        for (int e = 0; e < 3; e++) {
            JsonNode packages = report.get("environments").get(e).get("packages");
            for (int r = 0; r < 10; r++) {
                JsonNode pkg = packages.get(r);
                Element cell = rows.get(r).select("td").get(e);
                assertEquals(pkg.get("requirement").asText(), rows.get(r).selectFirst("th").attr("title"));
                assertEquals(expectedClass(pkg.get("status").asText()), cell.className(), pkg.toString());
                if (!pkg.get("version").isNull()) {
                    assertEquals(pkg.get("version").asText(), cell.text());
                }
                if (!pkg.get("wheel").isNull()) {
                    assertTrue(cell.attr("title").contains(pkg.get("wheel").asText()), cell.attr("title"));
                }
                if (!pkg.get("reason").isNull()) {
                    assertTrue(cell.attr("title").contains("reason: " + pkg.get("reason").asText()), cell.attr("title"));
                }
                if (!pkg.get("suggestion").isNull()) {
                    assertTrue(cell.attr("title").contains("suggestion: " + pkg.get("suggestion").asText()));
                }
            }
        }
    }

    @Test
    void bannerShowsStatusSelectedInterpreterAndRatioAgainstThreshold() {
        ObjectNode report = json("""
                {"schema_version":1,"timestamp":"2026-11-22T10:15:00Z","wheel_status":"fallback_available",
                 "primary_python":"3.12.1","fallback_python":"3.11.7","selected_python":"fallback","threshold":0.9,
                 "packages_checked":3,"packages_available":2,"packages_failed":1,"fallback_required":true,
                 "fallback_reason":"missing_wheels_primary","recommendations":["Use the fallback: run `mvn smvm:fallback`"],
                 "environments":[
                  {"id":"primary","role":"primary","python_version":"3.12.1","implementation":"cpython",
                   "executable":"/py/3.12/bin/python3","platform":"manylinux_2_36_x86_64","ratio":0.6666666666666666,
                   "healthy":false,"packages":[]},
                  {"id":"fallback","role":"fallback","python_version":"3.11.7","implementation":"cpython",
                   "executable":"/py/3.11/bin/python3","platform":"manylinux_2_36_x86_64","ratio":1.0,"healthy":true,
                   "packages":[]}]}""");
        Document page = Jsoup.parse(HtmlReport.render(report, List.of(HistoryEntry.of(report))));

        Element banner = page.selectFirst("header.banner");
        assertTrue(banner.hasClass("b-fallback_available"));
        assertEquals("\u26a0 fallback_available", banner.selectFirst(".status").ownText());
        assertEquals("missing_wheels_primary", banner.selectFirst(".status small").text());
        assertTrue(banner.text().contains("fallback \u00b7 Python 3.11.7"), banner.text());
        assertTrue(banner.text().contains("/py/3.11/bin/python3"));
        Element primary = banner.select(".fact").get(1);
        assertEquals("primary available", primary.selectFirst("span").text());
        assertTrue(primary.text().endsWith("66.7% (2 of 3)"), primary.text());
        assertEquals("66.7% against threshold 90.0%", primary.selectFirst(".meter").attr("title"));
        assertEquals("90.0%", banner.select(".fact").get(3).selectFirst("b").text());
        assertEquals("mvn smvm:fallback", page.selectFirst("#recommendations code").text());
    }

    @Test
    void dependencyThatBreaksARequirementIsARowUnderIt() {
        ObjectNode report = json("""
                {"wheel_status":"fallback_available","selected_python":"fallback","threshold":0.9,"recommendations":[],
                 "environments":[
                  {"id":"primary","role":"primary","python_version":"3.12.1","ratio":0.5,"healthy":false,"packages":[
                   {"requirement":"webapp","name":"webapp","status":"no_wheel","version":"1.0","wheel":"webapp-1.0-py3-none-any.whl",
                    "reason":"dependency webapp \\u2190 modelkit \\u2190 fastcore: fastcore 0.9 has no wheel for cp312","suggestion":null,
                    "dependencies":[
                     {"requirement":"modelkit>=1","name":"modelkit","status":"wheel","version":"1.2","wheel":"modelkit-1.2-py3-none-any.whl",
                      "reason":null,"suggestion":null,"via":["webapp","modelkit"]},
                     {"requirement":"fastcore","name":"fastcore","status":"no_wheel","version":null,"wheel":null,
                      "reason":"fastcore 0.9 has no wheel for cp312","suggestion":null,"via":["webapp","modelkit","fastcore"]}]},
                   {"requirement":"tinyjson","name":"tinyjson","status":"wheel","version":"1.1.0","wheel":"tinyjson-1.1.0-py3-none-any.whl",
                    "reason":null,"suggestion":null,"dependencies":[]}]},
                  {"id":"fallback","role":"fallback","python_version":"3.11.7","ratio":1.0,"healthy":true,"packages":[
                   {"requirement":"webapp","name":"webapp","status":"wheel","version":"1.0","wheel":"webapp-1.0-py3-none-any.whl",
                    "reason":null,"suggestion":null,"dependencies":[
                     {"requirement":"fastcore","name":"fastcore","status":"wheel","version":"0.9","wheel":"fastcore-0.9-cp311-cp311-manylinux_2_17_x86_64.whl",
                      "reason":null,"suggestion":null,"via":["webapp","modelkit","fastcore"]}]},
                   {"requirement":"tinyjson","name":"tinyjson","status":"wheel","version":"1.1.0","wheel":"tinyjson-1.1.0-py3-none-any.whl",
                    "reason":null,"suggestion":null,"dependencies":[]}]}]}""");
        Document page = Jsoup.parse(HtmlReport.render(report, List.of(HistoryEntry.of(report))));

        Elements rows = page.select("table.m tbody tr");
        assertEquals(List.of("webapp", "\u21b3 fastcore via webapp \u2190 modelkit", "tinyjson"),
                rows.stream().map(r -> r.selectFirst("th").text()).toList());
        Element culprit = rows.get(1);
        assertTrue(culprit.hasClass("d"));
        assertEquals(List.of("n", "w"), culprit.select("td").stream().map(Element::className).toList());
        assertEquals("reason: fastcore 0.9 has no wheel for cp312", culprit.select("td").get(0).attr("title").lines()
                .filter(l -> l.startsWith("reason")).findFirst().orElseThrow());
        assertEquals("0.9", culprit.select("td").get(1).text());
        // the filter "only problems" hides the rows marked g: tinyjson, not webapp nor its culprit
        assertEquals(List.of(false, false, true), rows.stream().map(r -> r.hasClass("g")).toList());
        assertTrue(page.selectFirst(".tools label[for=only]").text().contains("1 of 2"));
    }

    @Test
    void trendHasOneLinePerEnvironmentWithOnePointPerRun() {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        List<HistoryEntry> history = ReportFixtures.history(report, 7, 3);
        Document page = Jsoup.parse(HtmlReport.render(report, history));

        Element svg = page.selectFirst("#trend svg");
        Elements lines = svg.select("polyline");
        assertEquals(3, lines.size());
        for (Element line : lines) {
            assertEquals(7, line.attr("points").split(" ").length, line.attr("points"));
        }
        assertEquals(7, svg.select("rect").size(), "one outcome square per run");
        assertEquals(21, svg.select("circle").size());
        assertTrue(page.selectFirst("#trend h2").text().contains("7 runs"));
        // a higher ratio is drawn higher: y of the last point follows the last ratio
        double lastPrimary = history.get(6).environments().get(0).ratio();
        String[] last = lines.get(0).attr("points").split(" ")[6].split(",");
        assertEquals(10 + 170 - 170 * lastPrimary, Double.parseDouble(last[1]), 0.1);
    }

    @Test
    void runWithoutAnEnvironmentLeavesAGapInItsLine() {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        List<HistoryEntry> history = new ArrayList<>(ReportFixtures.history(report, 5, 3));
        HistoryEntry middle = history.get(2);
        history.set(2, new HistoryEntry(middle.timestamp(), middle.status(), middle.selected(), null, false,
                middle.environments().subList(0, 1)));
        Document page = Jsoup.parse(HtmlReport.render(report, history));

        Elements lines = page.select("#trend svg polyline");
        assertEquals(5, lines.size(), "primary whole, fallback and target in two pieces each");
    }

    @Test
    void inputsCannotInjectMarkup() {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        plantHostileText(report);
        Document page = Jsoup.parse(HtmlReport.render(report, List.of(HistoryEntry.of(report))));

        assertEquals(1, page.select("script").size(), "only the page's own script");
        assertTrue(page.select("img, textarea, b[onclick], i[onmouseover]").isEmpty());
        assertTrue(page.select("svg").size() == 1 && page.select("svg[onload]").isEmpty());
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase().startsWith("on"), element.outerHtml());
            }
        }
        Element row = page.selectFirst("table.m tbody tr");
        assertEquals(HOSTILE_REQUIREMENT, row.selectFirst("th").attr("title"));
        assertEquals(HOSTILE_REQUIREMENT, row.selectFirst("th").wholeText());
        String title = row.selectFirst("td").attr("title");
        assertTrue(title.contains("reason: " + HOSTILE_REASON), title);
        assertTrue(title.contains("wheel: " + HOSTILE_WHEEL), title);
        assertTrue(title.contains("suggestion: " + HOSTILE_SUGGESTION), title);
        assertTrue(page.selectFirst("#recommendations").text().contains("<script>alert(1)</script>"));
        assertEquals("Wheel health: " + report.get("wheel_status").asText(), page.title());
    }

    @Test
    void pageAllowsNoNetworkAndOnlyItsOwnScript() {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        String html = HtmlReport.render(report, List.of(HistoryEntry.of(report)));
        Document page = Jsoup.parse(html);

        assertEquals("default-src 'none'; style-src 'unsafe-inline'; script-src '" + HtmlReport.scriptHash() + "'",
                page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"));
        assertTrue(page.select("link, img, iframe, object, embed, [src], [href]").isEmpty(),
                page.select("link, img, iframe, object, embed, [src], [href]").toString());
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing to fetch");
    }

    @Test
    void failedAssessmentShowsWhyAndNoMatrix() {
        ObjectNode report = WheelHealthReport.failed("Cannot read the requirements: requirements.txt:3: bad <line>", 0.9,
                java.time.Instant.parse("2026-11-22T10:15:00Z"));
        Document page = Jsoup.parse(HtmlReport.render(report, List.of(HistoryEntry.of(report))));

        assertTrue(page.selectFirst("header.banner").hasClass("b-assessment_failed"));
        assertTrue(page.selectFirst("header.banner").text().contains("requirements.txt:3: bad <line>"));
        assertTrue(page.select("table").isEmpty());
        assertEquals("The assessment could not run: nothing was assessed.", page.selectFirst("#matrix .empty").text());
    }

    @Test
    void largeReportStaysUnderTheStatedSize() {
        ObjectNode report = ReportFixtures.realistic(12, 300, 11);
        String html = HtmlReport.render(report, ReportFixtures.history(report, HealthHistory.DEFAULT_LIMIT, 11));
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("wheel-health.html: 12 x 300 with %d runs: %d bytes%n", HealthHistory.DEFAULT_LIMIT, bytes);

        assertTrue(bytes < PAGE_LIMIT_BYTES, bytes + " bytes");
        Document page = Jsoup.parse(html);
        assertEquals(300, page.select("table.m tbody tr:not(.d)").size());
        assertEquals(12 * 300, page.select("table.m tbody tr:not(.d) td").size());
    }

    private static String expectedClass(String status) {
        return Map.of("wheel", "w", "older_wheel", "o", "sdist_only", "s", "no_wheel", "n", "no_version", "v",
                "not_found", "f", "error", "e", "skipped", "k").get(status);
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
