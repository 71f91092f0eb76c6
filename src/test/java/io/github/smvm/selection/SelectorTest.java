package io.github.smvm.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.smvm.index.IndexFile;
import io.github.smvm.pep440.SpecifierSet;
import io.github.smvm.pep440.Version;
import io.github.smvm.tags.TargetId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectorTest {

    private static final SelectionEnvironment CP312 = new SelectionEnvironment(
            TargetId.parse("cp312-manylinux_2_17_x86_64").supportedTags(), Version.parse("3.12"),
            "cp312 manylinux_2_17_x86_64");

    private static final List<IndexFile> DEMO = List.of(file("demo-1.0-py3-none-any.whl"),
            file("demo-2.0-py3-none-any.whl"), file("demo-2.0.tar.gz"));

    private static IndexFile file(String name) {
        return IndexFile.plain(name, URI.create("https://files.example/" + name));
    }

    private static Selection select(String specifier, Map<Version, String> metadataRequiresPython) {
        return Selector.select("demo", SpecifierSet.parse(specifier), false, DEMO, CP312, Set.of(),
                metadataRequiresPython);
    }

    @Test
    void skipsAVersionWhoseWheelMetadataRequiresAnotherPython() {
        assertEquals("demo-2.0-py3-none-any.whl", select("", Map.of()).chosen().filename());

        Selection selection = select("", Map.of(Version.parse("2.0"), ">=3.14"));
        // like a version the index marks: neither its wheel nor its sdist is allowed any more
        assertEquals(Status.WHEEL, selection.status());
        assertEquals("demo-1.0-py3-none-any.whl", selection.chosen().filename());
        assertEquals(Version.parse("1.0"), selection.newestAllowed());
    }

    @Test
    void namesTheMetadataRequiresPythonWhenItLeavesNoVersion() {
        Selection selection = select("==2.0", Map.of(Version.parse("2.0"), ">=3.14"));
        assertEquals(Status.NO_VERSION, selection.status());
        assertEquals("demo 2.0 requires Python >=3.14 (in its metadata) and no allowed version supports Python 3.12",
                selection.reason());
    }

    @Test
    void ignoresAMissingOrInvalidMetadataRequiresPythonAsPipDoes() {
        java.util.HashMap<Version, String> none = new java.util.HashMap<>();
        none.put(Version.parse("2.0"), null);
        assertEquals("demo-2.0-py3-none-any.whl", select("", none).chosen().filename());
        assertEquals("demo-2.0-py3-none-any.whl", select("", Map.of(Version.parse("2.0"), "~=3")).chosen().filename());
        assertEquals("demo-2.0-py3-none-any.whl",
                select("", Map.of(Version.parse("2.0"), ">=3.12")).chosen().filename());
    }
}
