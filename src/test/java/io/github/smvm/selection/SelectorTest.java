package io.github.smvm.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.smvm.index.IndexFile;
import io.github.smvm.pep440.SpecifierSet;
import io.github.smvm.pep440.Version;
import io.github.smvm.tags.TargetId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Statuses, reasons and suggestions of {@link Selector}; pip's own choices are compared in SelectionMatchesPipTest. */
class SelectorTest {

    private static final SelectionEnvironment CP312_GLIBC_2_17 = environment("cp312-manylinux_2_17_x86_64");
    private static final SelectionEnvironment CP312_MAC = environment("cp312-macosx_14_0_arm64");

    private final List<IndexFile> files = new ArrayList<>();

    private static SelectionEnvironment environment(String target) {
        TargetId id = TargetId.parse(target);
        String python = id.interpreter().major() + "." + id.interpreter().minor();
        return new SelectionEnvironment(id.supportedTags(), Version.parse(python),
                id.interpreter().tag() + " " + id.supportedTags().mostSpecificPlatform());
    }

    private SelectorTest file(String filename) {
        files.add(IndexFile.plain(filename, URI.create("https://files.example/" + filename)));
        return this;
    }

    private SelectorTest file(String filename, String requiresPython, boolean yanked) {
        files.add(new IndexFile(filename, URI.create("https://files.example/" + filename), Map.of(), requiresPython,
                yanked, yanked ? "broken" : null, false, Map.of()));
        return this;
    }

    private Selection select(String specifier, SelectionEnvironment environment) {
        return Selector.select("demo", SpecifierSet.parse(specifier), false, files, environment, Set.of());
    }

    @Test
    void selectsNewestVersionWithCompatibleWheel() {
        file("demo-1.0-py3-none-any.whl").file("demo-2.0-py3-none-any.whl").file("demo-2.0.tar.gz");
        Selection selection = select("", CP312_GLIBC_2_17);
        assertEquals(Status.WHEEL, selection.status());
        assertEquals("demo-2.0-py3-none-any.whl", selection.chosen().filename());
        assertNull(selection.reason());
        assertNull(selection.suggestion());
    }

    @Test
    void prefersBetterTagPriorityThenHigherBuildTagWithinAVersion() {
        file("demo-1.0-py3-none-any.whl")
                .file("demo-1.0-cp312-abi3-manylinux_2_17_x86_64.whl")
                .file("demo-1.0-1-cp312-cp312-manylinux_2_17_x86_64.whl")
                .file("demo-1.0-2-cp312-cp312-manylinux_2_17_x86_64.whl");
        assertEquals("demo-1.0-2-cp312-cp312-manylinux_2_17_x86_64.whl",
                select("", CP312_GLIBC_2_17).chosen().filename());
    }

    @Test
    void reportsOlderWheelWhenOnlyAnOlderVersionFitsAndNamesWhatTheNewerOneLacks() {
        file("demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl")
                .file("demo-2.0-cp312-cp312-manylinux_2_28_x86_64.whl")
                .file("demo-2.0-cp312-cp312-macosx_11_0_arm64.whl");
        Selection selection = select(">=1", CP312_GLIBC_2_17);
        assertEquals(Status.OLDER_WHEEL, selection.status());
        assertEquals("1.0", selection.chosen().version().toString());
        assertEquals("demo 2.0 has no wheel for cp312 manylinux_2_17_x86_64: cp312 wheels exist only for "
                + "macosx_11_0_arm64, manylinux_2_28_x86_64; wheel requires glibc 2.28 (manylinux_2_28_x86_64); "
                + "environment has glibc 2.17; only demo 1.0 has a compatible wheel", selection.reason());
        assertEquals("pin demo==1.0, or ask for cp312 manylinux_2_17_x86_64 wheels of demo 2.0", selection.suggestion());
    }

    @Test
    void namesTheInterpreterBuildsThereAreWhenNoneFitsThePython() {
        file("demo-2.1-cp311-cp311-manylinux_2_17_x86_64.whl")
                .file("demo-2.1-cp311-cp311-macosx_11_0_arm64.whl")
                .file("demo-2.1-cp310-cp310-manylinux_2_17_x86_64.whl");
        Selection selection = select("", CP312_GLIBC_2_17);
        assertEquals(Status.NO_WHEEL, selection.status());
        assertEquals("demo 2.1 has no wheel for cp312 manylinux_2_17_x86_64: its wheels are built for cp310-cp310, "
                + "cp311-cp311, none for cp312", selection.reason());
        assertNull(selection.suggestion());
    }

    @Test
    void reportsSdistOnlyWithTheFileThatWouldNeedABuild() {
        file("demo-3.0.tar.gz");
        Selection selection = select("", CP312_MAC);
        assertEquals(Status.SDIST_ONLY, selection.status());
        assertEquals("demo 3.0 is published only as a source distribution (demo-3.0.tar.gz), which needs a build",
                selection.reason());
    }

    @Test
    void suggestsAVersionOutsideTheSpecifierThatHasACompatibleWheel() {
        file("demo-1.5-py3-none-any.whl").file("demo-2.0.tar.gz");
        Selection selection = select(">=2", CP312_MAC);
        assertEquals(Status.SDIST_ONLY, selection.status());
        assertEquals("demo==1.5 has a compatible wheel for cp312 macosx_14_0_arm64 (outside '>=2')",
                selection.suggestion());
    }

    @Test
    void reportsNoVersionWhenNothingMatchesTheSpecifier() {
        file("demo-1.0-py3-none-any.whl").file("demo-1.1-py3-none-any.whl");
        Selection selection = select(">=5", CP312_MAC);
        assertEquals(Status.NO_VERSION, selection.status());
        assertEquals("no version of demo matches '>=5' (available: 1.1, 1.0)", selection.reason());
    }

    @Test
    void reportsNoVersionWhenEveryMatchingVersionIsYanked() {
        file("demo-1.0-py3-none-any.whl", null, true);
        Selection selection = select(">=1", CP312_MAC);
        assertEquals(Status.NO_VERSION, selection.status());
        assertEquals("every version of demo matching '>=1' is yanked", selection.reason());
    }

    @Test
    void choosesAYankedVersionOnlyWhenPinned() {
        file("demo-1.0-py3-none-any.whl").file("demo-1.1-py3-none-any.whl", null, true);
        assertEquals("1.0", select("", CP312_MAC).chosen().version().toString());
        assertEquals("1.1", select("==1.1", CP312_MAC).chosen().version().toString());
    }

    @Test
    void reportsNoVersionWhenRequiresPythonExcludesTheEnvironment() {
        file("demo-1.0-py3-none-any.whl", ">=3.13", false);
        Selection selection = select("", CP312_MAC);
        assertEquals(Status.NO_VERSION, selection.status());
        assertEquals("demo 1.0 requires Python >=3.13 and no allowed version supports Python 3.12", selection.reason());
    }

    // Requires-Python read from the chosen wheel's own metadata (the index did not list it), as pip uses it

    private Selection selectWithMetadata(String specifier, Map<Version, String> metadataRequiresPython) {
        return Selector.select("demo", SpecifierSet.parse(specifier), false, files, CP312_GLIBC_2_17, Set.of(),
                metadataRequiresPython);
    }

    @Test
    void skipsAVersionWhoseWheelMetadataRequiresAnotherPython() {
        file("demo-1.0-py3-none-any.whl").file("demo-2.0-py3-none-any.whl").file("demo-2.0.tar.gz");
        assertEquals("demo-2.0-py3-none-any.whl", selectWithMetadata("", Map.of()).chosen().filename());

        Selection selection = selectWithMetadata("", Map.of(Version.parse("2.0"), ">=3.14"));
        // like a version the index marks: neither its wheel nor its sdist is allowed any more
        assertEquals(Status.WHEEL, selection.status());
        assertEquals("demo-1.0-py3-none-any.whl", selection.chosen().filename());
        assertEquals(Version.parse("1.0"), selection.newestAllowed());
    }

    @Test
    void namesTheMetadataRequiresPythonWhenItLeavesNoVersion() {
        file("demo-1.0-py3-none-any.whl").file("demo-2.0-py3-none-any.whl").file("demo-2.0.tar.gz");
        Selection selection = selectWithMetadata("==2.0", Map.of(Version.parse("2.0"), ">=3.14"));
        assertEquals(Status.NO_VERSION, selection.status());
        assertEquals("demo 2.0 requires Python >=3.14 (in its metadata) and no allowed version supports Python 3.12",
                selection.reason());
    }

    @Test
    void ignoresAMissingOrInvalidMetadataRequiresPythonAsPipDoes() {
        file("demo-1.0-py3-none-any.whl").file("demo-2.0-py3-none-any.whl").file("demo-2.0.tar.gz");
        java.util.HashMap<Version, String> none = new java.util.HashMap<>();
        none.put(Version.parse("2.0"), null);
        assertEquals("demo-2.0-py3-none-any.whl", selectWithMetadata("", none).chosen().filename());
        assertEquals("demo-2.0-py3-none-any.whl",
                selectWithMetadata("", Map.of(Version.parse("2.0"), "~=3")).chosen().filename());
        assertEquals("demo-2.0-py3-none-any.whl",
                selectWithMetadata("", Map.of(Version.parse("2.0"), ">=3.12")).chosen().filename());
    }

    @Test
    void oneEnvironmentViewDecidesEachSpecifierLikeAFreshSelection() {
        file("demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl")
                .file("demo-1.5-py3-none-any.whl", ">=3.13", false)
                .file("demo-2.0-cp312-cp312-manylinux_2_28_x86_64.whl")
                .file("demo-2.0-cp312-abi3-macosx_11_0_arm64.whl")
                .file("demo-2.1rc1-py3-none-any.whl")
                .file("demo-1.9-py3-none-any.whl", null, true)
                .file("demo-2.0.tar.gz");
        EnvironmentFiles view = EnvironmentFiles.of(ProjectFiles.parse("demo", files), CP312_GLIBC_2_17);
        List<String> got = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (String specifier : List.of("", ">=1", "<1.9", "==1.9", ">=2", "==1.5", ">=2.1rc1")) {
            for (Selection s : List.of(Selector.select(view, SpecifierSet.parse(specifier), false, Set.of(), Map.of()),
                    select(specifier, CP312_GLIBC_2_17))) {
                (got.size() == fresh.size() ? got : fresh).add(specifier + " -> " + s.status() + " "
                        + (s.chosen() == null ? "-" : s.chosen().filename()) + " newest allowed " + s.newestAllowed()
                        + " " + s.newestAllowedWheels() + ", newest compatible " + s.newestCompatible());
            }
        }
        assertEquals(List.of(
                " -> OLDER_WHEEL demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl newest allowed 2.0 "
                        + "[cp312-abi3-macosx_11_0_arm64, cp312-cp312-manylinux_2_28_x86_64], newest compatible 1.0",
                ">=1 -> OLDER_WHEEL demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl newest allowed 2.0 "
                        + "[cp312-abi3-macosx_11_0_arm64, cp312-cp312-manylinux_2_28_x86_64], newest compatible 1.0",
                "<1.9 -> WHEEL demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl newest allowed 1.0 "
                        + "[cp312-cp312-manylinux_2_17_x86_64], newest compatible 1.0",
                "==1.9 -> WHEEL demo-1.9-py3-none-any.whl newest allowed 1.9 [py3-none-any], newest compatible 1.0",
                ">=2 -> NO_WHEEL - newest allowed 2.0 [cp312-abi3-macosx_11_0_arm64, "
                        + "cp312-cp312-manylinux_2_28_x86_64], newest compatible 1.0",
                "==1.5 -> NO_VERSION - newest allowed null [], newest compatible 1.0",
                ">=2.1rc1 -> WHEEL demo-2.1rc1-py3-none-any.whl newest allowed 2.1rc1 [py3-none-any], "
                        + "newest compatible 1.0"), got);
        assertEquals(got, fresh);
    }
}
