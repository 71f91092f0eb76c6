package io.github.smvm.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagGeneratorTest {

    @Test
    void cpythonAbisFromAbiFlagsMatchPackaging() {
        for (JsonNode c : Vectors.load("cpython_abis.json")) {
            int major = c.get("version").get(0).asInt();
            int minor = c.get("version").get(1).asInt();
            assertEquals(Vectors.strings(c.get("abis")), TagGenerator.cpythonAbis(major, minor, c.get("abiflags").asText()),
                    c.toString());
        }
    }

    @Test
    void cpythonTagsMatchPackaging() {
        for (JsonNode c : Vectors.load("cpython_tags.json")) {
            int major = c.get("version").get(0).asInt();
            int minor = c.get("version").get(1).asInt();
            List<Tag> tags = TagGenerator.cpythonTags(major, minor, Vectors.strings(c.get("abis")),
                    Vectors.strings(c.get("platforms")));
            assertEquals(Vectors.strings(c.get("tags")), Vectors.tagStrings(tags), c.get("version") + " " + c.get("abis"));
        }
    }

    @Test
    void genericTagsMatchPackaging() {
        for (JsonNode c : Vectors.load("generic_tags.json")) {
            List<Tag> tags = TagGenerator.genericTags(c.get("interpreter").asText(), Vectors.strings(c.get("abis")),
                    Vectors.strings(c.get("platforms")));
            assertEquals(Vectors.strings(c.get("tags")), Vectors.tagStrings(tags), c.get("interpreter") + " " + c.get("abis"));
        }
    }

    @Test
    void genericAbiFromExtSuffixMatchesPackaging() {
        for (JsonNode c : Vectors.load("generic_abi.json")) {
            assertEquals(Vectors.strings(c.get("abis")), TagGenerator.genericAbis(c.get("ext_suffix").asText()), c.toString());
        }
    }

    @Test
    void genericAbiAcceptsBareSoabi() {
        assertEquals(List.of("pypy310_pp73"), TagGenerator.genericAbis("pypy310-pp73"));
        assertEquals(List.of("cp312"), TagGenerator.genericAbis("cpython-312-x86_64-linux-gnu"));
        assertEquals(List.of(), TagGenerator.genericAbis(""));
    }

    @Test
    void extSuffixWithoutAbiPartIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TagGenerator.genericAbis(".pyd"));
        assertTrue(e.getMessage().contains("'.pyd'"), e.getMessage());
    }

    @Test
    void compatibleTagsMatchPackaging() {
        for (JsonNode c : Vectors.load("compatible_tags.json")) {
            JsonNode version = c.get("version");
            String interpreter = c.get("interpreter").textValue();
            List<String> platforms = Vectors.strings(c.get("platforms"));
            List<Tag> tags = version.size() == 1
                    ? TagGenerator.compatibleTags(version.get(0).asInt(), interpreter, platforms)
                    : TagGenerator.compatibleTags(version.get(0).asInt(), version.get(1).asInt(), interpreter, platforms);
            assertEquals(Vectors.strings(c.get("tags")), Vectors.tagStrings(tags), c.get("version") + " " + interpreter);
        }
    }

    @Test
    void cp37UsesThePymallocFlag() {
        assertEquals(List.of("cp37m"), TagGenerator.cpythonAbis(3, 7, "m"));
        assertEquals(List.of("cp38"), TagGenerator.cpythonAbis(3, 8, "m"));
    }

    @Test
    void debugBuildAlsoLoadsNormalExtensions() {
        assertEquals(List.of("cp312d", "cp312"), TagGenerator.cpythonAbis(3, 12, "d"));
        assertEquals(List.of("cp313td", "cp313t"), TagGenerator.cpythonAbis(3, 13, "dt"));
    }

    @Test
    void freeThreadedExcludesAbi3() {
        List<Tag> tags = TagGenerator.cpythonTags(3, 13, List.of("cp313t"), List.of("any"));
        assertEquals(List.of("cp313-cp313t-any", "cp313-none-any"), Vectors.tagStrings(tags));
        assertFalse(TagGenerator.cpythonTags(3, 13, List.of("cp313"), List.of("any")).stream()
                .noneMatch(t -> t.abi().equals("abi3")));
    }

    @Test
    void abi3GoesDownTo3_2() {
        List<Tag> tags = TagGenerator.cpythonTags(3, 4, List.of("cp34m"), List.of("any"));
        assertEquals(List.of("cp34-cp34m-any", "cp34-abi3-any", "cp34-none-any", "cp33-abi3-any", "cp32-abi3-any"),
                Vectors.tagStrings(tags));
    }

    @Test
    void invalidAbiFlagsAreRejectedQuotingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TagGenerator.cpythonAbis(3, 12, "x"));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }

    @Test
    void abiFlagsFromBuildConfigFollowPackaging() {
        assertEquals("mu", TagGenerator.cpythonAbiFlags(false, false, false, false, true, 4, true));
        assertEquals("dtm", TagGenerator.cpythonAbiFlags(true, false, false, true, null, 2, true));
        assertEquals("d", TagGenerator.cpythonAbiFlags(null, false, true, null, false, null, false));
        assertEquals("", TagGenerator.cpythonAbiFlags(null, false, false, null, false, null, false));
        assertEquals("mu", TagGenerator.cpythonAbiFlags(false, false, false, false, true, null, true));
    }
}
