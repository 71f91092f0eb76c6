package io.github.smvm.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetIdTest {

    @Test
    void targetsSupportWhatARealInterpreterThereWould() {
        int checked = 0;
        for (JsonNode c : Vectors.load("sys_tags.json")) {
            if (c.get("target_id").isNull()) {
                continue;
            }
            TargetId target = TargetId.parse(c.get("target_id").asText());
            assertEquals(Vectors.strings(c.get("tags")), Vectors.tagStrings(target.supportedTags().tags()),
                    c.get("target_id").asText());
            checked++;
        }
        assertTrue(checked >= 15, "checked " + checked);
    }

    @Test
    void manylinuxTargetParsesIntoInterpreterAndPlatform() {
        TargetId target = TargetId.parse("cp312-manylinux_2_28_x86_64");
        assertEquals(Interpreter.cpython(3, 12, ""), target.interpreter());
        assertEquals(new Platform.Linux("x86_64", Libc.glibc(2, 28)), target.platform());
        assertEquals("cp312-manylinux_2_28_x86_64", target.toString());
    }

    @Test
    void freeThreadedTargetHasNoAbi3() {
        TargetId target = TargetId.parse("cp313t-manylinux_2_28_x86_64");
        assertEquals(List.of("cp313t"), target.interpreter().abis());
        assertTrue(target.supportedTags().tags().stream().noneMatch(t -> t.abi().equals("abi3")));
    }

    @Test
    void legacyManylinuxAndOtherPlatformsParse() {
        assertEquals(new Platform.Linux("aarch64", Libc.glibc(2, 17)), TargetId.parse("cp311-manylinux2014_aarch64").platform());
        assertEquals(new Platform.Linux("aarch64", Libc.musl(1, 2)), TargetId.parse("cp313-musllinux_1_2_aarch64").platform());
        assertEquals(new Platform.MacOs(14, 0, "arm64"), TargetId.parse("cp311-macosx_14_0_arm64").platform());
        assertEquals(new Platform.Windows("amd64"), TargetId.parse("cp312-win_amd64").platform());
        assertEquals(new Platform.Windows("x86"), TargetId.parse("cp312-win32").platform());
        assertEquals(List.of("pypy310_pp73"), TargetId.parse("pp310-manylinux_2_28_x86_64").interpreter().abis());
        assertEquals(List.of("cp37m"), TargetId.parse("cp37-manylinux2014_x86_64").interpreter().abis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cp312", "cp312-", "cp312-manylinux_2_28_x86_64-extra", "py3-manylinux_2_28_x86_64",
        "cp2-win_amd64", "cp27-win_amd64", "cp312t-manylinux_2_28_x86_64", "pp310t-win_amd64", "cp312-win_ia64",
        "cp312-macosx_14_0_sparc", "cp312-freebsd_14_amd64", "cp312-any", "CP312-win_amd64"})
    void badIdsFailWithGrammarAndExample(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetId.parse(id));
        assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("<python>-<platform>"), e.getMessage());
        assertTrue(e.getMessage().contains("for example cp312-manylinux_2_28_x86_64"), e.getMessage());
    }
}
