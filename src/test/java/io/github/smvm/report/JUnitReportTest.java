package io.github.smvm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JUnitReportTest {

    @Test
    void surefireParserReadsOneSuitePerEnvironmentWithTheJsonsCounts() throws Exception {
        ObjectNode report = ReportFixtures.realistic(12, 300, 11);
        String xml = JUnitReport.render(report);

        List<ReportTestSuite> suites = parse(xml);

        JsonNode environments = report.get("environments");
        assertEquals(environments.size(), suites.size());
        for (int e = 0; e < environments.size(); e++) {
            JsonNode env = environments.get(e);
            ReportTestSuite suite = suites.get(e);
            assertEquals("wheel-health." + env.get("id").asText(), suite.getFullClassName());
            int failed = 0;
            int skipped = 0;
            for (JsonNode pkg : env.get("packages")) {
                String status = pkg.get("status").asText();
                if (status.equals("skipped")) {
                    skipped++;
                } else if (!status.equals("wheel") && !status.equals("older_wheel")) {
                    failed++;
                }
            }
            assertEquals(env.get("packages").size(), suite.getNumberOfTests(), env.get("id").asText());
            assertEquals(failed, suite.getNumberOfFailures(), env.get("id").asText());
            assertEquals(skipped, suite.getNumberOfSkipped(), env.get("id").asText());
            assertEquals(0, suite.getNumberOfErrors());
            for (int p = 0; p < env.get("packages").size(); p++) {
                JsonNode pkg = env.get("packages").get(p);
                ReportTestCase testCase = suite.getTestCases().get(p);
                assertEquals(pkg.get("requirement").asText(), testCase.getName());
                String status = pkg.get("status").asText();
                if (testCase.hasFailure()) {
                    assertEquals(pkg.get("reason").asText(), testCase.getFailureMessage());
                    assertEquals(status, testCase.getFailureType());
                } else {
                    assertTrue(status.equals("wheel") || status.equals("older_wheel") || status.equals("skipped"), status);
                }
            }
        }
        // the primary's counts are the top-level counts of wheel-health.json (nothing ignored here)
        ReportTestSuite primary = suites.get(0);
        assertEquals(report.get("packages_checked").asInt(), primary.getNumberOfTests() - primary.getNumberOfSkipped());
        assertEquals(report.get("packages_failed").asInt(), primary.getNumberOfFailures());
        assertTrue(report.get("packages_failed").asInt() > 0, "the fixture has failures to count");
    }

    @Test
    void everySuiteFollowsSurefiresSchema() throws Exception {
        ObjectNode report = ReportFixtures.realistic(12, 300, 11);
        HtmlReportTest.plantHostileText(report);
        Document document = dom(JUnitReport.render(report));

        Element root = document.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(12, suites.getLength());
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/junit/surefire-test-report-3.0.xsd"));
        int tests = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            schema.newValidator().validate(new DOMSource(suite));
            tests += Integer.parseInt(suite.getAttribute("tests"));
        }
        assertEquals(tests, Integer.parseInt(root.getAttribute("tests")));
    }

    @Test
    void schemaCheckRejectsWhatSurefireWouldNot() throws Exception {
        // the check above can fail: an attribute the schema does not know is rejected
        Document document = dom("<testsuite name=\"x\" tests=\"1\" errors=\"0\" skipped=\"0\" failures=\"0\" "
                + "timestamp=\"now\"><testcase name=\"a\" time=\"0\"/></testsuite>");
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/junit/surefire-test-report-3.0.xsd"));
        org.junit.jupiter.api.Assertions.assertThrows(org.xml.sax.SAXException.class,
                () -> schema.newValidator().validate(new DOMSource(document.getDocumentElement())));
    }

    @Test
    void hostileTextComesBackExactlyAndCannotAddElements() throws Exception {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        HtmlReportTest.plantHostileText(report);
        String xml = JUnitReport.render(report);

        List<ReportTestSuite> suites = parse(xml);
        ReportTestCase first = suites.get(0).getTestCases().get(0);
        assertEquals(HtmlReportTest.HOSTILE_REQUIREMENT, first.getName());
        assertEquals(HtmlReportTest.HOSTILE_REASON, first.getFailureMessage());
        Document document = dom(xml);
        assertEquals(0, document.getElementsByTagName("script").getLength());
        assertEquals(0, document.getElementsByTagName("img").getLength());
        assertEquals(3, document.getElementsByTagName("testsuite").getLength());
        assertTrue(first.getFailureDetail().contains("suggestion: " + HtmlReportTest.HOSTILE_SUGGESTION));
    }

    @Test
    void charactersXmlForbidsAreReplaced() throws Exception {
        ObjectNode report = ReportFixtures.realistic(3, 10, 7);
        ObjectNode pkg = (ObjectNode) report.get("environments").get(0).get("packages").get(0);
        pkg.put("status", "no_wheel");
        pkg.put("reason", "bell\u0007 and nul\u0000 and \uD800 lone surrogate and \uD83D\uDE00 emoji");

        List<ReportTestSuite> suites = parse(JUnitReport.render(report));

        assertEquals("bell\uFFFD and nul\uFFFD and \uFFFD lone surrogate and \uD83D\uDE00 emoji",
                suites.get(0).getTestCases().get(0).getFailureMessage());
    }

    @Test
    void unavailableInterpreterIsOneFailingCase() throws Exception {
        ObjectNode report = HtmlReportTest.json("""
                {"wheel_status":"fallback_available","selected_python":"fallback","threshold":0.9,
                 "recommendations":["primary interpreter unavailable (3.12): no interpreter matches"],
                 "environments":[
                  {"id":"primary","role":"primary","python_version":null,"executable":null,"platform":null,
                   "ratio":null,"healthy":false,"packages":[]},
                  {"id":"fallback","role":"fallback","python_version":"3.11.7","ratio":1.0,"healthy":true,"packages":[
                   {"requirement":"tinyjson","name":"tinyjson","status":"wheel","version":"1.1.0",
                    "wheel":"tinyjson-1.1.0-py3-none-any.whl","reason":null,"suggestion":null,"dependencies":[]}]}]}""");

        List<ReportTestSuite> suites = parse(JUnitReport.render(report));

        assertEquals(1, suites.get(0).getNumberOfTests());
        assertEquals(1, suites.get(0).getNumberOfFailures());
        ReportTestCase interpreter = suites.get(0).getTestCases().get(0);
        assertEquals("interpreter", interpreter.getName());
        assertEquals("interpreter_unavailable", interpreter.getFailureType());
        assertEquals("primary interpreter unavailable (3.12): no interpreter matches", interpreter.getFailureMessage());
        assertEquals(1, suites.get(1).getNumberOfTests());
        assertFalse(suites.get(1).getTestCases().get(0).hasFailure());
    }

    @Test
    void failedAssessmentIsOneFailingCaseWithTheReason() throws Exception {
        ObjectNode report = WheelHealthReport.failed("Cannot read the requirements: requirements.txt:3: bad", 0.9,
                Instant.parse("2026-11-22T10:15:00Z"));

        List<ReportTestSuite> suites = parse(JUnitReport.render(report));

        assertEquals(1, suites.size());
        assertEquals("wheel-health.assessment", suites.get(0).getFullClassName());
        ReportTestCase testCase = suites.get(0).getTestCases().get(0);
        assertEquals("assessment_failed", testCase.getFailureType());
        assertEquals("Cannot read the requirements: requirements.txt:3: bad", testCase.getFailureMessage());
    }

    static List<ReportTestSuite> parse(String xml) throws Exception {
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        return parser.parse(new InputStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
    }

    static Document dom(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
