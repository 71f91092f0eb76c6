package io.github.smvm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.smvm.process.ProcessResult;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of {@link PipReference} that read pip's output; the pip comparison itself runs pip. */
class PipReferenceTest {

    private static final URI INDEX = URI.create("file:///tmp/index/");

    private static String report(String name, String version, String url) {
        return "{\"version\": \"1\", \"install\": [{\"download_info\": {\"url\": \"" + url + "\"},"
                + " \"requested\": true, \"metadata\": {\"name\": \"" + name + "\", \"version\": \"" + version + "\"}}]}";
    }

    @Test
    void readsTheChoiceAndThePercentDecodedFileName() throws Exception {
        Map<String, PipReference.Choice> choices = PipReference.readReport(
                report("Foo.Bar_baz", "1.0+local", "file:///tmp/index/foo-bar-baz/foo_bar_baz-1.0%2Blocal-py3-none-any.whl"),
                INDEX, List.of("foo-bar-baz==1.0"), "run");
        assertEquals("1.0+local foo_bar_baz-1.0+local-py3-none-any.whl", choices.get("foo-bar-baz==1.0").summary());
    }

    @Test
    void failsWhenPipTookAFileFromOutsideTheTestIndex() {
        AssertionError error = assertThrows(AssertionError.class, () -> PipReference.readReport(
                report("demo", "9.0", "file:///opt/wheels/demo-9.0-py3-none-any.whl"), INDEX, List.of("demo"), "run"));
        assertTrue(error.getMessage().startsWith("pip took demo 9.0 from file:///opt/wheels/demo-9.0-py3-none-any.whl,"
                + " outside the test index file:///tmp/index/"), error.getMessage());
    }

    @Test
    void failsWhenTheReportMissesARequirement() {
        AssertionError error = assertThrows(AssertionError.class, () -> PipReference.readReport(
                report("demo", "1.0", "file:///tmp/index/demo/demo-1.0-py3-none-any.whl"), INDEX,
                List.of("demo", "other"), "run"));
        assertTrue(error.getMessage().startsWith("pip's report lists [demo] for the requirements [demo, other]"),
                error.getMessage());
    }

    @Test
    void namesTheRequirementPipCannotSatisfyByItsNormalisedProject() {
        ProcessResult failed = new ProcessResult(List.of("pip"), 1, "",
                "ERROR: Could not find a version that satisfies the requirement Foo.Bar_baz>=2 (from versions: 1.0)\n"
                        + "ERROR: No matching distribution found for Foo.Bar_baz>=2\n", false, false, Duration.ZERO);
        assertEquals("foo-bar-baz>=2", PipReference.unsatisfied(List.of("demo", "foo-bar-baz>=2"), failed));
        ProcessResult other = new ProcessResult(List.of("pip"), 2, "", "ERROR: unknown option\n", false, false,
                Duration.ZERO);
        assertThrows(AssertionError.class, () -> PipReference.unsatisfied(List.of("demo"), other));
    }

    @Test
    void putsEachProjectOnceInABatch() {
        assertEquals(List.of(List.of("a", "B>=1", "c"), List.of("b<3")),
                PipReference.batches(List.of("a", "B>=1", "b<3", "c")));
    }
}
