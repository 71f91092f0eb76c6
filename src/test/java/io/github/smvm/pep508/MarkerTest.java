package io.github.smvm.pep508;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MarkerTest {

    private static final JsonNode VECTORS = Vectors.load("pep508.json");

    private static Map<String, MarkerEnvironment> environments() {
        Map<String, MarkerEnvironment> result = new HashMap<>();
        VECTORS.get("environments").fields().forEachRemaining(e -> {
            Map<String, String> values = new HashMap<>();
            e.getValue().fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().asText()));
            result.put(e.getKey(), MarkerEnvironment.of(values));
        });
        return result;
    }

    @TestFactory
    Stream<DynamicTest> evaluatesAndFormatsLikePackaging() {
        Map<String, MarkerEnvironment> envs = environments();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : VECTORS.get("markers")) {
            String input = row.get("input").asText();
            tests.add(DynamicTest.dynamicTest("'" + input + "'", () -> {
                Marker m = Marker.parse(input);
                assertEquals(row.get("str").asText(), m.toString(), "str");
                for (JsonNode ev : row.get("evaluations")) {
                    MarkerEnvironment env = envs.get(ev.get("environment").asText());
                    String extra = ev.get("extra").isNull() ? null : ev.get("extra").asText();
                    JsonNode expected = ev.get("result");
                    String what = ev.get("environment").asText() + " extra=" + extra;
                    if (expected.isBoolean()) {
                        assertEquals(expected.asBoolean(), m.evaluate(env, extra), what);
                    } else {
                        assertThrows(MarkerEvaluationException.class, () -> m.evaluate(env, extra), what + " " + expected);
                    }
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> rejectsLikePackagingWithSameReasonAndSpan() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : VECTORS.get("invalid_markers")) {
            String input = row.get("input").asText();
            tests.add(DynamicTest.dynamicTest("'" + input + "'", () -> {
                InvalidMarkerException e = assertThrows(InvalidMarkerException.class, () -> Marker.parse(input));
                assertEquals(row.get("message").asText(), e.reason(), "reason");
                assertEquals(row.get("span").get(0).asInt(), e.spanStart(), "span start");
                assertEquals(row.get("span").get(1).asInt(), e.spanEnd(), "span end");
            }));
        }
        return tests.stream();
    }

    private static MarkerEnvironment linux311() {
        return environments().get("linux-cp311");
    }

    @Test
    void comparesPythonVersionAsVersionNotString() {
        assertTrue(Marker.parse("python_version > \"3.9\"").evaluate(linux311()));
    }

    @Test
    void normalisesExtraOnBothSides() {
        Marker m = Marker.parse("extra == \"Security_Test\"");
        assertEquals("extra == \"security-test\"", m.toString());
        assertTrue(m.evaluate(linux311(), "security.test"));
        assertFalse(m.evaluate(linux311()));
    }

    @Test
    void andBindsTighterThanOr() {
        assertTrue(Marker.parse("os_name == 'posix' or os_name == 'nt' and python_version < '3'").evaluate(linux311()));
        assertFalse(Marker.parse("(os_name == 'posix' or os_name == 'nt') and python_version < '3'").evaluate(linux311()));
    }

    @Test
    void reportsUndefinedVariable() {
        MarkerEnvironment env = MarkerEnvironment.of(Map.of("python_version", "3.11"));
        MarkerEvaluationException e = assertThrows(MarkerEvaluationException.class,
                () -> Marker.parse("os_name == 'nt'").evaluate(env));
        assertEquals("Cannot evaluate marker 'os_name == \"nt\"': the environment does not define 'os_name'", e.getMessage());
    }

    @Test
    void rejectsUnknownEnvironmentKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MarkerEnvironment.of(Map.of("python_versio", "3.11")));
        assertTrue(e.getMessage().startsWith("'python_versio' is not a marker environment variable"), e.getMessage());
    }

    @Test
    void rejectsUnterminatedEscapeInString() {
        InvalidMarkerException e = assertThrows(InvalidMarkerException.class, () -> Marker.parse("os_name == \"a\\\""));
        assertEquals("Invalid Python string literal \"a\\\": it ends with a backslash that escapes the closing quote",
                e.reason());
    }
}
