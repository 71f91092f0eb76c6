package io.github.smvm.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagEnvironmentTest {

    @Test
    void sysTagsOfSyntheticEnvironmentsMatchPackaging() {
        List<JsonNode> cases = Vectors.load("sys_tags.json");
        for (JsonNode c : cases) {
            TagEnvironment environment = Vectors.environment(c);
            assertEquals(Vectors.strings(c.get("tags")), Vectors.tagStrings(environment.tags()), c.get("name").asText());
        }
        assertTrue(cases.size() >= 20);
    }

    @Test
    void linuxFactoryFromProbeValuesMatchesPackaging() {
        JsonNode c = find("cp313t linux x86_64 glibc 2.28");
        TagEnvironment environment = TagEnvironment.forLinux("cpython", 3, 13, "", null, true, "x86_64", false,
                Libc.glibc(2, 28));
        assertEquals(Vectors.strings(c.get("tags")), Vectors.tagStrings(environment.tags()));
        assertTrue(environment.interpreter().freeThreaded());
    }

    @Test
    void macOsFactoryMatchesPackaging() {
        JsonNode c = find("cp311 macOS 14 arm64");
        TagEnvironment environment = TagEnvironment.forMacOs("cpython", 3, 11, "", null, false, 14, 0, "arm64");
        assertEquals(Vectors.strings(c.get("tags")), Vectors.tagStrings(environment.tags()));
    }

    @Test
    void windowsFactoryMatchesPackagingForPyPy() {
        JsonNode c = find("pp310 win_amd64");
        TagEnvironment environment = TagEnvironment.forWindows("pypy", 3, 10, "", ".pypy310-pp73-win_amd64.pyd", false,
                "amd64");
        assertEquals(Vectors.strings(c.get("tags")), Vectors.tagStrings(environment.tags()));
        assertEquals("pp310", environment.interpreter().tag());
    }

    @Test
    void supportedTagsGiveLowerPriorityToBetterTags() {
        SupportedTags supported = Vectors.environment(find("cp312 linux x86_64 glibc 2.28")).supportedTags();
        int specific = supported.priority(Tag.parse("cp312-cp312-manylinux_2_28_x86_64")).getAsInt();
        int abi3 = supported.priority(Tag.parse("cp39-abi3-manylinux_2_17_x86_64")).getAsInt();
        int pure = supported.priority(Tag.parse("py3-none-any")).getAsInt();
        assertEquals(0, specific);
        assertTrue(specific < abi3 && abi3 < pure);
        assertFalse(supported.supports(Tag.parse("cp312-cp312-manylinux_2_29_x86_64")));
        assertEquals("manylinux_2_28_x86_64", supported.mostSpecificPlatform());
        assertEquals(supported.tags().size(), supported.size());
    }

    @Test
    void mostSpecificPlatformOfMacAndWindows() {
        assertEquals("macosx_14_0_arm64", Vectors.environment(find("cp311 macOS 14 arm64")).supportedTags().mostSpecificPlatform());
        assertEquals("win32", Vectors.environment(find("cp312 win32")).supportedTags().mostSpecificPlatform());
    }

    @Test
    void interpreterShortNamesFollowPackaging() {
        assertEquals("cp", Interpreter.shortName("cpython"));
        assertEquals("pp", Interpreter.shortName("pypy"));
        assertEquals("graalpy", Interpreter.shortName("graalpy"));
    }

    @Test
    void emptyPlatformListIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TagEnvironment(Interpreter.cpython(3, 12, ""), List.of()));
    }

    static JsonNode find(String name) {
        return Vectors.load("sys_tags.json").stream().filter(c -> c.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no sys_tags case " + name));
    }
}
