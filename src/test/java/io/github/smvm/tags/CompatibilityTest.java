package io.github.smvm.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompatibilityTest {

    private static final SupportedTags GLIBC_2_17 = TargetId.parse("cp312-manylinux_2_17_x86_64").supportedTags();
    private static final SupportedTags MUSL_1_2 = TargetId.parse("cp313-musllinux_1_2_x86_64").supportedTags();
    private static final SupportedTags MAC_13_ARM = TargetId.parse("cp312-macosx_13_0_arm64").supportedTags();
    private static final SupportedTags WIN32 = TargetId.parse("cp312-win32").supportedTags();

    private static Compatibility check(SupportedTags supported, String compressedTags) {
        return supported.compatibility(Tag.parseSet(compressedTags));
    }

    private static Compatibility.Incompatible incompatible(SupportedTags supported, String compressedTags) {
        Compatibility result = check(supported, compressedTags);
        assertTrue(result instanceof Compatibility.Incompatible, compressedTags + " -> " + result);
        return (Compatibility.Incompatible) result;
    }

    @Test
    void compatibleWheelGetsTheBestPriorityOfItsTags() {
        Compatibility result = check(GLIBC_2_17, "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64");
        assertEquals(new Compatibility.Compatible(0), result);
        assertTrue(result.isCompatible());
        int pure = GLIBC_2_17.priority(Tag.parse("py3-none-any")).getAsInt();
        assertEquals(new Compatibility.Compatible(pure), check(GLIBC_2_17, "py2.py3-none-any"));
        assertEquals(Tag.parse("py3-none-any"), GLIBC_2_17.bestMatch(Tag.parseSet("py2.py3-none-any")).orElseThrow());
    }

    @Test
    void supportsAnyAgreesWithCompatibility() {
        for (String tags : List.of("cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64", "py2.py3-none-any",
                "cp39-abi3-manylinux_2_17_x86_64", "cp313-cp313-manylinux_2_17_x86_64", "cp312-cp312-win_amd64",
                "cp312-cp312-manylinux_2_28_x86_64")) {
            assertEquals(check(GLIBC_2_17, tags).isCompatible(), GLIBC_2_17.supportsAny(Tag.parseSet(tags)), tags);
        }
        assertTrue(GLIBC_2_17.supportsAny(Tag.parseSet("cp39-abi3-manylinux_2_17_x86_64")));
        assertTrue(!GLIBC_2_17.supportsAny(Tag.parseSet("cp312-cp312-manylinux_2_28_x86_64")));
    }

    @Test
    void otherInterpreterIsPython() {
        Compatibility.Incompatible result = incompatible(GLIBC_2_17, "cp313-cp313-manylinux_2_17_x86_64");
        assertEquals(IncompatibleReason.PYTHON, result.reason());
        assertEquals("wheel is for interpreter cp313 (cp313-cp313-manylinux_2_17_x86_64); environment is cp312", result.detail());
        assertEquals(IncompatibleReason.PYTHON, incompatible(GLIBC_2_17, "pp310-pypy310_pp73-manylinux_2_17_x86_64").reason());
    }

    @Test
    void olderCpythonAbiIsAbi() {
        Compatibility.Incompatible result = incompatible(GLIBC_2_17, "cp311-cp311-manylinux_2_17_x86_64");
        assertEquals(IncompatibleReason.ABI, result.reason());
        assertEquals("wheel ABI cp311 (cp311-cp311-manylinux_2_17_x86_64) is not supported; environment cp312 accepts cp311 with ABI abi3",
                result.detail());
    }

    @Test
    void freeThreadedEnvironmentRejectsAbi3AsAbi() {
        SupportedTags freeThreaded = TargetId.parse("cp313t-manylinux_2_28_x86_64").supportedTags();
        assertEquals(IncompatibleReason.ABI, incompatible(freeThreaded, "cp313-abi3-manylinux_2_17_x86_64").reason());
    }

    @Test
    void newerGlibcIsGlibcTooNew() {
        Compatibility.Incompatible result = incompatible(GLIBC_2_17, "cp312-cp312-manylinux_2_28_x86_64");
        assertEquals(IncompatibleReason.PLATFORM_GLIBC_TOO_NEW, result.reason());
        assertEquals("wheel requires glibc 2.28 (manylinux_2_28_x86_64); environment has glibc 2.17", result.detail());
    }

    @Test
    void smallestGlibcRequirementIsReported() {
        Compatibility.Incompatible result = incompatible(GLIBC_2_17,
                "cp312-cp312-manylinux_2_34_x86_64.manylinux_2_28_x86_64");
        assertEquals("wheel requires glibc 2.28 (manylinux_2_28_x86_64); environment has glibc 2.17", result.detail());
    }

    @Test
    void otherArchitectureIsArch() {
        Compatibility.Incompatible result = incompatible(GLIBC_2_17, "cp312-cp312-manylinux_2_17_aarch64");
        assertEquals(IncompatibleReason.PLATFORM_ARCH, result.reason());
        assertEquals("wheel is for architecture aarch64 (manylinux_2_17_aarch64); environment is x86_64 (manylinux_2_17_x86_64)",
                result.detail());
        assertEquals(IncompatibleReason.PLATFORM_ARCH, incompatible(WIN32, "cp312-cp312-win_amd64").reason());
        assertEquals(IncompatibleReason.PLATFORM_ARCH, incompatible(MAC_13_ARM, "cp312-cp312-macosx_10_9_x86_64").reason());
        assertEquals(IncompatibleReason.PLATFORM_ARCH, incompatible(GLIBC_2_17, "cp312-cp312-linux_aarch64").reason());
    }

    @Test
    void manylinuxOnMuslIsLibc() {
        Compatibility.Incompatible result = incompatible(MUSL_1_2, "cp313-cp313-manylinux_2_17_x86_64");
        assertEquals(IncompatibleReason.PLATFORM_LIBC, result.reason());
        assertEquals("wheel requires glibc (manylinux_2_17_x86_64); environment has musl 1.2 (musllinux_1_2_x86_64)",
                result.detail());
    }

    @Test
    void musllinuxOnGlibcIsLibc() {
        Compatibility.Incompatible result = incompatible(GLIBC_2_17, "cp312-cp312-musllinux_1_1_x86_64");
        assertEquals(IncompatibleReason.PLATFORM_LIBC, result.reason());
        assertEquals("wheel requires musl libc (musllinux_1_1_x86_64); environment has glibc 2.17 (manylinux_2_17_x86_64)",
                result.detail());
    }

    @Test
    void newerMuslIsMuslTooNew() {
        Compatibility.Incompatible result = incompatible(MUSL_1_2, "cp313-cp313-musllinux_1_3_x86_64");
        assertEquals(IncompatibleReason.PLATFORM_MUSL_TOO_NEW, result.reason());
        assertEquals("wheel requires musl 1.3 (musllinux_1_3_x86_64); environment has musl 1.2", result.detail());
    }

    @Test
    void newerMacOsIsMacOsTooNew() {
        Compatibility.Incompatible result = incompatible(MAC_13_ARM, "cp312-cp312-macosx_14_0_arm64");
        assertEquals(IncompatibleReason.PLATFORM_MACOS_TOO_NEW, result.reason());
        assertEquals("wheel requires macOS 14.0 (macosx_14_0_arm64); environment has macOS 13.0", result.detail());
    }

    @Test
    void otherOperatingSystemIsOs() {
        Compatibility.Incompatible result = incompatible(GLIBC_2_17, "cp312-cp312-win_amd64");
        assertEquals(IncompatibleReason.PLATFORM_OS, result.reason());
        assertEquals("wheel is for Windows (win_amd64); environment is Linux (manylinux_2_17_x86_64)", result.detail());
        assertEquals(IncompatibleReason.PLATFORM_OS, incompatible(WIN32, "cp312-cp312-macosx_11_0_arm64").reason());
    }

    @Test
    void platformBelowTheFloorIsPlatform() {
        Compatibility.Incompatible result = incompatible(GLIBC_2_17, "cp312-cp312-manylinux_2_4_x86_64");
        assertEquals(IncompatibleReason.PLATFORM, result.reason());
        assertEquals("wheel platform manylinux_2_4_x86_64 (cp312-cp312-manylinux_2_4_x86_64) is not among the "
                + "environment's platforms (best: manylinux_2_17_x86_64)", result.detail());
    }

    @Test
    void mostInformativeReasonWinsAcrossTags() {
        // A typical sdist-less project: one wheel set covering several platforms, none fitting.
        Compatibility.Incompatible result = incompatible(GLIBC_2_17,
                "cp39.cp312-cp312-win_amd64.manylinux_2_28_x86_64.musllinux_1_2_x86_64");
        assertEquals(IncompatibleReason.PLATFORM_GLIBC_TOO_NEW, result.reason());
        Compatibility mixed = GLIBC_2_17.compatibility(Set.of(
                Tag.parse("cp39-cp39-manylinux_2_17_x86_64"), Tag.parse("cp312-cp312-manylinux_2_17_aarch64")));
        assertEquals(IncompatibleReason.PLATFORM_ARCH, ((Compatibility.Incompatible) mixed).reason());
        assertTrue(IncompatibleReason.PYTHON.compareTo(IncompatibleReason.ABI) < 0);
        assertTrue(IncompatibleReason.ABI.compareTo(IncompatibleReason.PLATFORM_OS) < 0);
        assertTrue(IncompatibleReason.PLATFORM_OS.compareTo(IncompatibleReason.PLATFORM_ARCH) < 0);
    }

    @Test
    void emptyWheelTagsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GLIBC_2_17.compatibility(Set.of()));
    }
}
