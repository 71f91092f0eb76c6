package io.github.smvm.pep508;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RequirementTest {

    private static final JsonNode VECTORS = Vectors.load("pep508.json");

    @TestFactory
    Stream<DynamicTest> parsesLikePackaging() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : VECTORS.get("requirements")) {
            String input = row.get("input").asText();
            tests.add(DynamicTest.dynamicTest("'" + input + "'", () -> {
                Requirement r = Requirement.parse(input);
                assertEquals(row.get("name").asText(), r.name(), "name");
                List<String> extras = new ArrayList<>();
                row.get("extras").forEach(e -> extras.add(e.asText()));
                assertEquals(extras, new ArrayList<>(r.rawExtras()), "extras");
                Set<String> normalized = new TreeSet<>();
                extras.forEach(e -> normalized.add(Names.normalize(e)));
                assertEquals(normalized, r.extras(), "normalised extras");
                assertEquals(row.get("specifier").asText(), r.specifier().toString(), "specifier");
                assertEquals(row.get("url").isNull() ? null : row.get("url").asText(), r.url().orElse(null), "url");
                assertEquals(row.get("marker").isNull() ? null : row.get("marker").asText(),
                        r.marker().map(Marker::toString).orElse(null), "marker");
                assertEquals(row.get("str").asText(), r.toString(), "str");
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> rejectsLikePackagingWithSameReasonAndSpan() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : VECTORS.get("invalid_requirements")) {
            String input = row.get("input").asText();
            tests.add(DynamicTest.dynamicTest("'" + input + "'", () -> {
                InvalidRequirementException e =
                        assertThrows(InvalidRequirementException.class, () -> Requirement.parse(input));
                assertEquals(row.get("message").asText(), e.reason(), "reason");
                assertEquals(row.get("span").get(0).asInt(), e.spanStart(), "span start");
                assertEquals(row.get("span").get(1).asInt(), e.spanEnd(), "span end");
                assertEquals(input, e.input());
            }));
        }
        return tests.stream();
    }

    @Test
    void errorMessageQuotesInputAndNamesColumn() {
        InvalidRequirementException e =
                assertThrows(InvalidRequirementException.class, () -> Requirement.parse("foo >= 1.0 and"));
        assertEquals("Invalid requirement 'foo >= 1.0 and': Expected end or semicolon (after version specifier)"
                + " at column 5\n    foo >= 1.0 and\n        ~~~~~~~^", e.getMessage());
    }

    @Test
    void normalisesExtrasAndName() {
        Requirement r = Requirement.parse("Foo_Bar[Extra_One, extra.two] (>=1.0) ; python_version < \"3.11\"");
        assertEquals("foo-bar", r.normalizedName());
        assertEquals(new TreeSet<>(List.of("extra-one", "extra-two")), r.extras());
        assertEquals(">=1.0", r.specifier().toString());
        assertEquals("python_version < \"3.11\"", r.marker().orElseThrow().toString());
    }

    @Test
    void keepsUrlOfDirectReference() {
        Requirement r = Requirement.parse("pkg @ https://example.com/pkg-1.0-py3-none-any.whl ; os_name == 'nt'");
        assertEquals("https://example.com/pkg-1.0-py3-none-any.whl", r.url().orElseThrow());
        assertEquals("pkg@ https://example.com/pkg-1.0-py3-none-any.whl ; os_name == \"nt\"", r.toString());
    }

    @Test
    void rejectsArbitraryEqualityTokenThatSwallowsAnInvalidClause() {
        // packaging's tokenizer reads "===(,'a'" as one specifier token, then SpecifierSet raises
        // InvalidSpecifier (not InvalidRequirement); here it is an InvalidRequirementException.
        InvalidRequirementException e =
                assertThrows(InvalidRequirementException.class, () -> Requirement.parse("foo===(,'a'"));
        assertEquals(0, e.spanStart());
        assertEquals(11, e.spanEnd());
        assertEquals("Invalid specifier set '===(,'a'': Invalid specifier: ''a''; expected an operator"
                + " (~=, ==, !=, <=, >=, <, >, ===) followed by a version, for example '>=1.0', '~=2.2', '==1.4.*'"
                + " or '!=1.0+local'; '.*' and local versions are only allowed with == and !=, and ~= needs at least"
                + " two release segments", e.reason());
    }
}
