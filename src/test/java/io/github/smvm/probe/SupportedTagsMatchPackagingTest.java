package io.github.smvm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.smvm.pep440.Version;
import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import io.github.smvm.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The tag list derived from a real probe equals, in order, what {@code packaging.tags.sys_tags()}
 * returns inside the same interpreter, for every CPython 3 interpreter discovery finds on this machine.
 *
 * <p>Two references: the interpreter's own pip-vendored {@code packaging}, and the newest vendored
 * {@code packaging} found on the machine (copied out of that pip and run inside each interpreter that
 * can import it). Our generation follows current packaging; packaging 21.x (vendored by pip before
 * 24.1) did not yet list the interpreter-specific {@code cpXY-none-any} tag, and that single,
 * documented difference is the only one allowed against an older reference.
 */
class SupportedTagsMatchPackagingTest {

    private static final String SYS_TAGS = "import sys\n"
            + "if len(sys.argv) > 1: sys.path.insert(0, sys.argv[1])\n"
            + "try:\n"
            + "    from packaging import tags, __version__ as v\n"
            + "except ImportError:\n"
            + "    from pip._vendor.packaging import tags, __version__ as v\n"
            + "sys.stdout.write(v + '\\n' + '\\n'.join(str(t) for t in tags.sys_tags()) + '\\n')\n";

    private static Prober prober;
    private static List<FoundInterpreter> cpythons;
    private static Path newestPackaging;
    private static String newestPackagingVersion;

    @BeforeAll
    static void discover(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        prober = new Prober(Duration.ofSeconds(30));
        DiscoveryResult result = Discovery.system(prober).findAll();
        cpythons = result.found().stream()
                .filter(f -> f.info().implementationName().equals("cpython") && f.info().version().major() == 3)
                .toList();
        // the newest pip-vendored packaging on the machine, copied so that `import packaging` finds it
        Optional<FoundInterpreter> newest = cpythons.stream()
                .filter(f -> f.info().pipLocation() != null)
                .filter(f -> Files.isDirectory(f.info().pipLocation().resolve("_vendor/packaging")))
                .max(Comparator.comparing(f -> Version.parse(f.info().pipVersion())));
        if (newest.isPresent()) {
            Path source = newest.get().info().pipLocation().resolve("_vendor/packaging");
            newestPackaging = temp.resolve("newest");
            copyTree(source, newestPackaging.resolve("packaging"));
            newestPackagingVersion = run(newest.get().executable(), newestPackaging).get(0);
        }
    }

    @AfterAll
    static void close() {
        prober.close();
    }

    @TestFactory
    Stream<DynamicTest> tagsEqualTheInterpretersOwnPackaging() {
        assumeTrue(!cpythons.isEmpty(), "needs a CPython 3 interpreter that discovery can find; none found");
        return cpythons.stream().map(found -> DynamicTest.dynamicTest(found.describe(), () -> {
            List<String> reference = run(found.executable(), null);
            assumeTrue(reference != null, "the pip in " + found.executable()
                    + " vendors a packaging without a tags module (pip " + found.info().pipVersion() + ")");
            compare(found, reference);
        }));
    }

    @TestFactory
    Stream<DynamicTest> tagsEqualTheNewestPackagingOnTheMachine() {
        assumeTrue(newestPackaging != null, "needs a CPython 3 with pip on this machine; none found");
        return cpythons.stream().map(found -> DynamicTest.dynamicTest(found.describe(), () -> {
            List<String> reference = run(found.executable(), newestPackaging);
            assumeTrue(reference != null, "packaging " + newestPackagingVersion + " cannot run on Python "
                    + found.info().version());
            compare(found, reference);
        }));
    }

    private static void compare(FoundInterpreter found, List<String> reference) {
        Version packagingVersion = Version.parse(reference.get(0));
        List<String> expected = reference.subList(1, reference.size());
        List<String> ours = new ArrayList<>(found.info().tagEnvironment().tags().stream().map(Tag::toString).toList());
        if (packagingVersion.compareTo(Version.parse("22")) < 0) {
            String interpreterNoneAny = found.info().tagEnvironment().interpreter().tag() + "-none-any";
            ours.remove(interpreterNoneAny);
        }
        assertEquals(String.join("\n", expected), String.join("\n", ours),
                "tags of " + found.describe() + " against packaging " + packagingVersion);
    }

    /** First line: packaging's version; then the tags. Null when that packaging cannot be imported. */
    private static List<String> run(Path python, Path packagingDir) throws Exception {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-E", "-s", "-c", SYS_TAGS));
        if (packagingDir != null) {
            command.add(packagingDir.toString());
        }
        ProcessResult result = ProcessRunner.system().run(ProcessSpec.builder(command)
                .removeEnvironmentPrefix("PYTHON").removeEnvironmentPrefix("PIP_")
                .timeout(Duration.ofSeconds(60)).build());
        if (result.exitCode() != 0) {
            return null;
        }
        return Arrays.asList(result.stdout().split("\n"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.toString().endsWith(".pyc")) {
                    Files.copy(file, target);
                }
            }
        }
    }
}
