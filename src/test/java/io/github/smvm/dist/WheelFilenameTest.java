package io.github.smvm.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.smvm.tags.Tag;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class WheelFilenameTest {

    private static final JsonNode VECTORS = Vectors.load("dist.json");

    /** Accepted by packaging, rejected here because {@link Tag} has no empty parts (documented divergence). */
    private static final Set<String> KNOWN_DIVERGENCES = Set.of("foo-1.0-py3..-none-any.whl");

    @TestFactory
    Stream<DynamicTest> acceptsAndRejectsLikePackaging() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : VECTORS.get("wheels")) {
            String filename = row.get("filename").asText();
            if (KNOWN_DIVERGENCES.contains(filename)) {
                tests.add(DynamicTest.dynamicTest("'" + filename + "' (known divergence)", () -> {
                    assertTrue(row.get("valid").asBoolean());
                    assertThrows(InvalidWheelFilenameException.class, () -> WheelFilename.parse(filename));
                }));
                continue;
            }
            tests.add(DynamicTest.dynamicTest("'" + filename + "'", () -> {
                if (row.get("valid").asBoolean()) {
                    WheelFilename w = WheelFilename.parse(filename);
                    assertEquals(row.get("name").asText(), w.name(), "name");
                    assertEquals(row.get("version").asText(), w.version().toString(), "version");
                    JsonNode build = row.get("build");
                    assertEquals(build.isNull() ? null : new BuildTag(new BigInteger(build.get(0).asText()), build.get(1).asText()),
                            w.buildTag().orElse(null), "build");
                    List<String> tags = new ArrayList<>();
                    w.tags().forEach(t -> tags.add(t.toString()));
                    tags.sort(null);
                    List<String> expected = new ArrayList<>();
                    row.get("tags").forEach(t -> expected.add(t.asText()));
                    assertEquals(expected, tags, "tags");
                } else {
                    InvalidWheelFilenameException e =
                            assertThrows(InvalidWheelFilenameException.class, () -> WheelFilename.parse(filename));
                    String prefix = "Invalid wheel filename '" + filename + "': " + expectedReason(row.get("message").asText());
                    assertTrue(e.getMessage().startsWith(prefix), e.getMessage() + " should start with " + prefix);
                }
            }));
        }
        return tests.stream();
    }

    /** Maps packaging's message to the start of ours, so the same check is known to have failed. */
    private static String expectedReason(String packagingMessage) {
        if (packagingMessage.startsWith("Invalid wheel filename (extension must be '.whl')")) {
            return "it does not end with '.whl'";
        } else if (packagingMessage.startsWith("Invalid wheel filename (wrong number of parts)")) {
            return "it has ";
        } else if (packagingMessage.startsWith("Invalid project name")) {
            return "the project name '";
        } else if (packagingMessage.startsWith("Invalid wheel filename (invalid version)")) {
            return "'";
        } else if (packagingMessage.startsWith("Invalid build number")) {
            return "the build tag '";
        }
        throw new AssertionError("unmapped packaging message " + packagingMessage);
    }

    @Test
    void rejectsBuildTagNotStartingWithDigit() {
        InvalidWheelFilenameException e = assertThrows(InvalidWheelFilenameException.class,
                () -> WheelFilename.parse("foo-1.0-a1-py3-none-any.whl"));
        assertEquals("Invalid wheel filename 'foo-1.0-a1-py3-none-any.whl': the build tag 'a1' must start with a digit,"
                + " for example 1 or 2_linux; expected {name}-{version}[-{build tag}]-{python tag}-{abi tag}-{platform tag}.whl,"
                + " for example numpy-2.0.0-cp312-cp312-manylinux_2_17_x86_64.whl", e.getMessage());
    }

    @Test
    void rejectsWrongNumberOfParts() {
        InvalidWheelFilenameException e = assertThrows(InvalidWheelFilenameException.class,
                () -> WheelFilename.parse("foo-1.0-py3-none.whl"));
        assertTrue(e.getMessage().startsWith("Invalid wheel filename 'foo-1.0-py3-none.whl': it has 4 dash-separated parts,"
                + " expected 5 (or 6 with a build tag)"), e.getMessage());
    }

    @Test
    void rejectsInvalidVersionNamingIt() {
        InvalidWheelFilenameException e = assertThrows(InvalidWheelFilenameException.class,
                () -> WheelFilename.parse("foo-bar-py3-none-any.whl"));
        assertTrue(e.getMessage().startsWith("Invalid wheel filename 'foo-bar-py3-none-any.whl': 'bar' is not a PEP 440 version"));
    }

    @Test
    void expandsCompressedTagSet() {
        WheelFilename w = WheelFilename.parse("Foo_Bar-2.0.post1-py2.py3-none-any.whl");
        assertEquals("foo-bar", w.name());
        assertEquals("py2.py3-none-any", w.tagSet());
        assertEquals(Set.of(new Tag("py2", "none", "any"), new Tag("py3", "none", "any")), w.tags());
        assertFalse(w.buildTag().isPresent());
    }

    @Test
    void ordersBuildTagsLikePackagingTuples() {
        List<BuildTag> expected = new ArrayList<>();
        for (JsonNode b : VECTORS.get("build_tag_order")) {
            expected.add(WheelFilename.parse("foo-1.0-" + b.asText() + "-py3-none-any.whl").buildTag().orElseThrow());
        }
        List<BuildTag> sorted = new ArrayList<>(expected);
        java.util.Collections.reverse(sorted);
        sorted.sort(null);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(0, expected.get(i).compareTo(sorted.get(i)), "position " + i);
        }
    }
}
