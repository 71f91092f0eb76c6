package io.github.smvm.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SdistFilenameTest {

    private static final JsonNode VECTORS = Vectors.load("dist.json");

    @TestFactory
    Stream<DynamicTest> acceptsAndRejectsLikePackaging() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : VECTORS.get("sdists")) {
            String filename = row.get("filename").asText();
            tests.add(DynamicTest.dynamicTest("'" + filename + "'", () -> {
                if (row.get("valid").asBoolean()) {
                    SdistFilename s = SdistFilename.parse(filename);
                    assertEquals(row.get("name").asText(), s.name(), "name");
                    assertEquals(row.get("version").asText(), s.version().toString(), "version");
                } else {
                    InvalidSdistFilenameException e =
                            assertThrows(InvalidSdistFilenameException.class, () -> SdistFilename.parse(filename));
                    String message = row.get("message").asText();
                    String reason = message.startsWith("Invalid sdist filename (extension")
                            ? "it does not end with '.tar.gz' or '.zip'"
                            : message.startsWith("Invalid sdist filename (invalid version)") ? "'" : "it has no '-'";
                    assertTrue(e.getMessage().startsWith("Invalid sdist filename '" + filename + "': " + reason), e.getMessage());
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void splitsAtLastDash() {
        SdistFilename s = SdistFilename.parse("foo-bar-baz-2.0rc1.zip");
        assertEquals("foo-bar-baz", s.name());
        assertEquals("2.0rc1", s.version().toString());
    }

    @Test
    void rejectsOtherExtensionsWithClearMessage() {
        InvalidSdistFilenameException e = assertThrows(InvalidSdistFilenameException.class, () -> SdistFilename.parse("foo-1.0.tgz"));
        assertEquals("Invalid sdist filename 'foo-1.0.tgz': it does not end with '.tar.gz' or '.zip'; expected"
                + " {name}-{version}.tar.gz or {name}-{version}.zip, for example requests-2.32.3.tar.gz", e.getMessage());
    }
}
