package io.github.smvm.pep508;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class NamesTest {

    private static final JsonNode VECTORS = Vectors.load("pep508.json");

    @TestFactory
    Stream<DynamicTest> validatesAndNormalisesLikePackaging() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : VECTORS.get("names")) {
            String name = row.get("name").asText();
            tests.add(DynamicTest.dynamicTest("'" + name + "'", () -> {
                assertEquals(row.get("valid").asBoolean(), Names.isValid(name), "valid");
                assertEquals(row.get("normalized").asText(), Names.normalize(name), "normalized");
                assertEquals(row.get("is_normalized").asBoolean(), Names.isNormalized(name), "is_normalized");
            }));
        }
        return tests.stream();
    }

    @Test
    void rejectsInvalidNameWithMessageQuotingIt() {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> Names.validateAndNormalize("-foo"));
        assertEquals("Invalid name: '-foo'; a name must consist of ASCII letters, digits, '.', '-' and '_', and start"
                + " and end with a letter or digit, for example 'requests' or 'zope.interface'", e.getMessage());
    }

    @Test
    void collapsesSeparatorRunsAndLowercases() {
        assertEquals("django-rest-framework", Names.validateAndNormalize("Django_REST.framework"));
        assertEquals("foo-bar", Names.normalize("foo-_.-bar"));
    }
}
