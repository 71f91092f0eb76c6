package io.github.smvm.probe;

import io.github.smvm.testing.PyenvInterpreters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Probes every real interpreter found under pyenv and checks facts known independently. */
@EnabledOnOs(OS.LINUX)
class RealInterpretersTest {

    private static final Prober PROBER = new Prober(Duration.ofSeconds(60));

    @AfterAll
    static void close() {
        PROBER.close();
    }

    /** glibc version as reported by {@code ldd --version}, e.g. "2.36". */
    static Optional<String> lddGlibc() {
        try {
            ProcessResult r = ProcessRunner.system().run(ProcessSpec.builder("ldd", "--version")
                    .timeout(Duration.ofSeconds(10)).build());
            Matcher m = Pattern.compile("(?i)(?:glibc|gnu libc).*?(\\d+\\.\\d+)\\s*$", Pattern.MULTILINE)
                    .matcher(r.stdout() + r.stderr());
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPyenvInterpreterProbes() {
        List<Path> all = PyenvInterpreters.all();
        assumeTrue(!all.isEmpty(), "needs interpreters under " + PyenvInterpreters.root() + "/versions");
        Optional<String> glibc = lddGlibc();
        return all.stream().map(py -> DynamicTest.dynamicTest(py.toString(), () -> {
            String dirName = py.getParent().getParent().getFileName().toString();
            boolean freeThreadedBuild = dirName.endsWith("t");
            dirName = freeThreadedBuild ? dirName.substring(0, dirName.length() - 1) : dirName;
            InterpreterInfo info = PROBER.probe(py);
            assertEquals(dirName, info.version().toString());
            assertEquals(py, info.executable());
            assertEquals(py.getParent().getParent(), info.prefix());
            assertFalse(info.inVirtualEnvironment());
            assertEquals(64, info.pointerBits());
            assertEquals("cpython", info.implementationName());
            assertEquals("CPython", info.pythonImplementation());
            assertEquals("posix", info.osName());
            assertEquals("Linux", info.platformSystem());
            assertTrue(info.sysPlatform().startsWith("linux"), info.sysPlatform());
            assertTrue(info.sysconfigPlatform().startsWith("linux-"), info.sysconfigPlatform());
            assertEquals("glibc", info.libc().family());
            glibc.ifPresent(v -> assertEquals(v, info.libc().version()));
            assertNull(info.macosVersion());
            assertEquals(freeThreadedBuild, info.freeThreaded());
            String mm = info.version().majorMinor();
            assertEquals(mm, info.markers().get("python_version").orElseThrow());
            assertEquals(dirName, info.markers().get("python_full_version").orElseThrow());
            assertEquals(info.platformMachine(), info.markers().get("platform_machine").orElseThrow());
            assertEquals(11, info.markers().asMap().size(), info.markers().toString());
            if (info.version().major() == 2) {
                assertNull(info.cacheTag());
                assertEquals("", info.markers().get("implementation_name").orElseThrow());
                assertEquals("0", info.markers().get("implementation_version").orElseThrow());
                assertEquals("linux2", info.sysPlatform());
            } else {
                String nodot = info.version().major() + "" + info.version().minor();
                assertEquals("cpython-" + nodot + (freeThreadedBuild ? "t" : ""), info.cacheTag());
                assertTrue(info.soabi().startsWith("cpython-" + nodot), info.soabi());
                assertTrue(info.extSuffix().startsWith(".cpython-" + nodot), info.extSuffix());
                assertNotNull(info.abiFlags());
                assertEquals(info.version().minor() <= 7 ? "m" : freeThreadedBuild ? "t" : "",
                        info.abiFlags());
                assertEquals("cpython", info.markers().get("implementation_name").orElseThrow());
            }
            if (info.pipVersion() != null) {
                assertTrue(info.pipVersion().matches("\\d+(\\.\\d+)*.*"), info.pipVersion());
                assertTrue(info.pipLocation().startsWith(info.prefix()), info.pipLocation().toString());
            }
            assertTrue(info.summary().contains(dirName), info.summary());
        }));
    }

    /** The marker environment equals what pip's vendored packaging computes in the same interpreter. */
    @TestFactory
    Stream<DynamicTest> markersEqualPackagingDefaultEnvironment() {
        List<Path> all = PyenvInterpreters.all();
        assumeTrue(!all.isEmpty(), "needs interpreters under " + PyenvInterpreters.root() + "/versions");
        String code = "import json, sys\n"
                + "from pip._vendor.packaging.markers import default_environment\n"
                + "sys.stdout.write(json.dumps(default_environment()))\n";
        return all.stream().map(py -> DynamicTest.dynamicTest(py.toString(), () -> {
            InterpreterInfo info = PROBER.probe(py);
            assumeTrue(info.pipVersion() != null, "needs pip in " + py);
            ProcessResult r = ProcessRunner.system().run(ProcessSpec.builder(py.toString(), "-E", "-s", "-c", code)
                    .removeEnvironmentPrefix("PYTHON").removeEnvironmentPrefix("PIP_")
                    .timeout(Duration.ofSeconds(60)).build());
            assumeTrue(r.exitCode() == 0, "pip in " + py + " vendors no usable packaging: " + r.stderr());
            java.util.Map<String, String> expected = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(r.stdout(), new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, String>>() { });
            assertEquals(new java.util.TreeMap<>(expected), info.markers().asMap());
        }));
    }

    @Test
    void virtualEnvironmentIsRecognised(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Optional<Path> base = PyenvInterpreters.version("3.12.");
        if (base.isEmpty()) {
            base = PyenvInterpreters.all().stream().filter(p -> !p.toString().contains("/2.")).reduce((a, b) -> b);
        }
        assumeTrue(base.isPresent(), "needs a CPython 3 under " + PyenvInterpreters.root() + "/versions");
        Path venv = tmp.resolve("my venv");
        ProcessResult r = ProcessRunner.system().run(ProcessSpec.builder(base.get().toString(), "-m", "venv",
                "--without-pip", venv.toString()).removeEnvironmentPrefix("PYTHON")
                .timeout(Duration.ofSeconds(120)).build());
        assertEquals(0, r.exitCode(), r.describe());
        Path venvPython = venv.resolve("bin").resolve("python");
        InterpreterInfo info = PROBER.probe(venvPython);
        assertTrue(info.inVirtualEnvironment());
        assertEquals(venv, info.prefix());
        assertEquals(base.get().getParent().getParent(), info.basePrefix());
        assertEquals(venvPython, info.executable());
        assertNull(info.pipVersion(), "venv was created without pip");
    }

    @Test
    void python312IsProbedWhenPresent() throws Exception {
        Optional<Path> py = PyenvInterpreters.version("3.12.");
        assumeTrue(py.isPresent(), "needs CPython 3.12 under " + PyenvInterpreters.root() + "/versions");
        InterpreterInfo info = PROBER.probe(py.get());
        assertEquals(3, info.version().major());
        assertEquals(12, info.version().minor());
    }

    @Test
    void python27IsProbedWhenPresent() throws Exception {
        Optional<Path> py = PyenvInterpreters.version("2.7.");
        assumeTrue(py.isPresent(), "needs CPython 2.7 under " + PyenvInterpreters.root() + "/versions");
        InterpreterInfo info = PROBER.probe(py.get());
        assertEquals(2, info.version().major());
        assertNull(info.soabi());
    }

    @Test
    void freeThreadedPythonReportsIt() throws Exception {
        Optional<Path> py = PyenvInterpreters.all().stream()
                .filter(p -> p.getParent().getParent().getFileName().toString().endsWith("t"))
                .findFirst();
        assumeTrue(py.isPresent(), "needs a free-threaded CPython (3.13t or later), not installed here");
        assertTrue(PROBER.probe(py.get()).freeThreaded());
    }

    @Test
    void python314IsProbedWhenPresent() throws Exception {
        Optional<Path> py = PyenvInterpreters.version("3.14.");
        assumeTrue(py.isPresent(), "needs CPython 3.14 under " + PyenvInterpreters.root() + "/versions");
        assertEquals(14, PROBER.probe(py.get()).version().minor());
    }
}
