package io.github.smvm.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformsTest {

    @Test
    void macPlatformsMatchPackagingForEveryVersionAndArch() {
        List<JsonNode> cases = Vectors.load("mac_platforms.json");
        for (JsonNode c : cases) {
            int major = c.get("version").get(0).asInt();
            int minor = c.get("version").get(1).asInt();
            String arch = c.get("arch").asText();
            assertEquals(Vectors.strings(c.get("platforms")), Platforms.macos(major, minor, arch),
                    "mac_platforms((" + major + ", " + minor + "), " + arch + ")");
        }
        assertTrue(cases.size() >= 100, "covers many (version, arch) pairs");
    }

    @Test
    void manylinuxMatchesPackagingForEveryGlibcAndArch() {
        for (JsonNode c : Vectors.load("manylinux.json")) {
            List<String> archs = Vectors.strings(c.get("archs"));
            int major = c.get("glibc").get(0).asInt();
            int minor = c.get("glibc").get(1).asInt();
            assertEquals(Vectors.strings(c.get("platforms")), Platforms.manylinux(archs, major, minor),
                    "manylinux " + archs + " glibc " + major + "." + minor);
        }
    }

    @Test
    void musllinuxMatchesPackaging() {
        for (JsonNode c : Vectors.load("musllinux.json")) {
            List<String> archs = Vectors.strings(c.get("archs"));
            int major = c.get("musl").get(0).asInt();
            int minor = c.get("musl").get(1).asInt();
            assertEquals(Vectors.strings(c.get("platforms")), Platforms.musllinux(archs, major, minor),
                    "musllinux " + archs + " musl " + major + "." + minor);
        }
    }

    @Test
    void linuxPlatformsFromProbeMatchPackaging() {
        for (JsonNode c : Vectors.load("linux_platforms.json")) {
            Platform platform = Platform.fromProbe("Linux", c.get("sysconfig_platform").asText(),
                    c.get("is32bit").asBoolean(), Vectors.libc(c), null, null);
            assertEquals(Vectors.strings(c.get("platforms")), platform.tags(), c.toString());
        }
    }

    @Test
    void x86_64ManylinuxGoesDownTo2_5WithLegacyAliasesAfter2_17_2_12_2_5() {
        List<String> tags = Platforms.manylinux(List.of("x86_64"), 2, 17);
        assertEquals("manylinux_2_17_x86_64", tags.get(0));
        assertEquals("manylinux2014_x86_64", tags.get(1));
        assertEquals("manylinux_2_16_x86_64", tags.get(2));
        assertEquals("manylinux1_x86_64", tags.get(tags.size() - 1));
        assertEquals("manylinux_2_5_x86_64", tags.get(tags.size() - 2));
        assertTrue(tags.contains("manylinux2010_x86_64"));
        assertEquals(13 + 3, tags.size());
    }

    @Test
    void aarch64ManylinuxStopsAt2_17() {
        assertEquals(List.of("manylinux_2_18_aarch64", "manylinux_2_17_aarch64", "manylinux2014_aarch64"),
                Platforms.manylinux(List.of("aarch64"), 2, 18));
    }

    @Test
    void armv8lAlsoRunsArmv7l() {
        assertEquals(List.of("linux_armv8l", "linux_armv7l"), Platform.linux("armv8l", Libc.unknown()).tags());
        assertEquals("armv8l", Platforms.linuxInterpreterArch("aarch64", true));
        assertEquals("i686", Platforms.linuxInterpreterArch("x86_64", true));
        assertEquals("x86_64", Platforms.linuxInterpreterArch("x86_64", false));
    }

    @Test
    void unknownArchGetsNoManylinuxTags() {
        assertEquals(List.of("linux_armv6l"), Platform.linux("armv6l", Libc.glibc(2, 28)).tags());
    }

    @Test
    void musllinuxGoesFromMinorDownToZeroThenLinux() {
        assertEquals(List.of("musllinux_1_2_aarch64", "musllinux_1_1_aarch64", "musllinux_1_0_aarch64", "linux_aarch64"),
                Platform.linux("aarch64", Libc.musl(1, 2)).tags());
    }

    @Test
    void macOs11PlusOnArm64ListsUniversal2For10xOnly() {
        List<String> tags = Platforms.macos(12, 3, "arm64");
        assertEquals(List.of("macosx_12_0_arm64", "macosx_12_0_universal2", "macosx_11_0_arm64", "macosx_11_0_universal2",
                "macosx_10_16_universal2"), tags.subList(0, 5));
        assertEquals("macosx_10_4_universal2", tags.get(tags.size() - 1));
        assertTrue(tags.stream().noneMatch(t -> t.startsWith("macosx_10_") && t.endsWith("_arm64")));
    }

    @Test
    void macOs11PlusOnX86_64ListsAll10xFormats() {
        List<String> tags = Platforms.macos(11, 0, "x86_64");
        assertTrue(tags.contains("macosx_10_9_x86_64"));
        assertTrue(tags.contains("macosx_10_16_intel"));
        assertEquals("macosx_10_4_universal", tags.get(tags.size() - 1));
    }

    @Test
    void windowsPlatformsAreSingleTags() {
        assertEquals(List.of("win32"), Platform.windows("x86").tags());
        assertEquals(List.of("win_amd64"), Platform.windows("amd64").tags());
        assertEquals(List.of("win_arm64"), Platform.windows("arm64").tags());
        assertEquals(List.of("win_ia64"), Platform.windows("win-ia64").tags());
        assertEquals(List.of("win_amd64"), Platform.fromProbe("Windows", "win-amd64", false, null, null, null).tags());
        assertEquals(List.of("win32"), Platform.fromProbe("Windows", "win32", true, null, null, null).tags());
    }

    @Test
    void otherPlatformsAreNormalised() {
        assertEquals(List.of("freebsd_14_1_release_amd64"),
                Platform.fromProbe("FreeBSD", "freebsd-14.1-RELEASE-amd64", false, null, null, null).tags());
        assertEquals(List.of("linux_x86_64"), Platform.other("linux-x86_64").tags());
    }

    @Test
    void macProbeUses32BitArchMapping() {
        assertEquals(new Platform.MacOs(10, 6, "i386"),
                Platform.fromProbe("Darwin", "macosx-10.6-intel", true, null, "10.6.8", "x86_64"));
        assertEquals(new Platform.MacOs(14, 5, "arm64"),
                Platform.fromProbe("Darwin", "macosx-11.0-arm64", false, null, "14.5", "arm64"));
    }

    @Test
    void badInputsAreRejectedQuotingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Platform.fromProbe("Darwin", "macosx-11.0-arm64", false, null, "fourteen", "arm64"));
        assertTrue(e.getMessage().contains("'fourteen'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Libc.glibc(2, -1));
        assertTrue(e.getMessage().contains("'2.-1'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Platform.macos(9, 0, "ppc"));
        assertTrue(e.getMessage().contains("'9.0'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Platforms.normalize(" "));
    }
}
