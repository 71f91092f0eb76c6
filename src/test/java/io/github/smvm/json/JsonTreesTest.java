package io.github.smvm.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link JsonTrees} against what Jackson's object mapper reads and writes. */
class JsonTreesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> TEXTS = List.of(
            "{\"smvm_probe\": 1, \"result\": \"ok\", \"version_info\": [3, 12, 1, \"final\", 0],"
                    + " \"markers\": {\"python_version\": \"3.12\", \"extra\": null}, \"in_venv\": false, \"py_debug\": true}",
            "{\"a\": 1, \"a\": 2, \"b\": [], \"c\": {}, \"d\": [[1], {\"e\": \"\\u00e9\\n\\\"\"}]}",
            "{\"int\": 2147483647, \"long\": 2147483648, \"big\": 123456789012345678901234567890,"
                    + " \"neg\": -5, \"double\": 0.1, \"exp\": 1e300, \"negzero\": -0.0}",
            "[1, \"two\", 3.5, true, false, null]",
            "\"text\"",
            "42",
            "{\"a\": 1} trailing words",
            "   ");

    @Test
    void readsTheTreeTheMapperReads() throws IOException {
        for (String text : TEXTS) {
            JsonNode expected = MAPPER.readTree(text);
            JsonNode actual = JsonTrees.read(text);
            if (expected == null || expected.isMissingNode()) {
                assertNull(actual, text);
            } else {
                assertEquals(expected, actual, text);
                assertEquals(MAPPER.writeValueAsString(expected), JsonTrees.compact(actual), text);
            }
        }
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String text : List.of("{", "{\"a\": }", "[1, 2", "nope", "{\"a\" 1}")) {
            assertThrows(JsonProcessingException.class, () -> JsonTrees.read(text), text);
            assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(text), text);
        }
    }

    @Test
    void writesWhatTheMapperWritesCompactAndIndented() throws IOException {
        ObjectNode root = JsonTrees.object();
        root.put("schema_version", 1);
        root.put("ratio", 0.6666666666666666);
        root.put("threshold", 0.9f);
        root.put("long", 1L << 40);
        root.put("big", new BigInteger("123456789012345678901234567890"));
        root.put("decimal", new BigDecimal("1.50"));
        root.put("text", "quote \" backslash \\ newline \n tab \t unicode é € \u0001");
        root.putNull("none");
        root.put("yes", true);
        root.putArray("empty");
        root.putObject("nothing");
        root.putArray("tags").add("cp312-cp312-manylinux_2_17_x86_64").add("py3-none-any");
        ObjectNode env = root.putArray("environments").addObject();
        env.put("id", "primary");
        env.putArray("packages").addObject().put("name", "numpy").putArray("via").add("app").add("numpy");
        for (JsonNode node : List.<JsonNode>of(root, MAPPER.readTree(TEXTS.get(0)), MAPPER.readTree(TEXTS.get(3)))) {
            assertEquals(MAPPER.writeValueAsString(node), JsonTrees.compact(node));
            assertArrayEquals(MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(node),
                    JsonTrees.indented(node), () -> new String(JsonTrees.indented(node)));
        }
    }
}
